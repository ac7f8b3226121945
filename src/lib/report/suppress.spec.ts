import { describe, expect, it } from 'vitest';
import { Suppressor } from './suppress';

describe('small-number suppression', () => {
	it('shows counts of 1 to 4 as "fewer than 5", and counts them', () => {
		const s = new Suppressor(5);
		expect([0, 1, 3, 4, 5, 1200].map((n) => s.count(n))).toEqual(['0', 'fewer than 5', 'fewer than 5', 'fewer than 5', '5', '1,200']);
		expect(s.suppressed).toBe(3);
	});

	it('withholds a rate that would give a small count away, whichever way round', () => {
		const s = new Suppressor(5);
		const cases: [number, number, string][] = [
			[3, 4, 'withheld'], // base under 5
			[1, 7, 'withheld'], // "7 reviewed, 14%" gives away 1 achieved
			[4, 5, 'withheld'], // "5 reviewed, 80%" gives away 4 achieved and 1 not
			[6, 7, 'withheld'], // 86% of 7 gives away 1 not achieved
			[0, 7, 'withheld'], // none of a group of 7: says something of every pupil in it
			[7, 7, 'withheld'], // all of them: the same
			[0, 20, '0%'], // none of 20 (four times the threshold): shown
			[20, 20, '100%'],
			[5, 10, '50%'],
			[6, 12, '50%']
		];
		expect(cases.map(([part, base]) => s.share(part, base))).toEqual(cases.map((c) => c[2]));
		expect(s.suppressed).toBe(6);
	});

	it('hides a second part of a total when only one is hidden (secondary suppression)', () => {
		const s = new Suppressor(5);
		// K 3, E 40, all 43 shown: K could be worked out as 43 − 40, so E goes too.
		expect(s.parts([3, 40])).toEqual(['fewer than 5', 'withheld']);
		// Two small parts already hide each other.
		expect(s.parts([2, 3, 30])).toEqual(['fewer than 5', 'fewer than 5', '30']);
		// One small part among several: the next smallest non-zero part is hidden with it.
		expect(s.parts([0, 2, 12, 9, 30])).toEqual(['0', 'fewer than 5', '12', 'withheld', '30']);
		expect(s.parts([6, 9])).toEqual(['6', '9']);
	});

	it('withholds money over fewer than 5 pupils', () => {
		const s = new Suppressor(5);
		expect(s.money(900, 3)).toBe('withheld');
		expect(s.money(12500, 8)).toBe('£12,500');
	});

	it('never goes below 2, so the notice is always true', () => {
		const s = new Suppressor(1);
		expect(s.threshold).toBe(2);
		expect(s.count(1)).toBe('fewer than 2');
		expect(s.note).toContain('counts from 1 to 1 are shown as "fewer than 2"');
		expect(new Suppressor(10).count(7)).toBe('fewer than 10');
	});
});
