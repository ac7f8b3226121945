import { tableOrder, type TableName } from '../contract/tables';
import type { Db } from '../db/types';
import { dateLit, lit } from '../db/sql';
import { loadedTables } from '../validate/schema-sql';

/**
 * A school's exports over time. Each import is a snapshot dated by its export. Importing a school
 * again either replaces everything of it, or adds the new export as a snapshot: the tables then hold
 * every target, plan, run and pupil seen in any snapshot, once, in the version of the latest
 * snapshot that has it, so nothing is counted twice. The register as it stood on each date is kept
 * beside them (snapshot_pupils), because a pupil who has left is still needed for their old targets
 * but is not on today's register.
 */

/** What makes a row "the same row" in another snapshot of the same school. */
export const sameRowKey: Record<TableName, string[]> = {
	pupils: ['pupil_id'],
	plans: ['plan_id'],
	targets: ['target_id'],
	provisions: ['provision_id'],
	staff_rates: ['role'],
	allocations: ['provision_id', 'pupil_id'],
	sessions: ['provision_id', 'session_date'],
	assessments: ['pupil_id', 'subject', 'assessed_on'],
	comparators: ['measure', 'subject', 'year_group', 'academic_year']
};

/** Tables keyed by a column of a data table, merged with it (the SMART verdicts are worked out again after a merge). */
const linkedTables: { table: string; key: string; parent: TableName }[] = [{ table: 'target_provisions', key: 'target_id', parent: 'targets' }];

/** Tables that only say what an import found; a new snapshot's findings are added to the earlier ones'. */
const findingTables = ['import_rejected', 'import_warnings', 'import_counts'];

/** The name a new snapshot is loaded under before it is merged: never a school's own name. */
export const incomingName = (school: string) => `⟨incoming snapshot⟩ ${school}`;

/** Record a loaded export of `school` as its snapshot of `date`: the register as exported, and when. */
export function recordSnapshotSql(school: string, date: string, importedAt: string, from = school): string[] {
	const S = lit(school);
	return [
		`DELETE FROM snapshots WHERE school = ${S} AND snapshot = ${dateLit(date)}`,
		`DELETE FROM snapshot_pupils WHERE school = ${S} AND snapshot = ${dateLit(date)}`,
		`INSERT INTO snapshots VALUES (${S}, ${dateLit(date)}, ${lit(importedAt)})`,
		`INSERT INTO snapshot_pupils SELECT ${S}, ${dateLit(date)}, pupil_id, year_group, sen_stage, primary_need FROM pupils WHERE school = ${lit(from)}`
	];
}

/**
 * Merge the snapshot loaded under `incomingName(school)` into `school`. `newer` says whether it is
 * the latest snapshot (its rows win) or an earlier one added later (the rows already loaded win).
 */
export function mergeSnapshotSql(school: string, newer: boolean): string[] {
	const S = lit(school);
	const N = lit(incomingName(school));
	const [winner, loser] = newer ? [N, S] : [S, N];
	const same = (table: TableName, a: string, b: string) => sameRowKey[table].map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
	const out: string[] = [];
	// A link or verdict follows the version of its row that stays.
	for (const { table, key, parent } of linkedTables)
		out.push(`DELETE FROM ${table} l WHERE l.school = ${loser} AND EXISTS (SELECT 1 FROM ${parent} w WHERE w.school = ${winner} AND w.${key} = l.${key})`);
	for (const table of tableOrder) out.push(`DELETE FROM ${table} l WHERE l.school = ${loser} AND EXISTS (SELECT 1 FROM ${table} w WHERE w.school = ${winner} AND ${same(table, 'w', 'l')})`);
	return [...out, ...renameIncomingSql(school)];
}

/** The incoming export's rows, links and findings, renamed to the school they belong to. */
function renameIncomingSql(school: string): string[] {
	const incoming = [...linkedTables.map((l) => l.table), ...tableOrder, ...findingTables];
	return incoming.map((t) => `UPDATE ${t} SET school = ${lit(school)} WHERE school = ${lit(incomingName(school))}`);
}

/** Put the export loaded under `incomingName(school)` in place of everything of `school`, its earlier snapshots too. */
export function replaceWithIncomingSql(school: string): string[] {
	return [...loadedTables.map((t) => `DELETE FROM ${t} WHERE school = ${lit(school)}`), ...renameIncomingSql(school)];
}

/** Whether anything of the school is loaded (a workspace kept before snapshots existed has rows and no snapshot). */
export async function schoolHasRows(db: Db, school: string): Promise<boolean> {
	const [{ n }] = await db.query<{ n: number }>(`SELECT ((SELECT count(*) FROM pupils WHERE school = ${lit(school)}) + (SELECT count(*) FROM plans WHERE school = ${lit(school)}))::INTEGER AS n`);
	return n > 0;
}

/** The dates of a school's snapshots, oldest first. */
export async function snapshotDates(db: Db, school: string): Promise<string[]> {
	const rows = await db.query<{ snapshot: string }>(`SELECT strftime(snapshot, '%Y-%m-%d') AS snapshot FROM snapshots WHERE school = ${lit(school)} ORDER BY snapshot`);
	return rows.map((r) => r.snapshot);
}
