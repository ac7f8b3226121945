import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../cli/read-folder';
import { Sql } from '../db/sql';
import type { Db } from '../db/types';
import { importSchools } from '../import/pipeline';
import { fixture, FIXTURE_EXPORT_DATE } from '../../../tests/unit/load';
import { openTestDb } from '../../../tests/unit/test-db';
import { allMetrics } from './index';
import { pupilProvisionMap } from './provision';
import { pupilsByStage, reviewsDue } from './register';
import { runMetric, type AnyMetric } from './registry';
import { makeScope } from './scope';
import { planTargets } from './target-checks';

// Every value a figure's SQL holds (a school's name, a date, a key, a number) goes through the `sql`
// tag, which quotes it. A school whose name has a quote in it is the test: pasted in unquoted, the
// name would end the string early and the query would fail, or match nothing.
const QUOTED = "O'Brien Academy";
const PLAIN = 'OBrien Academy';
const asOf = '2026-01-15';

/** tests/fixtures/impact loaded as one school of the given name (and tests/fixtures/costs beside it, so the filter has something to leave out). */
async function loadAs(school: string): Promise<Db> {
	const db = await openTestDb();
	const [impact] = readExportFolder(fixture('impact'));
	await importSchools(db, [{ ...impact, school }, ...readExportFolder(fixture('costs'))], { snapshot: FIXTURE_EXPORT_DATE });
	return db;
}

/** A metric's example parameters, with any school in them made the school under test. */
function paramsFor(m: AnyMetric, school: string): unknown[] {
	return m.examples.map((p) => {
		if (m === pupilProvisionMap) return { school, pupil_id: 'I1' };
		if (m === planTargets) return { school, plan_id: 'J1' };
		return p;
	});
}

describe('values in the SQL of the figures', () => {
	let quoted: Db;
	let plain: Db;
	beforeAll(async () => {
		[quoted, plain] = await Promise.all([loadAs(QUOTED), loadAs(PLAIN)]);
	});

	it('are written by the sql tag: every metric builds an Sql, never a string', () => {
		const scope = makeScope({ asOf, filters: { school: QUOTED, academicYear: '2025/26', term: 'autumn' } });
		for (const m of allMetrics) for (const p of paramsFor(m, QUOTED)) expect(m.sql(scope, p), m.id).toBeInstanceOf(Sql);
		expect(String(pupilsByStage.sql(scope, undefined))).toContain(`'O''Brien Academy'`);
	});

	it("find a school whose name has a quote in it: O'Brien Academy's figures are the same school's under a plain name", async () => {
		const quotedScope = makeScope({ asOf, filters: { school: QUOTED } });
		const plainScope = makeScope({ asOf, filters: { school: PLAIN } });
		// impact: pupils I1 and I2 at SEN support, I3 with an EHC plan.
		expect(await runMetric(quoted, pupilsByStage, quotedScope, undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
		expect((await runMetric(quoted, pupilProvisionMap, quotedScope, { school: QUOTED, pupil_id: 'I1' })).length).toBeGreaterThan(0);
		expect((await runMetric(quoted, planTargets, quotedScope, { school: QUOTED, plan_id: 'J1' })).map((t) => t.target_id)).toEqual(['U1', 'U2']);
		for (const m of allMetrics) {
			for (const [i, p] of paramsFor(m, QUOTED).entries()) {
				const got = JSON.stringify(await runMetric(quoted, m, quotedScope, p)).replaceAll(QUOTED, PLAIN);
				const want = JSON.stringify(await runMetric(plain, m, plainScope, paramsFor(m, PLAIN)[i]));
				expect(got, `${m.id} ${JSON.stringify(p)}`).toBe(want);
			}
		}
	});

	it('keep a date, a number of weeks and a limit as values', async () => {
		const rows = await runMetric(quoted, reviewsDue, makeScope({ asOf: '2025-12-20', filters: { school: QUOTED } }), { weeks: 2, limit: 1 });
		expect(rows).toHaveLength(1);
		expect(rows[0].school).toBe(QUOTED);
	});
});
