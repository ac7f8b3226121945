import type { Db } from '../db/types';
import { askKey, runAll, runAsk, type Answers, type Ask } from '../metrics/registry';
import type { Scope } from '../metrics/scope';
import { chainSettled } from './settled';

/**
 * Figures already worked out on this page for the data as it is now, by their key (metric id,
 * parameters, whole scope): sections that show the same figure share one query. Emptied whenever
 * the data changes; a failed query is not kept.
 */
const cache = new Map<string, Promise<unknown>>();
let cachedVersion = -1;
const MAX = 200;

/** Figures known before the engine has the data (the demo's, worked out ahead of time), for one version of the data. */
let known: { version: number; figures: Map<string, unknown> } | null = null;

export function knowFigures(version: number, figures: Record<string, unknown>): void {
	known = { version, figures: new Map(Object.entries(figures)) };
}

/** A figure worked out, as a performance measure (`lens:figure:<metric id>`) for the benchmark's profile of a page. */
async function timedAsk(db: Db, a: Ask, scope: Scope): Promise<unknown> {
	const start = performance.now();
	try {
		return await runAsk(db, a, scope);
	} finally {
		performance.measure(`lens:figure:${a.metric.id}`, { start, end: performance.now() });
	}
}

function cachedAsk(db: () => Promise<Db>, a: Ask, scope: Scope): Promise<unknown> {
	const key = askKey(a, scope);
	let p = cache.get(key);
	if (!p) {
		p = known?.version === cachedVersion && known.figures.has(key) ? Promise.resolve(known.figures.get(key)) : db().then((d) => timedAsk(d, a, scope));
		p.catch(() => cache.delete(key));
		if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
		cache.set(key, p);
	}
	return p;
}

/** The cache holds figures of one version of the data: a figure asked for another version empties it. */
function forVersion(version: number): void {
	if (version === cachedVersion) return;
	cache.clear();
	cachedVersion = version;
}

/** The figures pages are waiting for, settled or not, and when a page last asked or had its answers: figures worked out ahead give way to them (see pagesQuiet). */
let pagesAsking: Promise<unknown> = Promise.resolve();
let lastPageActivity = -Infinity;

/** `db` is asked for only when a figure has to be worked out: one already known is shown without the engine. */
export function runAllCached<A extends Record<string, Ask>>(db: () => Promise<Db>, asks: A, scope: Scope, version: number): Promise<Answers<A>> {
	forVersion(version);
	const answers = runAll(db, asks, scope, cachedAsk);
	lastPageActivity = performance.now();
	pagesAsking = Promise.allSettled([pagesAsking, answers]).then(() => {
		lastPageActivity = performance.now();
	});
	return answers;
}

/**
 * Resolves once no page is waiting for a figure and none has asked or been answered for `quietMs`: a page opening asks in
 * several turns (a section may ask only once the one above it has its answer), and a figure worked out
 * ahead cannot be stopped once the engine runs it, so it starts only when the pages have been quiet a moment.
 */
export async function pagesQuiet(quietMs: number): Promise<void> {
	for (;;) {
		await chainSettled(() => pagesAsking);
		const wait = lastPageActivity + quietMs - performance.now();
		if (wait <= 0) return;
		await new Promise((resolve) => setTimeout(resolve, wait));
	}
}

/** One figure, through the same cache: worked out ahead now, it is there when a page asks for it. */
export function cachedFigure(db: () => Promise<Db>, a: Ask, scope: Scope, version: number): Promise<unknown> {
	forVersion(version);
	return cachedAsk(db, a, scope);
}
