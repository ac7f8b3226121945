import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startApp, type App } from './harness';

/**
 * The demo's folder of Word plans chosen on the import page (issue 24): read in the page with the
 * demo's school key, loaded, and the Overview, Impact and the governors' report drawn from it.
 */
const folder = resolve('data/demo-word');
const keyFile = resolve('data/demo-word-key.json');
/** The demo's plans as the contract's CSV files: their counts are what the page must show. */
const csvRows = (table: string) =>
	readFileSync(resolve('data/demo-word-csv', `${table}.csv`), 'utf8')
		.trim()
		.split('\n').length - 1;

describe('Word plans in Chromium', () => {
	let app: App;

	beforeAll(async () => {
		app = await startApp();
	});
	afterAll(async () => {
		await app?.close();
	});

	it('reads the demo folder of Word plans with the saved key and draws the Overview, Impact and the report from it', async () => {
		const { page, foreign, errors } = await openPage(app);
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		await page.goto(`${app.url}/import`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page.getByLabel('School name').fill('Word school');

		// The school's saved key, chosen before reading: the ids are the command line's.
		await page.getByText('The school key, for Word plans').click();
		await page.getByLabel('Use a saved school key').setInputFiles(keyFile);
		const check = JSON.parse(readFileSync(keyFile, 'utf8')).check as string;
		await page.getByText(`The saved key (check ${check}) will be used`).waitFor();

		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Or choose a folder' }).click();
		await (await chooser).setFiles(folder);
		const word = page.getByRole('region', { name: 'Word plans' });
		await word.waitFor({ timeout: 60_000 });
		expect(await word.textContent()).toContain(`${csvRows('plans')} plans, ${csvRows('targets')} targets`);
		expect(await word.textContent()).toContain(`check is ${check}`);
		// The demo's plans are of 2025/26: dated as its truth is, not by the files' checkout date.
		await page.getByLabel('Exported on').fill('2026-07-10');
		await page.getByRole('button', { name: /^Load \d+ files? for Word school$/ }).click();
		await page.getByRole('heading', { name: 'Import summary: Word school' }).waitFor({ timeout: 120_000 });
		const rows = await page
			.locator('.summary > table tbody tr')
			.evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelectorAll('td')[1]?.textContent?.trim()])));
		expect(rows).toMatchObject({ pupils: String(csvRows('pupils')), plans: String(csvRows('plans')), targets: String(csvRows('targets')) });
		// The SMART checker ran in a worker of its own, not on the page's thread.
		expect(workers.some((u) => u.includes('target-checker.worker'))).toBe(true);

		await page.getByRole('link', { name: 'See the overview of this data' }).click();
		await page.getByRole('heading', { name: 'Overview' }).waitFor();
		const plans = page.locator('.figure', { hasText: /^\s*[\d,]+\s*plans/ }).locator('.value');
		await expect.poll(() => plans.first().textContent(), { timeout: 60_000 }).toMatch(/^\d+$/);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Impact' }).click();
		await page.getByRole('heading', { name: 'Intervention impact' }).waitFor();
		await expect.poll(() => page.getByRole('table').count(), { timeout: 60_000 }).toBeGreaterThan(0);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Governors' report" }).click();
		const meta = page.locator('article.report .meta');
		await meta.waitFor({ timeout: 90_000 });
		expect(await meta.textContent()).toMatch(/2025\/26 · figures as of 10 July 2026/);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
