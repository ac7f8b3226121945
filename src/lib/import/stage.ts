import type { Db } from '../db/types';
import { ident, lit } from '../validate/sql-text';
import type { Delimiter } from './sniff';
import { personalValuePatterns, maskValue, type ValuePattern } from './personal';

/**
 * DuckDB skips empty lines, which would shift the line numbers we report from the rows a
 * spreadsheet shows. An empty line outside quotes becomes a row of empty cells instead (dropped
 * later as blank, but counted). One pass, and only when the text has an empty line at all.
 */
export function keepBlankLines(text: string, delimiter: Delimiter): string {
	if (!/\n[ \t]*\r?\n/.test(text)) return text;
	const out: string[] = [];
	let inQuotes = false;
	let lineStart = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuotes = !inQuotes;
		else if (c === 10 && !inQuotes) {
			const line = text.slice(lineStart, i);
			out.push(/^[ \t\r]*$/.test(line) && i > 0 ? `${delimiter}${line}` : line);
			lineStart = i + 1;
		}
	}
	out.push(text.slice(lineStart));
	return out.join('\n');
}

/** Stage a whole file as text columns c0…cN in DuckDB: no typing, no sniffing, nothing lost. */
export async function stageCsv(db: Db, stage: string, text: string, delimiter: Delimiter, width: number): Promise<string[]> {
	const file = `${stage}.csv`;
	await db.registerText(file, keepBlankLines(text, delimiter));
	const columns = Array.from({ length: width }, (_, i) => `c${i}`);
	const spec = columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ');
	await db.exec(`CREATE OR REPLACE TABLE ${ident(stage)} AS SELECT * FROM read_csv(${lit(file)}, header = true, auto_detect = false,
    delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${spec}}, null_padding = true, strict_mode = false,
    all_varchar = true, parallel = false)`);
	await db.dropFile(file);
	return columns;
}

export interface ValueFinding {
	column: string;
	kind: ValuePattern['kind'];
	count: number;
	example: string;
}

/** Cells anywhere in the staged file that look like a UPN, email address, postcode or phone number. */
export async function scanPersonalValues(db: Db, stage: string, columns: string[]): Promise<ValueFinding[]> {
	if (!columns.length) return [];
	// One pass over the table: a filtered count and an example for every (column, pattern).
	const pairs = columns.flatMap((column) => personalValuePatterns.map((p) => ({ column, p })));
	const aggs = pairs.flatMap(({ column, p }, i) => {
		const hit = `regexp_matches(trim(${ident(column)}), ${lit(p.sql)})`;
		return [`count(*) FILTER (WHERE ${hit}) AS n${i}`, `first(trim(${ident(column)})) FILTER (WHERE ${hit}) AS e${i}`];
	});
	const [row] = await db.query<Record<string, unknown>>(`SELECT ${aggs.join(', ')} FROM ${ident(stage)}`);
	return pairs
		.map(({ column, p }, i) => ({ column, kind: p.kind, count: Number(row[`n${i}`]), example: maskValue(String(row[`e${i}`] ?? '')) }))
		.filter((f) => f.count > 0);
}

export async function dropStage(db: Db, stage: string): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${ident(stage)}`);
}
