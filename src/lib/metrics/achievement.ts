import { SMALL_NUMBER, wilson } from '../stats/wilson';

export interface StatusCounts {
	reviewed: number;
	achieved: number;
	partial: number;
	not_achieved: number;
	open: number;
	overdue: number;
}

export interface Achievement extends StatusCounts {
	achievement_rate: number | null;
	progress_rate: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** Fewer than 5 reviewed targets: the rate means little. */
	small_number: boolean;
}

/** Rates of metrics.md "Target achievement" from status counts; null where nothing was reviewed. */
export function withRates<T extends StatusCounts>(row: T): T & Achievement {
	const ci = wilson(row.achieved, row.reviewed);
	return {
		...row,
		achievement_rate: row.reviewed ? row.achieved / row.reviewed : null,
		progress_rate: row.reviewed ? (row.achieved + row.partial) / row.reviewed : null,
		ci_low: ci?.low ?? null,
		ci_high: ci?.high ?? null,
		small_number: row.reviewed < SMALL_NUMBER
	};
}
