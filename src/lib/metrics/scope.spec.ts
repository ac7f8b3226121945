import { describe, expect, it } from 'vitest';
import { academicYearOf, makeScope, noFilters, periodOf, previousPeriodScope, thresholdOf, withFilters } from './scope';

describe('the scope of a figure', () => {
	it("dates the term filter by the school's own terms", () => {
		// Spring 2025/26 with spring from 5 Jan and summer from 20 Apr: 5 Jan 2026 to the day before 20 Apr.
		const s = makeScope({ asOf: '2026-03-01', filters: { academicYear: '2025/26', term: 'spring' }, costing: { termDates: { spring_start: '01-05', summer_start: '04-20' } } });
		expect(periodOf(s)).toEqual({ from: '2026-01-05', to: '2026-04-19', label: 'Spring 2025/26' });
		// The default terms: spring is 1 Jan–31 Mar.
		expect(periodOf(withFilters(makeScope({ asOf: '2026-03-01' }), { academicYear: '2025/26', term: 'spring' }))).toEqual({ from: '2026-01-01', to: '2026-03-31', label: 'Spring 2025/26' });
	});

	it('has no period without a year or term; a year alone is 1 September to 31 August; a term alone is in the as-of year', () => {
		expect(periodOf(makeScope({ asOf: '2026-03-01' }))).toBeNull();
		expect(periodOf(makeScope({ asOf: '2026-03-01', filters: { academicYear: '2024/25' } }))).toEqual({ from: '2024-09-01', to: '2025-08-31', label: '2024/25' });
		expect(periodOf(makeScope({ asOf: '2025-10-01', filters: { term: 'summer' } }))).toEqual({ from: '2026-04-01', to: '2026-08-31', label: 'Summer 2025/26' });
	});

	it('puts a date in its academic year', () => {
		expect(academicYearOf('2025-08-31')).toBe('2024/25');
		expect(academicYearOf('2025-09-01')).toBe('2025/26');
		expect(academicYearOf('2099-12-31')).toBe('2099/00');
	});

	it('steps back a term, or a year', () => {
		const base = makeScope({ asOf: '2026-03-01', filters: { academicYear: '2025/26', term: 'autumn' } });
		expect(previousPeriodScope(base).filters).toMatchObject({ academicYear: '2024/25', term: 'summer' });
		expect(previousPeriodScope(withFilters(base, { term: 'spring' })).filters).toMatchObject({ academicYear: '2025/26', term: 'autumn' });
		expect(previousPeriodScope(withFilters(base, { term: null })).filters).toMatchObject({ academicYear: '2024/25', term: null });
	});

	it('takes the threshold pro rata for a term, whole for a year', () => {
		const s = makeScope({ asOf: '2026-03-01', costing: { thresholdGbp: 6000 } });
		expect(thresholdOf(s)).toBe(6000);
		expect(thresholdOf(withFilters(s, { academicYear: '2025/26' }))).toBe(6000);
		// Autumn, 1 Sep–31 Dec: 122 days of 365.
		expect(thresholdOf(withFilters(s, { academicYear: '2025/26', term: 'autumn' }))).toBeCloseTo((6000 * 122) / 365, 9);
	});

	it('keeps only valid filters and fills the rest with none', () => {
		expect(makeScope({ asOf: '2026-03-01' }).filters).toEqual(noFilters);
		expect(() => makeScope({ asOf: '2026-03-01', filters: { academicYear: '2025' } })).toThrow();
	});
});
