import { enumKey } from '../contract/enums';
import { columnsOf, tableAliases, tableOrder, type TableName } from '../contract/tables';

/** Header text → the key used to compare it with column names and aliases. */
export const headerKey = enumKey;

/** The contract column each header names, by its name or an alias (exact names win over aliases of other columns). */
export function headerMeanings(table: TableName, headers: string[]): { column: string; exact: boolean }[] {
	const lookup = new Map<string, { column: string; exact: boolean }>();
	for (const col of columnsOf(table)) {
		for (const alias of col.aliases) if (!lookup.has(headerKey(alias))) lookup.set(headerKey(alias), { column: col.name, exact: false });
	}
	for (const col of columnsOf(table)) lookup.set(headerKey(col.name), { column: col.name, exact: true });
	return headers.map((h) => lookup.get(headerKey(h)) ?? { column: '', exact: false });
}

/**
 * Which contract column each header means, or null when it is not one of the contract's. A column
 * is read from one header: the one written as its exact name, else the first alias of it.
 */
export function mapHeaders(table: TableName, headers: string[]): (string | null)[] {
	const meant = headerMeanings(table, headers);
	const used = new Set<string>();
	const mapping: (string | null)[] = headers.map(() => null);
	for (const pass of [true, false]) {
		meant.forEach((m, i) => {
			if (!m.column || m.exact !== pass || used.has(m.column)) return;
			used.add(m.column);
			mapping[i] = m.column;
		});
	}
	return mapping;
}

/** The table a file's name says, by the name alone: `North/pupils.csv` is read for pupils, whatever its folder is called. */
export function tableFromName(name: string): TableName | null {
	const key = headerKey(name.slice(name.lastIndexOf('/') + 1).replace(/\.[a-z0-9]+$/i, ''));
	let best: { table: TableName; len: number } | null = null;
	for (const table of tableOrder) {
		for (const alias of tableAliases[table]) {
			if ((key === alias || key.includes(alias)) && (!best || alias.length > best.len)) best = { table, len: alias.length };
		}
	}
	return best?.table ?? null;
}

/** A table whose name is the whole of `name` (its case, spaces and punctuation aside): sheet `Pupils`, not `Pupil notes`. */
export function tableNamedExactly(name: string): TableName | null {
	const key = headerKey(name);
	return tableOrder.find((t) => tableAliases[t].includes(key)) ?? null;
}

/** The table whose required columns the headers cover best, or null. */
export function tableByHeaders(headers: string[]): TableName | null {
	return recogniseTable('', headers);
}

/**
 * Which table a file (or sheet) holds: by its name first (`targets.csv`, sheet `Pupils`),
 * else the table whose required columns its headers cover best.
 */
export function recogniseTable(name: string, headers: string[]): TableName | null {
	const byName = tableFromName(name);
	if (byName) return byName;
	let best: { table: TableName; score: number } | null = null;
	for (const table of tableOrder) {
		const mapped = new Set(mapHeaders(table, headers).filter((c): c is string => c !== null));
		const cols = columnsOf(table);
		const required = cols.filter((c) => c.required);
		if (!required.every((c) => mapped.has(c.name))) continue;
		const score = required.length * 10 + cols.filter((c) => !c.required && mapped.has(c.name)).length;
		if (!best || score > best.score) best = { table, score };
	}
	return best?.table ?? null;
}
