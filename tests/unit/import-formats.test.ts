import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import { decodeSteps } from '../../src/lib/import/decode';
import { runAtOnce } from '../../src/lib/page-turns';

const detectEncoding = (bytes: Uint8Array) => runAtOnce(decodeSteps(bytes)).encoding;
import { commitImport, ImportRefused, prepareImport } from '../../src/lib/import/pipeline';
import { fixture, loadFixture, summaryOf } from './load';

describe('file formats', () => {
	it('detects UTF-8 with BOM, UTF-16 with and without BOM, and Windows-1252', () => {
		const bytes = (f: string) => new Uint8Array(readFileSync(fixture(`encodings/${f}`)));
		expect(detectEncoding(bytes('pupils.csv'))).toBe('utf-8');
		expect(detectEncoding(bytes('targets.txt'))).toBe('utf-16le');
		expect(detectEncoding(bytes('allocations.csv'))).toBe('utf-16le');
		expect(detectEncoding(bytes('provisions.csv'))).toBe('windows-1252');
	});

	it('loads every encoding and delimiter of the contract with the text intact', async () => {
		const { db, plans } = await loadFixture('encodings');
		const delimiters = Object.fromEntries(plans[0].sources.map((s) => [s.file, s.delimiter]));
		expect(delimiters).toEqual({ 'allocations.csv': ',', 'plans.csv': ';', 'provisions.csv': ',', 'pupils.csv': ',', 'targets.txt': '\t' });
		expect((await summaryOf(db)).tables).toEqual({
			pupils: { read: 3, loaded: 3, rejected: 0, warnings: 0 },
			provisions: { read: 2, loaded: 2, rejected: 0, warnings: 0 },
			plans: { read: 3, loaded: 3, rejected: 0, warnings: 0 },
			targets: { read: 2, loaded: 2, rejected: 0, warnings: 0 },
			allocations: { read: 2, loaded: 2, rejected: 0, warnings: 0 }
		});
		expect(await db.query(`SELECT intervention, other_costs_gbp, hourly_rate_gbp FROM provisions ORDER BY provision_id`)).toEqual([
			{ intervention: 'Children’s talk group', other_costs_gbp: 1200.5, hourly_rate_gbp: 18.75 },
			{ intervention: 'Café club', other_costs_gbp: 45, hourly_rate_gbp: null }
		]);
		const [t] = await db.query<{ target_text: string }>(`SELECT target_text FROM targets WHERE target_id = 'ET1'`);
		expect(t.target_text).toBe('[Pupil] will say “hello” to 3 peers');
	});

	it('reads a chosen file (a Blob, as on the page) only when it reaches it, and says so when it cannot be read', async () => {
		const db = await openTestDb();
		const text = 'pupil_id,year_group,sen_stage,primary_need\nP1,Y3,K,SLCN\n';
		const gone = new Blob([text]);
		// A file moved or changed after it was chosen fails to read, as a File does in the browser.
		Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new Error('NotReadableError')) });
		const plan = await prepareImport(db, 'Blob school', [
			{ name: 'pupils.csv', bytes: new Blob([text]) },
			{ name: 'plans.csv', bytes: gone }
		]);
		expect(plan.sources.map((s) => [s.file, s.table, s.refused])).toEqual([
			['pupils.csv', 'pupils', null],
			['plans.csv', null, 'plans.csv: the file could not be read (was it moved or changed after it was chosen?); choose it again']
		]);
	});

	it('reads a workbook with a sheet per table: date cells, Excel serials, blank rows, a notes sheet', async () => {
		const { db, plans } = await loadFixture('workbook');
		const sources = plans[0].sources.map((s) => [s.file, s.table, s.refused, s.ignored]);
		expect(sources).toEqual([
			['school.xlsx › Pupils', 'pupils', null, false],
			['school.xlsx › Plans', 'plans', null, false],
			['school.xlsx › Targets', 'targets', null, false],
			['school.xlsx › Notes', null, null, true]
		]);
		const summary = await summaryOf(db);
		expect(summary.tables).toEqual({
			pupils: { read: 4, loaded: 3, rejected: 1, warnings: 0 },
			plans: { read: 3, loaded: 2, rejected: 1, warnings: 0 },
			targets: { read: 4, loaded: 3, rejected: 1, warnings: 0 }
		});
		// The blank spreadsheet row 4 still counts, so X4 is reported on row 6 as Excel shows it.
		expect(summary.rejected.map((r) => [r.file, r.line, r.column])).toEqual([
			['school.xlsx › Plans', 4, 'pupil_id'],
			['school.xlsx › Pupils', 6, 'year_group'],
			['school.xlsx › Targets', 5, 'plan_id']
		]);
		expect(await db.query(`SELECT pupil_id, year_group, sen_stage, primary_need, sen_start_date FROM pupils ORDER BY 1`)).toEqual([
			{ pupil_id: 'X1', year_group: '2', sen_stage: 'K', primary_need: 'SLCN', sen_start_date: '2024-09-02' },
			{ pupil_id: 'X2', year_group: '6', sen_stage: 'E', primary_need: 'SEMH', sen_start_date: '2024-09-04' },
			{ pupil_id: 'X3', year_group: '7', sen_stage: 'K', primary_need: 'MLD', sen_start_date: '2024-09-03' }
		]);
		expect(await db.query(`SELECT target_id, outcome FROM targets ORDER BY 1`)).toEqual([
			{ target_id: 'XT1', outcome: 'achieved' },
			{ target_id: 'XT2', outcome: 'partial' },
			{ target_id: 'XT3', outcome: null }
		]);
	});

	it('refuses a file missing a required column, naming the file and the column, and loads none of it', async () => {
		const { db, plans } = await loadFixture('missing-column');
		const targets = plans[0].sources.find((s) => s.file === 'targets.csv');
		expect(targets?.refused).toBe('targets.csv: missing required column need_area for targets');
		expect(Object.keys((await summaryOf(db)).tables)).toEqual(['pupils']);
	});

	it('counts lines as a spreadsheet does even across empty lines, and keeps empty lines inside quoted cells', async () => {
		const { db } = await loadFixture('blank-lines');
		const summary = await summaryOf(db);
		// pupils: B1 row 2, empty row 3, B2 row 4, spaces-only row 5, B3 (bad year) row 6, B4 row 7.
		expect(summary.tables.pupils).toEqual({ read: 4, loaded: 3, rejected: 1, warnings: 0 });
		expect(summary.rejected.map((r) => [r.table, r.line, r.column])).toEqual([
			['pupils', 6, 'year_group'],
			['targets', 4, 'plan_id']
		]);
		const [t] = await db.query<{ target_text: string }>(`SELECT target_text FROM targets WHERE target_id = 'TB1'`);
		expect(t.target_text).toBe('line one\n\nline three after a blank line in a cell');
	});

	it('refuses a file that is not CSV or xlsx', async () => {
		const { plans } = await loadFixture('unreadable');
		expect(plans[0].sources[0].refused).toMatch(/^pupils.csv: not a CSV or .xlsx file \(it holds binary data, not text\)/);
	});

	it('keeps two schools apart even when their ids are the same', async () => {
		const db = await openTestDb();
		await loadFixture('rules', db);
		const files = [{ name: 'pupils.csv', bytes: new Uint8Array(readFileSync(fixture('rules/pupils.csv'))) }];
		await commitImport(db, await prepareImport(db, 'Second school', files));
		const rows = await db.query(`SELECT school, count(*)::INTEGER AS n FROM pupils WHERE pupil_id = 'P001' GROUP BY 1 ORDER BY 1`);
		expect(rows).toEqual([
			{ school: 'Second school', n: 1 },
			{ school: 'rules', n: 1 }
		]);
	});
});

describe('personal-data guard', () => {
	const files = () => [{ name: 'pupils.csv', bytes: new Uint8Array(readFileSync(fixture('personal/pupils.csv'))) }];

	it('stops before loading, naming the columns and masking the values', async () => {
		const db = await openTestDb();
		const plan = await prepareImport(db, 'S', files());
		expect(plan.sources[0].personal).toEqual([
			{ header: 'Forename', kind: 'column name', count: 0, example: '' },
			{ header: 'notes', kind: 'email address', count: 1, example: 'p••••••••••' },
			{ header: 'notes', kind: 'phone number', count: 1, example: 'c••••••••••' }
		]);
		await expect(commitImport(db, plan)).rejects.toBeInstanceOf(ImportRefused);
		expect(await db.query(`SELECT count(*)::INTEGER AS n FROM pupils`)).toEqual([{ n: 0 }]);
	});

	it('loads the rest when the flagged columns are dropped, keeping none of their values', async () => {
		const db = await openTestDb();
		await commitImport(db, await prepareImport(db, 'S', files()), { dropPersonalColumns: true });
		expect(await db.query(`SELECT pupil_id FROM pupils ORDER BY 1`)).toEqual([{ pupil_id: 'P001' }, { pupil_id: 'P002' }, { pupil_id: 'P003' }]);
		const everything = JSON.stringify(await db.query(`SELECT * FROM pupils`)) + JSON.stringify(await summaryOf(db));
		expect(everything).not.toMatch(/Amy|01632|example\.org/);
		expect(await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'stage_%'`)).toEqual([{ n: 0 }]);
	});
});
