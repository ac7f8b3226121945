import { z } from 'zod';
import type { Db } from '../db/types';
import type { Sql } from '../db/sql';
import { scopeKey, type Scope } from './scope';

/**
 * A registered figure: an id, a pure SQL builder of the scope (and the metric's own parameters) that
 * writes every value through the `sql` tag (src/lib/db/sql.ts), so none is pasted into the text,
 * the type of the rows the SQL returns (checked in tests: no NaN, nothing missing), and an
 * optional pure finishing step in TypeScript for what SQL cannot say (a rate's interval, the
 * SMART checker's verdict). Pages, the report and the command line only ever run metrics.
 */
export interface Metric<P, Row, Out> {
	id: string;
	/** One line on what the figure is, for the registry's index and the tests. */
	describe: string;
	row: z.ZodType<Row>;
	sql: (scope: Scope, params: P) => Sql;
	finish: (rows: Row[], scope: Scope, params: P) => Out;
	/** Parameters to run the metric with in the registry-wide tests. */
	examples: P[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMetric = Metric<any, any, any>;

/** Declare a metric. Without `finish` its value is its rows. */
export function metric<P = void, Row = unknown, Out = Row[]>(m: {
	id: string;
	describe: string;
	row: z.ZodType<Row>;
	sql: (scope: Scope, params: P) => Sql;
	finish?: (rows: Row[], scope: Scope, params: P) => Out;
	examples?: P[];
}): Metric<P, Row, Out> {
	return {
		...m,
		finish: m.finish ?? ((rows) => rows as unknown as Out),
		examples: m.examples ?? [undefined as P]
	};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ValueOf<M> = M extends Metric<any, any, infer Out> ? Out : never;

/** One figure asked for: a metric and its parameters. */
export interface Ask<Out = unknown> {
	metric: Metric<never, never, Out>;
	params: unknown;
}

export function ask<P, Row, Out>(m: Metric<P, Row, Out>, ...params: P extends void ? [] : [P]): Ask<Out> {
	return { metric: m as unknown as Metric<never, never, Out>, params: params[0] };
}

/** The cache key of a figure: nothing else changes what it is. */
export const askKey = (a: Ask, scope: Scope): string => `${a.metric.id}\u0000${JSON.stringify(a.params ?? null)}\u0000${scopeKey(scope)}`;

/** The SQL rows of a metric, before its finishing step. */
export async function metricRows<P, Row>(db: Db, m: Metric<P, Row, unknown>, scope: Scope, params: P): Promise<Row[]> {
	return db.query<Row>(String(m.sql(scope, params)));
}

export async function runMetric<P, Row, Out>(db: Db, m: Metric<P, Row, Out>, scope: Scope, params: P): Promise<Out> {
	return m.finish(await metricRows(db, m, scope, params), scope, params);
}

export async function runAsk<Out>(db: Db, a: Ask<Out>, scope: Scope): Promise<Out> {
	return runMetric(db, a.metric as unknown as Metric<unknown, unknown, Out>, scope, a.params);
}

export type Answers<A extends Record<string, Ask>> = { [K in keyof A]: A[K] extends Ask<infer Out> ? Out : never };

/** Run several figures over one scope; `run` works out one (the page passes a cached one). */
export async function runAll<A extends Record<string, Ask>, D = Db>(
	db: D,
	asks: A,
	scope: Scope,
	run: (db: D, a: Ask, scope: Scope) => Promise<unknown> = runAsk as unknown as (db: D, a: Ask, scope: Scope) => Promise<unknown>
): Promise<Answers<A>> {
	const entries = await Promise.all(Object.entries(asks).map(async ([k, a]) => [k, await run(db, a, scope)] as const));
	return Object.fromEntries(entries) as Answers<A>;
}

/** Row schemas in a few words. */
export const col = {
	int: z.number().int(),
	num: z.number(),
	text: z.string(),
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	bool: z.boolean()
};
