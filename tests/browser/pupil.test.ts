import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, type App } from './harness';

/** A pupil's whole story on the demo: opened from a list of pupil ids, read at three widths, opened directly. */
describe('the pupil page in Chromium', () => {
	let app: App;
	let page: Page;
	let foreign: string[];
	let errors: string[];
	let storyUrl = '';
	beforeAll(async () => {
		app = await startApp();
		({ page, foreign, errors } = await openPage(app));
	});
	afterAll(async () => {
		await app?.close();
	});

	it('opens a pupil from the "no target achieved" list and shows their plans, targets across plans and provision', async () => {
		await page.goto(`${app.url}/quality`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const stuck = page.getByRole('table', { name: /Pupils on a third or later plan with no target achieved/ });
		await stuck.waitFor({ timeout: 60_000 });
		const link = stuck.locator('tbody a').first();
		const id = (await link.textContent())?.trim() ?? '';
		expect(id).toMatch(/^P\d{4}$/);
		await link.click();
		await page.getByRole('heading', { level: 1, name: `Pupil ${id}` }).waitFor({ timeout: 60_000 });
		const url = new URL(page.url());
		expect(url.pathname).toBe('/pupil');
		expect(url.searchParams.get('pupil')).toBe(id);
		storyUrl = page.url();
		const plans = page.getByRole('table', { name: `Plans of pupil ${id}, in order` });
		await plans.waitFor({ timeout: 60_000 });
		// On a third or later plan (the demo exports the latest plans only, with their cycle numbers): cycle 3 or more shown, each review's timing in words.
		const cycles = (await plans.locator('tbody tr td:first-of-type').allTextContents()).map((c) => Number(c.trim()));
		expect(Math.max(...cycles)).toBeGreaterThanOrEqual(3);
		expect(await plans.locator('tbody').textContent()).toMatch(/On time|Late|Overdue|Not yet due/);
		await page.getByRole('table', { name: new RegExp(`Each target of pupil ${id} from the plan that first set it`) }).waitFor();
		await page.getByRole('heading', { name: 'Provision received, plan by plan' }).waitFor();
		// Ids only: the placeholder stands where a name was, and no date of birth or UPN-like value is shown.
		const body = (await page.locator('main').textContent()) ?? '';
		expect(body).not.toMatch(/[A-Z]\d{12}/);
	});

	it('reads at 320, 768 and 1366 px without the page scrolling sideways', async () => {
		for (const width of [320, 768, 1366]) {
			await page.setViewportSize({ width, height: 900 });
			await page.getByRole('heading', { name: 'Plans, one after another' }).waitFor();
			const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
			expect(scroll, `at ${width} px`).toBeLessThanOrEqual(client);
		}
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('opens directly from its address (one prerendered page for every pupil), and says so when there is no such pupil', async () => {
		await page.goto(storyUrl);
		await page.getByRole('heading', { name: 'Plans, one after another' }).waitFor({ timeout: 60_000 });
		const missing = new URL(storyUrl);
		missing.searchParams.set('pupil', 'NOBODY');
		await page.goto(missing.toString());
		await page.getByText(/There is no pupil NOBODY in .+ in the data loaded\./).waitFor({ timeout: 60_000 });
		// The form opens another pupil by id, with the keyboard.
		await page.getByLabel('Pupil id').fill(new URL(storyUrl).searchParams.get('pupil') ?? '');
		await page.getByLabel('Pupil id').press('Enter');
		await page.getByRole('heading', { name: 'Plans, one after another' }).waitFor({ timeout: 60_000 });
	});

	it("opens from the menu with every pupil's targets followed across plans, readable at 320 px", async () => {
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: "Pupils' stories", includeHidden: true })
			.evaluate((a: HTMLAnchorElement) => a.click());
		await page.getByRole('heading', { level: 1, name: "Pupils' stories" }).waitFor({ timeout: 60_000 });
		const byNeed = page.getByRole('table', { name: 'Targets followed across plans, by the area of need first set in' });
		await byNeed.waitFor({ timeout: 60_000 });
		expect(await byNeed.locator('tbody tr').count()).toBeGreaterThan(0);
		await page.getByRole('table', { name: /by intervention/ }).waitFor();
		await page.getByText(/targets followed from the plan that first set them/).waitFor();
		await page.setViewportSize({ width: 320, height: 900 });
		const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
		expect(scroll).toBeLessThanOrEqual(client);
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('proposes a case sample of six, one with an EHC plan, and prints one pupil a page', async () => {
		await page.goto(`${app.url}/case-sample`);
		await page.getByRole('button', { name: 'Propose a spread' }).click();
		const cases = page.locator('article.case');
		await expect.poll(() => cases.count(), { timeout: 60_000 }).toBe(6);
		await page.getByRole('heading', { name: 'Plans, one after another' }).nth(5).waitFor({ timeout: 60_000 });
		const ids = new URL(page.url()).searchParams.get('pupils')?.split(',') ?? [];
		expect(ids).toHaveLength(6);
		// The first proposed has an EHC plan.
		expect(await cases.first().locator('dl').textContent()).toContain('EHC plan');
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'test-results/case-sample.pdf' });
		// Where each pupil starts, on paper: the top of a page, one pupil after another.
		const tops = await cases.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top + window.scrollY));
		await page.emulateMedia({ media: 'screen' });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		// One pupil a page: six pupils, six pages (a longer story would spill onto a page of its own and fail here).
		expect(pages).toBe(6);
		expect(tops).toEqual([...tops].sort((a, b) => a - b));
		const text = (await page.locator('main').textContent()) ?? '';
		for (const id of ids) expect(text).toContain(`Pupil ${id}`);
		expect(text).not.toMatch(/[A-Z]\d{12}/);
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
