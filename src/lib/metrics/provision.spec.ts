import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { defaultSettings } from '../settings/schema';
import { filtersSchema, noFilters } from './filters';
import { provisionByIntervention, provisionGaps, pupilCosts, staffHoursByRole } from './provision';

// tests/fixtures/costs, as of 15 Jan 2026, default rates TA £17, HLTA £21, External £60.
// Every cost below is worked out by hand from that file.
const opts = { asOf: '2026-01-15', rates: defaultSettings.staff_rates };

describe('provision costs', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('costs')).db;
	});

	it('costs each intervention from rates, time and weeks, grouping names ignoring case and spaces', async () => {
		const rows = await provisionByIntervention(db, noFilters, opts);
		const pick = (name: string) => rows.find((r) => r.intervention.toLowerCase().replace(/\s+/g, ' ').trim() === name)!;
		// R1: 1:1, TA £17 × (5 × 12 min = 1 h a week) × (1 Sep–26 Oct = 56 days = 8 weeks) = £136.
		// R2: its own rate £20 × 1 h × 10 weeks + £30 other costs = £230. Together £366 for 2 pupils = £183 each (££: up to £200).
		expect(pick('precision teaching')).toMatchObject({ provisions: 2, pupils: 2, staff_hours_per_week: 2, total_cost_gbp: 366, cost_per_pupil_gbp: 183, cost_band: '££', provisions_cost_unknown: 0 });
		// R3: HLTA £21 × 1 h × (8 Sep–14 Dec = 98 days = 14 weeks) = £294, group of 2 → £147 each (££).
		expect(pick('elsa')).toMatchObject({ provisions: 1, pupils: 2, total_cost_gbp: 294, cost_per_pupil_gbp: 147, cost_band: '££' });
		// R4: no group size, so shared by its 3 pupils: £17 × 1.5 h × 14 weeks = £357 → £119 each.
		expect(pick('lego therapy')).toMatchObject({ pupils: 3, staff_hours_per_week: 1.5, total_cost_gbp: 357, cost_per_pupil_gbp: 119 });
		// R5: the total given (£6,500) overrides the computed cost.
		expect(pick('counselling')).toMatchObject({ total_cost_gbp: 6500, cost_per_pupil_gbp: 6500, cost_band: '£££££' });
		// R6 has no sessions a week: its cost is unknown, not zero, and its hours are not counted.
		expect(pick('fine motor group')).toMatchObject({ total_cost_gbp: null, cost_per_pupil_gbp: null, cost_band: null, provisions_cost_unknown: 1, staff_hours_per_week: 0 });
		// R7's role (Volunteer) has no rate: unknown.
		expect(pick('social skills')).toMatchObject({ pupils: 0, total_cost_gbp: null, provisions_cost_unknown: 1, staff_hours_per_week: 0.5 });
	});

	it('prorates a run crossing the edge of the period by its days', async () => {
		const autumn = filtersSchema.parse({ academicYear: '2025/26', term: 'autumn' });
		const rows = await provisionByIntervention(db, autumn, opts);
		const pt = rows.find((r) => r.intervention === 'Precision Teaching')!;
		// R1 lies in the autumn: £136. R2 runs 3 Nov to as_of 15 Jan (74 days), 59 of them in the autumn: £230 × 59/74.
		expect(pt.total_cost_gbp).toBeCloseTo(136 + (230 * 59) / 74, 6);
		// R5 runs 1 Sep 2025–17 Jul 2026 (320 days), 122 in the autumn.
		expect(rows.find((r) => r.intervention === 'Counselling')!.total_cost_gbp).toBeCloseTo((6500 * 122) / 320, 6);
	});

	it('follows a change of staff rate everywhere it applies', async () => {
		const rates = defaultSettings.staff_rates.map((r) => (r.role === 'TA' ? { ...r, hourly_rate_gbp: 20 } : r));
		const rows = await provisionByIntervention(db, noFilters, { ...opts, rates });
		// R1 now £20 × 1 × 8 = £160; R2 keeps its own £20 rate: £230. R4: £20 × 1.5 × 14 = £420.
		expect(rows.find((r) => r.intervention === 'Precision Teaching')!.total_cost_gbp).toBe(390);
		expect(rows.find((r) => r.intervention === 'Lego therapy')!.total_cost_gbp).toBe(420);
	});

	it("adds up each pupil's shares, counting runs of unknown cost apart", async () => {
		const rows = await pupilCosts(db, noFilters, opts);
		expect(rows.map((r) => [r.pupil_id, r.cost_gbp, r.provisions, r.provisions_cost_unknown])).toEqual([
			['C4', 119 + 6500, 2, 0],
			['C1', 136 + 147, 2, 0],
			['C3', 147 + 119, 2, 0],
			['C2', 230, 1, 0],
			['C5', 119, 2, 1]
		]);
	});

	it('totals staff hours a week by role over the runs in force', async () => {
		// In force on 15 Jan: R2 (TA, 1 h), R6 (TA, not quantified), R5 (External, 50 min).
		const rows = await staffHoursByRole(db, noFilters, opts);
		expect(rows.map((r) => [r.role, r.provisions, Number(r.staff_hours_per_week.toFixed(4)), r.provisions_not_quantified])).toEqual([
			['TA', 2, 1, 1],
			['External', 1, 0.8333, 0]
		]);
	});

	it('lists what it cannot cost or place', async () => {
		const gaps = await provisionGaps(db, noFilters, opts);
		expect(gaps.runs.map((r) => [r.provision_id, r.problem])).toEqual([
			['R6', 'cost unknown: not quantified (no sessions a week or minutes a session)'],
			['R6', 'no end date or weeks: costed to the as-of date'],
			['R6', 'not quantified: no sessions a week'],
			['R7', 'cost unknown: no hourly rate for "Volunteer"'],
			['R7', 'no pupils allocated']
		]);
		expect(gaps.pupilsWithout.map((p) => p.pupil_id)).toEqual(['C6']);
	});

	it('keeps only the chosen funding stream', async () => {
		const rows = await provisionByIntervention(db, noFilters, { ...opts, fundingStream: 'Pupil Premium' });
		expect(rows.map((r) => r.intervention)).toEqual(['ELSA']);
	});
});
