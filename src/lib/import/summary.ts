import type { Db } from '../db/types';
import { tableOrder, type TableName } from '../contract/tables';
import { ident, lit } from '../validate/sql-text';

export interface TableCounts {
	read: number;
	loaded: number;
	rejected: number;
	warnings: number;
}

export interface Problem {
	school: string;
	file: string;
	table: TableName;
	/** None for a row read from a Word plan: `file` then names the document and the place in it. */
	line: number | null;
	column: string;
	value: string;
	reason: string;
}

export interface ImportSummary {
	/** Only the tables that were supplied, in load order. */
	tables: Record<string, TableCounts>;
	rejected: Problem[];
	warnings: Problem[];
}

const schoolFilter = (school?: string) => (school ? `WHERE school = ${lit(school)}` : '');

/** Per-table counts and every rejected row and warning, from what the import recorded. */
export async function importSummary(db: Db, school?: string): Promise<ImportSummary> {
	const where = schoolFilter(school);
	const loaded = tableOrder.map((t) => `SELECT ${lit(t)} AS tbl, count(*) AS n FROM ${ident(t)} ${where}`).join(' UNION ALL ');
	const rows = await db.query<{ tbl: TableName } & TableCounts>(`
    WITH r AS (SELECT tbl, sum(read) AS read FROM import_counts ${where} GROUP BY tbl),
         l AS (${loaded}),
         j AS (SELECT tbl, count(*) AS n FROM import_rejected ${where} GROUP BY tbl),
         w AS (SELECT tbl, count(*) AS n FROM import_warnings ${where} GROUP BY tbl)
    SELECT r.tbl, r.read::INTEGER AS read, coalesce(l.n, 0)::INTEGER AS loaded, coalesce(j.n, 0)::INTEGER AS rejected, coalesce(w.n, 0)::INTEGER AS warnings
    FROM r LEFT JOIN l USING (tbl) LEFT JOIN j USING (tbl) LEFT JOIN w USING (tbl)`);
	const tables: ImportSummary['tables'] = {};
	for (const t of tableOrder) {
		const r = rows.find((x) => x.tbl === t);
		if (r) tables[t] = { read: r.read, loaded: r.loaded, rejected: r.rejected, warnings: r.warnings };
	}
	const problems = (table: string) =>
		db.query<Problem>(`SELECT school, file, tbl AS "table", line, column_name AS "column", coalesce(value, '') AS value, reason
      FROM ${table} ${where} ORDER BY school, file, line, column_name`);
	return { tables, rejected: await problems('import_rejected'), warnings: await problems('import_warnings') };
}
