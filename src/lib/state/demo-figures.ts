import type { Db } from '../db/types';
import { overviewFigureAsks } from '../metrics/overview';
import { askKey, runAsk } from '../metrics/registry';
import type { Scope } from '../metrics/scope';
import { defaultGlossary } from '../quality/acronyms';
import { defaultSettings } from '../settings/schema';
import { demoExports } from './demo';
import { scopeOfPage } from './scope-of-page';

/**
 * The Overview's figures on the demo, worked out ahead of time by the registered metrics
 * (data/demo-figures.json, written by `npm run demo:pack`), keyed exactly as the page asks for them:
 * on opening, the demo's first charts are drawn from these while the engine starts.
 */
export interface DemoFigures {
	schools: string[];
	figures: Record<string, unknown>;
}

/** The scope a first visit's Overview has: no filter, the demo's export date, default settings and glossary. */
export const demoOpeningScope = (schools: string[]): Scope => scopeOfPage(new URL('http://localhost/'), defaultSettings, defaultGlossary, demoExports(schools));

export async function workOutDemoFigures(db: Db, schools: string[]): Promise<DemoFigures> {
	const scope = demoOpeningScope(schools);
	const figures: Record<string, unknown> = {};
	for (const a of overviewFigureAsks) figures[askKey(a, scope)] = await runAsk(db, a, scope);
	return { schools, figures };
}
