import type { Row } from './types';

interface ArrowLikeField {
	name: string;
	type: { typeId: number; toString(): string };
}
interface ArrowLikeTable {
	schema: { fields: ArrowLikeField[] };
	numRows: number;
	getChildAt(i: number): { get(j: number): unknown } | null;
}

const DAY_MS = 86_400_000;

function toPlain(value: unknown, type: string): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (type.startsWith('Date')) {
		const ms = typeof value === 'number' ? value : Number(value);
		// DuckDB dates arrive as epoch milliseconds (Date64) or days (Date32, see DateDay).
		const d = new Date(type.includes('Day') && Math.abs(ms) < 1e7 ? ms * DAY_MS : ms);
		return d.toISOString().slice(0, 10);
	}
	if (type.startsWith('Decimal') && typeof value === 'object') return Number(String(value));
	if (typeof value === 'object' && value !== null && 'toJSON' in value) {
		return (value as { toJSON(): unknown }).toJSON();
	}
	return value;
}

/** Arrow table → plain JS rows, column by column (the vectors are typed, so no per-row inference). */
export function arrowToRows<T>(table: ArrowLikeTable): T[] {
	const fields = table.schema.fields;
	const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
	fields.forEach((field, i) => {
		const col = table.getChildAt(i);
		const type = field.type.toString();
		for (let r = 0; r < table.numRows; r++) rows[r][field.name] = toPlain(col?.get(r), type);
	});
	return rows as T[];
}
