import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, type App } from './harness';

/** The attainment and attendance page and report section on the demo (which has assessments, attendance and comparators). */
describe('attainment and attendance in Chromium', () => {
	let app: App;
	let page: Page;
	let foreign: string[];
	let errors: string[];
	beforeAll(async () => {
		app = await startApp();
		({ page, foreign, errors } = await openPage(app));
	});
	afterAll(async () => {
		await app?.close();
	});

	it('shows attainment by subject with a chart, the school comparison, attendance and the SENDCo list', async () => {
		await page.goto(`${app.url}/attainment`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const subjects = page.getByRole('table', { name: 'Pupils with SEN by attainment at their latest assessment' });
		await subjects.waitFor({ timeout: 60_000 });
		// Oakfield's Reading, Writing, Maths and Riverside's English, Maths, Science: Maths is one subject.
		const names = await subjects.locator('tbody th').allTextContents();
		expect(names.map((n) => n.trim())).toEqual(['Reading', 'Writing', 'English', 'Maths', 'Science']);
		await expect.poll(() => page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(1);
		const against = page.getByRole('table', { name: "Pupils with SEN at or above expected against the school's figure" });
		await against.waitFor();
		expect(await against.textContent()).toMatch(/No clear difference yet|Lower than the rest of the school|Higher than the rest of the school/);
		await page.locator('.figure', { hasText: 'persistently absent' }).first().waitFor();
		await page.getByRole('heading', { name: 'Behind twice, with no change of provision' }).waitFor();
		expect(
			await page
				.getByRole('table', { name: /Pupils at SEN support behind expected/ })
				.locator('tbody tr')
				.count()
		).toBeGreaterThan(0);

		// Filters as everywhere: SEN support only narrows the figures through the URL.
		await page.getByRole('form', { name: 'Filters' }).getByLabel('SEN stage').selectOption('K');
		await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe('K');
		await page.getByLabel('Compare by').first().selectOption('sen_stage');
		await expect.poll(async () => (await subjects.locator('tbody tr').allTextContents()).every((t) => t.includes('SEN support'))).toBe(true);
	});

	it("prints the section in the governors' report", async () => {
		await page.goto(`${app.url}/report`);
		await page.getByRole('heading', { name: 'Attainment and attendance', exact: true }).waitFor({ timeout: 60_000 });
		await page.getByRole('table', { name: 'Pupils with SEN at or above the expected standard' }).waitFor();
		const body = (await page.locator('article.report').textContent()) ?? '';
		expect(body).toContain('persistently absent');
		expect(body).not.toMatch(/\bP\d{4}\b/);
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
