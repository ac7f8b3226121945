import { describe, expect, it } from 'vitest';
import { commitImport, prepareImport } from '../../src/lib/import/pipeline';
import { syntheticExport } from '../bench/synthetic-export';
import { openTestDb } from './test-db';

describe('where the data is kept', () => {
	it('holds the loaded tables compressed, and each file’s staged rows apart, uncompressed, only while they are read', async () => {
		const db = await openTestDb();
		const plan = await prepareImport(db, 'Trust', syntheticExport(100_000));
		const staged = await db.query<{ table_name: string; temporary: boolean }>(`SELECT table_name, temporary FROM duckdb_tables() WHERE table_name LIKE 'stage%' ORDER BY ALL`);
		// One for each file (stages are numbered across the whole run: the names say nothing here).
		expect(staged).toHaveLength(3);
		expect(staged.every((s) => s.temporary)).toBe(true);

		await commitImport(db, plan, { snapshot: '2026-01-15' });
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM targets`);
		expect(n).toBe(100_000);
		expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([]);
		// 100,000 targets, their plans and pupils and the figures' tables: 38 MB in the engine when not compressed (wasm, 6 December 2026).
		const [{ mb }] = await db.query<{ mb: number }>(`SELECT sum(memory_usage_bytes) / 1e6 AS mb FROM duckdb_memory()`);
		expect(mb).toBeLessThan(20);
	});
});
