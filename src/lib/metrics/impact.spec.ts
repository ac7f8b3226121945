import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { defaultSettings } from '../settings/schema';
import { noFilters } from './filters';
import { achievementByIntervention, achievementByPupilGroup, achievementTrend, entryExitByIntervention, NO_LINKED_PROVISION } from './impact';

// tests/fixtures/impact at as_of 15 Jan 2026; every figure worked out by hand from those files.
const asOf = '2026-01-15';
const opts = { asOf, rates: defaultSettings.staff_rates };

describe('impact by intervention', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('impact')).db;
	});

	it('attributes each target to every intervention it is linked to, once each', async () => {
		const rows = await achievementByIntervention(db, noFilters, opts);
		const row = (name: string) => rows.find((r) => r.intervention === name)!;
		// Reading Boost (Q1 and Q2, one name in two spellings): U1 achieved, U2 achieved, U3 not, U4 partial.
		// Cost: Q1 £17 × 1 h × 14 weeks = £238, Q2 given as £100: £338 for 2 achieved targets = £169 each.
		expect(row('Reading Boost')).toMatchObject({
			reviewed: 4, achieved: 2, partial: 1, not_achieved: 1, open: 0, overdue: 0, pupils: 2,
			achievement_rate: 0.5, progress_rate: 0.75, total_cost_gbp: 338, cost_per_achieved_target_gbp: 169, small_number: true
		});
		// ELSA: U2 (also counted for Reading Boost) achieved; U5 unreviewed and overdue, beside the rate, not in it.
		expect(row('ELSA')).toMatchObject({ reviewed: 1, achieved: 1, overdue: 1, achievement_rate: 1, pupils: 2, total_cost_gbp: 294, cost_per_achieved_target_gbp: 294 });
		// U6 achieved and U7 not achieved have no provision.
		expect(row(NO_LINKED_PROVISION)).toMatchObject({ reviewed: 2, achieved: 1, not_achieved: 1, achievement_rate: 0.5, total_cost_gbp: null, cost_per_achieved_target_gbp: null });
		expect(rows).toHaveLength(3);
	});

	it('breaks achievement down by pupil group, keeping "not known" apart', async () => {
		const rows = await achievementByPupilGroup(db, noFilters, asOf, 'pupil_premium');
		expect(rows.map((r) => [r.group, r.pupils, r.reviewed, r.achieved, r.overdue])).toEqual([
			['Not known', 1, 2, 1, 1], // I3: U6 achieved, U7 not, U5 overdue
			['Not pupil premium', 1, 2, 0, 0], // I2: U3 not, U4 partial
			['Pupil premium', 1, 2, 2, 0] // I1: U1, U2 achieved
		]);
	});

	it('trends achievement by the term targets were due', async () => {
		const rows = await achievementTrend(db, noFilters, asOf);
		expect(rows.map((r) => [r.academic_year, r.term, r.reviewed, r.achieved, r.overdue])).toEqual([['2025/26', 'Autumn', 6, 3, 1]]);
	});
});

describe('entry and exit data', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('impact')).db;
	});

	it('works out gains, effect sizes, ratio gains and bands per intervention and measure', async () => {
		const rows = await entryExitByIntervention(db, noFilters);
		const row = (i: string, m: string) => rows.find((r) => r.intervention === i && r.measure === m)!;
		// Standardised scores on Reading Boost (Q2): I1 85→88 (+3), I2 80→89 (+9): mean 6, effect 6/15 = 0.4 → 5 months.
		expect(row('Reading Boost', 'standardised_score')).toMatchObject({ pupils_with_data: 2, mean_gain: 6, effect_size: 0.4, eef_months: 5, mean_ratio_gain: null });
		// Reading ages (Q1), 8 Sep–8 Dec = 91 days = 2.9895 months: I1 +6 → 2.007, I2 +3 → 1.004; mean 1.505 (modest).
		// I3 has no exit value and does not count.
		const ra = row('Reading Boost', 'reading_age_months');
		expect(ra).toMatchObject({ pupils_with_data: 2, pupils_with_dates: 2, mean_gain: 4.5, ratio_gain_band: 'modest impact', effect_size: null });
		expect(ra.mean_ratio_gain).toBeCloseTo((6 + 3) / 2 / (91 / 30.44), 10);
		// SDQ total difficulties is lower-is-better: I1 20→14 is +6, I3 15→17 is −2: mean +2.
		expect(row('ELSA', 'sdq_total')).toMatchObject({ pupils_with_data: 2, mean_gain: 2 });
	});
});
