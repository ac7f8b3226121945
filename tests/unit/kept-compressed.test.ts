import { describe, expect, it } from 'vitest';
import { commitImport, prepareImport } from '../../src/lib/import/pipeline';
import { loadTableSql } from '../../src/lib/validate/load-sql';
import { createTablesSql } from '../../src/lib/validate/schema-sql';
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

describe('a large table written in parts', () => {
	// Nine pupils, one repeated and one without an id: written two rows at a time, or all at once.
	const rows = ['P1,7', 'P2,8', ',9', 'P3,10', 'P2,11', 'P4,7', 'P5,8', 'P6,9', 'P7,10'].map((r) => `${r},K`);
	async function loaded(rowsPerWrite: number) {
		const db = await openTestDb();
		await db.exec(createTablesSql());
		await db.exec(
			`CREATE TEMP TABLE stage_p AS SELECT * FROM (VALUES ${rows
				.map(
					(r) =>
						`(${r
							.split(',')
							.map((c) => `'${c}'`)
							.join(', ')})`
				)
				.join(', ')}) v(c0, c1, c2)`
		);
		const sql = loadTableSql(
			'pupils',
			'S',
			[{ stage: 'stage_p', file: 'pupils.csv', stagedColumns: ['c0', 'c1', 'c2'], columns: { pupil_id: 'c0', year_group: 'c1', sen_stage: 'c2' } }],
			false,
			rows.length,
			rowsPerWrite
		);
		for (const s of sql) await db.exec(s);
		return {
			writes: sql.filter((s) => s.startsWith('INSERT INTO "pupils"')).length,
			pupils: await db.query(`SELECT source_line, pupil_id, year_group FROM pupils`),
			rejected: await db.query(`SELECT line, column_name, reason FROM import_rejected ORDER BY line`)
		};
	}

	it('loads the same rows in the same order, and rejects the same, as written at once', async () => {
		const [inParts, atOnce] = [await loaded(2), await loaded(1000)];
		expect([inParts.writes, atOnce.writes]).toEqual([5, 1]);
		expect(inParts.pupils).toEqual(atOnce.pupils);
		expect(inParts.pupils.map((p) => p.pupil_id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
		expect(inParts.rejected).toEqual(atOnce.rejected);
		expect(inParts.rejected).toHaveLength(2);
	});
});
