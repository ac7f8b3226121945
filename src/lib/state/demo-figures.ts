import type { Db } from '../db/types';
import { openings } from '../metrics/openings';
import { askKey, runAsk, type Ask } from '../metrics/registry';
import type { Scope } from '../metrics/scope';
import { defaultGlossary } from '../quality/acronyms';
import { reportAsks, reportChoiceAsks, reportUrl } from '../report/figures';
import { defaultSettings } from '../settings/schema';
import { demoExports } from './demo';
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
	const opening = demoOpeningScope(schools);
	for (const { asks, scope } of Object.values(openings)) for (const a of asks) await put(a, scope ? scope(opening) : opening);
	// The governors' report: its choices first, then its figures for the period they say (as its page does).
	const url = new URL('http://localhost/report');
	for (const a of Object.values(reportChoiceAsks)) await put(a, opening);
	const latest = (await put(reportChoiceAsks.latest, opening)) as string | null;
	const report = demoOpeningScope(schools, reportUrl(url, opening, latest));
	for (const a of Object.values(reportAsks(defaultSettings.small_number))) await put(a, report);
	return { schools, figures };
}
