import { overviewAsks } from '../metrics/overview';
import { exampleCheck } from '../quality/smart';
import { dataset } from './dataset.svelte';
import { cachedFigure, pagesQuiet } from './figure-cache';
import { WORK_AHEAD_FROM_TARGETS, workOutOpenings, type PutFigure } from './opening-figures';
import { pageScope } from './page-scope';
import { settings } from './settings.svelte';

class Stopped extends Error {}

/**
 * How long the pages must have asked for nothing before a figure is worked out ahead. At 100,000 targets a
 * figure takes up to 0.6 s; opened the moment the import summary showed, the Overview took 1.46 s while the work
 * ahead went on between its sections' questions, against 0.75 s with no work ahead (6 December 2026).
 */
const QUIET_MS = 400;

/**
 * Once data of one's own is loaded (an import, kept data opened, a saved file) and it holds at least
 * WORK_AHEAD_FROM_TARGETS targets, the figures of every page's opening view are worked out in the
 * background while the import summary is read, into the figures the pages share, so the page opened
 * next draws at once. One figure at a time, and only once the pages have asked for nothing a moment, so
 * a page's figures wait behind one at most; an import, a restore or clearing goes first too, and once the
 * data changes the work stops. A figure that fails here is left for its page, which says so when opened.
 * Read it untracked (it reads the page's settings): the caller decides when it starts.
 */
export async function workAhead(): Promise<'done' | 'stopped' | 'not needed'> {
	const version = dataset.version;
	const current = () => dataset.version === version && dataset.status === 'ready' && !dataset.isDemo;
	const opening = pageScope(new URL('http://localhost/'));
	const start = performance.now();
	let figures = 0;
	// A page opened at once after the import asks first.
	await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
	try {
		const put: PutFigure = async (a, scope) => {
			await dataset.settled();
			await pagesQuiet(QUIET_MS);
			if (!current()) throw new Stopped();
			figures++;
			return cachedFigure(() => dataset.db(), a, scope, version).catch(() => null);
		};
		// The Overview's count of targets, which it would ask for first anyway.
		const targets = (await put(overviewAsks.targets, opening)) as { total: number } | null;
		if (!targets || targets.total < WORK_AHEAD_FROM_TARGETS) {
			performance.mark('lens:work-ahead-not-needed', { detail: { version, targets: targets?.total ?? null } });
			return 'not needed';
		}
		await workOutOpenings(put, opening, pageScope, settings.value.small_number);
		// Plan quality opens with the checker's findings on its example, worked out here rather than when the page is opened.
		if (current()) exampleCheck();
	} catch (e) {
		if (e instanceof Stopped) return 'stopped';
		throw e;
	}
	// For the benchmark and the tests: when every opening view was ready, and how many figures it took.
	performance.measure('lens:worked-ahead', { start, end: performance.now(), detail: { version, figures } });
	return 'done';
}
