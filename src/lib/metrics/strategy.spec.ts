import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { runMetric } from './registry';
import { makeScope } from './scope';
import { IMF_SOURCE, strategyActivities, strategyBySchool, strategyMerged, strategyTotals, yearDates, type ImfPart } from './strategy';

// tests/fixtures/strategy, exported on 15 January 2026; default rates TA £17, HLTA £21, Teacher £45 an hour.
// The strategy for 2025/26 (1 September 2025 – 31 August 2026). Every figure below is worked out by hand:
// S1 Reading catch-up, TA, 3 × 40 min = 2 h a week × 36 weeks = £1,224 (F01–F12), notional SEN budget.
// S2 reading  catch-up (same activity), HLTA, 2 × 30 min = 1 h × 30 weeks = £630 (F13–F15), pupil premium.
// S3 Speech and language groups, wave 3, total given £2,000, the whole year (F16–F19), top-up.
// S4 Lunch club, wave 3, TA, 5 × 30 min = 2.5 h × 20 weeks = £850 (F20–F24), notional SEN budget.
// S5 Adaptive teaching training, wave 1 (universal), Teacher, 1 h × 10 weeks = £450 (F01–F20), notional SEN budget.
// S6 Fine motor group, no sessions a week: cost unknown, never £0 (F25–F30), notional SEN budget.
// S7 Old club ended 18 July 2025: not in the year.
// S8 Maths boost, TA 1 h a week, 2 June – 19 December 2025 (201 days), of which 1 September – 19 December
//    (110 days) fall in the year: £17 × 201/7 weeks × 110/201 = £17 × 110/7 = £267.14 (F01–F10), pupil premium.
const scope = makeScope({ asOf: '2026-01-15' });
const year = '2025/26';
const maths = 17 * (110 / 7);

describe('inclusion strategy activity', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('strategy')).db;
	});

	it('knows the days of an academic year', () => {
		expect(yearDates('2026/27')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
	});

	it('lists each activity in the year with its layer, staff, pupils reached and budgeted cost', async () => {
		const rows = await runMetric(db, strategyActivities, scope, { year });
		expect(rows.map((r) => r.intervention)).toEqual(['Adaptive teaching training', 'Speech and language groups', 'Reading catch-up', 'Lunch club', 'Maths boost', 'Fine motor group']);
		const pick = (key: string) => rows.find((r) => r.intervention_key === key)!;
		expect(pick('adaptive teaching training')).toMatchObject({
			layer: 'universal',
			pupils: 20,
			budgeted_cost_gbp: 450,
			staff_hours_in_year: 10,
			roles: 'Teacher',
			funding_streams: 'notional SEN budget'
		});
		// Two runs of one activity (names grouped ignoring case and spaces): 2 h × 36 + 1 h × 30 = 102 staff hours, £1,224 + £630.
		expect(pick('reading catch-up')).toMatchObject({
			layer: 'targeted',
			runs: 2,
			pupils: 15,
			budgeted_cost_gbp: 1854,
			staff_hours_in_year: 102,
			roles: 'HLTA; TA',
			need_areas: 'cognition_learning',
			funding_streams: 'notional SEN budget; pupil premium'
		});
		expect(pick('speech and language groups')).toMatchObject({ layer: 'targeted', pupils: 4, budgeted_cost_gbp: 2000, funding_streams: 'top-up' });
		expect(pick('lunch club')).toMatchObject({ pupils: 5, budgeted_cost_gbp: 850, staff_hours_in_year: 50 });
		// Only the 110 of its 201 days that fall in the year count.
		expect(pick('maths boost').pupils).toBe(10);
		expect(pick('maths boost').budgeted_cost_gbp).toBeCloseTo(maths, 6);
		expect(pick('maths boost').staff_hours_in_year).toBeCloseTo(110 / 7, 6);
		expect(pick('fine motor group')).toMatchObject({ budgeted_cost_gbp: null, runs_cost_unknown: 1, staff_hours_in_year: null, pupils: 6 });
		expect(rows.find((r) => r.intervention_key === 'old club')).toBeUndefined();
	});

	it('budgets a run with no end date to the end of the year, not to the date of the export', async () => {
		// S6 starts on 8 September 2025 and has no end: the year gives it 358 days, 51.14 weeks.
		const fine = (await runMetric(db, strategyActivities, scope, { year })).find((r) => r.intervention_key === 'fine motor group')!;
		expect(fine.weeks).toBeCloseTo(358 / 7, 6);
		// The next year: only the runs with no end date (S2 and S6) reach it.
		const next = await runMetric(db, strategyActivities, scope, { year: '2026/27' });
		expect(next.map((r) => r.intervention_key).sort()).toEqual(['fine motor group', 'reading catch-up']);
	});

	it('totals the year by layer, by funding source and in all, unknown costs counted apart', async () => {
		const rows = await runMetric(db, strategyTotals, scope, { year, imf: [] });
		const of = (kind: string, label: string) => rows.find((r) => r.kind === kind && r.label === label)!;
		expect(of('layer', 'universal')).toMatchObject({ activities: 1, cost_gbp: 450, runs_cost_unknown: 0, pupils: 20 });
		// £1,854 + £2,000 + £850 + £267.14; the fine motor group's cost is not known and is not £0.
		expect(of('layer', 'targeted')).toMatchObject({ activities: 5, runs_cost_unknown: 1, pupils: 30 });
		expect(of('layer', 'targeted').cost_gbp).toBeCloseTo(4704 + maths, 6);
		// £1,224 + £850 + £450 (and the fine motor group, unknown); pupils F01–F30.
		expect(of('source', 'notional SEN budget')).toMatchObject({ activities: 4, cost_gbp: 2524, runs_cost_unknown: 1, pupils: 30 });
		expect(of('source', 'pupil premium').cost_gbp).toBeCloseTo(630 + maths, 6);
		expect(of('source', 'pupil premium').pupils).toBe(13);
		expect(of('source', 'top-up')).toMatchObject({ cost_gbp: 2000, pupils: 4 });
		expect(of('all', 'All activity')).toMatchObject({ activities: 6, runs_cost_unknown: 1, pupils: 30 });
		expect(of('all', 'All activity').cost_gbp).toBeCloseTo(5154 + maths, 6);
		expect(rows.some((r) => r.label === IMF_SOURCE || r.kind === 'imf_left')).toBe(false);
	});

	it('moves what the Inclusive Mainstream Fund pays out of the recorded sources', async () => {
		const imf: ImfPart[] = [
			{ intervention_key: 'maths boost', layer: 'targeted', share: 'all', gbp: null },
			{ intervention_key: 'reading catch-up', layer: 'targeted', share: 'part', gbp: 500 }
		];
		const rows = await runMetric(db, strategyTotals, scope, { year, imf, allocation: 10_000 });
		const of = (label: string) => rows.find((r) => r.kind === 'source' && r.label === label)!;
		// All of maths boost (£267.14) and £500 of reading catch-up; pupils F01–F15.
		expect(of(IMF_SOURCE).cost_gbp).toBeCloseTo(500 + maths, 6);
		expect(of(IMF_SOURCE)).toMatchObject({ activities: 2, pupils: 15 });
		// Reading catch-up's other £1,354 stays with its sources in proportion: £1,224 × 1,354/1,854 and £630 × 1,354/1,854.
		expect(of('notional SEN budget').cost_gbp).toBeCloseTo((1224 * 1354) / 1854 + 850 + 450, 6);
		expect(of('pupil premium').cost_gbp).toBeCloseTo((630 * 1354) / 1854, 6);
		// Maths boost is all the fund's: pupil premium keeps only reading catch-up's F13–F15.
		expect(of('pupil premium')).toMatchObject({ activities: 1, pupils: 3 });
		// £10,000 allocated, £767.14 planned: £9,232.86 left to plan.
		expect(rows.find((r) => r.kind === 'imf_left')!.cost_gbp).toBeCloseTo(10_000 - 500 - maths, 6);
		// The whole is unchanged.
		expect(rows.find((r) => r.kind === 'all')!.cost_gbp).toBeCloseTo(5154 + maths, 6);
		const sources = rows.filter((r) => r.kind === 'source').reduce((sum, r) => sum + (r.cost_gbp ?? 0), 0);
		expect(sources).toBeCloseTo(5154 + maths, 6);
	});

	it('caps a part the fund pays at the activity’s known cost', async () => {
		const rows = await runMetric(db, strategyTotals, scope, { year, imf: [{ intervention_key: 'lunch club', layer: 'targeted', share: 'part', gbp: 5000 }] });
		expect(rows.find((r) => r.label === IMF_SOURCE)).toMatchObject({ cost_gbp: 850, pupils: 5 });
		expect(rows.find((r) => r.label === 'notional SEN budget')).toMatchObject({ cost_gbp: 1674, activities: 3 });
	});

	it('gives a trust its activity and cost by school', async () => {
		const [row] = await runMetric(db, strategyBySchool, scope, { year });
		expect(row).toMatchObject({ school: 'strategy', activities: 6, pupils: 30, universal_gbp: 450, runs_cost_unknown: 1 });
		expect(row.targeted_gbp).toBeCloseTo(4704 + maths, 6);
	});

	it('merges the activities reaching fewer than the threshold into one line per layer, cost only', async () => {
		// Under 10 pupils: speech and language groups (4, £2,000), lunch club (5, £850), fine motor group (6, unknown): 15 pupils F16–F30.
		expect(await runMetric(db, strategyMerged, scope, { year, below: 10 })).toEqual([
			{ layer: 'targeted', activities: 3, keys: 'fine motor group; lunch club; speech and language groups', pupils: 15, budgeted_cost_gbp: 2850, runs_cost_unknown: 1 }
		]);
		// At 16, reading catch-up (15) and maths boost (10) join them; the universal training (20 pupils) is not merged.
		const at16 = await runMetric(db, strategyMerged, scope, { year, below: 16 });
		expect(at16).toHaveLength(1);
		expect(at16[0]).toMatchObject({ layer: 'targeted', activities: 5, pupils: 30, runs_cost_unknown: 1 });
		expect(at16[0].budgeted_cost_gbp).toBeCloseTo(4704 + maths, 6);
	});

	it('adds the next smallest activities to a merged line that still reaches too few pupils', async () => {
		// At 20: the targeted activities under 20 are all five (F01–F30, 30 pupils). The universal training reaches 20: not merged.
		expect((await runMetric(db, strategyMerged, scope, { year, below: 20 })).map((r) => [r.layer, r.activities, r.pupils])).toEqual([['targeted', 5, 30]]);
		// At 18 in 2026/27 only reading catch-up's S2 (F13–F15) and the fine motor group (F25–F30) run: 9 pupils, the whole layer, still under 18.
		const next = await runMetric(db, strategyMerged, scope, { year: '2026/27', below: 18 });
		expect(next).toEqual([expect.objectContaining({ layer: 'targeted', activities: 2, keys: 'fine motor group; reading catch-up', pupils: 9 })]);
		// At 5: reading catch-up (3 pupils) alone is under 5, so the next smallest, the fine motor group (6), joins it: 9 pupils.
		expect(await runMetric(db, strategyMerged, scope, { year: '2026/27', below: 5 })).toEqual([
			expect.objectContaining({ layer: 'targeted', activities: 2, keys: 'fine motor group; reading catch-up', pupils: 9 })
		]);
	});
});
