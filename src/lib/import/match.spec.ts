import { describe, expect, it } from 'vitest';
import { mapHeaders, recogniseTable } from './match';
import { isPersonalHeader } from './personal';
import { sniffCsv } from './sniff';

describe('recognising tables and columns', () => {
	it('matches headers ignoring case, spaces, _ - . and through aliases', () => {
		expect(mapHeaders('pupils', ['Pupil ID', 'PupilID', 'Year', 'SEN.Stage', 'Gender', 'Favourite colour'])).toEqual(['pupil_id', null, 'year_group', 'sen_stage', 'sex', null]);
		expect(mapHeaders('provisions', ['Provision-ID', 'Intervention', 'Area of need', 'Hourly rate (£)', 'Sessions a week'])).toEqual([
			'provision_id',
			'intervention',
			'need_area',
			'hourly_rate_gbp',
			'sessions_per_week'
		]);
	});

	it('knows a table by file or sheet name, else by its required columns', () => {
		expect(recogniseTable('Oakfield_targets_2025.csv', [])).toBe('targets');
		expect(recogniseTable('Pupils', [])).toBe('pupils');
		// A file named by its path (a trust's folder chosen): its school's folder says nothing of its table.
		expect(recogniseTable('Provision Primary/pupils.csv', [])).toBe('pupils');
		expect(recogniseTable('Targets Academy/plans.csv', [])).toBe('plans');
		expect(recogniseTable('export1.csv', ['provision_id', 'pupil_id', 'entry_value'])).toBe('allocations');
		expect(recogniseTable('export2.csv', ['provision_id', 'intervention', 'need_area', 'start_date'])).toBe('provisions');
		expect(recogniseTable('export3.csv', ['colour', 'shape'])).toBeNull();
	});

	it('flags column names that mean personal data, but not contract columns', () => {
		for (const h of ['Name', 'Forename', 'Surname', 'Date of birth', 'DOB', 'UPN', 'ULN', 'Address', 'Postcode', 'Email', 'Phone', 'Mobile number']) {
			expect(isPersonalHeader(h), h).toBe(true);
		}
		for (const h of ['pupil_id', 'intervention', 'case_holder', 'School name']) expect(isPersonalHeader(h), h).toBe(false);
	});

	it('sniffs comma, semicolon and tab delimiters', () => {
		expect(sniffCsv('a,b\n1,2\n').delimiter).toBe(',');
		expect(sniffCsv('a;b;c\n1,5;2;3\n').delimiter).toBe(';');
		expect(sniffCsv('a\tb\n1\t2\n').headers).toEqual(['a', 'b']);
	});
});
