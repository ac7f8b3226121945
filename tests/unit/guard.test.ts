import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import type { Db } from '../../src/lib/db/types';
import { decodeSteps } from '../../src/lib/import/decode';
import { isPersonalHeader, personalValuePatterns, valueHitSql } from '../../src/lib/import/personal';
import { scanPersonalValues } from '../../src/lib/import/stage';
import { runAtOnce } from '../../src/lib/page-turns';
import { lit } from '../../src/lib/validate/sql-text';
import { demoFolder, fixture, importText } from './load';

// The personal-data guard, as tables of real headers and cells: what it must stop and what it must let through.
const personalHeaders = [
	'Name',
	'Forename',
	'Surname',
	"Child's name",
	'Child’s Name',
	'Legal Surname',
	'First name(s)',
	'First Name',
	'Given name',
	'Middle names',
	'Preferred Surname',
	'Known as',
	'Pupil name',
	'Full name',
	'Date of birth (DOB)',
	'DOB',
	'Birth date',
	'D.O.B.',
	'Pupil UPN',
	'UPN',
	'Former UPN',
	'ULN',
	'Unique Pupil Number',
	'Address 1',
	'Home address',
	'Address line 2',
	'Postcode',
	'Post code',
	'Email',
	'E-mail',
	'Parent email address',
	'Phone',
	'Telephone',
	'Mobile',
	'Mobile number',
	'Contact number',
	'NHS number',
	'NHS No.',
	'Parent/carer name',
	'Surname, Forename'
];
const ordinaryHeaders = [
	'pupil_id',
	'School name',
	'Intervention name',
	'Name of intervention',
	'Programme name',
	'Group name',
	'Measure name',
	'Year group',
	'SEN stage',
	'Primary need',
	'Target',
	'Target text',
	'Outcome',
	'Review date',
	'Start date',
	'Cost (£)',
	'Funding stream',
	'Delivered by',
	'Staff role',
	'Notes',
	'Comments',
	'Next steps',
	'Area of need',
	'Plan number',
	'Hourly rate',
	'Attendance %',
	'Entry score',
	'Exit score',
	'Wave',
	'Case holder'
];

const personalValues: [string, string][] = [
	['020 7946 0958', 'phone number'],
	['+44 20 7946 0958', 'phone number'],
	['(01603) 704070', 'phone number'],
	['+44 (0)1603 704070', 'phone number'],
	['07700 900123', 'phone number'],
	['07700900123', 'phone number'],
	['+447700900123', 'phone number'],
	['01603.704.070', 'phone number'],
	['0161-496-0000', 'phone number'],
	['call mum on 07700 900 123 after 3', 'phone number'],
	['Tel: 0113 496 0000', 'phone number'],
	['(0161) 496 0000', 'phone number'],
	['A123456789012', 'UPN'],
	['K801200001001', 'UPN'],
	['UPN A12345678901B noted', 'UPN'],
	['see a123456789012.', 'UPN'],
	['parent@example.org', 'email address'],
	['Email j.smith@school.sch.uk for info', 'email address'],
	['x_y+z@mail.co.uk', 'email address'],
	['NR4 7TJ', 'postcode'],
	['SW1A 1AA', 'postcode'],
	['M1 1AE', 'postcode'],
	['lives at 10 High St, B2 4QA', 'postcode'],
	['EC1A1BB', 'postcode'],
	['LS1 4DY', 'postcode'],
	['CR2 6XH', 'postcode'],
	['9434765918', 'ULN'],
	['ULN 9434765918 on file', 'ULN'],
	['943 476 5919', 'NHS number'],
	['NHS no 485-777-3456', 'NHS number']
];

// The shapes the guard missed (issue 23): a postcode in lower case or with two spaces, an NHS number without spaces,
// and a labelled date of birth or address in free text.
const missedBefore: [string, string][] = [
	['nr4 7tj', 'postcode'],
	['Nr4 7tj', 'postcode'],
	['sw1a 1aa', 'postcode'],
	['ec1a 1bb', 'postcode'],
	['lives near m1 1ae', 'postcode'],
	['NR4  7TJ', 'postcode'],
	['SW1A  1AA', 'postcode'],
	['b2  4qa', 'postcode'],
	['4010232137', 'NHS number'],
	['NHS no 4857773457', 'NHS number'],
	['6010000009', 'NHS number'],
	['nhs:7120000004.', 'NHS number'],
	['DOB: 03/04/2016', 'date of birth'],
	['dob 3/4/16', 'date of birth'],
	['D.O.B. 03.04.2016', 'date of birth'],
	['DOB:3/4/2016', 'date of birth'],
	['(DOB 03-04-2016)', 'date of birth'],
	['Date of birth 3rd April 2016', 'date of birth'],
	['date of birth: 2016-04-03', 'date of birth'],
	['born on 03/04/2016 in Leeds', 'date of birth'],
	['Born 3 Apr 2016', 'date of birth'],
	['birthday 3rd April', 'date of birth'],
	['Birth date April 3, 2016', 'date of birth'],
	['lives at 12 Acacia Road', 'address'],
	['Lives at 12 acacia road with mum', 'address'],
	['living at Flat 3, 12 Mill Lane', 'address'],
	['Address: 4 Mill Lane', 'address'],
	['home address - 7 high st', 'address'],
	['now lives at 22 Church Hill', 'address'],
	['resides at 5 The Crescent', 'address'],
	['12 Acacia Avenue', 'address'],
	["4a St Mary's Road", 'address'],
	['moved to 27 Oak Tree Close in May', 'address'],
	['Walks from 9 Station Rd.', 'address']
];
// What target wordings, notes and review dates say that must still pass.
const ordinaryBefore = [
	'by 12/03/2026',
	'Review by 12/03/2026',
	'to be reviewed 03/04/2026',
	'Year 2',
	'Year 2 common exception words',
	'3 of 5',
	'4 out of 5 occasions',
	'Room 12',
	'Room 4B',
	'room 12b',
	'in room 2 on the 3rd floor',
	'Book 3 The Long Road',
	'will address 3 worries on the road to school',
	'lives at home with mum',
	'Lives at 2 homes (shared care)',
	'walks 2 laps of the playground',
	'S1 2nd term',
	'L4 1st',
	'm1 4th week',
	'n2 3rd',
	'b3f9ab',
	'ab12de',
	'Wave 3 Group 2',
	'born to read',
	'birthday party on Friday',
	'DOB not recorded',
	'Date of birth checked',
	'12 Days of Christmas',
	'NHS number on file',
	'pupil 4010232138',
	'6000000000',
	'Stage 2 Close Reading',
	'3 x 10 min',
	'KS2 SATs on 12/05/2026',
	'Spring 2 2026',
	'sessions 1-3 of 6',
	'reading age 7.6 on 03/04/2026',
	'Boxall 12 on 1st Oct 2025'
];
const ordinaryValues = [
	'Y4 2nd half term',
	'KS2 1st assessment',
	'B2 3rd attempt',
	'Year 6 3rd term',
	'KS1 2nd phonics screening',
	'Y3 4th week',
	'[Pupil] will read 20 words',
	'Lexia Core5 level 12',
	'Read Write Inc set 3',
	'NELI 20 week programme',
	'TTRS 3rd session',
	'Wave 2',
	'Precision Teaching 3 x 10 min',
	'SALT programme block 2',
	'ELSA 6 sessions',
	'Nessy 2nd spelling unit',
	'08/09/2025',
	'2025-09-08',
	'8 Sep 2025',
	'£1,200.50',
	'1200',
	'85%',
	'P0001',
	'PL-2025-001',
	'T123',
	'standardised_score 85 to 92',
	'score 100 110 95',
	'Boxall profile 12',
	'reading age 7y 6m',
	'cycle 3 of 4',
	'3000000000',
	'2147483648',
	'B2 3rd',
	'1234567890'
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
	it.each(missedBefore)('flags %s as a %s (issue 23)', async (cell, kind) => expect(await kindsOf(cell)).toContain(kind));
	it.each(ordinaryBefore)('still lets %s through', async (cell) => expect(await kindsOf(cell)).toEqual([]));
});

describe('personal-data guard: the shapes it missed, in an import (issue 23)', () => {
	const pupils = 'pupil_id,year_group,sen_stage,notes\nP1,3,K,postcode nr4 7tj\nP2,4,K,NHS 4010232137\nP3,5,K,seen 12/03/2026\n';
	const plans = 'plan_id,pupil_id,start_date,review_due\nPL1,P1,08/09/2025,28/11/2025\n';
	const targets =
		'target_id,plan_id,need_area,target_text\nT1,PL1,SEMH,"[Pupil] (DOB: 03/04/2016) will read 20 words by 12/03/2026"\nT2,PL1,SEMH,"[Pupil], who lives at 12 Acacia Road, will walk in"\nT3,PL1,SEMH,[Pupil] will read 20 words by 12/03/2026\n';
	const files = { 'pupils.csv': pupils, 'plans.csv': plans, 'targets.csv': targets };

	it('stops the import, naming each column and the shape, masking the values, and loads nothing', async () => {
		const error = await importText(files).then(
			() => null,
			(e: Error) => e.message
		);
		expect(error).toBe(
			'Personal data found, nothing loaded. pupils.csv: column "notes" holds 1 value shaped like a postcode (e.g. p••••••••••); ' +
				'pupils.csv: column "notes" holds 1 value shaped like an NHS number (e.g. N••••••••••); ' +
				'targets.csv: column "target_text" holds 1 value shaped like a date of birth (e.g. [••••••••••); ' +
				'targets.csv: column "target_text" holds 1 value shaped like an address (e.g. [••••••••••)'
		);
		expect(error).not.toMatch(/7tj|4010232137|03\/04\/2016|Acacia/);
	});

	it('with the flagged columns dropped, loads the rest and keeps none of the flagged values', async () => {
		const { db, summary } = await importText(files, { drop: true });
		expect(summary.tables.targets).toMatchObject({ read: 3, loaded: 3, rejected: 0 });
		const everything = JSON.stringify(await db.query('SELECT * FROM targets')) + JSON.stringify(await db.query('SELECT * FROM pupils')) + JSON.stringify(summary);
		expect(everything).not.toMatch(/7tj|4010232137|03\/04\/2016|Acacia/);
		// The dropped columns are said in the summary, with what they looked like, never with a value.
		expect(summary.warnings.map((w) => [w.file, w.line, w.column, w.value, w.reason])).toEqual([
			[
				'pupils.csv',
				1,
				'notes',
				'',
				'not loaded, none of its values: it looks like personal data (1 value shaped like a postcode; 1 value shaped like an NHS number) and you chose to drop such columns'
			],
			[
				'targets.csv',
				1,
				'target_text',
				'',
				'not loaded, none of its values: it looks like personal data (1 value shaped like a date of birth; 1 value shaped like an address) and you chose to drop such columns'
			]
		]);
	});
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
		expect(plan.sources[0].personal.map((p) => [p.header, p.kind])).toEqual([
			["Child's name", 'column name'],
			['Pupil UPN', 'column name']
		]);
	});
});

/**
 * Every cell we hold that is not personal data: each text file of the fixtures, the demo schools' exports, the SMART checker's labelled targets, and every string in the checker's own tests.
 */
function ordinaryCorpus(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(csv|tsv|txt)$/i.test(name)) files.push(path);
		}
	};
	walk(fixture(''));
	walk(demoFolder);
	const cells = new Set<string>();
	// Not the file made to hold personal data, nor the one made of binary bytes.
	for (const file of files.filter((f) => !/\/(personal|unreadable)\//.test(f))) {
		const { text } = runAtOnce(decodeSteps(new Uint8Array(readFileSync(file))));
		const body = text
			.split('\n')
			.filter((line) => !line.startsWith('#'))
			.join('\n');
		for (const row of Papa.parse<string[]>(body, { skipEmptyLines: true }).data) for (const cell of row) if (cell.trim()) cells.add(cell.trim());
	}
	const quality = new URL('../../src/lib/quality/', import.meta.url).pathname;
	for (const spec of readdirSync(quality).filter((n) => n.endsWith('.spec.ts'))) {
		const source = readFileSync(join(quality, spec), 'utf8');
		for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g)) {
			const cell = (m[1] ?? m[2] ?? m[3]).trim();
			if (cell) cells.add(cell);
		}
	}
	return [...cells];
}

describe('personal-data guard: no false positives on the wordings we hold', () => {
	it("lets through every cell of the fixtures, the demo data and the SMART checker's labelled targets and tests", async () => {
		const cells = [...ordinaryCorpus(), ...ordinaryValues, ...ordinaryBefore];
		// The labelled sets alone are 360 targets; the demo adds hundreds of plans' worth of wording.
		expect(cells.length).toBeGreaterThan(2500);
		expect(cells).toContain('[Pupil] will read 30 high-frequency words from flash cards with 90% accuracy');
		const db = await openTestDb();
		await db.exec('CREATE TABLE corpus (c0 VARCHAR)');
		for (let i = 0; i < cells.length; i += 500)
			await db.exec(
				`INSERT INTO corpus VALUES ${cells
					.slice(i, i + 500)
					.map((c) => `(${lit(c)})`)
					.join(', ')}`
			);
		// The scan the import runs, and (to name them if it finds any) the cells each shape would take.
		expect(await scanPersonalValues(db, 'corpus', ['c0'])).toEqual([]);
		for (const p of personalValuePatterns) expect(await db.query(`SELECT c0 FROM corpus WHERE ${valueHitSql('c0', p)}`), p.kind).toEqual([]);
	});
});
