import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { filtersSchema } from './filters';
import { achievementByNeedArea, overview } from './overview';

// tests/fixtures/trust: two schools (North, South) that share ids. Every expected figure below is
// worked out by hand from those files at as_of 2026-01-15; the reasoning is beside each number.
const asOf = '2026-01-15';
const north = filtersSchema.parse({ school: 'North' });

describe('overview figures', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await loadFixture('trust')).db;
	});

	it('counts pupils by SEN stage and by broad area of primary need', async () => {
		const o = await overview(db, north, asOf);
		// K: N1 N2 N4 N6; E: N3; N: N5.
		expect(o.pupils.total).toBe(6);
		expect(o.pupils.by_stage).toEqual({ K: 4, E: 1, N: 1 });
		// K/E only: SLCN+ASD → C&I 2; SEMH 1; HI → sensory 1; N4 blank → unknown. N5 (monitoring) not counted.
		expect(o.pupils.by_need_area).toEqual([
			{ need_area: 'communication_interaction', pupils: 2 },
			{ need_area: 'semh', pupils: 1 },
			{ need_area: 'sensory_physical', pupils: 1 },
			{ need_area: 'unknown', pupils: 1 }
		]);
	});

	it('counts plans in force and reviews overdue at as_of', async () => {
		const o = await overview(db, north, asOf);
		// In force: started by 15 Jan and not reviewed before it: A2, A3, A4, A5 (A5's review is after as_of).
		// Reviewed by as_of: A1. Overdue (no review by as_of, due + 14 days before it): A3 (due 5 Dec), A5 (12 Dec).
		// A4 is due 5 Jan: + 14 days = 19 Jan, not yet overdue. A6 has not started.
		expect(o.plans).toEqual({ total: 6, in_force: 4, reviewed: 1, reviews_overdue: 2 });
	});

	it('counts targets by status with the achievement rate and its Wilson interval', async () => {
		const t = (await overview(db, north, asOf)).targets;
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
		const rows = await achievementByNeedArea(db, north, asOf);
		expect(rows.map((r) => [r.need_area, r.reviewed, r.achieved, r.partial, r.not_achieved, r.open, r.overdue, r.achievement_rate, r.small_number])).toEqual([
			// T1 achieved, T2 partial, T4 open
			['communication_interaction', 2, 1, 1, 0, 1, 0, 0.5, true],
			// T6 T9 achieved, T10 not, T5 overdue
			['cognition_learning', 3, 2, 0, 1, 0, 1, 2 / 3, true],
			// T3 not, T7 open, T8 overdue
			['semh', 1, 0, 0, 1, 1, 1, 0, true]
		]);
	});

	it('filters by SEN stage and key stage', async () => {
		const k = await overview(db, filtersSchema.parse({ school: 'North', senStage: 'K' }), asOf);
		// Pupils N1 N2 N4 N6 → targets T1–T6, T9, T10: achieved T1 T6 T9, partial T2, not T3 T10, open T4, overdue T5.
		expect(k.targets).toMatchObject({ total: 8, reviewed: 6, achieved: 3, open: 1, overdue: 1 });
		const ks2 = await overview(db, filtersSchema.parse({ school: 'North', keyStage: 'KS2' }), asOf);
		// Years 3–6: N1 (3), N2 (4), N3 (5).
		expect(ks2.pupils.by_stage).toEqual({ K: 2, E: 1, N: 0 });
	});

	it('filters by academic year and term: targets due in it, plans running in it', async () => {
		const autumn = await overview(db, filtersSchema.parse({ school: 'North', academicYear: '2025/26', term: 'autumn' }), asOf);
		// Due 1 Sep–31 Dec 2025: T1 T2 T3 (A1, 12 Dec), T5 T6 (A3, 5 Dec), T9 T10 (A5, 12 Dec).
		expect(autumn.targets).toMatchObject({ total: 7, reviewed: 6, achieved: 3, partial: 1, not_achieved: 2, open: 0, overdue: 1 });
		// Running in the autumn: A1, A3, A4, A5; of those in force on 15 Jan A3 A4 A5; overdue A3 A5.
		expect(autumn.plans).toEqual({ total: 4, in_force: 3, reviewed: 1, reviews_overdue: 2 });
	});

	it('keys every id by school: both schools have a pupil N1 and a plan A1', async () => {
		const all = await overview(db, filtersSchema.parse({}), asOf);
		// North's 6 pupils and 10 targets, plus South's N1 and its achieved T1.
		expect(all.pupils.total).toBe(7);
		expect(all.targets).toMatchObject({ total: 11, reviewed: 7, achieved: 4 });
		const south = await overview(db, filtersSchema.parse({ school: 'South' }), asOf);
		expect(south.pupils.by_need_area).toEqual([{ need_area: 'cognition_learning', pupils: 1 }]);
	});

	it('gives the same figures for a past as_of whatever day it is run', async () => {
		// On 1 Dec 2025 nothing was due yet: the targets without an outcome (T4 T5 T7 T8) are all open,
		// and no review is overdue. Outcomes carry no date of their own, so they count as recorded.
		const dec = await overview(db, north, '2025-12-01');
		expect(dec.plans.reviews_overdue).toBe(0);
		expect(dec.targets).toMatchObject({ open: 4, overdue: 0 });
	});
});
