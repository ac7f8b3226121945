import { columnsOf, tableOrder, type TableName } from '../contract/tables';
import { ident } from './sql-text';
import { kindSql } from './values-sql';

const columnsSql = (table: TableName) =>
	columnsOf(table)
		.map((c) => `${ident(c.name)} ${kindSql[c.kind].sqlType}`)
		.join(', ');

/** DDL of the loaded tables, generated from the contract; every row is keyed by school. */
export function createTablesSql(): string {
	const tables = tableOrder.map((table) => {
		return `CREATE TABLE IF NOT EXISTS ${ident(table)} (school VARCHAR NOT NULL, source_file VARCHAR, source_line INTEGER, ${columnsSql(table)});`;
	});
	return [
		...tables,
		// One row per (target, provision) link: the join every per-intervention figure uses.
		`CREATE TABLE IF NOT EXISTS target_provisions (school VARCHAR, target_id VARCHAR, provision_id VARCHAR);`,
		`CREATE TABLE IF NOT EXISTS import_rejected (school VARCHAR, file VARCHAR, tbl VARCHAR, line INTEGER, column_name VARCHAR, value VARCHAR, reason VARCHAR, row_key VARCHAR);`,
		`CREATE TABLE IF NOT EXISTS import_warnings (school VARCHAR, file VARCHAR, tbl VARCHAR, line INTEGER, column_name VARCHAR, value VARCHAR, reason VARCHAR);`,
		`CREATE TABLE IF NOT EXISTS import_counts (school VARCHAR, file VARCHAR, tbl VARCHAR, read INTEGER);`,
		// The targets the SMART checker found not SMART (worked out in TypeScript after loading; every target
		// with text is checked, so one with text not here was found SMART): parts = who, action, conditions,
		// criterion, time as 1 met, 0 not, ? unknown. A copy saved before kept a row for every target.
		`CREATE TABLE IF NOT EXISTS target_checks (school VARCHAR, target_id VARCHAR, smart BOOLEAN, parts VARCHAR);`,
		// Worked out from the tables above after every change (src/lib/import/derived-tables.ts): each plan
		// with its pupil's year group and stage and its target counts, and each target with its pupil and
		// effective due date. Like every table here, kept compressed (db/store.ts): at a million targets
		// 219 MB held in 17 MB, and the figures that group them run faster.
		`CREATE TABLE IF NOT EXISTS plan_facts (school VARCHAR NOT NULL, source_file VARCHAR, source_line INTEGER, ${columnsSql('plans')}, year_group VARCHAR, sen_stage VARCHAR,
      targets BIGINT, not_smart BIGINT, smart_unknown BIGINT, unlinked BIGINT, reviewed BIGINT, achieved BIGINT, linked BIGINT, unquantified BIGINT);`,
		`CREATE TABLE IF NOT EXISTS target_facts (school VARCHAR, target_id VARCHAR, plan_id VARCHAR, need_area VARCHAR, outcome VARCHAR, pupil_id VARCHAR, year_group VARCHAR, sen_stage VARCHAR, pupil_premium BOOLEAN, eal BOOLEAN, looked_after BOOLEAN, sex VARCHAR, due DATE);`,
		// Each export of a school that was loaded, by its date: the register as it stood on each date
		// (the merged tables keep one version of each pupil, so they cannot say who was on it then).
		`CREATE TABLE IF NOT EXISTS snapshots (school VARCHAR, snapshot DATE, imported_at VARCHAR);`,
		`CREATE TABLE IF NOT EXISTS snapshot_pupils (school VARCHAR, snapshot DATE, pupil_id VARCHAR, year_group VARCHAR, sen_stage VARCHAR, primary_need VARCHAR);`
	].join('\n');
}

export const loadedTables: string[] = [...tableOrder, 'target_provisions', 'target_checks', 'import_rejected', 'import_warnings', 'import_counts', 'snapshots', 'snapshot_pupils'];
/** Tables worked out from the loaded ones after every change of the data: emptied with them, never saved. */
export const derivedTables = ['plan_facts', 'target_facts'] as const;
export type { TableName };
