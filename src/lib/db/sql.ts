/**
 * SQL text for the DuckDB seam. Values are always quoted by these helpers, never pasted in: the
 * `sql` tag quotes every interpolated value (strings, numbers, booleans, null, arrays) and inserts
 * only `Sql` fragments verbatim, so a builder cannot splice imported text into a query by mistake.
 */
export class Sql {
	constructor(readonly text: string) {}
	toString(): string {
		return this.text;
	}
}

/** Quote a string as a SQL literal. */
export function lit(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Quote an identifier. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** A date literal from an ISO date. */
export function dateLit(iso: string): string {
	return `DATE ${lit(iso)}`;
}

/** SQL written by the code itself (never from data), to nest inside `sql`. */
export const raw = (text: string): Sql => new Sql(text);

function quote(value: unknown): string {
	if (value instanceof Sql) return value.text;
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'string') return lit(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError('a number in a query must be finite');
		return String(value);
	}
	if (Array.isArray(value)) return value.map(quote).join(', ');
	throw new TypeError(`cannot quote a ${typeof value} in a query`);
}

/** `sql\`SELECT … WHERE school = ${school}\``: values quoted, `Sql` fragments nested as they are. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
	return new Sql(strings.reduce((out, s, i) => out + s + (i < values.length ? quote(values[i]) : ''), ''));
}

/** Nothing: an optional part of a query left out. */
export const empty: Sql = raw('');

/** Fragments one after another with `separator` (the code's own text) between them. */
export function join(parts: readonly Sql[], separator = ', '): Sql {
	return new Sql(parts.map((p) => p.text).join(separator));
}
