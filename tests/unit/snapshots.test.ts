import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { commitImport, prepareImport } from '../../src/lib/import/pipeline';
import { runMetric } from '../../src/lib/metrics/registry';
import { pupilsByStage, pupilsByNeedArea } from '../../src/lib/metrics/register';
import { needsTrend, registerTrend, snapshotsBySchool } from '../../src/lib/metrics/snapshots';
import { targetStatus } from '../../src/lib/metrics/achievement';
import { attendanceSummary } from '../../src/lib/metrics/attainment';
import { coverage } from '../../src/lib/metrics/plan-quality';
import { planQualityBySchool, registerBySchool } from '../../src/lib/metrics/schools';
import { makeScope } from '../../src/lib/metrics/scope';
import { buildReport } from '../../src/lib/report/build';
import { readExportFolder } from '../../src/cli/read-folder';
import type { InputFile } from '../../src/lib/import/pipeline';
import { fixture, inputFiles } from './load';
import { openTestDb } from './test-db';

/**
 * Two exports of one school (tests/fixtures/snapshots), a term apart, worked by hand:
 * - October: pupils P1 (K, SLCN), P2 (K, MLD), P3 (E, ASD); plans L1 (P1, in force), L2 (P2, in force);
 *   targets T1 (L1, no outcome yet), T2 (L2, achieved).
 * - January: P2 has left; P4 (K, SEMH) has joined; L1 was reviewed on 10 Dec with T1 achieved; L3 (P4) starts.
 * Merged, each target is counted once: T1 in January's version (achieved), T2 kept from October, T3 new.
 */

const october = readExportFolder(fixture('snapshots/october'))[0].files;
const january = readExportFolder(fixture('snapshots/january'))[0].files;

async function load(db: Db, files: InputFile[], snapshot: string, addSnapshot: boolean) {
	const plan = await prepareImport(db, 'Oak', files);
	await commitImport(db, plan, { snapshot, addSnapshot });
}

const scope = makeScope({ asOf: '2026-01-20' });
const snapshotDatesOf = async (db: Db) => (await db.query<{ d: string }>(`SELECT strftime(snapshot, '%Y-%m-%d') AS d FROM snapshots ORDER BY 1`)).map((r) => r.d);

describe('snapshots of a school', () => {
	let db: Db;
	beforeEach(async () => {
		db = await openTestDb();
	});

	it('counts a target, plan or pupil in both exports once, in the latest version', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		const targets = await db.query<{ target_id: string; outcome: string | null }>(`SELECT target_id, outcome FROM targets ORDER BY target_id`);
		expect(targets).toEqual([
			{ target_id: 'T1', outcome: 'achieved' },
			{ target_id: 'T2', outcome: 'achieved' },
			{ target_id: 'T3', outcome: null }
		]);
		const status = await runMetric(db, targetStatus, scope, undefined);
		expect(status.achieved).toBe(2);
		// P2 left, but their October target still needs them.
		expect((await db.query(`SELECT pupil_id FROM pupils ORDER BY 1`)).map((r) => (r as { pupil_id: string }).pupil_id)).toEqual(['P1', 'P2', 'P3', 'P4']);
	});

	it('reads the register from the latest snapshot by default, and from an earlier one when the scope picks it', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		expect(await runMetric(db, pupilsByStage, scope, undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
		const inAutumn = makeScope({ asOf: '2026-01-20', filters: { snapshot: '2025-12-01' } });
		expect(await runMetric(db, pupilsByStage, inAutumn, undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
		expect(await runMetric(db, pupilsByNeedArea, inAutumn, undefined)).toEqual([
			{ need_area: 'communication_interaction', pupils: 2 },
			{ need_area: 'cognition_learning', pupils: 1 }
		]);
		expect(await runMetric(db, pupilsByNeedArea, scope, undefined)).toEqual([
			{ need_area: 'communication_interaction', pupils: 2 },
			{ need_area: 'semh', pupils: 1 }
		]);
	});

	it('gives the register, needs and plan coverage on each snapshot date', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		// October 1st: P1, P2 at K, P3 at E; L1 and L2 in force (started 8 Sep) → 2 of 3 with a plan.
		// January 15th: P1, P4 at K, P3 at E; L1 was reviewed 10 Dec (no longer in force), L3 starts 5 Jan → 1 of 3.
		expect(await runMetric(db, registerTrend, scope, undefined)).toEqual([
			{ census: '2025-10-01', sen_support: 2, ehc_plan: 1, pupils: 3, with_plan: 2, coverage: 2 / 3 },
			{ census: '2026-01-15', sen_support: 2, ehc_plan: 1, pupils: 3, with_plan: 1, coverage: 1 / 3 }
		]);
		expect(await runMetric(db, needsTrend, scope, undefined)).toEqual([
			{ census: '2025-10-01', need_area: 'communication_interaction', pupils: 2 },
			{ census: '2025-10-01', need_area: 'cognition_learning', pupils: 1 },
			{ census: '2026-01-15', need_area: 'communication_interaction', pupils: 2 },
			{ census: '2026-01-15', need_area: 'semh', pupils: 1 }
		]);
		expect((await runMetric(db, snapshotsBySchool, scope, undefined)).map((r) => [r.school, r.snapshot, r.pupils])).toEqual([
			['Oak', '2025-10-01', 3],
			['Oak', '2026-01-15', 3]
		]);
	});

	it('keeps the later version when an earlier export is added after it', async () => {
		await load(db, january, '2026-01-15', false);
		await load(db, october, '2025-10-01', true);
		const targets = await db.query<{ target_id: string; outcome: string | null }>(`SELECT target_id, outcome FROM targets ORDER BY target_id`);
		expect(targets.map((t) => `${t.target_id}:${t.outcome}`)).toEqual(['T1:achieved', 'T2:achieved', 'T3:null']);
		expect(await runMetric(db, pupilsByStage, scope, undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
		expect((await runMetric(db, registerTrend, scope, undefined)).map((r) => r.census)).toEqual(['2025-10-01', '2026-01-15']);
	});

	it('replaces everything of the school, snapshots too, when not adding', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', false);
		expect((await db.query(`SELECT target_id FROM targets ORDER BY 1`)).length).toBe(2);
		expect((await runMetric(db, registerTrend, scope, undefined)).map((r) => r.census)).toEqual(['2026-01-15']);
	});

	it('leaves what was loaded untouched when the new export cannot be loaded', async () => {
		await load(db, october, '2025-10-01', false);
		const plan = await prepareImport(
			db,
			'Oak',
			inputFiles({ 'pupils.csv': 'pupil_id,year_group,sen_stage\nP9,3,K\n', 'plans.csv': 'plan_id,pupil_id,start_date,review_due\nQ1,P9,2026-01-05,2026-03-27\n' })
		);
		// Break the merge by taking away a table it writes to, as an engine failure would.
		await db.exec('ALTER TABLE snapshot_pupils RENAME TO away');
		await expect(commitImport(db, plan, { snapshot: '2026-01-15', addSnapshot: true })).rejects.toThrow(/before is unchanged/);
		await db.exec('ALTER TABLE away RENAME TO snapshot_pupils');
		expect(await runMetric(db, pupilsByStage, scope, undefined)).toEqual({ total: 3, K: 2, E: 1, N: 0 });
		expect(await db.query(`SELECT DISTINCT school FROM pupils UNION SELECT DISTINCT school FROM plans`)).toEqual([{ school: 'Oak' }]);
	});

	it('leaves what was loaded untouched when a replacing export fails, or is stopped part way', async () => {
		await load(db, october, '2025-10-01', false);
		const everything = () =>
			db.query(
				`SELECT 'pupils' AS t, pupil_id AS id, school FROM pupils UNION ALL SELECT 'targets', target_id, school FROM targets UNION ALL SELECT 'checks', target_id, school FROM target_checks UNION ALL SELECT 'snapshot', strftime(snapshot, '%Y-%m-%d'), school FROM snapshots ORDER BY ALL`
			);
		const before = await everything();
		// October's targets have no wording, so the checker has no verdicts to keep.
		expect(before.length).toBe(3 + 2 + 1);

		const failing = await prepareImport(db, 'Oak', january);
		await db.exec('ALTER TABLE snapshot_pupils RENAME TO away');
		await expect(commitImport(db, failing, { snapshot: '2026-01-15' })).rejects.toThrow(/^Oak could not be loaded; what was loaded of Oak before is unchanged$/);
		await db.exec('ALTER TABLE away RENAME TO snapshot_pupils');
		expect(await everything()).toEqual(before);

		// Stopped while the second table is checked: the first one was loaded already, under a name of its own.
		const stopped = await prepareImport(db, 'Oak', january);
		const stop = new AbortController();
		const steps: string[] = [];
		const progress = (step: string, stoppable: boolean) => {
			steps.push(`${step}${stoppable ? '' : ' (cannot stop)'}`);
			if (step.includes('table 2 of')) stop.abort();
		};
		await expect(commitImport(db, stopped, { snapshot: '2026-01-15', progress, signal: stop.signal })).rejects.toThrow('Loading Oak was stopped: what was loaded of Oak before is unchanged.');
		expect(steps).toEqual(['Checking every row of pupils and loading it (table 1 of 3)', 'Checking every row of plans and loading it (table 2 of 3)']);
		expect(await everything()).toEqual(before);
		// The stage tables of the stopped import are gone too.
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stage%'`)).toEqual([]);

		// Not stopped, the same export replaces October's, and the checker's steps say they cannot be stopped.
		const worded = january.map((f) =>
			f.name === 'targets.csv' ? inputFiles({ 'targets.csv': 'target_id,plan_id,need_area,outcome,target_text\nT1,L1,C&I,achieved,Sam will read 20 words\nT3,L3,SEMH,,Sam will be happier\n' })[0] : f
		);
		const replacing = await prepareImport(db, 'Oak', worded);
		steps.length = 0;
		await commitImport(db, replacing, { snapshot: '2026-01-15', progress });
		expect(steps.slice(-2)).toEqual([
			'Checking each target against the SMART guide (0 of 2 different wordings done) (cannot stop)',
			"Getting the figures ready: each plan's targets and each target's pupil (cannot stop)"
		]);
		expect((await everything()).filter((r) => (r as { t: string }).t === 'snapshot')).toEqual([{ t: 'snapshot', id: '2026-01-15', school: 'Oak' }]);
		expect(await db.query(`SELECT DISTINCT school FROM targets UNION SELECT DISTINCT school FROM target_checks`)).toEqual([{ school: 'Oak' }]);
	});

	it('counts coverage, the trust view and attendance over the register as exported, not pupils who have left', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		// January's register: P1 (K), P3 (E), P4 (K); P2 has left. At 20 January L1 (P1) was reviewed in December,
		// L3 (P4) is in force, and L2 (P2, kept from October, never reviewed) belongs to a pupil no longer on it.
		expect(await runMetric(db, coverage, scope, undefined)).toEqual({ pupils_on_register: 3, pupils_with_plan: 1, share: 1 / 3 });
		expect(await runMetric(db, registerBySchool, scope, undefined)).toEqual([{ school: 'Oak', sen_support: 2, ehc_plan: 1, pupils: 3 }]);
		expect(await runMetric(db, planQualityBySchool, scope, undefined)).toEqual([expect.objectContaining({ school: 'Oak', pupils_on_register: 3, pupils_with_plan: 1 })]);
		expect(await runMetric(db, attendanceSummary, scope, undefined)).toMatchObject({ pupils: 3, recorded: 0, mean_pct: null });
		// Read from October's register, P2 is on it with L2 in force.
		const inOctober = makeScope({ asOf: '2026-01-20', filters: { snapshot: '2025-10-01' } });
		expect(await runMetric(db, coverage, inOctober, undefined)).toEqual({ pupils_on_register: 3, pupils_with_plan: 1, share: 1 / 3 });
		expect(await runMetric(db, registerBySchool, inOctober, undefined)).toEqual([{ school: 'Oak', sen_support: 2, ehc_plan: 1, pupils: 3 }]);
	});

	it("gives one school's trend on its own export dates only, not those of the trust's other schools", async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		await commitImport(db, await prepareImport(db, 'Elm', october), { snapshot: '2025-11-20' });
		const oak = makeScope({ asOf: '2026-01-20', filters: { school: 'Oak' } });
		expect((await runMetric(db, registerTrend, oak, undefined)).map((r) => [r.census, r.pupils])).toEqual([
			['2025-10-01', 3],
			['2026-01-15', 3]
		]);
		// The whole trust: on 20 November Oak stood as exported in October, Elm as exported that day.
		expect((await runMetric(db, registerTrend, scope, undefined)).map((r) => [r.census, r.pupils])).toEqual([
			['2025-10-01', 3],
			['2025-11-20', 6],
			['2026-01-15', 6]
		]);
	});

	it('refuses to add an export dated between two loaded ones, and changes nothing', async () => {
		await load(db, october, '2025-10-01', false);
		await load(db, january, '2026-01-15', true);
		const before = await db.query(`SELECT target_id, outcome FROM targets ORDER BY ALL`);
		await expect(load(db, october, '2025-11-20', true)).rejects.toThrow('Oak: this export (2025-11-20) is dated between two loaded ones (2025-10-01 and 2026-01-15)');
		expect(await db.query(`SELECT target_id, outcome FROM targets ORDER BY ALL`)).toEqual(before);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stage%'`)).toEqual([]);
		// Without its pupils file an added export would put an empty register on its date.
		await expect(
			load(
				db,
				january.filter((f) => f.name !== 'pupils.csv'),
				'2026-02-01',
				true
			)
		).rejects.toThrow('Oak: an export added as a new snapshot needs its pupils file');
		expect(await db.query(`SELECT target_id, outcome FROM targets ORDER BY ALL`)).toEqual(before);
		// Before every loaded export, or after them, is fine.
		await load(db, october, '2025-09-01', true);
		expect((await runMetric(db, registerTrend, scope, undefined)).map((r) => r.census)).toEqual(['2025-09-01', '2025-10-01', '2026-01-15']);
	});

	it('adds to a school kept without snapshots (an older saved copy) instead of clearing it first, and reads an empty export date as today', async () => {
		await load(db, october, '2025-10-01', false);
		await db.exec(`DELETE FROM snapshots; DELETE FROM snapshot_pupils`);
		const plan = await prepareImport(db, 'Oak', january);
		await commitImport(db, plan, { snapshot: '', addSnapshot: true });
		// T2 is only in October's export: kept, as adding promises.
		expect((await db.query<{ target_id: string }>(`SELECT target_id FROM targets ORDER BY 1`)).map((r) => r.target_id)).toEqual(['T1', 'T2', 'T3']);
		expect(await snapshotDatesOf(db)).toEqual([new Date().toISOString().slice(0, 10)]);
		await expect(commitImport(db, await prepareImport(db, 'Oak', january), { snapshot: '2026-13-45' })).rejects.toThrow('Oak: the export date "2026-13-45" is not a date');
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stage%'`)).toEqual([]);
	});

	it("gives the governors' report last period's register from the earlier export, and asks for it only when there is none", async () => {
		const scope = makeScope({ asOf: '2026-01-20', filters: { school: 'Oak', academicYear: '2025/26' } });
		await load(db, october, '2025-10-01', false);
		const alone = (await buildReport(db, scope, { threshold: 2, previous: { K: 5, E: 1 } })).sections.find((x) => x.id === 'register')!.tables[0];
		expect(alone.columns[3]).toBe('Last period (entered)');
		expect(alone.rows.map((r) => r[3])).toEqual(['withheld', 'fewer than 2', '6']);
		await load(db, january, '2026-01-15', true);
		const table = (await buildReport(db, scope, { threshold: 2, previous: { K: 5, E: 1 } })).sections.find((x) => x.id === 'register')!.tables[0];
		// October: 2 at SEN support, 1 with an EHC plan; the 1 is under the threshold of 2, so its partner is hidden too.
		expect(table.columns[3]).toBe('Export of 1 October 2025');
		expect(table.rows[2][3]).toBe('3');
		expect(table.rows[0][3]).not.toBe('2');
		expect(table.rows[1][3]).not.toBe('1');
	});
});
