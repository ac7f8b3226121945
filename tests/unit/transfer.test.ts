import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { transferJsonSchema, type Transfer } from '../../src/lib/contract/transfer';
import type { Db } from '../../src/lib/db/types';
import { importSchools } from '../../src/lib/import/pipeline';
import { makeTransfer, readTransfer, transferFiles } from '../../src/lib/import/transfer';
import { deliveryByRun } from '../../src/lib/metrics/delivery';
import { lineageList } from '../../src/lib/metrics/lineage';
import { pupilProvisionMap } from '../../src/lib/metrics/provision';
import { pupilAssessments, pupilPlans, pupilProfile, pupilScope, pupilTargets } from '../../src/lib/metrics/pupil';
import { runMetric } from '../../src/lib/metrics/registry';
import { makeScope } from '../../src/lib/metrics/scope';
import { DEMO_AS_OF } from '../../src/lib/state/demo';
import { FIXTURE_EXPORT_DATE, sharedDemo, sharedFixture } from './load';
import { openTestDb } from './test-db';

const committed = JSON.parse(readFileSync(new URL('../../schemas/transfer-v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } }).compile(committed);

/** The transfer file of pupils who are in the data. */
async function made(db: Db, req: Parameters<typeof makeTransfer>[1]): Promise<Transfer> {
	const transfer = await makeTransfer(db, req);
	if (!transfer) throw new Error('none of these pupils is in the data');
	return transfer;
}

/** Everything the pupil page shows of one pupil, from the registered metrics. */
async function story(db: Db, school: string, pupil: string, asOf: string, undone: { target_id: string; prev: string }[]) {
	const who = { school, pupil_id: pupil };
	const scope = pupilScope(makeScope({ asOf, undoneMatches: undone.map((u) => ({ school, ...u })) }), who);
	return {
		profile: await runMetric(db, pupilProfile, scope, who),
		plans: await runMetric(db, pupilPlans, scope, who),
		targets: await runMetric(db, pupilTargets, scope, who),
		lineages: await runMetric(db, lineageList, scope, { pupil, carriedAtLeast: null }),
		provision: await runMetric(db, pupilProvisionMap, scope, who),
		points: await runMetric(db, pupilAssessments, scope, who)
	};
}

/** The file written as text, read back, and loaded into an empty workspace as the import page does. */
async function importInto(transfer: Transfer): Promise<{ db: Db; read: Transfer }> {
	const read = readTransfer(JSON.stringify(transfer));
	if (!read?.ok) throw new Error(read ? read.why : 'not a transfer file');
	const db = await openTestDb();
	const files = transferFiles(read.transfer);
	const [plan] = await importSchools(db, [{ school: read.transfer.school, files }], { snapshot: read.transfer.as_of });
	expect(plan.sources.map((s) => s.table).sort()).toEqual(files.map((f) => f.name.replace(/\.csv$/, '')).sort());
	expect(await db.query(`SELECT * FROM import_rejected`)).toEqual([]);
	expect(await db.query(`SELECT * FROM import_warnings`)).toEqual([]);
	return { db, read: read.transfer };
}

describe('the transfer file', () => {
	it('round trip: exported from the lineage fixture, imported into an empty workspace, the same pupil story', async () => {
		const from = (await sharedFixture('lineage')).db;
		const undone = [{ school: 'lineage', target_id: 'T31', prev: 'T21' }];
		const transfer = await made(from, { school: 'lineage', pupils: ['L1', 'L2', 'NOBODY'], asOf: FIXTURE_EXPORT_DATE, undone, madeOn: '2026-01-20' });
		// A pupil not in the data is left out; the undone match travels with the pupil's targets.
		expect(transfer.pupils.map((p) => p.pupil_id)).toEqual(['L1', 'L2']);
		expect(transfer.undone_matches).toEqual([{ target_id: 'T31', prev: 'T21' }]);
		expect(transfer.pupils[0].plans.map((p) => p.plan_id)).toEqual(['A1', 'A2', 'A3']);
		expect(validate(JSON.parse(JSON.stringify(transfer))), JSON.stringify(validate.errors)).toBe(true);

		const { db: to, read } = await importInto(transfer);
		for (const pupil of ['L1', 'L2']) {
			const before = await story(from, 'lineage', pupil, FIXTURE_EXPORT_DATE, undone);
			const after = await story(to, read.school, pupil, read.as_of, read.undone_matches);
			expect(after, pupil).toEqual(before);
			expect(before.plans.length).toBeGreaterThan(1);
		}
		// The undone match stays undone: T31 stands alone.
		const l1 = await story(to, 'lineage', 'L1', FIXTURE_EXPORT_DATE, read.undone_matches);
		expect(l1.lineages.map((l) => l.steps.join('>')).sort()).toEqual(['T11>T21', 'T12', 'T22>T32', 'T31']);
	});

	it('round trip on the demo: pupils carried twice, their runs shared with pupils who stay behind', async () => {
		const from = (await sharedDemo()).db;
		const school = 'Oakfield Primary';
		const carried = await runMetric(from, lineageList, makeScope({ asOf: DEMO_AS_OF, filters: { school } }), { pupil: null, carriedAtLeast: 2, limit: 3 });
		const pupils = [...new Set(carried.map((l) => l.pupil_id))];
		expect(pupils.length).toBeGreaterThan(0);
		const transfer = await made(from, { school, pupils, asOf: DEMO_AS_OF, undone: [], madeOn: DEMO_AS_OF });
		expect(validate(JSON.parse(JSON.stringify(transfer))), JSON.stringify(validate.errors)).toBe(true);
		// Oakfield keeps a session log: it travels with the runs (without its free-text reasons).
		expect(transfer.pupils.some((p) => p.sessions.length > 0)).toBe(true);
		expect(transfer.pupils.flatMap((p) => p.sessions).some((s) => 'reason' in s)).toBe(false);
		const { db: to } = await importInto(transfer);
		// Each run's delivery reads the same at the next school.
		const delivery = async (db: Db) =>
			(await runMetric(db, deliveryByRun, makeScope({ asOf: DEMO_AS_OF, filters: { school } }), undefined))
				.filter((r) => transfer.pupils.some((p) => p.provisions.some((pr) => pr.provision_id === r.provision_id)))
				.map((r) => ({ run: r.provision_id, source: r.source, planned: r.sessions_planned, delivered: r.sessions_delivered, dose: r.dose_band }));
		const runsBefore = await delivery(from);
		expect(runsBefore.some((r) => r.source === 'sessions')).toBe(true);
		expect(await delivery(to)).toEqual(runsBefore);
		for (const pupil of pupils) {
			const before = await story(from, school, pupil, DEMO_AS_OF, []);
			const after = await story(to, school, pupil, DEMO_AS_OF, []);
			// A group size the school left blank is written into the file (the pupils allocated at the
			// sending school), so the share of the cost is the same; it is no longer an assumption there.
			// An intervention is shown by its most common spelling in all the data loaded: the file keeps
			// each run's own ("Talk boost" where the school mostly wrote "Talk Boost"), the same intervention.
			const unassumed = (s: typeof before) => ({
				...s,
				provision: s.provision.map((r) => ({ ...r, group_size_assumed: false, intervention: r.intervention.toLowerCase().replace(/\s+/g, ' ') }))
			});
			expect(unassumed(after), pupil).toEqual(unassumed(before));
			expect(before.lineages.some((l) => l.carried >= 2)).toBe(true);
		}
	});

	it('holds ids only: no name, no date of birth, nothing the schema does not name', async () => {
		const from = (await sharedFixture('lineage')).db;
		const transfer = await made(from, { school: 'lineage', pupils: ['L1'], asOf: FIXTURE_EXPORT_DATE, undone: [], madeOn: '2026-01-20' });
		const json = JSON.parse(JSON.stringify(transfer));
		json.pupils[0].register.name = 'Ada Lovelace';
		expect(validate(json)).toBe(false);
		json.pupils[0].register.name = undefined;
		json.pupils[0].register.date_of_birth = '2016-05-01';
		expect(validate(JSON.parse(JSON.stringify(json)))).toBe(false);
		expect(await makeTransfer(from, { school: 'lineage', pupils: ['NOBODY'], asOf: FIXTURE_EXPORT_DATE, undone: [], madeOn: '2026-01-20' })).toBeNull();
		// Read by the app, anything not in the contract is dropped, never loaded.
		const read = readTransfer(JSON.stringify(json));
		expect(read?.ok && Object.keys(read.transfer.pupils[0].register)).not.toContain('date_of_birth');
	});

	it('is told apart from other JSON, and a later version or a damaged file is refused in words', async () => {
		expect(readTransfer('{"staff_rates": []}')).toBeNull();
		expect(readTransfer('not json')).toBeNull();
		expect(readTransfer('{"format":"provision-lens-transfer","version":2}')).toEqual({ ok: false, why: expect.stringContaining('version 2') });
		expect(readTransfer('{"format":"provision-lens-transfer","version":1,"pupils":[]}')).toEqual({ ok: false, why: expect.stringContaining('nothing was read') });
	});

	it('has its JSON Schema committed as the zod schema gives it (else run npm run schemas)', () => {
		expect(committed).toEqual(transferJsonSchema());
	});
});
