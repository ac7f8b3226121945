import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { allMetrics } from './index';
import { pupilCosts, provisionByIntervention, staffHoursByRole } from './provision';
import { runMetric } from './registry';
import { makeScope } from './scope';

// Unknown is never zero: no metric may turn a missing value into 0 by summing or averaging and then
// filling the gap (counts of rows may be 0; a sum of nothing known is unknown).
describe('unknown stays unknown', () => {
	it('no registered metric fills an unknown sum, mean or median with a number', () => {
		const scope = makeScope({ asOf: '2026-01-15' });
		for (const m of allMetrics) {
			for (const params of m.examples) {
				expect(String(m.sql(scope, params)), m.id).not.toMatch(/coalesce\(\s*(?:sum|avg|median|min|max)\s*\(/i);
			}
		}
	});

	describe('on tests/fixtures/costs (run R6, Fine motor group, records no sessions a week)', () => {
		let db: Db;
		const scope = makeScope({ asOf: '2026-01-15' });
		beforeAll(async () => {
			db = (await sharedFixture('costs')).db;
		});
		it('gives the intervention no staff hours, not 0', async () => {
			const fine = (await runMetric(db, provisionByIntervention, scope, undefined)).find((r) => r.intervention === 'Fine motor group')!;
			expect(fine).toMatchObject({ provisions: 1, provisions_not_quantified: 1, staff_hours_per_week: null, total_cost_gbp: null });
		});
		it('leaves a pupil whose every run is of unknown cost with an unknown cost', async () => {
			const rows = await runMetric(db, pupilCosts, scope, undefined);
			for (const r of rows.filter((r) => r.provisions_cost_unknown === r.provisions)) {
				expect(r.cost_gbp).toBeNull();
				expect(r.over_threshold).toBe(false);
			}
		});
		it('counts runs not quantified beside the hours by role', async () => {
			const rows = await runMetric(db, staffHoursByRole, makeScope({ asOf: '2025-10-01' }), undefined);
			for (const r of rows) if (r.provisions_not_quantified === r.provisions) expect(r.staff_hours_per_week).toBeNull();
		});
	});
});
