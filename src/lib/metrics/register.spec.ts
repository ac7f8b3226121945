import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { filterOptions, latestPeriodWithData } from './options';
import { planCounts, pupilsByKeyStage, pupilsByNeedArea, pupilsByStage } from './register';
import { runMetric } from './registry';
import { makeScope, type Filters } from './scope';

// tests/fixtures/trust: two schools (North, South) that share ids. Every expected figure below is
// worked out by hand from those files at as_of 2026-01-15; the reasoning is beside each number.
const asOf = '2026-01-15';
const scope = (filters: Partial<Filters> = {}, at = asOf) => makeScope({ asOf: at, filters });
const north = scope({ school: 'North' });

describe('register figures', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('trust')).db;
	});

	it('counts pupils by SEN stage and by broad area of primary need', async () => {
		// K: N1 N2 N4 N6; E: N3; N: N5.
		expect(await runMetric(db, pupilsByStage, north, undefined)).toEqual({ total: 6, K: 4, E: 1, N: 1 });
		// K/E only: SLCN+ASD → C&I 2; SEMH 1; HI → sensory 1; N4 blank → unknown. N5 (monitoring) not counted.
		expect(await runMetric(db, pupilsByNeedArea, north, undefined)).toEqual([
			{ need_area: 'communication_interaction', pupils: 2 },
			{ need_area: 'semh', pupils: 1 },
			{ need_area: 'sensory_physical', pupils: 1 },
			{ need_area: 'unknown', pupils: 1 }
		]);
	});

	it('counts pupils at K or E by key stage, in key-stage order', async () => {
		// N6 (R) → EYFS; N1 (3), N2 (4), N3 (5, E) → KS2; N4 (8) → KS3. N5 is at N: not counted.
		expect(await runMetric(db, pupilsByKeyStage, north, undefined)).toEqual([
			{ key_stage: 'EYFS', pupils: 1 },
			{ key_stage: 'KS2', pupils: 3 },
			{ key_stage: 'KS3', pupils: 1 }
		]);
		// Both schools: South's N1 is in year 7 → KS3 2.
		expect(await runMetric(db, pupilsByKeyStage, scope(), undefined)).toEqual([
			{ key_stage: 'EYFS', pupils: 1 },
			{ key_stage: 'KS2', pupils: 3 },
			{ key_stage: 'KS3', pupils: 2 }
		]);
	});

	it('counts plans in force and reviews overdue at as_of', async () => {
		// In force: started by 15 Jan and not reviewed before it: A2, A3, A4, A5 (A5's review is after as_of).
		// Reviewed by as_of: A1. Overdue (no review by as_of, due + 14 days before it): A3 (due 5 Dec), A5 (12 Dec).
		// A4 is due 5 Jan: + 14 days = 19 Jan, not yet overdue. A6 has not started.
		expect(await runMetric(db, planCounts, north, undefined)).toEqual({ total: 6, in_force: 4, reviewed: 1, reviews_overdue: 2 });
	});

	it('filters by key stage', async () => {
		// Years 3–6: N1 (3), N2 (4), N3 (5).
		expect(await runMetric(db, pupilsByStage, scope({ school: 'North', keyStage: 'KS2' }), undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
	});

	it('counts plans running in a term', async () => {
		// Running in the autumn: A1, A3, A4, A5; of those in force on 15 Jan A3 A4 A5; overdue A3 A5.
		const autumn = scope({ school: 'North', academicYear: '2025/26', term: 'autumn' });
		expect(await runMetric(db, planCounts, autumn, undefined)).toEqual({ total: 4, in_force: 3, reviewed: 1, reviews_overdue: 2 });
	});

	it('keys every id by school: both schools have a pupil N1 and a plan A1', async () => {
		// North's 6 pupils plus South's N1.
		expect((await runMetric(db, pupilsByStage, scope(), undefined)).total).toBe(7);
		expect(await runMetric(db, pupilsByNeedArea, scope({ school: 'South' }), undefined)).toEqual([{ need_area: 'cognition_learning', pupils: 1 }]);
	});

	it('gives the same figures for a past as_of whatever day it is run', async () => {
		// On 1 Dec 2025 no review was overdue yet.
		expect((await runMetric(db, planCounts, scope({ school: 'North' }, '2025-12-01'), undefined)).reviews_overdue).toBe(0);
	});

	it('offers only the schools, academic years and year groups in the data', async () => {
		// Plans run from 8 Sep 2025 to 30 Apr 2026: all in 2025/26. Year groups R 2 3 4 5 8 (North) and 7 (South), in school order.
		expect(await runMetric(db, filterOptions, north, undefined)).toEqual({
			schools: ['North', 'South'],
			academicYears: ['2025/26'],
			snapshots: ['2026-01-15'],
			yearGroups: ['R', '2', '3', '4', '5', '7', '8']
		});
	});

	it('finds the latest academic year with a target due by as_of', async () => {
		// T8 is due 10 Jan 2026; before 5 Dec 2025 (A3's review) nothing was due.
		expect(await runMetric(db, latestPeriodWithData, scope(), undefined)).toBe('2025/26');
		expect(await runMetric(db, latestPeriodWithData, scope({}, '2025-12-01'), undefined)).toBeNull();
	});
});
