import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import type { Db } from '../../src/lib/db/types';
import { isPersonalHeader, personalValuePatterns, valueHitSql } from '../../src/lib/import/personal';
import { lit } from '../../src/lib/validate/sql-text';
import { importText } from './load';

// The personal-data guard, as tables of real headers and cells: what it must stop and what it must let through.
const personalHeaders = [
	'Name', 'Forename', 'Surname', "Child's name", 'Child’s Name', 'Legal Surname', 'First name(s)', 'First Name', 'Given name',
	'Middle names', 'Preferred Surname', 'Known as', 'Pupil name', 'Full name', 'Date of birth (DOB)', 'DOB', 'Birth date', 'D.O.B.',
	'Pupil UPN', 'UPN', 'Former UPN', 'ULN', 'Unique Pupil Number', 'Address 1', 'Home address', 'Address line 2', 'Postcode',
	'Post code', 'Email', 'E-mail', 'Parent email address', 'Phone', 'Telephone', 'Mobile', 'Mobile number', 'Contact number',
	'NHS number', 'NHS No.', 'Parent/carer name', 'Surname, Forename'
];
const ordinaryHeaders = [
	'pupil_id', 'School name', 'Intervention name', 'Name of intervention', 'Programme name', 'Group name', 'Measure name', 'Year group',
	'SEN stage', 'Primary need', 'Target', 'Target text', 'Outcome', 'Review date', 'Start date', 'Cost (£)', 'Funding stream',
	'Delivered by', 'Staff role', 'Notes', 'Comments', 'Next steps', 'Area of need', 'Plan number', 'Hourly rate', 'Attendance %',
	'Entry score', 'Exit score', 'Wave', 'Case holder'
];

const personalValues: [string, string][] = [
	['020 7946 0958', 'phone number'], ['+44 20 7946 0958', 'phone number'], ['(01603) 704070', 'phone number'],
	['+44 (0)1603 704070', 'phone number'], ['07700 900123', 'phone number'], ['07700900123', 'phone number'],
	['+447700900123', 'phone number'], ['01603.704.070', 'phone number'], ['0161-496-0000', 'phone number'],
	['call mum on 07700 900 123 after 3', 'phone number'], ['Tel: 0113 496 0000', 'phone number'], ['(0161) 496 0000', 'phone number'],
	['A123456789012', 'UPN'], ['K801200001001', 'UPN'], ['UPN A12345678901B noted', 'UPN'], ['see a123456789012.', 'UPN'],
	['parent@example.org', 'email address'], ['Email j.smith@school.sch.uk for info', 'email address'], ['x_y+z@mail.co.uk', 'email address'],
	['NR4 7TJ', 'postcode'], ['SW1A 1AA', 'postcode'], ['M1 1AE', 'postcode'], ['lives at 10 High St, B2 4QA', 'postcode'],
	['EC1A1BB', 'postcode'], ['LS1 4DY', 'postcode'], ['CR2 6XH', 'postcode'],
	['9434765918', 'ULN'], ['ULN 9434765918 on file', 'ULN'], ['943 476 5919', 'NHS number'], ['NHS no 485-777-3456', 'NHS number']
];
const ordinaryValues = [
	'Y4 2nd half term', 'KS2 1st assessment', 'B2 3rd attempt', 'Year 6 3rd term', 'KS1 2nd phonics screening', 'Y3 4th week',
	'[Pupil] will read 20 words', 'Lexia Core5 level 12', 'Read Write Inc set 3', 'NELI 20 week programme', 'TTRS 3rd session',
	'Wave 2', 'Precision Teaching 3 x 10 min', 'SALT programme block 2', 'ELSA 6 sessions', 'Nessy 2nd spelling unit',
	'08/09/2025', '2025-09-08', '8 Sep 2025', '£1,200.50', '1200', '85%', 'P0001', 'PL-2025-001', 'T123', 'standardised_score 85 to 92',
	'score 100 110 95', 'Boxall profile 12', 'reading age 7y 6m', 'cycle 3 of 4', '3000000000', '2147483648', 'B2 3rd', '1234567890'
];

describe('personal-data guard: column names by meaning', () => {
	it.each(personalHeaders)('flags the header %s', (h) => expect(isPersonalHeader(h)).toBe(true));
	it.each(ordinaryHeaders)('lets the header %s through', (h) => expect(isPersonalHeader(h)).toBe(false));
});

describe('personal-data guard: value shapes (the SQL the import runs)', () => {
	let db: Db;
	const kindsOf = async (cell: string) => {
		const sel = personalValuePatterns.map((p, i) => `${valueHitSql(lit(cell), p)} AS k${i}`).join(', ');
		const [row] = await db.query<Record<string, boolean>>(`SELECT ${sel}`);
		return personalValuePatterns.filter((_, i) => row[`k${i}`]).map((p) => p.kind);
	};
	beforeAll(async () => {
		db = await openTestDb();
	});

	it('has at least 30 cases each way', () => {
		expect(personalValues.length).toBeGreaterThanOrEqual(30);
		expect(ordinaryValues.length).toBeGreaterThanOrEqual(30);
	});
	it.each(personalValues)('flags %s as a %s', async (cell, kind) => expect(await kindsOf(cell)).toContain(kind));
	it.each(ordinaryValues)('lets %s through', async (cell) => expect(await kindsOf(cell)).toEqual([]));
});

describe('personal-data guard: when the pupil id itself is a UPN', () => {
	const pupils = 'pupil_id,year_group,sen_stage\nA123456789012,3,K\nB123456789013,4,K\n';

	it('says the id must be a pseudonym, and dropping the column refuses the file with that advice instead of loading nothing silently', async () => {
		await expect(importText({ 'pupils.csv': pupils })).rejects.toThrow(/pupil_id must be a pseudonym, not a UPN/);
		const { plan, summary } = await importText({ 'pupils.csv': pupils }, { drop: true });
		expect(plan.sources[0].refused).toMatch(/^pupils\.csv: pupil_id must be a pseudonym, not a UPN or other real identifier\. Replace the ids/);
		expect(summary.tables).toEqual({});
	});

	it('does not show the values of a column whose header means personal data, and exempts contract columns', async () => {
		const { plan } = await importText({ 'pupils.csv': "pupil_id,year_group,sen_stage,Child's name,Pupil UPN\nP1,3,K,Amy,X\n" }, { drop: true });
		expect(plan.sources[0].personal.map((p) => [p.header, p.kind])).toEqual([["Child's name", 'column name'], ['Pupil UPN', 'column name']]);
	});
});
