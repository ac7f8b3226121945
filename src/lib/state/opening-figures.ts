import { openings } from '../metrics/openings';
import type { Ask } from '../metrics/registry';
import type { Scope } from '../metrics/scope';
import { reportAsks, reportChoiceAsks, reportUrl } from '../report/figures';

/**
 * Your own data's opening figures are worked out ahead (src/lib/state/work-ahead.ts) only from this many
 * targets: below it a page works out its figures in a fraction of a second, and the work ahead would only
 * keep a shared school laptop busy (the browser tests, which import small fixtures again and again, ran
 * markedly slower with it). A trust's or an authority's data is far over it.
 */
export const WORK_AHEAD_FROM_TARGETS = 10_000;

/** Works out one figure over one scope, and gives its value. */
export type PutFigure = (a: Ask, scope: Scope) => Promise<unknown>;

/**
 * Every figure of every page's opening view, one after another, keyed as the pages ask for them: the
 * pages in the menu's order, then the governors' report, whose choices come first because its figures
 * are for the period they say (as its page does). `opening` is the scope of a page opened with no
 * filter; `scopeAt` gives the scope of a page at another address (the report's period).
 */
export async function workOutOpenings(put: PutFigure, opening: Scope, scopeAt: (url: URL) => Scope, smallNumber: number): Promise<void> {
	for (const { asks, scope } of Object.values(openings)) for (const a of asks) await put(a, scope ? scope(opening) : opening);
	for (const a of Object.values(reportChoiceAsks)) await put(a, opening);
	const latest = (await put(reportChoiceAsks.latest, opening)) as string | null;
	const report = scopeAt(reportUrl(new URL('http://localhost/report'), opening, latest));
	for (const a of Object.values(reportAsks(smallNumber))) await put(a, report);
}
