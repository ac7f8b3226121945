import { describe, expect, it } from 'vitest';
import { brooksBand, eefMonths, effectSize } from './gains';

describe('impact measures', () => {
	it('bands ratio gains as Brooks does', () => {
		expect([0.5, 1.39, 1.4, 1.99, 2, 2.99, 3, 3.99, 4, 7, null].map(brooksBand)).toEqual([
			'doubtful significance',
			'doubtful significance',
			'modest impact',
			'modest impact',
			'useful impact',
			'useful impact',
			'substantial impact',
			'substantial impact',
			'remarkable impact',
			'remarkable impact',
			null
		]);
	});
	it('turns a mean standardised-score gain into an effect size and EEF months', () => {
		expect(effectSize(6)).toBe(0.4);
		expect([0.01, 0.02, 0.09, 0.1, 0.18, 0.19, 0.4, 0.52, 0.53, 0.95, 0.96, 1.5, -0.2].map(eefMonths)).toEqual([0, 1, 1, 2, 2, 3, 5, 6, 7, 11, 12, 12, -3]);
	});
});
