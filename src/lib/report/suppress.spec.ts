import { describe, expect, it } from 'vitest';
import { Suppressor } from './suppress';

describe('small-number suppression', () => {
	it('shows counts of 1 to 4 as "fewer than 5", and counts them', () => {
		const s = new Suppressor(5);
		expect([0, 1, 3, 4, 5, 1200].map((n) => s.count(n))).toEqual(['0', 'fewer than 5', 'fewer than 5', 'fewer than 5', '5', '1,200']);
		expect(s.suppressed).toBe(3);
	});
	it('withholds rates and money over fewer than 5', () => {
		const s = new Suppressor(5);
		expect(s.rate(0.75, 4)).toBe('withheld');
		expect(s.rate(0.6, 5)).toBe('60%');
		expect(s.money(900, 3)).toBe('withheld');
		expect(s.money(12500, 8)).toBe('£12,500');
		expect(s.suppressed).toBe(2);
	});
	it('follows an edited threshold', () => {
		const s = new Suppressor(10);
		expect(s.count(7)).toBe('fewer than 10');
	});
});
