import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, type App, visit, savedPath } from './harness';

/** A pupil's whole story on the demo: opened from a list of pupil ids, read at three widths, opened directly; a wording match undone; the transfer file taken to a fresh page. */
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
		// On a third or later plan: cycle 3 or more shown, each review's timing in words.
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
		await visit(page, `${app.url}/`);
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
		await visit(page, `${app.url}/case-sample`);
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

	let transferFile = '';
	let linesAfterUndo = 0;
	// Oakfield's P0002 has targets carried across plans both by carried_from and by wording only (data/generate-demo.ts).
	const moving = 'P0002';

	it('undoes a match by wording with the keyboard: the target stands alone, and no target id is left in local storage', async () => {
		await visit(page, `${app.url}/pupil?school=${encodeURIComponent('Oakfield Primary')}&pupil=${moving}`);
		const lineages = page.getByRole('table', { name: new RegExp(`Each target of pupil ${moving} from the plan that first set it`) });
		await lineages.waitFor({ timeout: 60_000 });
		const undo = page.getByRole('button', { name: /^Undo this match \(/ });
		await undo.first().waitFor();
		const before = await lineages.locator('tbody tr').count();
		const matches = await undo.count();
		const [, prev, later] = (await undo.first().textContent())?.match(/\((\S+) and (\S+)\)$/) ?? [];
		expect(later).toMatch(/^T\d{5}$/);
		await undo.first().focus();
		await page.keyboard.press('Enter');
		await page.getByText(`Match undone: ${later} is now followed as a target of its own`).waitFor();
		// The lineage is split in two: one row more, one match fewer, and it can be linked again.
		await expect.poll(() => lineages.locator('tbody tr').count(), { timeout: 60_000 }).toBe(before + 1);
		expect(await undo.count()).toBe(matches - 1);
		await page.getByRole('button', { name: `Link them again (${prev} and ${later})` }).waitFor();
		linesAfterUndo = before + 1;
		const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
		expect(stored).not.toContain(later);
	});

	it('downloads the transfer file (ids only), with a summary laid out need, support, outcomes, review', async () => {
		await page.getByRole('link', { name: /^Moving school\?/ }).click();
		await page.getByRole('heading', { level: 2, name: new RegExp(`^Pupil ${moving}`) }).waitFor({ timeout: 60_000 });
		await page.getByRole('table', { name: `Plans of pupil ${moving} and their reviews` }).waitFor({ timeout: 60_000 });
		const headings = await page.locator('article.transfer h3').allTextContents();
		expect(headings.map((h) => h.trim())).toEqual(['Need', 'Support', 'Outcomes', 'Review']);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download the transfer file' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe(`transfer-${moving}-2026-03-20.json`);
		transferFile = await savedPath(file);
		const text = readFileSync(transferFile, 'utf8');
		const json = JSON.parse(text);
		expect(json).toMatchObject({ format: 'provision-lens-transfer', version: 1, school: 'Oakfield Primary', as_of: '2026-03-20' });
		expect(json.pupils.map((p: { pupil_id: string }) => p.pupil_id)).toEqual([moving]);
		expect(json.undone_matches).toHaveLength(1);
		expect(text).not.toMatch(/"(name|first_name|surname|date_of_birth|dob|upn)"/i);
	});

	it("opens the transfer file in a fresh page's import as that pupil's history, the undone match still undone", async () => {
		const fresh = await openPage(app);
		try {
			await fresh.page.goto(`${app.url}/import`);
			await fresh.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
			await fresh.page.locator('input[type=file][multiple]').setInputFiles({ name: `transfer-${moving}.json`, mimeType: 'application/json', buffer: readFileSync(transferFile) });
			await fresh.page.getByText(`Recognised as a Provision Lens transfer file: pupil ${moving} from Oakfield Primary`).waitFor({ timeout: 60_000 });
			await fresh.page.getByRole('button', { name: /^Load \d+ files for Oakfield Primary$/ }).click();
			await fresh.page.getByRole('link', { name: `See pupil ${moving}'s history` }).click();
			const lineages = fresh.page.getByRole('table', { name: new RegExp(`Each target of pupil ${moving} from the plan that first set it`) });
			await lineages.waitFor({ timeout: 60_000 });
			expect(await lineages.locator('tbody tr').count()).toBe(linesAfterUndo);
			await fresh.page.getByRole('button', { name: /^Link them again \(/ }).waitFor();
			expect(fresh.foreign).toEqual([]);
			expect(fresh.errors).toEqual([]);
		} finally {
			await fresh.page.context().close();
		}
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
