import { runAtOnce } from '../page-turns';
import type { Row } from './types';

/** The parts of an Arrow type we read (apache-arrow's DataType, as duckdb-wasm returns it). */
interface ArrowLikeType {
	typeId: number;
	scale?: number;
	children?: ArrowLikeField[];
	toString(): string;
}
interface ArrowLikeField {
	name: string;
	type: ArrowLikeType;
}
interface ArrowLikeTable {
	schema: { fields: ArrowLikeField[] };
	numRows: number;
	getChildAt(i: number): { get(j: number): unknown } | null;
}

// apache-arrow's Type enum (stable across versions); only the ones that need converting.
const DECIMAL = 7;
const DATE = 8;
const LIST = 12;
const STRUCT = 13;
const FIXED_SIZE_LIST = 16;
const DAY_MS = 86_400_000;

/** Arrow value → the plain JS value every adapter returns (see Db.query in types.ts). */
function toPlain(value: unknown, type: ArrowLikeType): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	switch (type.typeId) {
		case DATE: {
			const ms = typeof value === 'number' ? value : Number(value);
			// DuckDB dates arrive as epoch milliseconds (Date64) or days (Date32, see DateDay).
			const d = new Date(type.toString().includes('Day') && Math.abs(ms) < 1e7 ? ms * DAY_MS : ms);
			return d.toISOString().slice(0, 10);
		}
		case DECIMAL:
			// Arrow hands over the unscaled integer (a 128-bit "big num"); the scale is in the type.
			return Number(String(value)) / 10 ** (type.scale ?? 0);
		case LIST:
		case FIXED_SIZE_LIST: {
			const item = type.children?.[0]?.type;
			return Array.from(value as Iterable<unknown>, (v) => (item ? toPlain(v, item) : v));
		}
		case STRUCT: {
			const row = value as Record<string, unknown>;
			return Object.fromEntries((type.children ?? []).map((f) => [f.name, toPlain(row[f.name], f.type)]));
		}
	}
	if (typeof value === 'object' && 'toJSON' in value) return (value as { toJSON(): unknown }).toJSON();
	return value;
}

/** Rows converted between the points where the conversion may pause. */
const ROWS_PER_STEP = 2048;

/**
 * Arrow table → plain JS rows, column by column within each block of rows (the vectors are typed, so
 * no per-row inference), as steps: `runInTurns` on the page, where a result of 100,000 rows would
 * otherwise hold it for half a second.
 */
export function* arrowRowsSteps<T>(table: ArrowLikeTable): Generator<void, T[]> {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	// numRows is worked out anew on every read: read it once.
	const count = table.numRows;
	const rows: Row[] = Array.from({ length: count }, () => ({}));
	for (let from = 0; from < count; from += ROWS_PER_STEP) {
		const to = Math.min(count, from + ROWS_PER_STEP);
		fields.forEach((field, i) => {
			const col = columns[i];
			for (let r = from; r < to; r++) rows[r][field.name] = toPlain(col?.get(r), field.type);
		});
		yield;
	}
	return rows as T[];
}

export function arrowToRows<T>(table: ArrowLikeTable): T[] {
	return runAtOnce(arrowRowsSteps<T>(table));
}
