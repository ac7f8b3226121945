import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../db/types';
import { sql } from '../db/sql';
import { ask, col, metric } from '../metrics/registry';
import { makeScope } from '../metrics/scope';
import { cachedFigure, pagesQuiet, runAllCached } from './figure-cache';

/** A figure whose value is what the engine answered, and an engine that answers only when told to. */
const answer = metric({ id: 'answer', describe: 'The engine’s answer', row: z.object({ n: col.int }), sql: () => sql`SELECT 1 AS n` });
const scope = makeScope({ asOf: '2026-03-20' });

function heldEngine() {
	const asked: string[] = [];
	const waiting: ((rows: { n: number }[]) => void)[] = [];
	const db = { query: (text: string) => (asked.push(text), new Promise((resolve) => waiting.push(resolve))) } as unknown as Db;
	return { db: async () => db, asked, answerAll: (n: number) => waiting.splice(0).forEach((resolve) => resolve([{ n }])) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('figures a page shares, worked out ahead or asked for', () => {
	it('gives a page the figure worked out ahead, without asking the engine again', async () => {
		const engine = heldEngine();
		const ahead = cachedFigure(engine.db, ask(answer), scope, 101);
		await tick();
		engine.answerAll(7);
		expect(await ahead).toEqual([{ n: 7 }]);
		const none = async (): Promise<Db> => {
			throw new Error('the engine was asked again');
		};
		expect(await runAllCached(none, { a: ask(answer) }, scope, 101)).toEqual({ a: [{ n: 7 }] });
		expect(engine.asked).toHaveLength(1);
	});

	it('forgets figures worked out for data that has since changed', async () => {
		const engine = heldEngine();
		const before = cachedFigure(engine.db, ask(answer), scope, 201);
		await tick();
		engine.answerAll(1);
		await before;
		const after = runAllCached(engine.db, { a: ask(answer) }, scope, 202);
		await tick();
		engine.answerAll(2);
		expect(await after).toEqual({ a: [{ n: 2 }] });
		expect(engine.asked).toHaveLength(2);
	});

	it('holds figures worked out ahead back while a page waits for its own, and a moment after it last asked', async () => {
		const engine = heldEngine();
		const page = runAllCached(engine.db, { a: ask(answer) }, scope, 301);
		let quiet = false;
		const free = pagesQuiet(60).then(() => (quiet = true));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(quiet).toBe(false);
		engine.answerAll(3);
		await page;
		await free;
		expect(quiet).toBe(true);
		// A page asking again holds it back again, for 60 ms from that question.
		const asked = performance.now();
		await runAllCached(engine.db, { a: ask(answer) }, scope, 301);
		await pagesQuiet(60);
		expect(performance.now() - asked).toBeGreaterThanOrEqual(59);
	});
});
