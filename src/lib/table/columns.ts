import { formatCount, formatDate, formatGbp, formatNumber, formatPercent } from '../format';
import { toCsv } from '../export/csv';

export type ColumnKind = 'text' | 'count' | 'number' | 'percent' | 'gbp' | 'date';

/**
 * One column of a table, on screen and in its CSV: the heading, how a cell reads, and the raw value
 * the CSV carries under `key`. A column can be on screen only (`csv: false`) or in the CSV only
 * (`screen: false`), so the two never drift apart by hand.
 */
export interface Column<R> {
	key: string;
	heading: string;
	kind?: ColumnKind;
	/** The raw value (CSV, and the cell when no `format`); default `row[key]`. */
	value?: (row: R) => unknown;
	/** How the cell reads; default by `kind`. */
	format?: (row: R) => string;
	/** A short mark after the cell (e.g. "small number"), or null. */
	note?: (row: R) => string | null;
	digits?: number;
	/** A column of sentences: kept wide enough to wrap into lines, not a word to a line, on a narrow screen. */
	wide?: boolean;
	rowHeader?: boolean;
	/** The cell as a link to another page of the app (a pupil's story), or plain text where null. */
	href?: (row: R) => string | null;
	/** The link's accessible name, when the cell's text alone does not say where it goes. */
	linkLabel?: (row: R) => string;
	csv?: boolean;
	screen?: boolean;
	/** false: on screen and in the CSV but not on paper (a printed table that must keep to its page). */
	print?: boolean;
}

const numeric: ColumnKind[] = ['count', 'number', 'percent', 'gbp'];
export const isNumeric = (c: Column<never>) => numeric.includes(c.kind ?? 'text');

export function rawValue<R>(c: Column<R>, row: R): unknown {
	return c.value ? c.value(row) : (row as Record<string, unknown>)[c.key];
}

/** A cell as it reads on screen: unknown reads as unknown, never as 0. */
export function cellText<R>(c: Column<R>, row: R): string {
	if (c.format) return c.format(row);
	const v = rawValue(c, row);
	const n = typeof v === 'number' ? v : null;
	switch (c.kind) {
		case 'count':
			return formatCount(n);
		case 'number':
			return formatNumber(n, c.digits ?? 1);
		case 'percent':
			return formatPercent(n, c.digits ?? 0);
		case 'gbp':
			return formatGbp(n, c.digits ?? 0);
		case 'date':
			return formatDate(typeof v === 'string' ? v : null);
		default:
			return v === null || v === undefined ? '—' : String(v);
	}
}

/** The table as CSV: the same columns, raw values (blank where unknown), formula cells neutralised. */
export function tableCsv<R>(rows: R[], columns: Column<R>[]): string {
	const cols = columns.filter((c) => c.csv !== false);
	const records = rows.map((r) => Object.fromEntries(cols.map((c) => [c.key, rawValue(c, r)])));
	return toCsv(
		records,
		cols.map((c) => c.key)
	);
}
