import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

/**
 * The demo's Overview is drawn from its figures worked out ahead of time (data/demo-figures.json)
 * while the engine is still arriving: here the engine is held back until the figures are on screen,
 * so the test fails if the page's keys ever stop matching the stored ones.
 */
describe('the demo opens before the engine is ready', () => {
	// Only the app: each step opens a browser context of its own.
	const s = {} as { app: App };
	beforeAll(async () => {
		s.app = await startApp();
	});
	afterAll(async () => {
		await s.app?.close();
	});

	it('draws the Overview from the figures worked out ahead, the same as the engine then gives, and other pages wait', async () => {
		// A browser of its own, so a retry starts again with nothing kept (no service worker yet).
		const first = await s.app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const errors: string[] = [];
		const p = await first.newPage();
		p.on('pageerror', (e) => errors.push(e.message));
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let engineAsked = false;
		await first.route(/\.wasm$/, async (route) => {
			engineAsked = true;
			await held;
			await route.continue();
		});
		await p.goto(`${s.app.url}/`);
		await p.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await p.locator('.chart svg').first().waitFor({ timeout: 30_000 });
		const figures = () => p.locator('main .figure').allTextContents();
		const table = () => p.getByRole('table', { name: 'Targets by area of need' }).locator('tbody').textContent();
		const before = { figures: await figures(), table: await table() };
		expect(before.figures.length).toBeGreaterThan(3);
		// The engine was asked for and is still held back: nothing above came from it.
		expect(engineAsked).toBe(true);
		expect(await p.evaluate(() => performance.getEntriesByName('lens:engine-ready').length)).toBe(0);

		// Another page's figures need the engine: it says it is working them out.
		await p.getByRole('link', { name: 'Impact', exact: true }).click();
		await p
			.getByText(/Working out the|Loading the data/)
			.first()
			.waitFor();

		release();
		await p.getByRole('heading', { name: 'Impact by intervention' }).waitFor({ timeout: 60_000 });

		// The same page worked out by the engine alone: a browser to which the stored figures never arrive.
		const context = await s.app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.route(/demo-figures.*\.json$/, (route) => route.fulfill({ status: 404 }));
		const page = await context.newPage();
		await page.goto(`${s.app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page.locator('.chart svg').first().waitFor({ timeout: 60_000 });
		expect(await page.evaluate(() => performance.getEntriesByName('lens:engine-ready').length)).toBe(1);
		const engine = {
			figures: await page.locator('main .figure').allTextContents(),
			table: await page.getByRole('table', { name: 'Targets by area of need' }).locator('tbody').textContent()
		};
		expect(engine).toEqual(before);
		await context.close();
		await first.close();
		expect(errors).toEqual([]);
	});
});
