import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nav, startApp, type App } from './harness';

/**
 * The demo's pages are drawn from their figures worked out ahead of time (data/demo-figures.json)
 * while the engine is still arriving: here the engine is held back, so a page shows its figures only
 * if every one it opens with was worked out ahead under the very key it asks by. Each page is then
 * compared with the same page worked out by the engine alone (issue 26: a first visit to any page
 * but the Overview showed only "Working out…" for 6–7 s).
 */
const pages = [
	{ path: '/', link: 'Overview' },
	{ path: '/provision-map', link: 'Provision map' },
	{ path: '/impact', link: 'Impact' },
	{ path: '/attainment', link: 'Attainment and attendance' },
	{ path: '/quality', link: 'Plan quality' },
	{ path: '/trust', link: 'Compare schools' },
	{ path: '/report', link: "Governors' report" }
] as const;

const waiting = /Working out the|Updating the|Loading the data/;

/** The page's main text once nothing in it is waiting for a figure (`timeout`: how long a figure may take). */
async function drawn(page: Page, timeout: number): Promise<string> {
	await page.locator('main h2').first().waitFor({ timeout });
	await page.waitForFunction((re) => !new RegExp(re).test(document.querySelector('main')?.textContent ?? ''), waiting.source, { timeout });
	// Charts are drawn after their container is measured: one more frame or two.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	return page.locator('main').innerText();
}

describe('the demo opens before the engine is ready', () => {
	// Only the app: each step opens a browser context of its own.
	const s = {} as { app: App };
	beforeAll(async () => {
		s.app = await startApp();
	});
	afterAll(async () => {
		await s.app?.close();
	});

	/** A browser of its own whose engine never arrives (so a retry starts again with nothing kept: no service worker yet). */
	async function engineHeld(): Promise<{ context: BrowserContext; page: Page; errors: string[]; asked: () => boolean }> {
		const context = await s.app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		let engineAsked = false;
		await context.route(/\.wasm$/, () => {
			engineAsked = true;
		});
		return { context, page, errors, asked: () => engineAsked };
	}

	it('draws the opening view of every page at once from the figures worked out ahead, the same as the engine then gives', async () => {
		const first: Record<string, string> = {};
		for (const { path } of pages) {
			// A first visit straight to the page: nothing in it may wait for the engine.
			const held = await engineHeld();
			await held.page.goto(`${s.app.url}${path}`);
			await held.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
			first[path] = await drawn(held.page, 15_000).catch(async () => {
				const still = await held.page.getByText(waiting).allTextContents();
				throw new Error(`${path} waits for the engine: ${still.join('; ')}`);
			});
			// Drawn with the engine not ready: it is asked for (perhaps only now) and held back.
			expect(await held.page.evaluate(() => performance.getEntriesByName('lens:engine-ready').length)).toBe(0);
			await expect.poll(held.asked, { message: `${path}: the engine is asked for` }).toBe(true);
			expect(held.errors).toEqual([]);
			await held.context.close();
		}
		expect(first['/impact']).toContain('Impact by intervention');

		// The same pages worked out by the engine alone: a browser to which the stored figures never arrive.
		const context = await s.app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.route(/demo-figures.*\.json$/, (route) => route.fulfill({ status: 404 }));
		const page = await context.newPage();
		await page.goto(`${s.app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		for (const { path, link } of pages) {
			await nav(page, link);
			await page.waitForURL((u) => u.pathname === path);
			expect(await drawn(page, 90_000), path).toEqual(first[path]);
		}
		expect(await page.evaluate(() => performance.getEntriesByName('lens:engine-ready').length)).toBe(1);
		await context.close();
	});

	it('works out with the engine what was not worked out ahead: a filtered view waits for it', async () => {
		const held = await engineHeld();
		await held.page.goto(`${s.app.url}/impact?stage=E`);
		await held.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await held.page
			.getByText(/Working out the/)
			.first()
			.waitFor({ timeout: 15_000 });
		expect(held.errors).toEqual([]);
		await held.context.close();
	});
});
