import { describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { openNodeDb } from '../db/node';
import { importSchools } from './schools';
import { madeUpExport } from './made-up-export';
import { warmUpImport } from './warm-up';

describe("the import's warm-up", () => {
	it('imports out of sight: the data loaded is neither read nor changed, and nothing of the warm-up stays', async () => {
		const db = await openNodeDb();
		await importSchools(db, [{ school: 'Oak', files: madeUpExport(100) }], { snapshot: '2026-01-15' });
		const state = async () => ({
			tables: await db.query(`SELECT database_name, table_name, estimated_size FROM duckdb_tables() ORDER BY ALL`),
			databases: await db.query(`SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY ALL`),
			schools: await db.query(`SELECT school, count(*)::INTEGER AS n FROM targets GROUP BY ALL ORDER BY ALL`),
			facts: await db.query(`SELECT count(*)::INTEGER AS n FROM target_facts`)
		});
		const before = await state();
		expect(await warmUpImport(db)).toBe(true);
		expect(await state()).toEqual(before);
		expect(before.schools).toEqual([{ school: 'Oak', n: 100 }]);
	});

	it('leaves the engine ready for an import of its own, with the same figures as a cold one', async () => {
		const warm = await openNodeDb();
		expect(await warmUpImport(warm)).toBe(true);
		const cold = await openNodeDb();
		const counts = async (db: typeof warm) => {
			await importSchools(db, [{ school: 'Oak', files: madeUpExport(400) }], { snapshot: '2026-01-15' });
			return db.query(`SELECT (SELECT count(*) FROM targets)::INTEGER AS targets, (SELECT count(*) FROM plan_facts)::INTEGER AS plans, (SELECT count(*) FROM target_checks)::INTEGER AS not_smart`);
		};
		expect(await counts(warm)).toEqual(await counts(cold));
	});

	it('stops when told, leaving nothing behind', async () => {
		const db = await openNodeDb();
		const stop = new AbortController();
		stop.abort();
		expect(await warmUpImport(db, stop.signal)).toBe(false);
		expect(await db.query(`SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY ALL`)).toEqual([{ database_name: 'lens' }, { database_name: 'memory' }]);
	});

	it('does nothing on an engine with no scratch connection', async () => {
		expect(await warmUpImport({} as Db)).toBe(false);
	});
});
