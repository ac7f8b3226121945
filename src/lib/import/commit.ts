import type { Db } from '../db/types';
import { tableOrder, type TableName } from '../contract/tables';
import { clearSchoolSql, loadTableSql, type StagedSource } from '../validate/load-sql';
import { createTablesSql, loadedTables } from '../validate/schema-sql';
import { ident, lit } from '../validate/sql-text';
import { applyPersonalDataGate } from './guard';
import { refusal } from './sources';
import { badRowsTable, dropStage } from './stage';
import { refreshTargetChecks } from './target-checks';
import type { ImportPlan, SourcePlan } from './types';

/** Loading a prepared import: the gate, then each table in order, then the after-load steps. */

export interface CommitOptions {
	/** Drop the columns the personal-data guard flagged, and go on. */
	dropPersonalColumns?: boolean;
}

/** An engine failure while loading, told without the engine's words (they may quote a cell). */
export class ImportFailed extends Error {}

/** Rows the structure check rejected and notes on a file's columns, recorded like any other problem. */
function structureSql(school: string, s: SourcePlan, table: TableName): string[] {
	const S = lit(school);
	const out: string[] = [];
	if (s.badRows) {
		out.push(`INSERT INTO import_rejected SELECT ${S}, ${lit(s.file)}, ${lit(table)}, line, '(whole row)', '', reason, NULL FROM ${ident(badRowsTable(s.stage))}`);
		out.push(`INSERT INTO import_counts VALUES (${S}, ${lit(s.file)}, ${lit(table)}, ${s.badRows})`);
	}
	for (const n of s.notes ?? []) out.push(`INSERT INTO import_warnings VALUES (${S}, ${lit(s.file)}, ${lit(table)}, 1, ${lit(n.column)}, '', ${lit(n.reason)})`);
	return out;
}

/** Validate and load a prepared import. Refuses when personal data was found and not dropped. */
export async function commitImport(db: Db, plan: ImportPlan, options: CommitOptions = {}): Promise<void> {
	applyPersonalDataGate(plan, options.dropPersonalColumns ?? false);
	try {
		for (const s of plan.sources) s.refused = s.refused ?? refusal(s);
		for (const sql of clearSchoolSql(plan.school, loadedTables)) await db.exec(sql);
		const supplied = new Set(plan.sources.filter((s) => !s.refused).map((s) => s.table));
		for (const table of tableOrder) {
			const loading = plan.sources.filter((s): s is SourcePlan & { table: TableName } => !s.refused && s.table === table);
			if (!loading.length) continue;
			const sources: StagedSource[] = loading.map((s) => ({
				stage: s.stage,
				file: s.file,
				stagedColumns: s.headers.map((_, i) => `c${i}`),
				columns: Object.fromEntries(s.mapping.flatMap((m, i) => (m ? [[m, `c${i}`]] : [])))
			}));
			try {
				for (const sql of loadTableSql(table, plan.school, sources, supplied.has('provisions'))) await db.exec(sql);
				for (const s of loading) for (const sql of structureSql(plan.school, s, table)) await db.exec(sql);
			} catch {
				for (const sql of clearSchoolSql(plan.school, loadedTables)) await db.exec(sql);
				throw new ImportFailed(`${plan.school}: ${table} could not be loaded from ${loading.map((s) => s.file).join(', ')}; nothing of ${plan.school} was loaded`);
			}
		}
		await refreshTargetChecks(db, plan.school);
	} finally {
		await discardPlan(db, plan);
	}
}

export async function discardPlan(db: Db, plan: ImportPlan): Promise<void> {
	for (const s of plan.sources) if (s.stage) await dropStage(db, s.stage);
}

/** Forget one school's data (or, with no school, everything). */
export async function clearData(db: Db, school?: string): Promise<void> {
	await db.exec(createTablesSql());
	for (const t of loadedTables) await db.exec(school ? `DELETE FROM ${ident(t)} WHERE school = ${lit(school)}` : `DELETE FROM ${ident(t)}`);
}
