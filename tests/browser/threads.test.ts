import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_CORES_FOR_THREADS, THREAD_CAP } from '../../src/lib/db/threads';
import { claimCores, followLink, openPage, startApp, type App } from './harness';

/**
 * The engine's two builds: the threaded one where the page is cross-origin isolated (here by the
 * app's service worker, from the second visit on a host that sends no headers; a host's own headers
 * are what `npm run bench` uses, and it reports that build as failed if the app does not start its
 * threaded build there), the single-thread one elsewhere. Both must give the same figures and the same
 * import. The views are filtered so that the engine works them out (a first visit's opening views
 * come from data/demo-figures.json).
 */
const views = ['/?stage=E', '/impact?stage=E', '/quality?stage=E'];
const waiting = /Working out the|Updating the|Loading the data/;

interface Engine {
	isolated: boolean;
	build: string;
	threads: number;
	line: string;
}

async function engineOf(page: Page): Promise<Engine> {
	await page.waitForFunction(() => performance.getEntriesByName('lens:engine-ready').length > 0, undefined, { timeout: 60_000 });
	const { isolated, build, threads } = await page.evaluate(() => {
		const { detail } = performance.getEntriesByName('lens:engine-ready')[0] as PerformanceMark;
		return { isolated: crossOriginIsolated, ...(detail as { build: string; threads: number }) };
	});
	return { isolated, build, threads, line: await page.locator('footer .engine-line').innerText() };
}

/** The engine builds (by their WebAssembly file's name) the service worker keeps for offline use. */
const keptEngines = (page: Page) =>
	page.evaluate(async () => {
		const names: string[] = [];
		for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) if (/\.wasm$/.test(r.url)) names.push(r.url.replace(/^.*\/(duckdb-\w+)\..*$/, '$1'));
		return names.sort();
	});

/** A browser on a device of `cores` cores as its pages see it (the page chooses the engine's build, so a 2-core CI machine can run the threaded one). */
async function device(app: App, cores: number): Promise<{ page: Page; errors: string[] }> {
	const { page, errors } = await openPage(app);
	await claimCores(page.context(), cores);
	return { page, errors };
}

/** Wait until the service worker serves this page's next visit. */
async function workerInCharge(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Each view's main text once every figure in it is worked out (moving within the page, as a user does: the data lives in the tab). */
async function figures(page: Page, only = views): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const view of only) {
		await followLink(page, view);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page.locator('main h2').first().waitFor({ timeout: 60_000 });
		await page.waitForFunction((re) => !new RegExp(re).test(document.querySelector('main')?.textContent ?? ''), waiting.source, { timeout: 60_000 });
		out[view] = await page.locator('main').innerText();
	}
	return out;
}

const rules = new URL('../fixtures/rules', import.meta.url).pathname;

/** Import the rules fixture (rejected rows, warnings, clean files the engine reads itself) as the tab's school; the summary's text. */
async function importRules(page: Page): Promise<string> {
	await followLink(page, '/import');
	await page.getByLabel('School name').fill('Rules school');
	await page.locator('input[type=file][multiple]').setInputFiles(readdirSync(rules).map((f) => `${rules}/${f}`));
	await page.getByRole('button', { name: /^Load 5 files for Rules school$/ }).click({ timeout: 60_000 });
	const summary = page.locator('section.summary', { has: page.getByRole('heading', { name: 'Import summary: Rules school' }) });
	await summary.waitFor({ timeout: 60_000 });
	return summary.innerText();
}

describe('the engine uses threads where the page is cross-origin isolated', () => {
	const s = {} as { app: App };
	beforeAll(async () => {
		s.app = await startApp();
	});
	afterAll(async () => {
		await s.app?.close();
	});

	it(`on a host without the headers, with ${MIN_CORES_FOR_THREADS} cores: one thread on the first visit, threads once the service worker serves the page (offline too), the same figures and the same import`, async () => {
		const { page, errors } = await device(s.app, MIN_CORES_FOR_THREADS);

		await page.goto(`${s.app.url}/`);
		const first = await engineOf(page);
		expect(first).toEqual({ isolated: false, build: 'single', threads: 1, line: 'The data engine uses one thread: this browser or host does not allow more.' });
		const single = await figures(page);
		expect(single['/impact?stage=E']).toContain('Impact by intervention');
		const importedSingle = await importRules(page);
		expect(importedSingle).toContain('Rejected rows (18)');

		// The worker is in charge from now on; no reload of its own (the first visit's data would go with it).
		await workerInCharge(page);
		// Both builds kept: this page's, and the threaded one that every later visit through the worker starts.
		await expect.poll(() => keptEngines(page), { timeout: 30_000 }).toEqual(['duckdb-coi', 'duckdb-eh']);
		// The next visit is offline: isolated by the worker, the threaded build from what it kept.
		await page.context().setOffline(true);
		await page.reload();
		const expected = Math.min(MIN_CORES_FOR_THREADS, THREAD_CAP);
		expect(await engineOf(page)).toEqual({ isolated: true, build: 'threaded', threads: expected, line: `The data engine uses ${expected} threads.` });
		expect(await figures(page)).toEqual(single);
		// An import reads the chosen files on this build too, with the same outcome row by row.
		expect(await importRules(page)).toEqual(importedSingle);
		// The single-thread build is no longer kept: every later visit through the worker is isolated.
		await expect.poll(() => keptEngines(page), { timeout: 30_000 }).toEqual(['duckdb-coi']);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('with 2 cores: one thread even once the page is isolated, and only the single-thread build kept', async () => {
		const { page, errors } = await device(s.app, 2);
		const line = `The data engine uses one thread: on a device with fewer than ${MIN_CORES_FOR_THREADS} cores that is faster.`;
		await page.goto(`${s.app.url}/`);
		expect(await engineOf(page)).toEqual({ isolated: false, build: 'single', threads: 1, line });
		await workerInCharge(page);
		await expect.poll(() => keptEngines(page), { timeout: 30_000 }).toEqual(['duckdb-eh']);
		await page.reload();
		expect(await engineOf(page)).toEqual({ isolated: true, build: 'single', threads: 1, line });
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
