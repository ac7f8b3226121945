import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { tables, tableOrder } from '../../src/lib/contract/tables';
import type { ImportSummary } from '../../src/lib/import/summary';
import { loadFixture, summaryOf } from './load';

// tests/fixtures/rules breaks every bad-input rule of the contract once or more; the expected
// outcome of each line is written beside it below.
describe('import of the rules fixture', () => {
	let db: Db;
	let summary: ImportSummary;
	beforeAll(async () => {
		db = (await loadFixture('rules')).db;
		summary = await summaryOf(db);
	});

	it('counts read, loaded, rejected and warnings per table', () => {
		expect(summary.tables).toEqual({
			pupils: { read: 9, loaded: 4, rejected: 5, warnings: 2 },
			provisions: { read: 3, loaded: 2, rejected: 1, warnings: 1 },
			plans: { read: 9, loaded: 3, rejected: 6, warnings: 2 },
			targets: { read: 7, loaded: 3, rejected: 4, warnings: 2 },
			allocations: { read: 5, loaded: 3, rejected: 2, warnings: 3 }
		});
	});

	const rejected = (table: string) => summary.rejected.filter((r) => r.table === table).map((r) => [r.line, r.column, r.value, r.reason]);

	it('rejects bad required values, repeats and broken rules in pupils', () => {
		expect(rejected('pupils')).toEqual([
			[5, 'pupil_id', 'P001', 'duplicate pupil_id, first on line 2 of pupils.csv'],
			[6, 'year_group', 'Year 15', expect.stringContaining('year_group is not a year group')],
			[7, 'sen_stage', 'Maybe', expect.stringContaining('sen_stage is not an SEN stage')],
			[8, 'pupil_id', '', 'pupil_id is blank (required)'],
			[10, 'pupil_id', 'P 7', expect.stringContaining('pupil_id is not a valid id')]
		]);
	});

	it('rejects plans with bad dates, review before start, unknown or rejected pupils, repeated ids', () => {
		expect(rejected('plans')).toEqual([
			[4, 'review_due', '01/09/2025', 'review_due is before start_date'],
			[5, 'pupil_id', 'P004', expect.stringMatching(/^pupil_id P004 was rejected \(pupils line 6: year_group is not a year group/)],
			[6, 'pupil_id', 'P999', 'pupil_id P999 is not in pupils'],
			[7, 'start_date', '31/02/2026', expect.stringContaining('start_date is not a date')],
			[8, 'start_date', '09/25/2025', expect.stringContaining('day before month')],
			[9, 'plan_id', 'PL01', 'duplicate plan_id, first on line 2 of plans.csv']
		]);
	});

	it('rejects targets of rejected or missing plans and with unknown provisions, counting lines as a spreadsheet does', () => {
		// T01's text spans two physical lines in the file, but it is one spreadsheet row: T03 is on row 4.
		expect(rejected('targets')).toEqual([
			[4, 'plan_id', 'PL03', 'plan_id PL03 was rejected (plans line 4: review_due is before start_date)'],
			[5, 'need_area', 'Feelings', expect.stringContaining('need_area is not an area of need')],
			[6, 'provision_ids', 'PR9', 'provision PR9 is not in provisions'],
			[8, 'plan_id', 'PL99', 'plan_id PL99 is not in plans']
		]);
	});

	it('rejects provisions ending before they start and allocations of rejected rows', () => {
		expect(rejected('provisions')).toEqual([[4, 'end_date', '01/09/2025', 'end_date is before start_date']]);
		expect(rejected('allocations')).toEqual([
			[4, 'provision_id', 'PR3', 'provision_id PR3 was rejected (provisions line 4: end_date is before start_date)'],
			[5, 'pupil_id', 'P004', expect.stringContaining('pupil_id P004 was rejected (pupils line 6')]
		]);
	});

	it('keeps rows with bad optional values, loading those values as unknown with a warning', async () => {
		const warnings = summary.warnings.map((w) => [w.table, w.line, w.column, w.value]);
		expect(warnings).toEqual([
			['allocations', 3, 'attendance_pct', '105'],
			['allocations', 3, 'plan_id', 'PL77'],
			['allocations', 6, 'entry_value', 'abc'],
			['plans', 10, 'cycle', '0'],
			['plans', 10, 'review_decision', 'maybe'],
			['provisions', 3, 'minutes_per_session', '-20'],
			['pupils', 3, 'pupil_premium', 'Maybe'],
			['pupils', 4, 'primary_need', 'Dyspraxia'],
			['targets', 3, 'outcome', 'Partly?'],
			['targets', 7, 'due_date', '31/13/2025']
		]);
		const [p2] = await db.query<{ pupil_premium: boolean | null }>(`SELECT pupil_premium FROM pupils WHERE pupil_id = 'P002'`);
		expect(p2.pupil_premium).toBeNull();
		const [a] = await db.query<{ plan_id: string | null; attendance_pct: number | null }>(`SELECT plan_id, attendance_pct FROM allocations WHERE pupil_id = 'P002'`);
		expect(a).toEqual({ plan_id: null, attendance_pct: null });
	});

	it('normalises loaded values: aliases, UK dates, money, list of provisions', async () => {
		const pupils = await db.query(`SELECT pupil_id, year_group, sen_stage, primary_need, sex, pupil_premium FROM pupils ORDER BY pupil_id`);
		expect(pupils).toEqual([
			{ pupil_id: 'P001', year_group: '3', sen_stage: 'K', primary_need: 'SLCN', sex: 'F', pupil_premium: true },
			{ pupil_id: 'P002', year_group: '4', sen_stage: 'E', primary_need: 'ASD', sex: 'M', pupil_premium: null },
			{ pupil_id: 'P003', year_group: 'R', sen_stage: 'K', primary_need: null, sex: null, pupil_premium: false },
			{ pupil_id: 'P006', year_group: '6', sen_stage: 'N', primary_need: null, sex: null, pupil_premium: null }
		]);
		const [pl8] = await db.query(`SELECT start_date, review_due, cycle FROM plans WHERE plan_id = 'PL08'`);
		expect(pl8).toEqual({ start_date: '2025-09-08', review_due: '2025-12-08', cycle: null });
		const [pr1] = await db.query(`SELECT other_costs_gbp, end_date FROM provisions WHERE provision_id = 'PR1'`);
		expect(pr1).toEqual({ other_costs_gbp: 120, end_date: null });
		const links = await db.query(`SELECT target_id, provision_id FROM target_provisions ORDER BY 1, 2`);
		expect(links).toEqual([
			{ target_id: 'T01', provision_id: 'PR1' },
			{ target_id: 'T02', provision_id: 'PR1' },
			{ target_id: 'T02', provision_id: 'PR2' }
		]);
		const [t1] = await db.query<{ target_text: string }>(`SELECT target_text FROM targets WHERE target_id = 'T01'`);
		expect(t1.target_text).toBe('[Pupil] will ask for help\nusing a help card on 4 out of 5 occasions');
	});

	it('loads only rows that the zod contract accepts (the SQL and the contract cannot drift)', async () => {
		for (const table of tableOrder) {
			const rows = await db.query<Record<string, unknown>>(`SELECT * EXCLUDE (school, source_file, source_line) FROM ${table}`);
			for (const row of rows) expect(tables[table].safeParse(row).error).toBeUndefined();
		}
	});

	it('gives the same tables when the same files are imported again', async () => {
		const before = await db.query(`SELECT * FROM plans ORDER BY plan_id`);
		await loadFixture('rules', db);
		expect(await summaryOf(db)).toEqual(summary);
		expect(await db.query(`SELECT * FROM plans ORDER BY plan_id`)).toEqual(before);
	});
});
