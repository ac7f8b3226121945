import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { noFilters } from './filters';
import { coverage, plansNeedingAttention, pupilsWithoutProgress, qualityIndicators, reviewDecisions } from './quality';

// tests/fixtures/quality at as_of 15 Jan 2026. The checker's verdicts are set by hand here
// (B1 not SMART, every other target with text SMART, D4 has no text), so these counts test the SQL alone.
const asOf = '2026-01-15';

describe('plan quality indicators', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('quality')).db;
		await db.exec(`DELETE FROM target_checks`);
		await db.exec(`INSERT INTO target_checks SELECT school, target_id, target_id <> 'B1', '' FROM targets WHERE target_text IS NOT NULL`);
	});

	it('counts met, not met and unknown for every indicator', async () => {
		expect(await qualityIndicators(db, noFilters, asOf)).toEqual({
			pupil_views: { met: 2, not_met: 1, unknown: 2 }, // G1 G5 yes; G2 no; G3 G4 blank
			parent_views: { met: 2, not_met: 1, unknown: 2 }, // G1 G5; G3; G2 G4
			strengths_recorded: { met: 2, not_met: 2, unknown: 1 }, // G1 G2; G3 G4; G5
			three_or_four_targets: { met: 2, not_met: 3, unknown: 0 }, // G1 (3) G5 (4); G2 has 5, G3 2, G4 none
			targets_smart: { met: 2, not_met: 1, unknown: 2 }, // G1 G3; G2 (B1); G4 no targets, G5 (D4 has no text)
			targets_linked: { met: 3, not_met: 1, unknown: 1 }, // G2's B5 unlinked; G4 no targets
			provision_quantified: { met: 3, not_met: 1, unknown: 1 }, // G2's P2 has no minutes; G4 nothing linked
			review_within_16_weeks: { met: 4, not_met: 1, unknown: 0 }, // G2: 8 Sep to 26 Jan is 140 days, 20 weeks
			reviewed_on_time: { met: 1, not_met: 2, unknown: 2 } // G1 on time; G3 late (5 Jan > 5 Dec + 14), G4 overdue; G2 G5 not yet due
		});
	});

	it('narrows to one case holder', async () => {
		const ch2 = await qualityIndicators(db, noFilters, asOf, 'CH2');
		expect(ch2.three_or_four_targets).toEqual({ met: 0, not_met: 2, unknown: 0 }); // G2, G4
	});

	it('works out coverage: K and E pupils with a plan in force', async () => {
		// K/E: Q1–Q6. In force on 15 Jan: G2, G4 (never reviewed), G5. G1 and G3 were reviewed before it; Q6 has no plan.
		expect(await coverage(db, noFilters, asOf)).toEqual({ pupils_on_register: 6, pupils_with_plan: 3 });
	});

	it('lists plans by how many indicators they miss', async () => {
		const rows = await plansNeedingAttention(db, noFilters, asOf);
		expect(rows.map((r) => [r.plan_id, r.missed])).toEqual([['G2', 6], ['G3', 4], ['G4', 3], ['G1', 0], ['G5', 0]]);
	});

	it('counts review decisions and finds pupils on a 3rd cycle with nothing achieved', async () => {
		expect(await reviewDecisions(db, noFilters, asOf)).toEqual([{ decision: 'continue', plans: 1 }, { decision: 'increase_support', plans: 1 }]);
		const stuck = await pupilsWithoutProgress(db, noFilters, asOf);
		// Q3: cycle 3, targets not achieved and partly achieved. Q1 is on cycle 4 but achieved A1.
		expect(stuck.map((s) => [s.pupil_id, s.latest_cycle, s.targets_reviewed])).toEqual([['Q3', 3, 2]]);
	});
});
