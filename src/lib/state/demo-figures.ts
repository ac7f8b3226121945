import type { Db } from '../db/types';
import { askKey, runAsk, type Ask } from '../metrics/registry';
import type { Scope } from '../metrics/scope';
import { defaultGlossary } from '../quality/acronyms';
import { defaultSettings } from '../settings/schema';
import { demoExports } from './demo';
import { workOutOpenings } from './opening-figures';
import { scopeOfPage } from './scope-of-page';

/**
 * The figures of every page's opening view on the demo, worked out ahead of time by the registered
 * metrics (data/demo-figures.json, written by `npm run demo:pack`), keyed exactly as the pages ask
 * for them (metric, parameters, whole scope): on a first visit each page draws from these while the
 * engine starts. A figure asked under any other key (a filter, another date, other settings or
 * glossary, data of one's own) is worked out by the engine as always.
 */
export interface DemoFigures {
	schools: string[];
	figures: Record<string, unknown>;
}

/** The scope a first visit to a page has: no filter, the demo's export date, default settings and glossary. */
export const demoOpeningScope = (schools: string[], url = new URL('http://localhost/')): Scope => scopeOfPage(url, defaultSettings, defaultGlossary, demoExports(schools));

export async function workOutDemoFigures(db: Db, schools: string[]): Promise<DemoFigures> {
	const figures: Record<string, unknown> = {};
	const put = async (a: Ask, scope: Scope) => {
		const key = askKey(a, scope);
		if (!(key in figures)) figures[key] = await runAsk(db, a, scope);
		return figures[key];
	};
	await workOutOpenings(put, demoOpeningScope(schools), (url) => demoOpeningScope(schools, url), defaultSettings.small_number);
	return { schools, figures };
}
