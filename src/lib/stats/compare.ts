import { SMALL_NUMBER } from './small-number';

export interface Proportion {
	successes: number;
	n: number;
}

/**
 * What a comparison of two rates says, as data: the words for it live in the phrasebook only.
 * `too_few`: fewer than SMALL_NUMBER on either side, so no test is made.
 */
export type Verdict = 'higher' | 'lower' | 'no_clear_difference' | 'too_few';
export const verdicts = ['higher', 'lower', 'no_clear_difference', 'too_few'] as const satisfies readonly Verdict[];

/** A verdict with the numbers behind it: a metric's typed field (`versus_rest`, `versus_previous`). */
export interface Versus {
	verdict: Verdict;
	rate: number;
	n: number;
	/** The rate and base of what the group is compared with (the rest of the school, the previous period). */
	other_rate: number | null;
	other_n: number;
	/** Roughly how many more at the same rate would show a clear difference, when there is none yet; null when a difference is shown or none would be. */
	more_needed: number | null;
}

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
 * Fewer than SMALL_NUMBER on either side is too few to test.
 */
export function compareRates(group: Proportion, other: Proportion): Verdict {
	if (group.n < SMALL_NUMBER || other.n < SMALL_NUMBER) return 'too_few';
	const z = zOf(group, other);
	return z > 1.96 ? 'higher' : z < -1.96 ? 'lower' : 'no_clear_difference';
}

/** A group against another, independent one: the verdict with its numbers; null when the group has none counted. */
export function versus(group: Proportion, other: Proportion): Versus | null {
	if (group.n <= 0) return null;
	const verdict = compareRates(group, other);
	return {
		verdict,
		rate: group.successes / group.n,
		n: group.n,
		other_rate: other.n > 0 ? other.successes / other.n : null,
		other_n: other.n,
		more_needed: verdict === 'higher' || verdict === 'lower' ? null : moreNeeded(group, other)
	};
}

/**
 * A group against the rest of a whole it is part of (its own counts taken out); null when the group
 * has none counted or is the whole (there is no rest to compare with).
 */
export function versusRest(whole: Proportion, group: Proportion): Versus | null {
	const rest = restOf(whole, group);
	if (rest.n <= 0 || rest.successes < 0 || rest.successes > rest.n) return null;
	return versus(group, rest);
}

/** The rest of a whole once a group is taken out of it (an intervention's targets out of the school's). */
export const restOf = (whole: Proportion, group: Proportion): Proportion => ({ successes: whole.successes - group.successes, n: whole.n - group.n });

/**
 * Roughly how many more reviewed targets the group would need, at the same rate, before a gap of
 * this size would count as a clear difference; null when the rates are equal or even 1,000 more
 * would not.
 */
export function moreNeeded(group: Proportion, other: Proportion, limit = 1000): number | null {
	if (group.n <= 0 || other.n < SMALL_NUMBER) return null;
	const p = group.successes / group.n;
	if (p === other.successes / other.n) return null;
	for (let extra = 0; extra <= limit; extra++) {
		const n = Math.max(group.n + extra, SMALL_NUMBER);
		const v = compareRates({ successes: p * n, n }, other);
		if (v === 'higher' || v === 'lower') return n - group.n;
	}
	return null;
}

/** Two-sided 97.5th percentiles of Student's t for 1–30 degrees of freedom; beyond, the normal 1.96 is close enough. */
const T975 = [
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045,
	2.042
];

/** 95% interval of a mean from n values with sample standard deviation sd (t distribution); null under 2 values. */
export function meanInterval(mean: number | null, sd: number | null, n: number): { low: number; high: number } | null {
	if (mean === null || sd === null || n < 2 || !Number.isFinite(sd)) return null;
	const t = n - 1 <= 30 ? T975[n - 2] : 1.96;
	const half = (t * sd) / Math.sqrt(n);
	return { low: mean - half, high: mean + half };
}

/** What a mean gain's 95% interval says, as data: above no change, below it, across it, or too few to tell. */
export type GainVerdict = 'improvement' | 'decline' | 'no_clear_change' | 'too_few';

/** The interval must leave out no change before a gain is called an improvement or a decline; under SMALL_NUMBER values nothing is claimed. */
export function gainVerdict(interval: { low: number; high: number } | null, n: number): GainVerdict {
	if (!interval || n < SMALL_NUMBER) return 'too_few';
	return interval.low > 0 ? 'improvement' : interval.high < 0 ? 'decline' : 'no_clear_change';
}
