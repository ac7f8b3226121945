import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nav } from './harness';
import { session } from './session';

const folder = (name: string) => new URL(`../fixtures/snapshots/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(folder(name)).map((f) => `${folder(name)}/${f}`);

/** Import one export of the school "Oak", dated `date`; `mode` answers the question asked when Oak is already loaded. */
async function importExport(page: Page, name: string, date: string, mode?: RegExp) {
	await nav(page, 'Import data');
	await page.getByLabel('School name').fill('Oak');
	await page.locator('input[type=file][multiple]').setInputFiles(filesOf(name));
	await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
	await page.getByLabel('Exported on').fill(date);
	if (mode) {
		await page.getByText('Oak is already loaded.').waitFor();
		await page.getByRole('radio', { name: mode }).check();
	} else expect(await page.getByText('is already loaded').count()).toBe(0);
	await page.getByRole('button', { name: /^Load \d+ files? for Oak$/ }).click();
	await page.getByRole('heading', { name: 'Import summary: Oak' }).waitFor({ timeout: 60_000 });
}

describe('a school imported term after term, in Chromium', () => {
	const s = session('/');

	it('adds a second export as a snapshot and shows the register on both dates', async () => {
		await importExport(s.page, 'october', '2025-10-01');
		await importExport(s.page, 'january', '2026-01-15', /Add them as a new snapshot/);
		await nav(s.page, 'Overview');
		const table = s.page.getByRole('table', { name: /Pupils on the SEN register on each export date/ });
		await table.waitFor({ timeout: 60_000 });
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
		// October: 2 at K, 1 at E, 2 of 3 with a plan in force; January: 2, 1, 1 of 3 (worked in tests/unit/snapshots.test.ts).
		expect(rows).toEqual([
			['1 October 2025', '2', '1', '3', '2', '67%'],
			['15 January 2026', '2', '1', '3', '1', '33%']
		]);
		// Each target counted once: T1 (now achieved), T2 and T3.
		const achieved = await s.page.locator('.figure', { hasText: 'achieved' }).first().locator('.value').textContent();
		expect(achieved?.trim()).toBe('2');
	});

	it('lets the filters read the register as it was on the earlier date', async () => {
		await s.page.getByLabel('Register as exported on').selectOption('2025-10-01');
		await s.page.waitForURL(/snapshot=2025-10-01/);
		const needs = s.page.getByRole('table', { name: /by broad area of primary need$/ });
		await expect.poll(async () => (await needs.textContent()) ?? '', { timeout: 60_000 }).toContain('Cognition and learning');
		await s.page.getByLabel('Register as exported on').selectOption('');
		await expect.poll(async () => (await needs.textContent()) ?? '', { timeout: 60_000 }).not.toContain('Cognition and learning');
	});

	it("gives the governors' report last period's register from the earlier export", async () => {
		await nav(s.page, "Governors' report");
		const register = s.page.getByRole('table', { name: 'Pupils at SEN support and with EHC plans' });
		await register.waitFor({ timeout: 60_000 });
		expect(await register.locator('thead').textContent()).toContain('Export of 1 October 2025');
		expect(await s.page.getByLabel('Last period: SEN support').count()).toBe(0);
	});

	it('replaces the school, snapshots too, when asked to', async () => {
		await importExport(s.page, 'january', '2026-01-15', /Replace everything loaded/);
		await nav(s.page, 'Overview');
		await s.page.getByText('One export is loaded (dated 15 January 2026).', { exact: false }).waitFor({ timeout: 60_000 });
		expect(s.errors).toEqual([]);
	});
});
