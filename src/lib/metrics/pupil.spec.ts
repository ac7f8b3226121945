import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { pupilAssessments, pupilPlans, pupilProfile, pupilTargets } from './pupil';
import { runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/lineage, as at 2026-01-15 unless said; the figures are read off its files by hand.
const at = (asOf: string) => makeScope({ asOf, filters: { school: 'lineage', yearGroup: '3' } });
const scope = at('2026-01-15');
const L1 = { school: 'lineage', pupil_id: 'L1' };
const L2 = { school: 'lineage', pupil_id: 'L2' };

describe("one pupil's story", () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('lineage')).db;
	});

	it("reads the pupil's register entry, whatever pupil filter the page came from (L1 is in year 4, the filter says 3)", async () => {
		expect(await runMetric(db, pupilProfile, scope, L1)).toEqual({ year_group: '4', sen_stage: 'K', primary_need: 'SPLD', secondary_need: null, sen_start_date: null, attendance_pct: null, plans: 3 });
		expect(await runMetric(db, pupilProfile, scope, { school: 'lineage', pupil_id: 'nobody' })).toBeNull();
		expect(await runMetric(db, pupilProfile, scope, { school: 'elsewhere', pupil_id: 'L1' })).toBeNull();
	});

	it('lists the plans in order with the review on time, late, overdue or not yet due, who took part and the decision', async () => {
		const l2 = await runMetric(db, pupilPlans, scope, L2);
		expect(l2.map((p) => [p.plan_id, p.cycle, p.start_date, p.reviewed_on, p.review, p.review_decision, p.pupil_attended_review, p.parent_attended_review, p.targets, p.achieved])).toEqual([
			// reviewed on the day set; U3 achieved of U1 U2 U3
			['B1', 1, '2025-04-21', '2025-07-11', 'on_time', 'continue', true, true, 3, 1],
			['B2', 2, '2025-09-08', '2025-12-12', 'on_time', 'continue', false, true, 2, 0],
			// due 27 Mar 2026: not due on 15 Jan
			['B3', 3, '2026-01-05', null, 'not_due', null, null, null, 4, 0]
		]);
		// L3's C1 was due 12 Dec, reviewed 9 Jan: 28 days later, more than 14: late.
		expect((await runMetric(db, pupilPlans, scope, { school: 'lineage', pupil_id: 'L3' })).map((p) => p.review)).toEqual(['late', 'not_due']);
		// On 20 Apr 2026, B3 (due 27 Mar, not reviewed) is more than 14 days past its date: overdue.
		expect((await runMetric(db, pupilPlans, at('2026-04-20'), L2)).map((p) => p.review)).toEqual(['on_time', 'on_time', 'overdue']);
		// Before B3 started it is not in the story; on 1 Dec B2's review (12 Dec) had not been held.
		expect((await runMetric(db, pupilPlans, at('2025-12-01'), L2)).map((p) => [p.plan_id, p.reviewed_on, p.review, p.review_decision])).toEqual([
			['B1', '2025-07-11', 'on_time', 'continue'],
			['B2', null, 'not_due', null]
		]);
	});

	it("lists the pupil's targets plan by plan, as written", async () => {
		const rows = await runMetric(db, pupilTargets, scope, L1);
		expect(rows.map((t) => [t.target_id, t.plan_id, t.due, t.outcome])).toEqual([
			['T11', 'A1', '2025-03-28', 'not_achieved'],
			['T12', 'A1', '2025-03-28', 'achieved'],
			['T21', 'A2', '2025-07-11', 'not_achieved'],
			['T22', 'A2', '2025-07-11', 'partial'],
			['T31', 'A3', '2025-12-12', 'not_achieved'],
			['T32', 'A3', '2025-12-12', 'achieved']
		]);
		expect(rows[0].target_text).toBe('[Pupil] will read 20 high frequency words with 4 out of 5 correct.');
	});

	it('lists assessment points up to the as-of date by subject', async () => {
		const rows = await runMetric(db, pupilAssessments, scope, L1);
		// Spring 2025 is read as 15 Mar 2025, Autumn 2025 as 15 Dec 2025; 1 Mar 2026 is after as_of.
		expect(rows.map((r) => [r.subject, r.assessed_on, r.attainment, r.progress])).toEqual([
			['Maths', '2025-12-15', 'expected', null],
			['Reading', '2025-03-15', 'working_towards', 'expected'],
			['Reading', '2025-12-15', 'working_towards', 'less_than_expected']
		]);
	});
});
