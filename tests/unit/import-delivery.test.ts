import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { tables } from '../../src/lib/contract/tables';
import { templateCsv } from '../../src/lib/contract/dictionary';
import type { ImportSummary } from '../../src/lib/import/summary';
import { importText, loadFixture, summaryOf } from './load';

// tests/fixtures/delivery: delivery counts on allocations and a sessions log, with bad cells of each kind.
describe('import of delivery data', () => {
	let db: Db;
	let summary: ImportSummary;
	beforeAll(async () => {
		db = (await loadFixture('delivery')).db;
		summary = await summaryOf(db);
	});

	it('rejects session rows with an unknown run or no yes/no, and keeps the rest', () => {
		expect(summary.tables.sessions).toEqual({ read: 13, loaded: 10, rejected: 3, warnings: 1 });
		expect(summary.rejected.filter((r) => r.table === 'sessions').map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
			[12, 'provision_id', 'R9', 'provision_id R9 is not in provisions'],
			[13, 'delivered', '', 'delivered is blank (required)'],
			[14, 'delivered', 'maybe', expect.stringContaining('delivered is not yes or no')]
		]);
	});

	it('clears counts that break planned ≥ delivered ≥ attended, or cannot be read, with file, line, column and reason; never guessed', async () => {
		expect(summary.warnings.map((w) => [w.file, w.table, w.line, w.column, w.value, w.reason])).toEqual([
			['allocations.csv', 'allocations', 6, 'sessions_attended', '3', 'sessions_attended is more than the sessions delivered (or planned); cleared'],
			['allocations.csv', 'allocations', 7, 'sessions_delivered', 'many', 'sessions_delivered is not a whole number of 0 or more; loaded as unknown'],
			['allocations.csv', 'allocations', 9, 'sessions_delivered', '25', 'sessions_delivered is more than sessions_planned; cleared'],
			['sessions.csv', 'sessions', 5, 'pupils_present', '1', 'pupils_present is more than 0 for a session that did not run; cleared']
		]);
		const counts = await db.query(
			`SELECT provision_id, pupil_id, sessions_planned, sessions_delivered, sessions_attended FROM allocations WHERE pupil_id IN ('P5', 'P6') OR (pupil_id = 'P2' AND provision_id = 'R5') ORDER BY 1, 2`
		);
		expect(counts).toEqual([
			{ provision_id: 'R3', pupil_id: 'P5', sessions_planned: 6, sessions_delivered: 2, sessions_attended: null },
			{ provision_id: 'R4', pupil_id: 'P6', sessions_planned: null, sessions_delivered: null, sessions_attended: null },
			{ provision_id: 'R5', pupil_id: 'P2', sessions_planned: 20, sessions_delivered: null, sessions_attended: 10 }
		]);
		const [s] = await db.query(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE delivered)::INTEGER AS ran, count(pupils_present)::INTEGER AS present FROM sessions`);
		// 10 rows, 4 ran; present is given on 5 rows, one of them (a session that did not run) cleared.
		expect(s).toEqual({ n: 10, ran: 4, present: 4 });
	});

	it('loads only what the zod contract accepts', async () => {
		for (const table of ['allocations', 'sessions'] as const) {
			for (const row of await db.query<Record<string, unknown>>(`SELECT * EXCLUDE (school, source_file, source_line) FROM ${table}`)) expect(tables[table].safeParse(row).error).toBeUndefined();
		}
	});

	it('reads a session log under its other names, and 0 as a known count', async () => {
		const { db: other, summary: s } = await importText({
			'pupils.csv': 'pupil_id,year_group,sen_stage\nA,3,K\n',
			'provisions.csv': 'provision_id,intervention,need_area,start_date\nX,Lexia,C&L,2025-09-08\n',
			'allocations.csv': 'provision_id,pupil_id,planned sessions,sessions delivered,attended\nX,A,10,0,0\n',
			'Session log.csv': 'Provision,Date,Took place,Why,Present\nX,2025-09-08,No,Staff absence,0\n'
		});
		expect(s.tables.sessions).toEqual({ read: 1, loaded: 1, rejected: 0, warnings: 0 });
		expect(await other.query(`SELECT sessions_planned, sessions_delivered, sessions_attended FROM allocations`)).toEqual([{ sessions_planned: 10, sessions_delivered: 0, sessions_attended: 0 }]);
		expect(await other.query(`SELECT session_date::VARCHAR AS d, delivered, reason, pupils_present FROM sessions`)).toEqual([
			{ d: '2025-09-08', delivered: false, reason: 'Staff absence', pupils_present: 0 }
		]);
	});

	it('has a blank template of the sessions table, from the contract', () => {
		expect(templateCsv('sessions')).toBe('provision_id,session_date,delivered,reason,pupils_present\r\n');
	});
});
