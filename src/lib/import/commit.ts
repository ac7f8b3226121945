import type { Db } from '../db/types';
import { tableOrder, type TableName } from '../contract/tables';
import { clearSchoolSql, loadTableSql, type StagedSource } from '../validate/load-sql';
import { createTablesSql, loadedTables } from '../validate/schema-sql';
import { ident, lit } from '../validate/sql-text';
import { applyPersonalDataGate } from './guard';
import { refusal } from './sources';
import { badRowsTable, dropStage } from './stage';
import { incomingName, mergeSnapshotSql, recordSnapshotSql, snapshotDates } from './snapshots';
import { refreshTargetChecks } from './target-checks';
import type { ImportPlan, SourcePlan } from './types';

/** Loading a prepared import: the gate, then each table in order, then the after-load steps. */

export interface CommitOptions {
	/** Drop the columns the personal-data guard flagged, and go on. */
	dropPersonalColumns?: boolean;
	/** The export's date (YYYY-MM-DD): the snapshot it is kept as. Default today. */
	snapshot?: string;
	/**
	 * Keep what is loaded of the school and add this export as another snapshot (rows in both are
	 * counted once, in the latest snapshot's version), instead of replacing the school's data.
	 */
	addSnapshot?: boolean;
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
	const date = options.snapshot ?? new Date().toISOString().slice(0, 10);
	const earlier = options.addSnapshot ? await snapshotDates(db, plan.school) : [];
	// A new snapshot is loaded under a name of its own (its ids checked against its own rows), then merged.
	const adding = earlier.length > 0;
	const into = adding ? incomingName(plan.school) : plan.school;
	// Clearing up after a failure must not fail in turn and hide what happened.
	const forget = async () => {
		for (const sql of clearSchoolSql(into, loadedTables)) await db.exec(sql).catch(() => undefined);
	};
	try {
		for (const s of plan.sources) s.refused = s.refused ?? refusal(s);
		for (const sql of clearSchoolSql(into, loadedTables)) await db.exec(sql);
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
				for (const sql of loadTableSql(table, into, sources, supplied.has('provisions'))) await db.exec(sql);
				for (const s of loading) for (const sql of structureSql(into, s, table)) await db.exec(sql);
			} catch {
				await forget();
				const kept = adding ? `what was loaded of ${plan.school} before is unchanged` : `nothing of ${plan.school} was loaded`;
				throw new ImportFailed(`${plan.school}: ${table} could not be loaded from ${loading.map((s) => s.file).join(', ')}; ${kept}`);
			}
		}
		const merge = [
			...recordSnapshotSql(plan.school, date, new Date().toISOString(), into),
			...(adding ? mergeSnapshotSql(plan.school, earlier.every((d) => d <= date)) : [])
		];
		await db.exec('BEGIN TRANSACTION');
		try {
			for (const sql of merge) await db.exec(sql);
			await db.exec('COMMIT');
		} catch {
			await db.exec('ROLLBACK');
			if (adding) await forget();
			throw new ImportFailed(`${plan.school}: the export of ${date} could not be added; what was loaded before is unchanged`);
		}
		await refreshTargetChecks(db, plan.school);
	} catch (e) {
		if (e instanceof ImportFailed) throw e;
		await forget();
		throw new ImportFailed(`${plan.school} could not be loaded; ${adding ? `what was loaded of ${plan.school} before is unchanged` : 'nothing of it was loaded'}`);
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
