import { describe, expect, it } from 'vitest';
import { gainWords } from '../phrasebook';
import { measureLabel } from './measures';

describe('measures in words', () => {
	it('names known measures and tidies others', () => {
		expect(measureLabel('sdq_total')).toBe('SDQ total difficulties score');
		expect(measureLabel('reading_age_months')).toBe('Reading age');
		expect(measureLabel('phonics_check_score')).toBe('Phonics check score');
	});
	it('says which way a gain went, turned round where lower is better', () => {
		// An SDQ gain of +2.3 is stored turned round: the score itself fell by 2.3, which is better.
		expect(gainWords('sdq_total', 2.3, 'improvement')).toBe('the SDQ total difficulties score fell by 2.3 points on average: an improvement');
		expect(gainWords('standardised_score', 6, 'improvement')).toBe('the standardised score rose by 6 points on average: an improvement');
		expect(gainWords('reading_age_months', -1.5, 'decline')).toBe('the reading age fell by 1.5 months on average: a decline');
		expect(gainWords('standardised_score', null)).toBe('not known');
	});
	it('calls a gain an improvement only when its verdict says so', () => {
		// A rise whose interval takes in no change is stated, not judged.
		expect(gainWords('standardised_score', 6, 'no_clear_change')).toBe('the standardised score rose by 6 points on average: no clear change yet');
		expect(gainWords('standardised_score', 6)).toBe('the standardised score rose by 6 points on average');
	});
});
