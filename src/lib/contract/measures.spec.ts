import { describe, expect, it } from 'vitest';
import { describeGain, measureLabel } from './measures';

describe('measures in words', () => {
	it('names known measures and tidies others', () => {
		expect(measureLabel('sdq_total')).toBe('SDQ total difficulties score');
		expect(measureLabel('reading_age_months')).toBe('Reading age');
		expect(measureLabel('phonics_check_score')).toBe('Phonics check score');
	});
	it('says which way a gain went, turned round where lower is better', () => {
		// An SDQ gain of +2.3 is stored turned round: the score itself fell by 2.3, which is better.
		expect(describeGain('sdq_total', 2.3)).toBe('the SDQ total difficulties score fell by 2.3 points on average: an improvement');
		expect(describeGain('standardised_score', 6)).toBe('the standardised score rose by 6 points on average: an improvement');
		expect(describeGain('reading_age_months', -1.5)).toBe('the reading age fell by 1.5 months on average: a decline');
		expect(describeGain('standardised_score', null)).toBe('not known');
	});
});
