import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { runMetric } from './registry';
import { makeScope } from './scope';
import { planTargets, targetChecks } from './target-checks';

// tests/fixtures/pivot, plans starting 8 Sep 2025 with reviews due 12 Dec 2025 (14 weeks):
// Y1 "[Pupil] will use TTRS (…) to answer 10 out of 10 questions within 2 minutes by December, with the TA": who, action
//   (use), conditions (with the TA), criterion (10 out of 10), time: SMART.
// Y2 "[Pupil] will practise times tables on TTRS": no conditions, no measure of success: not SMART.
// Y3 "[Pupil] will read 20 CVC words correctly in 1 minute by December": measured (20 CVC words) but no conditions: not SMART.
// Y4 has no text.
const all = makeScope({ asOf: '2026-01-15' });
const failed = (c: { findings: { part: string; ok: boolean | null }[] }) => c.findings.filter((f) => f.ok === false).map((f) => f.part);

describe("the SMART checker's findings", () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('pivot')).db;
	});

	it('checks every target with text, and agrees with the verdicts stored at import', async () => {
		const checks = await runMetric(db, targetChecks, all, null);
		expect(checks.map((c) => [c.target_id, c.smart, failed(c)])).toEqual([
			['Y1', true, []],
			['Y2', false, ['conditions', 'criterion']],
			['Y3', false, ['conditions']]
		]);
		// The import keeps the targets it found not SMART, and only those.
		const stored = await db.query<{ target_id: string; smart: boolean }>(`SELECT target_id, smart FROM target_checks ORDER BY target_id`);
		expect(stored.map((s) => [s.target_id, s.smart])).toEqual(checks.filter((c) => !c.smart).map((c) => [c.target_id, false]));
	});

	it("checks one plan's targets", async () => {
		expect((await runMetric(db, targetChecks, all, { school: 'pivot', plan_id: 'W1' })).map((c) => c.target_id)).toEqual(['Y1']);
		expect(await runMetric(db, targetChecks, all, { school: 'elsewhere', plan_id: 'W1' })).toEqual([]);
	});

	it("gives a plan's targets with their words, due dates, outcomes and findings; none for a target with no text", async () => {
		const rows = await runMetric(db, planTargets, all, { school: 'pivot', plan_id: 'W1' });
		// Y1 takes the plan's review date; Y4 has its own (10 Jan).
		expect(rows.map((r) => [r.target_id, r.due, r.outcome, r.check?.smart ?? null])).toEqual([
			['Y1', '2025-12-12', 'achieved', true],
			['Y4', '2026-01-10', null, null]
		]);
		expect(rows[0].target_text).toMatch(/^\[Pupil\] will use TTRS/);
		expect(rows[1].check).toBeNull();
	});
});
