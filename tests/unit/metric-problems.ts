import { z } from 'zod';
import type { Db } from '../../src/lib/db/types';
import { metricRows, type AnyMetric } from '../../src/lib/metrics/registry';
import type { Scope } from '../../src/lib/metrics/scope';

/** Where a finished value holds NaN, ±Infinity or undefined, as paths like `rows[2].y`. */
export function badValues(value: unknown, path = 'value'): string[] {
	if (value === undefined) return [`${path} is undefined`];
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`];
	if (Array.isArray(value)) return value.flatMap((v, i) => badValues(v, `${path}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badValues(v, `${path}.${k}`));
	return [];
}

/**
 * Run one metric's SQL: its rows as the engine gave them, and everything wrong with them (a row that
 * does not match the declared row type; NaN, Infinity or undefined anywhere in the finished value).
 */
export async function checkedRun(db: Db, m: AnyMetric, scope: Scope, params: unknown): Promise<{ rows: unknown[]; problems: string[] }> {
	const rows = await metricRows(db, m, scope, params);
	const problems: string[] = [];
	const parsed = rows.map((row, i) => {
		const r = m.row.safeParse(row);
		if (!r.success) problems.push(`row ${i}: ${z.prettifyError(r.error).replace(/\s+/g, ' ')} in ${JSON.stringify(row)}`);
		return r.success ? r.data : row;
	});
	problems.push(...badValues(m.finish(parsed, scope, params)));
	return { rows, problems };
}
