import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { achievementByIntervention, achievementByNeedArea, achievementByPupilGroup, achievementTrend, NO_LINKED_PROVISION, targetStatus } from './achievement';
import { runMetric } from './registry';
import { makeScope, type Filters } from './scope';

const asOf = '2026-01-15';
const scope = (filters: Partial<Filters> = {}, at = asOf) => makeScope({ asOf: at, filters });

// tests/fixtures/trust: two schools (North, South) that share ids. Every expected figure below is
// worked out by hand from those files at as_of 2026-01-15; the reasoning is beside each number.
describe('target achievement', () => {
	let db: Db;
	const north = scope({ school: 'North' });
	beforeAll(async () => {
		db = (await sharedFixture('trust')).db;
	});

	it('counts targets by status with the achievement rate and its Wilson interval', async () => {
		const t = await runMetric(db, targetStatus, north, undefined);
		// achieved T1 T6 T9; partial T2; not achieved T3 T10; open T4 (due 27 Mar) T7 (20 Jan);
		// overdue T5 (plan due 5 Dec) T8 (own due date 10 Jan).
		expect(t).toMatchObject({ total: 10, reviewed: 6, achieved: 3, partial: 1, not_achieved: 2, open: 2, overdue: 2, small_number: false });
		expect(t.achievement_rate).toBe(0.5);
		expect(t.progress_rate).toBeCloseTo(4 / 6, 10);
		// Wilson, 3 of 6: centre 0.82012 / 1.64024; margin 1.96·√(0.25/6 + 3.8415/144) / 1.64024 → 0.1876 to 0.8124.
		expect(t.ci_low).toBeCloseTo(0.1876, 4);
		expect(t.ci_high).toBeCloseTo(0.8124, 4);
	});

	it('breaks achievement down by area of need, unreviewed targets beside the rate', async () => {
		const rows = await runMetric(db, achievementByNeedArea, north, undefined);
		expect(rows.map((r) => [r.need_area, r.reviewed, r.achieved, r.partial, r.not_achieved, r.open, r.overdue, r.achievement_rate, r.small_number])).toEqual([
			// T1 achieved, T2 partial, T4 open
			['communication_interaction', 2, 1, 1, 0, 1, 0, 0.5, true],
			// T6 T9 achieved, T10 not, T5 overdue
			['cognition_learning', 3, 2, 0, 1, 0, 1, 2 / 3, true],
			// T3 not, T7 open, T8 overdue
			['semh', 1, 0, 0, 1, 1, 1, 0, true]
		]);
	});

	it('filters by SEN stage', async () => {
		// Pupils N1 N2 N4 N6 → targets T1–T6, T9, T10: achieved T1 T6 T9, partial T2, not T3 T10, open T4, overdue T5.
		const k = await runMetric(db, targetStatus, scope({ school: 'North', senStage: 'K' }), undefined);
		expect(k).toMatchObject({ total: 8, reviewed: 6, achieved: 3, open: 1, overdue: 1 });
	});

	it('filters by academic year and term: targets due in it', async () => {
		const autumn = await runMetric(db, targetStatus, scope({ school: 'North', academicYear: '2025/26', term: 'autumn' }), undefined);
		// Due 1 Sep–31 Dec 2025: T1 T2 T3 (A1, 12 Dec), T5 T6 (A3, 5 Dec), T9 T10 (A5, 12 Dec).
		expect(autumn).toMatchObject({ total: 7, reviewed: 6, achieved: 3, partial: 1, not_achieved: 2, open: 0, overdue: 1 });
	});

	it('keys every id by school: both schools have a plan A1 and a target T1', async () => {
		// North's 10 targets, plus South's achieved T1.
		expect(await runMetric(db, targetStatus, scope(), undefined)).toMatchObject({ total: 11, reviewed: 7, achieved: 4 });
	});

	it('gives the same figures for a past as_of whatever day it is run', async () => {
		// On 1 Dec 2025 nothing was due yet: the targets without an outcome (T4 T5 T7 T8) are all open.
		// Outcomes carry no date of their own, so they count as recorded.
		expect(await runMetric(db, targetStatus, scope({ school: 'North' }, '2025-12-01'), undefined)).toMatchObject({ open: 4, overdue: 0 });
	});
});

// tests/fixtures/impact at as_of 15 Jan 2026; every figure worked out by hand from those files.
describe('achievement by intervention and pupil group', () => {
	let db: Db;
	const all = scope();
	beforeAll(async () => {
		db = (await sharedFixture('impact')).db;
	});

	it('attributes each target to every intervention it is linked to, once each', async () => {
		const rows = await runMetric(db, achievementByIntervention, all, undefined);
		const row = (name: string) => rows.find((r) => r.intervention === name)!;
		// Reading Boost (Q1 and Q2, one name in two spellings): U1 achieved, U2 achieved, U3 not, U4 partial.
		// Cost: Q1 £17 × 1 h × 14 weeks = £238, Q2 given as £100: £338 for 2 achieved targets = £169 each.
		expect(row('Reading Boost')).toMatchObject({
			intervention_key: 'reading boost',
			reviewed: 4,
			achieved: 2,
			partial: 1,
			not_achieved: 1,
			open: 0,
			overdue: 0,
			pupils: 2,
			achievement_rate: 0.5,
			progress_rate: 0.75,
			total_cost_gbp: 338,
			cost_per_achieved_target_gbp: 169,
			small_number: true
		});
		// ELSA: U2 (also counted for Reading Boost) achieved; U5 unreviewed and overdue, beside the rate, not in it.
		// Q3: HLTA £21 × 1 h × 14 weeks = £294 for I1 and I3.
		expect(row('ELSA')).toMatchObject({ reviewed: 1, achieved: 1, overdue: 1, achievement_rate: 1, pupils: 2, total_cost_gbp: 294, cost_per_achieved_target_gbp: 294 });
		// U6 achieved and U7 not achieved have no provision.
		expect(row(NO_LINKED_PROVISION)).toMatchObject({
			intervention_key: null,
			reviewed: 2,
			achieved: 1,
			not_achieved: 1,
			achievement_rate: 0.5,
			total_cost_gbp: null,
			cost_per_achieved_target_gbp: null
		});
		expect(rows).toHaveLength(3);
	});

	it('breaks achievement down by pupil group, keeping "not known" apart', async () => {
		const rows = await runMetric(db, achievementByPupilGroup, all, 'pupil_premium');
		expect(rows.map((r) => [r.group, r.pupils, r.reviewed, r.achieved, r.overdue])).toEqual([
			['Not known', 1, 2, 1, 1], // I3: U6 achieved, U7 not, U5 overdue
			['Not pupil premium', 1, 2, 0, 0], // I2: U3 not, U4 partial
			['Pupil premium', 1, 2, 2, 0] // I1: U1, U2 achieved
		]);
	});

	it('trends achievement by the term targets were due', async () => {
		// Every target takes its plan's review date, 12 Dec 2025: the autumn of 2025/26.
		const rows = await runMetric(db, achievementTrend, all, undefined);
		expect(rows.map((r) => [r.academic_year, r.term, r.reviewed, r.achieved, r.overdue])).toEqual([['2025/26', 'Autumn', 6, 3, 1]]);
	});
});
