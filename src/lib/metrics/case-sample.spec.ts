import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { caseSampleSpread } from './case-sample';
import { runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/lineage: L1 (year 4, SPLD), L2 (year 5, SLCN), L4 (year 6, PD), L5 (year 3, MLD) at SEN support, L3 (year 2, SEMH) with an EHC plan.
describe('a proposed case sample', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('lineage')).db;
	});

	it('puts the EHC-plan pupil first, then one pupil of each area of need, spreading key stages, most plans first', async () => {
		const rows = await runMetric(db, caseSampleSpread, makeScope({ asOf: '2026-01-15' }), 'lineage');
		// L3 (E, 2 plans); then the first of each area: L1 (3 plans, first in key stage 2), L2 (3, second), L4 (1 plan, fourth in key
		// stage 2 after L5's 2); then the second of an area: L5 (cognition and learning after L1).
		expect(rows.map((r) => [r.pupil_id, r.sen_stage, r.need_area, r.plans])).toEqual([
			['L3', 'E', 'semh', 2],
			['L1', 'K', 'cognition_learning', 3],
			['L2', 'K', 'communication_interaction', 3],
			['L4', 'K', 'sensory_physical', 1],
			['L5', 'K', 'cognition_learning', 2]
		]);
	});

	it('counts only pupils with a plan by the as-of date, in the school asked for', async () => {
		// On 1 Jun 2025: L1 has A1 and A2, L2 has B1; L3, L4 and L5 have no plan yet, so no EHC-plan pupil to put first.
		expect((await runMetric(db, caseSampleSpread, makeScope({ asOf: '2025-06-01' }), 'lineage')).map((r) => [r.pupil_id, r.plans])).toEqual([
			['L1', 2],
			['L2', 1]
		]);
		expect(await runMetric(db, caseSampleSpread, makeScope({ asOf: '2026-01-15' }), 'elsewhere')).toEqual([]);
	});
});
