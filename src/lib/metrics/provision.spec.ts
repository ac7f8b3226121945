import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { defaultSettings } from '../settings/schema';
import {
	costByFundingStream,
	provisionByIntervention,
	provisionGapRuns,
	provisionMapCells,
	provisionTotals,
	pupilCosts,
	pupilProvisionMap,
	pupilsOverThreshold,
	pupilsWithoutProvision,
	staffHoursByRole
} from './provision';
import { fundingStreams } from './options';
import { runMetric } from './registry';
import { makeScope, type Costing, type Filters } from './scope';

// tests/fixtures/costs, as of 15 Jan 2026, default rates TA £17, HLTA £21, External £60; threshold £6,000 a year.
// Every cost below is worked out by hand from that file.
const asOf = '2026-01-15';
const scope = (filters: Partial<Filters> = {}, costing: Partial<Costing> = {}) => makeScope({ asOf, filters, costing });
const all = scope();
const autumn = scope({ academicYear: '2025/26', term: 'autumn' });

describe('provision costs', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('costs')).db;
	});

	it('costs each intervention from rates, time and weeks, grouping names ignoring case and spaces', async () => {
		const rows = await runMetric(db, provisionByIntervention, all, undefined);
		const pick = (key: string) => rows.find((r) => r.intervention_key === key)!;
		// R1: 1:1, TA £17 × (5 × 12 min = 1 h a week) × (1 Sep–26 Oct = 56 days = 8 weeks) = £136.
		// R2: its own rate £20 × 1 h × 10 weeks + £30 other costs = £230. Together £366 for 2 pupils = £183 each (££: up to £200).
		expect(pick('precision teaching')).toMatchObject({ provisions: 2, pupils: 2, staff_hours_per_week: 2, total_cost_gbp: 366, cost_per_pupil_gbp: 183, cost_band: '££', provisions_cost_unknown: 0 });
		// R3: HLTA £21 × 1 h × (8 Sep–14 Dec = 98 days = 14 weeks) = £294, group of 2 → £147 each (££).
		expect(pick('elsa')).toMatchObject({ provisions: 1, pupils: 2, total_cost_gbp: 294, cost_per_pupil_gbp: 147, cost_band: '££' });
		// R4: no group size, so shared by its 3 pupils: £17 × 1.5 h × 14 weeks = £357 → £119 each.
		expect(pick('lego therapy')).toMatchObject({ pupils: 3, staff_hours_per_week: 1.5, total_cost_gbp: 357, cost_per_pupil_gbp: 119 });
		// R5: the total given (£6,500) overrides the computed cost.
		expect(pick('counselling')).toMatchObject({ total_cost_gbp: 6500, cost_per_pupil_gbp: 6500, cost_band: '£££££' });
		// R6 has no sessions a week: its cost and its hours are unknown, not zero.
		expect(pick('fine motor group')).toMatchObject({
			total_cost_gbp: null,
			cost_per_pupil_gbp: null,
			cost_band: null,
			provisions_cost_unknown: 1,
			staff_hours_per_week: null,
			provisions_not_quantified: 1
		});
		// R7's role (Volunteer) has no rate: unknown.
		expect(pick('social skills')).toMatchObject({ pupils: 0, total_cost_gbp: null, provisions_cost_unknown: 1, staff_hours_per_week: 0.5 });
	});

	it('prorates a run crossing the edge of the period by its days', async () => {
		const rows = await runMetric(db, provisionByIntervention, autumn, undefined);
		const pt = rows.find((r) => r.intervention === 'Precision Teaching')!;
		// R1 lies in the autumn: £136. R2 runs 3 Nov to as_of 15 Jan (74 days), 59 of them in the autumn: £230 × 59/74.
		expect(pt.total_cost_gbp).toBeCloseTo(136 + (230 * 59) / 74, 6);
		// R5 runs 1 Sep 2025–17 Jul 2026 (320 days), 122 in the autumn.
		expect(rows.find((r) => r.intervention === 'Counselling')!.total_cost_gbp).toBeCloseTo((6500 * 122) / 320, 6);
	});

	it('follows a change of staff rate everywhere it applies', async () => {
		const rates = defaultSettings.staff_rates.map((r) => (r.role === 'TA' ? { ...r, hourly_rate_gbp: 20 } : r));
		const rows = await runMetric(db, provisionByIntervention, scope({}, { rates }), undefined);
		// R1 now £20 × 1 × 8 = £160; R2 keeps its own £20 rate: £230. R4: £20 × 1.5 × 14 = £420.
		expect(rows.find((r) => r.intervention === 'Precision Teaching')!.total_cost_gbp).toBe(390);
		expect(rows.find((r) => r.intervention === 'Lego therapy')!.total_cost_gbp).toBe(420);
	});

	it('totals interventions, runs and known cost, counting runs of unknown cost apart', async () => {
		// Six interventions (the two spellings of Precision Teaching are one), seven runs;
		// known cost £136 + £230 + £294 + £357 + £6,500 = £7,517; R6 and R7 unknown, never £0.
		expect(await runMetric(db, provisionTotals, all, undefined)).toEqual({ interventions: 6, runs: 7, total_cost_gbp: 7517, runs_cost_unknown: 2 });
		// The autumn: £136 + £230 × 59/74 + £294 + £357 + £6,500 × 122/320.
		const t = await runMetric(db, provisionTotals, autumn, undefined);
		expect(t.total_cost_gbp).toBeCloseTo(136 + (230 * 59) / 74 + 294 + 357 + (6500 * 122) / 320, 6);
	});

	it("adds up each pupil's shares, counting runs of unknown cost apart, against the threshold", async () => {
		const rows = await runMetric(db, pupilCosts, all, undefined);
		// Only C4 costs more than £6,000 a year.
		expect(rows.map((r) => [r.pupil_id, r.cost_gbp, r.provisions, r.provisions_cost_unknown, r.over_threshold])).toEqual([
			['C4', 119 + 6500, 2, 0, true],
			['C1', 136 + 147, 2, 0, false],
			['C3', 147 + 119, 2, 0, false],
			['C2', 230, 1, 0, false],
			['C5', 119, 2, 1, false]
		]);
		expect(await runMetric(db, pupilsOverThreshold, all, undefined)).toEqual([{ school: 'costs', pupil_id: 'C4', cost_gbp: 6619, threshold_gbp: 6000 }]);
	});

	it("sets a term's costs against the threshold pro rata by days", async () => {
		// A threshold of £6,700 a year: C4's £6,619 for the year is under it.
		const costing = { thresholdGbp: 6700 };
		expect(await runMetric(db, pupilsOverThreshold, scope({}, costing), undefined)).toEqual([]);
		// The autumn (1 Sep–31 Dec, 122 days): £6,700 × 122/365 = £2,239.45. C4's autumn share is
		// £119 (R4, all in the autumn) + £6,500 × 122/320 (R5) = £2,597.13: over. C1 £283, C3 £266, C2 £183.38, C5 £119: not.
		const term = scope({ academicYear: '2025/26', term: 'autumn' }, costing);
		const over = await runMetric(db, pupilsOverThreshold, term, undefined);
		expect(over.map((r) => r.pupil_id)).toEqual(['C4']);
		expect(over[0].cost_gbp).toBeCloseTo(119 + (6500 * 122) / 320, 6);
		expect(over[0].threshold_gbp).toBeCloseTo((6700 * 122) / 365, 6);
		const costs = await runMetric(db, pupilCosts, term, undefined);
		expect(costs.filter((r) => r.over_threshold).map((r) => r.pupil_id)).toEqual(['C4']);
		expect(costs.find((r) => r.pupil_id === 'C2')!.cost_gbp).toBeCloseTo((230 * 59) / 74, 6);
	});

	it('totals runs, pupils and known cost by funding stream', async () => {
		expect(await runMetric(db, costByFundingStream, all, undefined)).toEqual([
			// R5 £6,500 for C4.
			{ stream: 'top-up', runs: 1, pupils: 1, cost: 6500, unknown: 0 },
			// R1 £136, R2 £230, R4 £357 (R6 unknown): £723; pupils C1 C2 C3 C4 C5.
			{ stream: 'notional SEN budget', runs: 4, pupils: 5, cost: 723, unknown: 1 },
			// R3 £294 for C1 C3.
			{ stream: 'pupil premium', runs: 1, pupils: 2, cost: 294, unknown: 0 },
			// R7 has no stream, no pupils and no known cost: its cost is unknown, not £0.
			{ stream: 'Not recorded', runs: 1, pupils: 0, cost: null, unknown: 1 }
		]);
	});

	it('totals staff hours a week by role over the runs in force', async () => {
		// In force on 15 Jan: R2 (TA, 1 h), R6 (TA, not quantified), R5 (External, 50 min).
		const rows = await runMetric(db, staffHoursByRole, all, undefined);
		expect(rows.map((r) => [r.role, r.provisions, r.staff_hours_per_week === null ? null : Number(r.staff_hours_per_week.toFixed(4)), r.provisions_not_quantified])).toEqual([
			['TA', 2, 1, 1],
			['External', 1, 0.8333, 0]
		]);
	});

	it('lists what it cannot cost or place', async () => {
		const runs = await runMetric(db, provisionGapRuns, all, undefined);
		expect(runs.map((r) => [r.provision_id, r.problem])).toEqual([
			['R6', 'cost unknown: not quantified (no sessions a week or minutes a session)'],
			['R6', 'no end date or weeks: costed to the as-of date'],
			['R6', 'not quantified: no sessions a week'],
			['R7', 'cost unknown: no hourly rate for "Volunteer"'],
			['R7', 'no pupils allocated']
		]);
		expect((await runMetric(db, pupilsWithoutProvision, all, undefined)).map((p) => p.pupil_id)).toEqual(['C6']);
	});

	it("leaves a cell's hours unknown, not 0, when no run in it is quantified", async () => {
		// R6 (Fine motor group, no sessions a week) is its intervention's only run; its one pupil C5 is in year 5.
		// Lego therapy (R4, 1.5 h) has C3 (year 4) and C4 C5 (year 5): 1.5 h in each cell, counted once in each.
		const cells = await runMetric(db, provisionMapCells, all, 'year_group');
		const of = (key: string) => cells.filter((c) => c.intervention_key === key).map((c) => [c.column, c.pupils, c.hours_per_week, c.runs, c.runs_not_quantified]);
		expect(of('fine motor group')).toEqual([['5', 1, null, 1, 1]]);
		expect(of('lego therapy')).toEqual([
			['4', 1, 1.5, 1, 0],
			['5', 2, 1.5, 1, 0]
		]);
	});

	it('offers the funding streams present, and keeps only the chosen one, ignoring case and spaces', async () => {
		// R7 has none: it is not offered.
		expect(await runMetric(db, fundingStreams, all, undefined)).toEqual(['notional SEN budget', 'pupil premium', 'top-up']);
		const rows = await runMetric(db, provisionByIntervention, scope({}, { fundingStream: 'Pupil  Premium' }), undefined);
		expect(rows.map((r) => r.intervention)).toEqual(['ELSA']);
	});

	it("lists one pupil's runs with their share of each cost", async () => {
		// C1: R1 (1 Sep, alone: £136) and R3 (8 Sep, group of 2: £294 / 2 = £147).
		const c1 = await runMetric(db, pupilProvisionMap, all, { school: 'costs', pupil_id: 'C1' });
		expect(c1.map((r) => [r.provision_id, r.intervention, r.delivered_by, r.hours_per_week, r.shared_by, r.share_gbp, r.targets])).toEqual([
			['R1', 'Precision Teaching', 'TA', 1, 1, 136, null],
			['R3', 'ELSA', 'HLTA', 1, 2, 147, null]
		]);
		// C5: R4 shared by 3 (£119); R6 cannot be costed: its share is unknown, not £0.
		const c5 = await runMetric(db, pupilProvisionMap, all, { school: 'costs', pupil_id: 'C5' });
		expect(c5.map((r) => [r.provision_id, r.share_gbp, r.hours_per_week])).toEqual([
			['R4', 119, 1.5],
			['R6', null, null]
		]);
		// Another school's pupil of the same id, or a pupil with nothing allocated: no runs.
		expect(await runMetric(db, pupilProvisionMap, all, { school: 'elsewhere', pupil_id: 'C1' })).toEqual([]);
		expect(await runMetric(db, pupilProvisionMap, all, { school: 'costs', pupil_id: 'C6' })).toEqual([]);
	});
});

// tests/fixtures/pivot: Phonics Catch-up runs twice (X1 for V1, X2 for V2, both year 3, each 2 × 30 min = 1 h a week);
// Lego therapy runs once (X3, 1 × 90 min = 1.5 h a week) for V1 (year 3) and V3 (year 4).
describe('the provision map pivot', () => {
	let db: Db;
	const pivot = makeScope({ asOf });
	beforeAll(async () => {
		db = (await sharedFixture('pivot')).db;
	});

	const cell = (c: { intervention_key: string; column: string; pupils: number; hours_per_week: number | null; runs: number; runs_not_quantified: number }) => [
		c.intervention_key,
		c.column,
		c.pupils,
		c.hours_per_week,
		c.runs,
		c.runs_not_quantified
	];

	it('adds the hours of every run in a cell: two runs at 1 h a week are 2 h', async () => {
		const cells = await runMetric(db, provisionMapCells, pivot, 'year_group');
		expect(cells.map(cell)).toEqual([
			['lego therapy', '3', 1, 1.5, 1, 0],
			['lego therapy', '4', 1, 1.5, 1, 0],
			// X1 + X2: 2 h, not 1 h (summing distinct hour values would count the two runs' equal hours once).
			['phonics catch-up', '3', 2, 2, 2, 0]
		]);
		// Shown under the most common spelling, capitals first between equals.
		expect(cells.map((c) => c.intervention)).toEqual(['Lego therapy', 'Lego therapy', 'Phonics Catch-up']);
		// The same 2 h the whole-school map gives.
		const map = await runMetric(db, provisionByIntervention, pivot, undefined);
		expect(map.find((r) => r.intervention_key === 'phonics catch-up')!.staff_hours_per_week).toBe(2);
	});

	it('counts a run once in a cell however many of its pupils are in it', async () => {
		// By area of need: X3 has two pupils in the C&I cell but is 1.5 h, once.
		expect((await runMetric(db, provisionMapCells, pivot, 'need_area')).map(cell)).toEqual([
			['lego therapy', 'communication_interaction', 2, 1.5, 1, 0],
			['phonics catch-up', 'cognition_learning', 2, 2, 2, 0]
		]);
		expect((await runMetric(db, provisionMapCells, pivot, 'wave')).map(cell)).toEqual([
			['lego therapy', 'Wave 2', 2, 1.5, 1, 0],
			['phonics catch-up', 'Wave 2', 2, 2, 2, 0]
		]);
	});

	it('narrows the pivot by the pupil filters', async () => {
		// Year 4 only: V3 in Lego therapy.
		const y4 = makeScope({ asOf, filters: { yearGroup: '4' } });
		expect((await runMetric(db, provisionMapCells, y4, 'year_group')).map(cell)).toEqual([['lego therapy', '4', 1, 1.5, 1, 0]]);
	});
});
