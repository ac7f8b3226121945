import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { runMetric } from './registry';
import { makeScope, type Filters } from './scope';
import { achievementBySchool, planQualityBySchool, provisionCostBySchool, registerBySchool } from './schools';
import { refreshDerivedTables } from '../import/derived-tables';

// One trust of four schools: North and South (tests/fixtures/trust), "costs" (tests/fixtures/costs) and
// "quality" (tests/fixtures/quality), loaded side by side, at as_of 15 Jan 2026 with the default rates.
// Every figure is worked out by hand from those files (see register.spec.ts, achievement.spec.ts,
// provision.spec.ts and plan-quality.spec.ts for the same files); the reasoning is beside each number.
const asOf = '2026-01-15';
const scope = (filters: Partial<Filters> = {}) => makeScope({ asOf, filters });
const bySchool = <R extends { school: string }>(rows: R[]) => Object.fromEntries(rows.map((r) => [r.school, r]));

describe('figures side by side, one row per school', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('trust')).db;
		await loadFixture('costs', db);
		await loadFixture('quality', db);
		// As in plan-quality.spec.ts: the checker's verdicts set by hand, B1 not SMART, every other target with text SMART.
		await db.exec(`DELETE FROM target_checks`);
		await db.exec(`INSERT INTO target_checks SELECT school, target_id, target_id <> 'B1', '' FROM targets WHERE target_text IS NOT NULL`);
		await refreshDerivedTables(db);
	});

	it('gives every school a row, even where there is nothing to count', async () => {
		const rows = await runMetric(db, registerBySchool, scope(), undefined);
		expect(rows.map((r) => r.school).sort()).toEqual(['North', 'South', 'costs', 'quality']);
		const s = bySchool(rows);
		// North: K N1 N2 N4 N6, E N3 (N5 is on the monitoring list). South: N1 at K.
		expect(s.North).toEqual({ school: 'North', sen_support: 4, ehc_plan: 1, pupils: 5 });
		expect(s.South).toEqual({ school: 'South', sen_support: 1, ehc_plan: 0, pupils: 1 });
		// costs: C1–C3, C5, C6 at K, C4 at E.
		expect(s.costs).toEqual({ school: 'costs', sen_support: 5, ehc_plan: 1, pupils: 6 });
	});

	it('filters pupils, keeping a school with none in the filter as a row of zeros', async () => {
		// Key stage 2 (years 3–6): North's N1 (3) N2 (4) at K and N3 (5) at E; South's only pupil is in year 7.
		const s = bySchool(await runMetric(db, registerBySchool, scope({ keyStage: 'KS2' }), undefined));
		expect(s.North).toEqual({ school: 'North', sen_support: 2, ehc_plan: 1, pupils: 3 });
		expect(s.South).toEqual({ school: 'South', sen_support: 0, ehc_plan: 0, pupils: 0 });
		// One school chosen: one row.
		expect((await runMetric(db, registerBySchool, scope({ school: 'South' }), undefined)).map((r) => r.school)).toEqual(['South']);
	});

	it('works out target achievement in each school, with its rate and interval', async () => {
		const s = bySchool(await runMetric(db, achievementBySchool, scope(), undefined));
		// North: achieved T1 T6 T9, partial T2, not T3 T10, open T4 T7, overdue T5 T8: 3 of 6 reviewed.
		expect(s.North).toMatchObject({ total: 10, reviewed: 6, achieved: 3, partial: 1, not_achieved: 2, open: 2, overdue: 2, achievement_rate: 0.5, small_number: false });
		// Wilson, 3 of 6: 0.1876 to 0.8124 (worked in achievement.spec.ts).
		expect(s.North.ci_low).toBeCloseTo(0.1876, 4);
		expect(s.North.ci_high).toBeCloseTo(0.8124, 4);
		// South: its one target T1 achieved: 1 of 1, a small number.
		expect(s.South).toMatchObject({ total: 1, reviewed: 1, achieved: 1, achievement_rate: 1, small_number: true });
		// costs has no targets: nothing reviewed, so no rate rather than 0%.
		expect(s.costs).toMatchObject({ total: 0, reviewed: 0, achieved: 0, achievement_rate: null, ci_low: null, ci_high: null });
	});

	it('sets each school against the other schools together, and says no clear difference on so few targets', async () => {
		const s = bySchool(await runMetric(db, achievementBySchool, scope(), undefined));
		// quality: A1 achieved; A2 C2 partly; A3 C1 not: 1 of 5 reviewed. All four schools: 3 + 1 + 1 + 0 = 5 of 6 + 1 + 5 + 0 = 12.
		expect(s.quality).toMatchObject({ reviewed: 5, achieved: 1, rest_reviewed: 7, rest_achieved: 4 });
		// North 3 of 6 against the rest's 2 of 6: z = (0.5 − 0.333) / √(0.4167 × 0.5833 × (1/6 + 1/6)) = 0.59, under 1.96.
		expect(s.North).toMatchObject({ rest_reviewed: 6, rest_achieved: 2, versus_rest: { verdict: 'no_clear_difference', n: 6, other_n: 6 } });
		expect(s.North.rest_rate).toBeCloseTo(1 / 3, 10);
		// South has 1 reviewed target: under 5, too few to test. costs has none: no rate for itself, nothing to compare.
		expect(s.South).toMatchObject({ rest_reviewed: 11, rest_achieved: 4, versus_rest: { verdict: 'too_few' } });
		expect(s.costs).toMatchObject({ rest_reviewed: 12, rest_achieved: 5, versus_rest: null });
	});

	it('adds up the known cost of each school and the cost per pupil with provision', async () => {
		const s = bySchool(await runMetric(db, provisionCostBySchool, scope(), undefined));
		// costs: R1 £136 + R2 £230 + R3 £294 + R4 £357 + R5 £6,500 = £7,517. R6 (no sessions a week) and R7 (no rate for a
		// volunteer) are of unknown cost. Pupils allocated: C1–C5, all of them to a run of known cost: £7,517 / 5 = £1,503.40.
		// Every costed run of "costs" has an end date or weeks (R2: 10 weeks; R6, with neither, is of unknown cost): none costed to as_of.
		expect(s.costs).toMatchObject({ runs: 7, runs_cost_unknown: 2, runs_to_as_of: 0, pupils_with_provision: 5, pupils_costed: 5 });
		// quality: P1 (a TA, 2 × 30 min a week, from 8 Sep 2025, no end, no weeks) is costed up to as_of, an assumption to say;
		// P2 has no minutes a session, so its cost is not known and it assumes nothing.
		expect(s.quality).toMatchObject({ runs: 2, runs_cost_unknown: 1, runs_to_as_of: 1 });
		expect(s.costs.total_cost_gbp).toBeCloseTo(7517, 6);
		expect(s.costs.cost_per_pupil_gbp).toBeCloseTo(1503.4, 6);
		// North records no provision: the cost is unknown, never £0.
		expect(s.North).toEqual({ school: 'North', runs: 0, runs_cost_unknown: 0, runs_to_as_of: 0, pupils_with_provision: 0, pupils_costed: 0, total_cost_gbp: null, cost_per_pupil_gbp: null });
	});

	it('calls a difference only where the two-proportion test finds one', async () => {
		const trust = (await loadFixture('trust')).db;
		// South given 20 more achieved targets on its plan A1: 21 of 21 against North's 3 of 6.
		await trust.exec(`INSERT INTO targets (school, target_id, plan_id, need_area, outcome) SELECT 'South', 'X' || i, 'A1', 'cognition_learning', 'achieved' FROM range(20) t(i)`);
		await refreshDerivedTables(trust);
		const s = bySchool(await runMetric(trust, achievementBySchool, scope(), undefined));
		// Pooled 24/27 = 0.889; se = √(0.889 × 0.111 × (1/21 + 1/6)) = 0.1455; z = (1 − 0.5) / 0.1455 = 3.4 > 1.96.
		expect([s.South.versus_rest?.verdict, s.North.versus_rest?.verdict]).toEqual(['higher', 'lower']);
	});

	it('prorates costs to a term as the provision map does', async () => {
		const s = bySchool(await runMetric(db, provisionCostBySchool, scope({ academicYear: '2025/26', term: 'autumn' }), undefined));
		// R1 £136, R3 £294 and R4 £357 lie in the autumn; R2 has 59 of its 74 days in it, R5 122 of its 320.
		expect(s.costs.total_cost_gbp).toBeCloseTo(136 + (230 * 59) / 74 + 294 + 357 + (6500 * 122) / 320, 6);
	});

	it('counts plans missing no quality indicator, and coverage', async () => {
		const s = bySchool(await runMetric(db, planQualityBySchool, scope(), undefined));
		// quality: G1 and G5 miss none of 5 plans; K/E pupils Q1–Q6, of whom Q2 Q4 Q5 have a plan in force.
		expect(s.quality).toEqual({ school: 'quality', plans: 5, plans_missing_none: 2, share_missing_none: 0.4, pupils_on_register: 6, pupils_with_plan: 3, coverage: 0.5 });
		// North: every plan misses one at least (A1 has no target linked to provision; A6 no targets). In force on 15 Jan:
		// N1 (A2), N2 (A3), N3 (A4), N4 (A5, reviewed after it); N6's A6 starts in February.
		expect(s.North).toEqual({ school: 'North', plans: 6, plans_missing_none: 0, share_missing_none: 0, pupils_on_register: 5, pupils_with_plan: 4, coverage: 0.8 });
		// costs has no plans: no share, rather than 0; its 6 pupils at K or E have no plan in force.
		expect(s.costs).toEqual({ school: 'costs', plans: 0, plans_missing_none: 0, share_missing_none: null, pupils_on_register: 6, pupils_with_plan: 0, coverage: 0 });
	});
});
