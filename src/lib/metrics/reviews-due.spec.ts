import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { reviewsDue, reviewsDueByHolder } from './register';
import { runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/trust, school North, as of 15 January 2026 (plans A1–A6, worked by hand):
// A1 reviewed 10 Dec (before as-of): done. A2 due 27 Mar: beyond 4 weeks (12 Feb). A3 due 5 Dec, no
// review: 5 Dec + 14 days = 19 Dec < 15 Jan, overdue, 41 days ago. A4 due 5 Jan: + 14 = 19 Jan, not yet
// overdue, due within the window (1 Jan – 12 Feb), 10 days ago. A5 due 12 Dec, reviewed only on 20 Jan
// (after as-of): overdue, 34 days ago. A6 starts 1 Feb: not in force.
describe('reviews due', () => {
	let db: Db;
	const scope = makeScope({ asOf: '2026-01-15', filters: { school: 'North' } });
	beforeAll(async () => {
		db = (await sharedFixture('trust')).db;
	});
	it('lists overdue reviews and those due in the next 4 weeks, earliest first by case holder', async () => {
		const rows = await runMetric(db, reviewsDue, scope, { weeks: 4, limit: null });
		expect(rows.map((r) => [r.plan_id, r.pupil_id, r.status, r.days, r.case_holder])).toEqual([
			['A3', 'N2', 'overdue', -41, null],
			['A5', 'N4', 'overdue', -34, null],
			['A4', 'N3', 'due soon', -10, null]
		]);
	});
	it('counts them by case holder, and gives only the first so many when asked', async () => {
		// No case holder recorded in the fixture: one row, 2 overdue (A3, A5) and 1 due soon (A4).
		expect(await runMetric(db, reviewsDueByHolder, scope, 4)).toEqual([{ case_holder: null, overdue: 2, due_soon: 1, reviews: 3, all_reviews: 3 }]);
		expect((await runMetric(db, reviewsDue, scope, { weeks: 4, limit: 2 })).map((r) => r.plan_id)).toEqual(['A3', 'A5']);
	});
	it('looks further ahead when asked', async () => {
		// 11 weeks = 77 days → 2 April: A2 (27 March, 71 days ahead) comes in.
		const rows = await runMetric(db, reviewsDue, scope, { weeks: 11, limit: null });
		expect(rows.find((r) => r.plan_id === 'A2')).toMatchObject({ status: 'due soon', days: 71 });
	});
});
