/**
 * Impact measures of domain.md "Measuring impact": ratio gain (Brooks), effect size and the EEF
 * months-of-progress table. Bands are data, so a school can be shown (and later edit) them.
 */
export const DAYS_PER_MONTH = 30.44;
export const SD_STANDARDISED = 15;

export const brooksBands = [
	{ from: 4, label: 'remarkable impact' },
	{ from: 3, label: 'substantial impact' },
	{ from: 2, label: 'useful impact' },
	{ from: 1.4, label: 'modest impact' },
	{ from: -Infinity, label: 'doubtful significance' }
] as const;

export function brooksBand(ratio: number | null): string | null {
	if (ratio === null || Number.isNaN(ratio)) return null;
	return brooksBands.find((b) => ratio >= b.from)!.label;
}

export function effectSize(meanGain: number | null): number | null {
	return meanGain === null ? null : meanGain / SD_STANDARDISED;
}

/** EEF: effect size → months of additional progress (0.02–0.09 → 1, …, 0.96+ → 12). */
const eefFrom = [0.02, 0.1, 0.19, 0.27, 0.36, 0.45, 0.53, 0.62, 0.7, 0.79, 0.88, 0.96];
export function eefMonths(effect: number | null): number | null {
	if (effect === null || Number.isNaN(effect)) return null;
	if (effect < 0) return -(eefMonths(-effect) ?? 0);
	let months = 0;
	// Effect sizes are rounded to two places before banding, as the toolkit's table is written.
	const e = Math.round(effect * 100) / 100;
	eefFrom.forEach((from, i) => {
		if (e >= from) months = i + 1;
	});
	return months;
}
