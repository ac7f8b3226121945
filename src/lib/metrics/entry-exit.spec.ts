import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { attendanceByIntervention, costProgressPoints, entryExitByIntervention, gainPoints, interventionRuns, interventionTargets } from './entry-exit';
import { pupilProvisionMap } from './provision';
import { runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/impact at as_of 15 Jan 2026, default rates (TA £17, HLTA £21); every figure worked out by hand from those files.
const all = makeScope({ asOf: '2026-01-15' });

describe('entry and exit data', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('impact')).db;
	});

	it('works out gains, effect sizes, ratio gains and bands per intervention and measure', async () => {
		const rows = await runMetric(db, entryExitByIntervention, all, undefined);
		const row = (i: string, m: string) => rows.find((r) => r.intervention === i && r.measure === m)!;
		// Standardised scores on Reading Boost (Q2): I1 85→88 (+3), I2 80→89 (+9): mean 6, effect 6/15 = 0.4 → 5 months.
		expect(row('Reading Boost', 'standardised_score')).toMatchObject({ intervention_key: 'reading boost', pupils_with_data: 2, mean_gain: 6, effect_size: 0.4, eef_months: 5, mean_ratio_gain: null });
		// Reading ages (Q1), 8 Sep–8 Dec = 91 days = 2.9895 months: I1 +6 → 2.007, I2 +3 → 1.004; mean 1.505 (modest).
		// I3 has no exit value and does not count.
		const ra = row('Reading Boost', 'reading_age_months');
		expect(ra).toMatchObject({ pupils_with_data: 2, pupils_with_dates: 2, mean_gain: 4.5, ratio_gain_band: 'modest impact', effect_size: null });
		expect(ra.mean_ratio_gain).toBeCloseTo((6 + 3) / 2 / (91 / 30.44), 10);
		// SDQ total difficulties is lower-is-better: I1 20→14 is +6, I3 15→17 is −2: mean +2.
		expect(row('ELSA', 'sdq_total')).toMatchObject({ pupils_with_data: 2, mean_gain: 2 });
		// Its 95% interval (t with 1 degree of freedom, 12.706): SD of +6 and −2 is √32, so 2 ± 12.706 × √32 / √2 = 2 ± 50.82;
		// 2 allocations is a small number.
		expect(row('ELSA', 'sdq_total')).toMatchObject({ allocations: 2, small_number: true });
		expect(row('ELSA', 'sdq_total').gain_ci_low).toBeCloseTo(2 - 12.706 * 4, 6);
		expect(row('ELSA', 'sdq_total').gain_ci_high).toBeCloseTo(2 + 12.706 * 4, 6);
		expect(rows).toHaveLength(3);
	});

	it("gives each intervention's attendance: the mean and the share under 80%, from the allocations that record it", async () => {
		const rows = await runMetric(db, attendanceByIntervention, all, undefined);
		// Reading Boost (Q1 and Q2): 5 allocations; recorded 90 (Q1 I1), 75 (Q1 I2), 60 (Q2 I2): mean 75, two under 80.
		// Q2 I1 and Q1 I3 record none: left out of the mean and the share, never taken as 0.
		// ELSA (Q3): 95 and 80, mean 87.5; 80 is not under 80.
		expect(rows.map((r) => [r.intervention, r.allocations, r.with_attendance, r.mean_attendance_pct, r.under_80, r.share_under_80])).toEqual([
			['ELSA', 2, 2, 87.5, 0, 0],
			['Reading Boost', 5, 3, 75, 2, 2 / 3]
		]);
	});

	it('gives one point per allocation with both values, for all interventions or one', async () => {
		const points = await runMetric(db, gainPoints, all, null);
		// Ordered by measure, then gain: reading ages I2 +3, I1 +6 (ratio gains 3 and 6 over 91/30.44 months);
		// SDQ I3 −2, I1 +6 (lower is better); standardised scores I1 +3, I2 +9. I3's reading age has no exit value.
		// Run Q2 is spelt "reading boost": its points carry the intervention's one name, as every table does.
		expect(points.map((p) => [p.measure, p.pupil_id, p.intervention, p.gain])).toEqual([
			['reading_age_months', 'I2', 'Reading Boost', 3],
			['reading_age_months', 'I1', 'Reading Boost', 6],
			['sdq_total', 'I3', 'ELSA', -2],
			['sdq_total', 'I1', 'ELSA', 6],
			['standardised_score', 'I1', 'Reading Boost', 3],
			['standardised_score', 'I2', 'Reading Boost', 9]
		]);
		expect(points[0].ratio_gain).toBeCloseTo(3 / (91 / 30.44), 10);
		expect(points[2].ratio_gain).toBeNull();
		// One intervention by its key: both spellings of Reading Boost, ELSA's two left out.
		const reading = await runMetric(db, gainPoints, all, 'reading boost');
		expect(reading.map((p) => p.gain)).toEqual([3, 6, 3, 9]);
		expect(await runMetric(db, gainPoints, all, 'no such intervention')).toEqual([]);
	});

	it("lists one intervention's runs and targets, whatever the spelling of its name", async () => {
		const runs = await runMetric(db, interventionRuns, all, 'reading boost');
		// Q1: TA 3 × 20 min = 1 h a week, 8 Sep–14 Dec = 98 days = 14 weeks, £17 × 14 = £238; Q2's £100 is given.
		expect(runs.map((r) => [r.provision_id, r.pupils_allocated, r.hours_per_week, r.run_cost])).toEqual([
			['Q1', 3, 1, 238],
			['Q2', 2, 1, 100]
		]);
		const targets = await runMetric(db, interventionTargets, all, 'reading boost');
		// U1 U2 (via Q1), U3 U4 (via Q2); U2 once though it is also linked to ELSA.
		expect(targets.map((t) => [t.target_id, t.pupil_id, t.status])).toEqual([
			['U1', 'I1', 'achieved'],
			['U2', 'I1', 'achieved'],
			['U3', 'I2', 'not_achieved'],
			['U4', 'I2', 'partial']
		]);
		// ELSA: U2 and U5 (no outcome, due 12 Dec: overdue on 15 Jan).
		expect((await runMetric(db, interventionTargets, all, 'elsa')).map((t) => [t.target_id, t.status])).toEqual([
			['U2', 'achieved'],
			['U5', 'overdue']
		]);
	});

	it('sets cost per pupil against the achievement rate, joined on the intervention key', async () => {
		// Reading Boost: £338 (Q1 £238 + Q2 £100) over the pupils of its runs, I1 I2 I3 (I3 is allocated to Q1) = £112.67;
		// 2 of 4 reviewed targets achieved, set by the 2 pupils with targets linked. ELSA: £294 for I1 I3 = £147; 1 of 1.
		// "No linked provision" has no cost: no point. The median cost is the lower middle one, as the chart's was: £112.67.
		const points = await runMetric(db, costProgressPoints, all, { y: 'rate', minBase: 0 });
		expect(points.map((p) => [p.intervention_key, p.cost_per_pupil_gbp, p.y, p.reviewed, p.pupils, p.median_cost_gbp])).toEqual([
			['elsa', 147, 1, 1, 2, 338 / 3],
			['reading boost', 338 / 3, 0.5, 4, 2, 338 / 3]
		]);
		// Wilson interval of 2 of 4 around Reading Boost's 0.5.
		expect(points[1].y_low).toBeCloseTo(0.15, 2);
		expect(points[1].y_high).toBeCloseTo(0.85, 2);
		// A base of 2: ELSA has only 1 reviewed target and drops out; the median is of the points left.
		const based = await runMetric(db, costProgressPoints, all, { y: 'rate', minBase: 2 });
		expect(based.map((p) => [p.intervention_key, p.median_cost_gbp])).toEqual([['reading boost', 338 / 3]]);
	});

	it('sets cost per pupil against the mean gain on a measure', async () => {
		// SDQ: only ELSA has it, mean gain +2, £147 a pupil. Standardised scores: Reading Boost, +6, £338 / 3.
		const sdq = await runMetric(db, costProgressPoints, all, { y: 'sdq_total', minBase: 0 });
		expect(sdq.map((p) => [p.intervention, p.cost_per_pupil_gbp, p.y, p.reviewed, p.pupils, p.median_cost_gbp])).toEqual([['ELSA', 147, 2, null, 2, 147]]);
		// Its 95% interval (t, 1 degree of freedom): gains +6 and −2, SD √32, so 2 ± 12.706 × √32 / √2 = 2 ± 50.82.
		expect(sdq[0].y_low).toBeCloseTo(2 - 12.706 * 4, 6);
		expect(sdq[0].y_high).toBeCloseTo(2 + 12.706 * 4, 6);
		const ss = await runMetric(db, costProgressPoints, all, { y: 'standardised_score', minBase: 0 });
		expect(ss.map((p) => [p.intervention, p.y, p.median_cost_gbp])).toEqual([['Reading Boost', 6, 338 / 3]]);
		// Fewer than 3 pupils with data: nothing.
		expect(await runMetric(db, costProgressPoints, all, { y: 'standardised_score', minBase: 3 })).toEqual([]);
	});

	it("shows a pupil's measures on their provision map, with only their own targets linked to each run", async () => {
		// I1: Q1 (reading age 84→90; £238 shared by I1 I2 I3 = £79.33), linked to U1 and U2 of I1's plan J1;
		// Q2 (standardised score 85→88; £100 shared by I1 I2 = £50), linked only to I2's U3 U4: none of I1's;
		// Q3 (SDQ 20→14; £294 shared by I1 I3 = £147), linked to U2.
		const rows = await runMetric(db, pupilProvisionMap, all, { school: 'impact', pupil_id: 'I1' });
		expect(rows.map((r) => [r.provision_id, r.plan_id, r.targets, r.measure, r.entry_value, r.exit_value])).toEqual([
			['Q1', 'J1', 'U1, U2', 'reading_age_months', 84, 90],
			['Q2', 'J1', null, 'standardised_score', 85, 88],
			['Q3', 'J1', 'U2', 'sdq_total', 20, 14]
		]);
		expect(rows.map((r) => r.share_gbp)).toEqual([238 / 3, 50, 147]);
	});
});
