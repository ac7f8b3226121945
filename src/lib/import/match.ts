import { enumKey } from '../contract/enums';
import { columnsOf, tableAliases, tableOrder, type TableName } from '../contract/tables';

/** Header text → the key used to compare it with column names and aliases. */
export const headerKey = enumKey;

/** Which contract column each header means, or null when it is not one of the contract's. */
export function mapHeaders(table: TableName, headers: string[]): (string | null)[] {
	const lookup = new Map<string, string>();
	for (const col of columnsOf(table)) {
		for (const alias of col.aliases) if (!lookup.has(headerKey(alias))) lookup.set(headerKey(alias), col.name);
	}
	// Exact column names win over aliases of other columns.
	for (const col of columnsOf(table)) lookup.set(headerKey(col.name), col.name);
	const used = new Set<string>();
	return headers.map((h) => {
		const col = lookup.get(headerKey(h));
		if (!col || used.has(col)) return null;
		used.add(col);
		return col;
	});
}

function tableFromName(name: string): TableName | null {
	const key = headerKey(name.replace(/\.[a-z0-9]+$/i, ''));
	let best: { table: TableName; len: number } | null = null;
	for (const table of tableOrder) {
		for (const alias of tableAliases[table]) {
			if ((key === alias || key.includes(alias)) && (!best || alias.length > best.len)) best = { table, len: alias.length };
		}
	}
	return best?.table ?? null;
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
