import { describe, expect, it } from 'vitest';
import { compareRates, gainVerdict, meanInterval, moreNeeded, restOf, versusRest } from './compare';

describe('comparing a rate with the rest of the school', () => {
	it('claims no difference when a two-proportion test at 95% does not (the report once overclaimed here)', () => {
		// Nurture group 3 of 10 against the rest of a school at 43 of 100 → 40 of 90.
		// Pooled p = 43/100 = 0.43; SE = √(0.43 × 0.57 × (1/10 + 1/90)) = 0.1650; z = (0.3 − 0.4444) / 0.1650 = −0.875.
		expect(compareRates({ successes: 3, n: 10 }, restOf({ successes: 43, n: 100 }, { successes: 3, n: 10 }))).toBe('no_clear_difference');
		// Play therapy 1 of 7: z = (0.1429 − 0.4409) / √(0.43·0.57·(1/7 + 1/93)) = −1.58.
		expect(compareRates({ successes: 1, n: 7 }, restOf({ successes: 43, n: 100 }, { successes: 1, n: 7 }))).toBe('no_clear_difference');
	});
	it('says lower or higher only when |z| > 1.96, and never under 5 on a side', () => {
		// 5 of 50 against 43 of 100: pooled 48/150 = 0.32; SE = √(0.32·0.68·(1/50 + 1/100)) = 0.0808; z = (0.1 − 0.43)/0.0808 = −4.08.
		expect(compareRates({ successes: 5, n: 50 }, { successes: 43, n: 100 })).toBe('lower');
		// 45 of 50 against 43 of 100: pooled 88/150 = 0.5867; SE = 0.0852; z = (0.9 − 0.43)/0.0852 = 5.5.
		expect(compareRates({ successes: 45, n: 50 }, { successes: 43, n: 100 })).toBe('higher');
		// Under 5 on either side no test is made, however wide the gap.
		expect(compareRates({ successes: 0, n: 4 }, { successes: 43, n: 100 })).toBe('too_few');
		expect(compareRates({ successes: 40, n: 100 }, { successes: 0, n: 4 })).toBe('too_few');
	});
	it('gives the verdict with the numbers behind it, and none where there is no rest', () => {
		// 15 of 20 (75%) against the other 28 of 80 (35%): pooled 43%, SE √(0.43 × 0.57 × (1/20 + 1/80)) = 0.124, z = 3.2.
		expect(versusRest({ successes: 43, n: 100 }, { successes: 15, n: 20 })).toEqual({ verdict: 'higher', rate: 0.75, n: 20, other_rate: 0.35, other_n: 80, more_needed: null });
		// 4 of 5 (80%) against 39 of 95 (41%): SE 0.227, z = 1.7 — no clear difference yet, and some more would show one.
		const close = versusRest({ successes: 43, n: 100 }, { successes: 4, n: 5 })!;
		expect(close.verdict).toBe('no_clear_difference');
		expect(close.more_needed).toBeGreaterThan(0);
		expect(versusRest({ successes: 43, n: 100 }, { successes: 2, n: 4 })!.verdict).toBe('too_few');
		expect(versusRest({ successes: 43, n: 100 }, { successes: 0, n: 0 })).toBeNull();
		expect(versusRest({ successes: 43, n: 100 }, { successes: 43, n: 100 })).toBeNull();
	});
	it('says how many more reviewed targets would show a gap of this size', () => {
		const other = { successes: 40, n: 90 };
		const extra = moreNeeded({ successes: 3, n: 10 }, other)!;
		expect(extra).toBeGreaterThan(0);
		const n = 10 + extra;
		expect(compareRates({ successes: 0.3 * n, n }, other)).toBe('lower');
		expect(compareRates({ successes: 0.3 * (n - 1), n: n - 1 }, other)).toBe('no_clear_difference');
		expect(moreNeeded({ successes: 40, n: 90 }, other)).toBeNull();
	});
});

describe('interval of a mean gain', () => {
	it('uses t with n − 1 degrees of freedom', () => {
		// mean 6, sd 4, n 5: t(4) = 2.776; half-width 2.776 × 4 / √5 = 4.966.
		const ci = meanInterval(6, 4, 5)!;
		expect(ci.low).toBeCloseTo(1.034, 3);
		expect(ci.high).toBeCloseTo(10.966, 3);
		expect(meanInterval(6, null, 1)).toBeNull();
	});
});

describe('what a mean gain says', () => {
	it('calls a gain an improvement or a decline only when its interval leaves out no change, and never under 5 values', () => {
		expect(gainVerdict({ low: 0.5, high: 3 }, 8)).toBe('improvement');
		expect(gainVerdict({ low: -3, high: -0.5 }, 8)).toBe('decline');
		expect(gainVerdict({ low: -1, high: 3 }, 8)).toBe('no_clear_change');
		expect(gainVerdict({ low: 0.5, high: 3 }, 4)).toBe('too_few');
		expect(gainVerdict(null, 1)).toBe('too_few');
	});
});
