import type { Period } from './filters';

/**
 * The notional SEN threshold is a sum a year. For a year (or whole runs) it applies as it is;
 * for a term it is taken pro rata by days, so a term's costs are not set against a year's budget.
 */
export function thresholdFor(period: Period | null, perYear: number): number {
	if (!period) return perYear;
	const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
	return days >= 365 ? perYear : (perYear * days) / 365;
}
