import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticExport } from '../bench/synthetic-export';
import { figuresSettled, nav } from './harness';
import { session } from './session';

/** An export big enough (60,000 targets) that its rows take a few seconds to check: time to press Stop. */
const dir = mkdtempSync(join(tmpdir(), 'lens-stop-'));
const paths = syntheticExport(60_000).map((f) => (writeFileSync(join(dir, f.name), f.bytes), join(dir, f.name)));

async function chooseFiles(page: Page) {
	await nav(page, 'Import data');
	await page.getByLabel('School name').fill('Bench trust');
	await page.locator('input[type=file][multiple]').setInputFiles(paths);
	await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 120_000 });
}

const overviewText = async (page: Page) => {
	await nav(page, 'Overview');
	await page.getByRole('heading', { name: 'Pupils', exact: true }).waitFor({ timeout: 60_000 });
	await figuresSettled(page);
	return (await page.locator('main section').first().textContent())?.replace(/\s+/g, ' ');
};

describe('stopping an import, in Chromium', () => {
	const s = session('/');

	it('says what it is doing, and Stop loading leaves the school as it was loaded before', async () => {
		const { page, errors } = s;
		await chooseFiles(page);
		await page.getByRole('button', { name: /^Load \d+ files? for Bench trust$/ }).click();
		await page.getByRole('heading', { name: 'Import summary: Bench trust' }).waitFor({ timeout: 120_000 });
		const before = await overviewText(page);
		expect(before).toMatch(/\d/);

		await chooseFiles(page);
		await page.getByRole('radio', { name: /^Replace everything/ }).check();
		await page.getByRole('button', { name: /^Load \d+ files? for Bench trust$/ }).click();
		const stop = page.getByRole('button', { name: 'Stop loading' });
		await stop.waitFor({ timeout: 60_000 });
		expect(
			await page
				.getByRole('status')
				.filter({ hasText: /^Checking every row of/ })
				.textContent()
		).toMatch(/^Checking every row of \w+ and loading it \(table \d of \d\)…$/);
		await stop.click();
		await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 }).toMatch(/^Loading Bench trust was stopped: what was loaded of Bench trust before is unchanged\./);
		expect(await overviewText(page)).toBe(before);
		expect(errors).toEqual([]);
	});
});
