import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startApp, type App } from './harness';
import { sheetDataOf, xlsxOf } from '../unit/xlsx-build';

/**
 * Workbooks through the page (issue 23): a 3 KB workbook with a value in its last cell (XFD1048576)
 * used to hold the tab for 38 s and crash it; extra sheets were refused with the table. Both now
 * end in the import summary, which names what was not loaded.
 */
describe('workbooks in Chromium', () => {
	let app: App;
	let dir: string;

	beforeAll(async () => {
		app = await startApp();
		dir = mkdtempSync(join(tmpdir(), 'lens-workbook-'));
	});
	afterAll(async () => {
		await app?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('imports a workbook whose last cell (XFD1048576) holds a value in seconds, and names the value and the sheets not read', async () => {
		const { page, foreign, errors } = await openPage(app);
		const path = join(dir, 'pupils.xlsx');
		const rows = [
			['pupil_id', 'year_group', 'sen_stage'],
			['P1', 3, 'K'],
			['P2', 4, 'E']
		];
		writeFileSync(
			path,
			xlsxOf({
				sheets: [
					{ name: 'Instructions', rows: [['One row per pupil']] },
					{ name: 'Sheet1', before: '<dimension ref="A1:XFD1048576"/>', data: sheetDataOf(rows) + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' }
				]
			})
		);
		await page.goto(`${app.url}/import`);
		await page.getByLabel('School name').fill('Workbook school');
		const started = Date.now();
		await page.locator('input[type=file][multiple]').setInputFiles([path]);
		await page.getByRole('button', { name: /^Load 1 files? for Workbook school$/ }).click({ timeout: 30_000 });
		await page.getByRole('heading', { name: 'Import summary: Workbook school' }).waitFor({ timeout: 30_000 });
		expect(Date.now() - started).toBeLessThan(30_000);
		const notLoaded = page
			.getByRole('region', { name: 'Files and sheets not loaded (1)' })
			.or(page.locator('section', { has: page.getByRole('heading', { name: 'Files and sheets not loaded (1)' }) }));
		await expect.poll(() => notLoaded.first().textContent()).toContain('pupils.xlsx › Instructions');
		await expect.poll(() => page.getByRole('heading', { name: /^Warnings \(1\)$/ }).count()).toBe(1);
		expect(await page.locator('td', { hasText: 'column XFD has no header but holds 1 value' }).count()).toBe(1);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
