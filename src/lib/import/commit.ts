import type { Db } from '../db/types';
import { tableOrder, type TableName } from '../contract/tables';
import { clearSchoolSql, loadTableSql, type StagedSource } from '../validate/load-sql';
import { createTablesSql, derivedTables, loadedTables } from '../validate/schema-sql';
import { ident, lit } from '../validate/sql-text';
import { applyPersonalDataGate } from './guard';
import { refusal } from './sources';
import { badRowsTable, dropStage, oddRowsTable } from './stage';
import { incomingName, mergeSnapshotSql, recordSnapshotSql, replaceWithIncomingSql, schoolHasRows, snapshotDates } from './snapshots';
import { refreshPlanFacts, refreshTargetFacts } from './derived-tables';
import { refreshTargetChecks } from './target-checks';
import { relabelWordProblems } from './word-problems';
import type { ImportPlan, ImportProgress, SourcePlan } from './types';

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
	/** Told each step as it starts (each table, then the SMART checker). */
	progress?: ImportProgress;
	/** Stop loading when this is aborted (checked before each table and before the data is swapped in). */
	signal?: AbortSignal;
}

/** An engine failure while loading, told without the engine's words (they may quote a cell). */
export class ImportFailed extends Error {}

/** The person stopped the import: what was loaded before is as it was. */
export class ImportCancelled extends ImportFailed {}

/** Rows the structure check rejected and notes on a file's columns, recorded like any other problem. */
function structureSql(school: string, s: SourcePlan, table: TableName): string[] {
	const S = lit(school);
	const out: string[] = [];
	if (s.badRows) {
		out.push(`INSERT INTO import_rejected SELECT ${S}, ${lit(s.file)}, ${lit(table)}, line + ${(s.headerRow ?? 1) - 1}, '(whole row)', '', reason, NULL FROM ${ident(badRowsTable(s.stage))}`);
		out.push(`INSERT INTO import_counts VALUES (${S}, ${lit(s.file)}, ${lit(table)}, ${s.badRows})`);
	}
	const notes = s.notes ?? [];
	// A workbook can hold a whole column of cells not known (#N/A from a lookup): a thousand rows a statement.
	for (let i = 0; i < notes.length; i += 1000) {
		const rows = notes.slice(i, i + 1000).map((n) => `(${S}, ${lit(s.file)}, ${lit(table)}, ${n.line ?? s.headerRow ?? 1}, ${lit(n.column)}, ${lit(n.value ?? '')}, ${lit(n.reason)})`);
		out.push(`INSERT INTO import_warnings VALUES ${rows.join(', ')}`);
	}
	return out;
}

/**
 * Rows read in another encoding than most of their file: a warning on each cell to be loaded that has accents
 * or symbols. Read from the staged rows, so run before the table is loaded (loading drops them).
 */
function oddRowsSql(school: string, s: SourcePlan, table: TableName): string[] {
	if (!s.oddRows) return [];
	const cells = s.mapping.flatMap((column, i) =>
		column ? [`SELECT (rowid + 2)::INTEGER AS line, ${lit(column)} AS col, trim(c${i}) AS value FROM ${ident(s.stage)} WHERE regexp_matches(c${i}, '[^\\x00-\\x7F]')`] : []
	);
	if (!cells.length) return [];
	return [
		`INSERT INTO import_warnings SELECT ${lit(school)}, ${lit(s.file)}, ${lit(table)}, o.line, c.col, c.value, o.reason
    FROM ${ident(oddRowsTable(s.stage))} o JOIN (${cells.join(' UNION ALL ')}) c ON c.line = o.line`
	];
}

/** Validate and load a prepared import. Refuses when personal data was found and not dropped. */
export async function commitImport(db: Db, plan: ImportPlan, options: CommitOptions = {}): Promise<void> {
	applyPersonalDataGate(plan, options.dropPersonalColumns ?? false);
	const progress = options.progress ?? (() => {});
	const date = options.snapshot || new Date().toISOString().slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
		await discardPlan(db, plan);
		throw new ImportFailed(`${plan.school}: the export date "${date}" is not a date (give it as YYYY-MM-DD)`);
	}
	let earlier: string[];
	let loadedBefore: boolean;
	try {
		earlier = await snapshotDates(db, plan.school);
		loadedBefore = earlier.length > 0 || (await schoolHasRows(db, plan.school));
	} catch {
		await discardPlan(db, plan);
		throw new ImportFailed(`${plan.school} could not be loaded; nothing was changed`);
	}
	// An export dated between two loaded ones cannot be merged by date: rows are not marked with the
	// export they came from, so which version is the latest of a row in the earlier two is not known.
	if (options.addSnapshot && earlier.some((d) => d < date) && earlier.some((d) => d > date)) {
		await discardPlan(db, plan);
		throw new ImportFailed(
			`${plan.school}: this export (${date}) is dated between two loaded ones (${earlier[0]} and ${earlier.at(-1)}); add exports oldest first (or newest last), or replace the school's data`
		);
	}
	// The register on the new snapshot's date is read from its pupils: without them it would read as empty.
	if (options.addSnapshot && loadedBefore && !plan.sources.some((s) => !(s.refused ?? refusal(s)) && s.table === 'pupils')) {
		await discardPlan(db, plan);
		throw new ImportFailed(`${plan.school}: an export added as a new snapshot needs its pupils file (the register on ${date} is read from it); add the pupils file, or replace the school's data`);
	}
	// A school already loaded gets the new export under a name of its own (its ids checked against its own
	// rows), merged with the earlier snapshots or put in their place in one transaction at the end: until
	// then a failure, or the person stopping the import, leaves what was loaded before as it was.
	const adding = options.addSnapshot === true && loadedBefore;
	const replacing = !adding && loadedBefore;
	const into = adding || replacing ? incomingName(plan.school) : plan.school;
	const kept = into !== plan.school ? `what was loaded of ${plan.school} before is unchanged` : `nothing of ${plan.school} was loaded`;
	// Clearing up after a failure must not fail in turn and hide what happened.
	const forget = async () => {
		for (const sql of clearSchoolSql(into, loadedTables)) await db.exec(sql).catch(() => undefined);
	};
	const stopIfAsked = async () => {
		if (!options.signal?.aborted) return;
		await forget();
		throw new ImportCancelled(`Loading ${plan.school} was stopped: ${kept}.`);
	};
	try {
		for (const s of plan.sources) s.refused = s.refused ?? refusal(s);
		await db.exec(clearSchoolSql(into, loadedTables).join(';\n'));
		const supplied = new Set(plan.sources.filter((s) => !s.refused).map((s) => s.table));
		const tables = tableOrder.filter((t) => supplied.has(t));
		for (const [i, table] of tables.entries()) {
			const loading = plan.sources.filter((s): s is SourcePlan & { table: TableName } => !s.refused && s.table === table);
			progress(`Checking every row of ${table} and loading it (table ${i + 1} of ${tables.length})`, true);
			await stopIfAsked();
			const sources: StagedSource[] = loading.map((s) => ({
				stage: s.stage,
				file: s.file,
				stagedColumns: s.headers.map((_, i) => `c${i}`),
				columns: Object.fromEntries(s.mapping.flatMap((m, i) => (m ? [[m, `c${i}`]] : []))),
				headerRow: s.headerRow
			}));
			try {
				// How many rows were staged: a large table is written in parts (loadTableSql).
				let stagedRows = 0;
				for (const s of loading) stagedRows += (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(s.stage)}`))[0].n;
				// The table's statements go to the engine as one message: each sent alone cost the browser's engine a few milliseconds.
				const statements = [
					...loading.flatMap((s) => oddRowsSql(into, s, table)),
					...loadTableSql(table, into, sources, supplied.has('provisions'), stagedRows),
					...loading.flatMap((s) => structureSql(into, s, table))
				];
				await db.exec(statements.join(';\n'));
			} catch {
				await forget();
				throw new ImportFailed(`${plan.school}: ${table} could not be loaded from ${loading.map((s) => s.file).join(', ')}; ${kept}`);
			}
		}
		await relabelWordProblems(db, into, plan);
		await stopIfAsked();
		const importedAt = new Date().toISOString();
		const merge = adding
			? [
					...recordSnapshotSql(plan.school, date, importedAt, into),
					...mergeSnapshotSql(
						plan.school,
						earlier.every((d) => d <= date)
					)
				]
			: [...(replacing ? replaceWithIncomingSql(plan.school) : []), ...recordSnapshotSql(plan.school, date, importedAt)];
		await db.exec('BEGIN TRANSACTION');
		try {
			for (const sql of merge) await db.exec(sql);
			await db.exec('COMMIT');
		} catch {
			await db.exec('ROLLBACK');
			await forget();
			throw new ImportFailed(`${plan.school}: the export of ${date} could not be ${adding ? 'added' : 'loaded'}; ${kept}`);
		}
		try {
			// Each target with its pupil needs no verdict: worked out by the engine while the checker works.
			await refreshTargetChecks(db, plan.school, progress, () => refreshTargetFacts(db, plan.school));
			progress("Getting the figures ready: each plan's targets and each target's pupil", false);
			await refreshPlanFacts(db, plan.school);
		} catch {
			throw new ImportFailed(`${plan.school} was loaded, but its targets could not be checked and counted: import the files again`);
		}
	} catch (e) {
		if (e instanceof ImportFailed) throw e;
		await forget();
		throw new ImportFailed(`${plan.school} could not be loaded; ${kept}`);
	} finally {
		await discardPlan(db, plan);
	}
}

export async function discardPlan(db: Db, plan: ImportPlan): Promise<void> {
	for (const s of plan.sources) if (s.stage) await dropStage(db, s.stage);
}

/** Forget one school's data (or, with no school, everything). */
export async function clearData(db: Db, school?: string): Promise<void> {
	// Sent as one: each statement sent alone cost the browser's engine a few milliseconds (this clear and the
	// school's own, one statement a table each, took 0.17 s of a first import of 2,000 targets).
	const deletes = [...loadedTables, ...derivedTables].map(ident).map((t) => (school ? `DELETE FROM ${t} WHERE school = ${lit(school)}` : `DELETE FROM ${t}`));
	await db.exec(`${createTablesSql()}\n${deletes.join(';\n')}`);
}
