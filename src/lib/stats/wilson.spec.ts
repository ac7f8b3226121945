import { describe, expect, it } from 'vitest';
import { wilson } from './wilson';

describe('Wilson score interval', () => {
	it('matches hand-worked values', () => {
		// 6 of 10: p = 0.6, z = 1.96: centre (0.6 + 0.19208) / 1.38415 = 0.57223,
		// margin 1.96 * sqrt(0.024 + 0.009604) / 1.38415 = 0.25961 → 0.3127 to 0.8318.
		const ci = wilson(6, 10)!;
		expect(ci.low).toBeCloseTo(0.3127, 4);
		expect(ci.high).toBeCloseTo(0.8318, 4);
		// 1 of 1: 1 / (1 + 3.8415) = 0.2065 to 1.
		expect(wilson(1, 1)!.low).toBeCloseTo(0.2065, 4);
		expect(wilson(1, 1)!.high).toBe(1);
		expect(wilson(0, 4)!.low).toBe(0);
	});
	it('has no interval over nothing', () => {
		expect(wilson(0, 0)).toBeNull();
	});
});
