export interface Proportion {
	successes: number;
	n: number;
}

export type Difference = 'higher' | 'lower' | 'no clear difference';

/** Below this many on either side the test is not run: the figure says too little. */
const MIN_N = 5;

/** The two-proportion z statistic (pooled), positive when the group's rate is higher. */
function zOf(group: Proportion, other: Proportion): number {
	const pooled = (group.successes + other.successes) / (group.n + other.n);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / group.n + 1 / other.n));
	if (se === 0) return 0;
	return (group.successes / group.n - other.successes / other.n) / se;
}

/**
 * Whether a group's rate differs from another, independent group's by more than chance would
 * explain: a two-proportion z-test at 95% (|z| > 1.96). For an intervention against the school,
 * the other group is the rest of the school (its targets taken out), so the two do not overlap.
 * Fewer than 5 on either side is never called a difference.
 */
export function compareRates(group: Proportion, other: Proportion): Difference {
	if (group.n < MIN_N || other.n < MIN_N) return 'no clear difference';
	const z = zOf(group, other);
	return z > 1.96 ? 'higher' : z < -1.96 ? 'lower' : 'no clear difference';
}

/** The rest of a whole once a group is taken out of it (an intervention's targets out of the school's). */
export const restOf = (whole: Proportion, group: Proportion): Proportion => ({ successes: whole.successes - group.successes, n: whole.n - group.n });

/**
 * Roughly how many more reviewed targets the group would need, at the same rate, before a gap of
 * this size would count as a clear difference; null when the rates are equal or even 1,000 more
 * would not.
 */
export function moreNeeded(group: Proportion, other: Proportion, limit = 1000): number | null {
	if (group.n <= 0 || other.n < MIN_N) return null;
	const p = group.successes / group.n;
	if (p === other.successes / other.n) return null;
	for (let extra = 0; extra <= limit; extra++) {
		const n = Math.max(group.n + extra, MIN_N);
		if (compareRates({ successes: p * n, n }, other) !== 'no clear difference') return n - group.n;
	}
	return null;
}

/** Two-sided 97.5th percentiles of Student's t for 1–30 degrees of freedom; beyond, the normal 1.96 is close enough. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** 95% interval of a mean from n values with sample standard deviation sd (t distribution); null under 2 values. */
export function meanInterval(mean: number | null, sd: number | null, n: number): { low: number; high: number } | null {
	if (mean === null || sd === null || n < 2 || !Number.isFinite(sd)) return null;
	const t = n - 1 <= 30 ? T975[n - 2] : 1.96;
	const half = (t * sd) / Math.sqrt(n);
	return { low: mean - half, high: mean + half };
}
