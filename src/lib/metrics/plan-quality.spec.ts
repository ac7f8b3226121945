import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { importText, loadFixture, sharedFixture } from '../../../tests/unit/load';
import { coverage, indicatorNames, plansByIndicatorsMissed, plansNeedingAttention, pupilsWithoutProgress, qualityIndicators, reviewAttendance, reviewDecisions } from './plan-quality';
import { caseHolders } from './options';
import { runMetric } from './registry';
import { makeScope, type Filters } from './scope';
import { refreshDerivedTables } from '../import/derived-tables';

// tests/fixtures/quality at as_of 15 Jan 2026. The checker's verdicts are set by hand here
// (B1 not SMART, every other target with text SMART, D4 has no text), so these counts test the SQL alone.
const asOf = '2026-01-15';
const all = makeScope({ asOf });

describe('plan quality indicators', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('quality')).db;
		await db.exec(`DELETE FROM target_checks`);
		await db.exec(`INSERT INTO target_checks SELECT school, target_id, target_id <> 'B1', '' FROM targets WHERE target_text IS NOT NULL`);
		await refreshDerivedTables(db);
	});

	it('counts met, not met and unknown for every indicator, and the share met of all plans', async () => {
		const rows = await runMetric(db, qualityIndicators, all, null);
		expect(rows.map((r) => r.indicator)).toEqual([...indicatorNames]);
		// Five plans G1–G5; share met = met / 5.
		expect(rows.map((r) => [r.indicator, r.met, r.not_met, r.unknown, r.plans, r.share_met])).toEqual([
			['pupil_views', 2, 1, 2, 5, 0.4], // G1 G5 yes; G2 no; G3 G4 blank
			['parent_views', 2, 1, 2, 5, 0.4], // G1 G5; G3; G2 G4
			['strengths_recorded', 2, 2, 1, 5, 0.4], // G1 G2; G3 G4; G5
			['three_or_four_targets', 2, 3, 0, 5, 0.4], // G1 (3) G5 (4); G2 has 5, G3 2, G4 none
			['targets_smart', 2, 1, 2, 5, 0.4], // G1 G3; G2 (B1); G4 no targets, G5 (D4 has no text)
			['targets_linked', 3, 1, 1, 5, 0.6], // G2's B5 unlinked; G4 no targets
			['provision_quantified', 3, 1, 1, 5, 0.6], // G2's P2 has no minutes; G4 nothing linked
			['review_within_16_weeks', 4, 1, 0, 5, 0.8], // G2: 8 Sep to 26 Jan is 140 days, 20 weeks
			['reviewed_on_time', 1, 2, 2, 5, 0.2] // G1 on time; G3 late (5 Jan > 5 Dec + 14), G4 overdue; G2 G5 not yet due
		]);
	});

	it('narrows to one case holder', async () => {
		expect(await runMetric(db, caseHolders, all, undefined)).toEqual(['CH1', 'CH2']);
		const ch2 = await runMetric(db, qualityIndicators, all, 'CH2');
		// G2 (5 targets) and G4 (none): neither has 3 or 4.
		expect(ch2.find((r) => r.indicator === 'three_or_four_targets')).toMatchObject({ met: 0, not_met: 2, unknown: 0, plans: 2, share_met: 0 });
	});

	it('has no share met when no plan in scope has the indicator known, rather than 0', async () => {
		// CH2's plans G2 and G4 both leave the parents' views blank.
		const ch2 = await runMetric(db, qualityIndicators, all, 'CH2');
		expect(ch2.find((r) => r.indicator === 'parent_views')).toMatchObject({ met: 0, not_met: 0, unknown: 2, plans: 2, share_met: null });
	});

	it('has no share met when no plan is in scope, rather than 0', async () => {
		const none = await runMetric(db, qualityIndicators, all, 'nobody');
		expect(none.every((r) => r.plans === 0 && r.share_met === null)).toBe(true);
	});

	it('works out coverage: K and E pupils with a plan in force', async () => {
		// K/E: Q1–Q6. In force on 15 Jan: G2, G4 (never reviewed), G5. G1 and G3 were reviewed before it; Q6 has no plan.
		expect(await runMetric(db, coverage, all, undefined)).toEqual({ pupils_on_register: 6, pupils_with_plan: 3, share: 0.5 });
	});

	it('lists plans by how many indicators they miss', async () => {
		const rows = await runMetric(db, plansNeedingAttention, all, { caseHolder: null, limit: null });
		expect(rows.map((r) => [r.plan_id, r.missed])).toEqual([
			['G2', 6],
			['G3', 4],
			['G4', 3],
			['G1', 0],
			['G5', 0]
		]);
		// On screen: only the first so many that miss something (a local authority has 250,000 plans).
		const first = await runMetric(db, plansNeedingAttention, all, { caseHolder: null, limit: 2 });
		expect(first.map((r) => r.plan_id)).toEqual(['G2', 'G3']);
	});

	it('counts plans by indicators missed: none, 1, 2, 3 or more', async () => {
		// From the list above: G1 G5 miss none; G2 (6), G3 (4), G4 (3) miss 3 or more; no plan misses 1 or 2.
		expect(await runMetric(db, plansByIndicatorsMissed, all, null)).toEqual([
			{ missed: '0', plans: 2, all_plans: 5 },
			{ missed: '1', plans: 0, all_plans: 5 },
			{ missed: '2', plans: 0, all_plans: 5 },
			{ missed: '3+', plans: 3, all_plans: 5 }
		]);
		// CH1 holds G1, G3 and G5.
		expect((await runMetric(db, plansByIndicatorsMissed, all, 'CH1')).map((r) => [r.missed, r.plans, r.all_plans])).toEqual([
			['0', 2, 3],
			['1', 0, 3],
			['2', 0, 3],
			['3+', 1, 3]
		]);
	});

	it('counts review decisions and the reviews held, and finds pupils on a 3rd cycle with nothing achieved', async () => {
		// Reviews held by 15 Jan: G1 (10 Dec, continue) and G3 (5 Jan, increase support).
		expect(await runMetric(db, reviewDecisions, all, undefined)).toEqual([
			{ decision: 'continue', plans: 1, reviews_held: 2 },
			{ decision: 'increase_support', plans: 1, reviews_held: 2 }
		]);
		// On 1 Jan only G1's review had been held.
		expect(await runMetric(db, reviewDecisions, makeScope({ asOf: '2026-01-01' }), undefined)).toEqual([{ decision: 'continue', plans: 1, reviews_held: 1 }]);
		const stuck = await runMetric(db, pupilsWithoutProgress, all, undefined);
		// Q3: cycle 3, targets not achieved and partly achieved. Q1 is on cycle 4 but achieved A1.
		expect(stuck.map((s) => [s.pupil_id, s.latest_cycle, s.targets_reviewed])).toEqual([['Q3', 3, 2]]);
	});

	it('leaves out of "no target achieved" a pupil none of whose targets has been reviewed yet', async () => {
		const { db: other } = await importText({
			'pupils.csv': 'pupil_id,year_group,sen_stage\nZ1,4,K\nZ2,4,K\n',
			'plans.csv': 'plan_id,pupil_id,cycle,start_date,review_due\nM1,Z1,3,2025-09-08,2026-03-27\nM2,Z2,3,2025-09-08,2026-03-27\n',
			'targets.csv': 'target_id,plan_id,need_area,outcome\nU1,M1,C&L,\nU2,M1,C&L,\nU3,M2,C&L,not_achieved\nU4,M2,C&L,\n'
		});
		const stuck = await runMetric(other, pupilsWithoutProgress, all, undefined);
		expect(stuck.map((s) => [s.pupil_id, s.targets_reviewed, s.all_pupils])).toEqual([['Z2', 1, 1]]);
	});
});

// tests/fixtures/pivot's plans: W1 reviewed 10 Dec (pupil yes, parent yes), W2 12 Dec (pupil no, parent not recorded),
// W3 8 Jan (pupil yes, parent no), W4 2 Feb (pupil yes, parent yes); default terms, as of 15 Jan 2026.
describe('review attendance', () => {
	let db: Db;
	const at = (filters: Partial<Filters> = {}) => makeScope({ asOf, filters });
	beforeAll(async () => {
		db = (await sharedFixture('pivot')).db;
	});

	it('shares of reviews held by the as-of date that the pupil and a parent took part in, where recorded', async () => {
		// Held by 15 Jan: W1 W2 W3. Pupil: W1 W3 of 3 recorded. Parent: W1 of 2 recorded (W2 blank is not a no).
		expect(await runMetric(db, reviewAttendance, at(), undefined)).toEqual({ pupil_yes: 2, pupil_known: 3, parent_yes: 1, parent_known: 2, pupil_share: 2 / 3, parent_share: 0.5 });
		// Held in the autumn (1 Sep–31 Dec): W1 W2.
		expect(await runMetric(db, reviewAttendance, at({ academicYear: '2025/26', term: 'autumn' }), undefined)).toMatchObject({ pupil_yes: 1, pupil_known: 2, parent_yes: 1, parent_known: 1 });
	});

	it('has no share, rather than 0, when no review was held', async () => {
		const summer = await runMetric(db, reviewAttendance, at({ academicYear: '2025/26', term: 'summer' }), undefined);
		expect(summer).toEqual({ pupil_yes: 0, pupil_known: 0, parent_yes: 0, parent_known: 0, pupil_share: null, parent_share: null });
	});

	// Fixed this session: the report's old SQL counted every review dated in the period, even after as_of (2 of 2, 1 of 2).
	it('counts only reviews held by the as-of date in a period that runs past it', async () => {
		// The spring (1 Jan–31 Mar) at 15 Jan: W3 (8 Jan) has been held; W4 (2 Feb) has not yet, so a report re-run for
		// 15 Jan gives the same figure whenever it is run (metrics.md: as_of).
		expect(await runMetric(db, reviewAttendance, at({ academicYear: '2025/26', term: 'spring' }), undefined)).toMatchObject({ pupil_yes: 1, pupil_known: 1, parent_yes: 0, parent_known: 1 });
	});
});
