import { describe, expect, it } from 'vitest';
import { againstRest, moreWords, verdictWords } from './against-rest';

// A school of 100 reviewed targets, 43 achieved; each group is taken out of it before the test.
const whole = { achieved: 43, reviewed: 100 };

describe('a group against the rest of the school', () => {
	it('calls a difference only when the two-proportion test at 95% does', () => {
		// 15 of 20 (75%) against the other 28 of 80 (35%): pooled 43%, SE √(0.43 × 0.57 × (1/20 + 1/80)) = 0.124, z = 3.2.
		expect(againstRest(whole, { achieved: 15, reviewed: 20 }).verdict).toBe('higher');
		// 2 of 30 (7%) against 41 of 70 (59%): SE 0.108, z = −4.8.
		expect(againstRest(whole, { achieved: 2, reviewed: 30 }).verdict).toBe('lower');
		// 4 of 5 (80%) against 39 of 95 (41%): SE 0.227, z = 1.7, under 1.96: the gap may be chance.
		const close = againstRest(whole, { achieved: 4, reviewed: 5 });
		expect(close.verdict).toBe('no clear difference');
		expect(close.more).toBeGreaterThan(0);
		expect(moreWords(close)).toMatch(/^about \d+ more reviewed targets? at this rate would show a clear difference$/);
	});

	it('makes no test under 5 reviewed targets, and none for a group with none reviewed or no rest', () => {
		expect(againstRest(whole, { achieved: 2, reviewed: 4 }).verdict).toBe('too few');
		expect(againstRest(whole, { achieved: 0, reviewed: 0 })).toEqual({ verdict: 'none', more: null });
		expect(againstRest(whole, whole).verdict).toBe('none');
		expect(verdictWords.none).toBe('—');
	});

	it('says a gap is small rather than quoting hundreds more targets, and nothing once there is a difference', () => {
		// 43 of 100 against the other 43 of 100: the same rate, so no number of targets would show a difference.
		const same = againstRest({ achieved: 86, reviewed: 200 }, { achieved: 43, reviewed: 100 });
		expect(same.verdict).toBe('no clear difference');
		expect(moreWords(same)).toBe('the gap is small: hundreds more reviewed targets would be needed to show it clearly');
		expect(moreWords(againstRest(whole, { achieved: 15, reviewed: 20 }))).toBeNull();
	});
});
