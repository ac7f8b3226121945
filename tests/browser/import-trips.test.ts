import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startApp, type App } from './harness';

/**
 * What a SENDCo tripped over on the import page (issue 26): a trust's files chosen one by one mixed
 * the schools, Load was 56 Tab presses away, the summary appeared off screen with the focus lost,
 * and the rejected rows' box could not be reached from the keyboard.
 */
const demo = new URL('../../data/demo/', import.meta.url).pathname;
const schools = ['Oakfield Primary', 'Riverside High'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe findings inside `selector`. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async (sel) => {
		const axe = (window as unknown as { axe: { run: (ctx: string, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
		const { violations } = await axe.run(sel, { resultTypes: ['violations'] });
		return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, selector);
}

/** Column names in the files' tables (their first two columns) that a line ends inside of: not after "_" nor at a space. */
function midWordBreaks(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found = new Set<string>();
		for (const td of document.querySelectorAll('main article tbody tr > td:nth-child(-n + 2)')) {
			const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
			let before: { top: number; ch: string } | null = null;
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (let i = 0; i < text.length; i++) {
					const range = document.createRange();
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const rect = range.getClientRects()[0];
					if (!rect) continue;
					if (before && rect.top > before.top + 1 && !/[_\s]/.test(before.ch)) found.add(td.textContent ?? '');
					before = { top: rect.top, ch: text[i] };
				}
			}
		}
		return [...found];
	});
}

describe('the import page as a SENDCo uses it', () => {
	let app: App;
	let dir: string;

	beforeAll(async () => {
		app = await startApp();
		dir = mkdtempSync(join(tmpdir(), 'lens-trips-'));
	});
	afterAll(async () => {
		await app?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a trust’s files chosen one by one, saying to choose the trust’s folder, and reads the folder into its schools, naming each file by its path', async () => {
		const { page, foreign, errors } = await openPage(app);
		await page.goto(`${app.url}/import`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });

		// All the files of the two schools at once (fifteen: Oakfield's session log has no twin): two pupils.csv, two plans.csv…
		const loose = schools.flatMap((s) => readdirSync(join(demo, s)).map((f) => join(demo, s, f)));
		expect(loose).toHaveLength(15);
		await page.locator('input[type=file][multiple]').setInputFiles(loose);
		const alert = page.getByRole('alert').filter({ hasText: "choose the trust's folder instead" });
		await alert.waitFor({ timeout: 30_000 });
		expect(await alert.textContent()).toContain('Files of the same name were chosen (allocations.csv, assessments.csv…)');
		// Nothing was read: no file to load, no table of files with one row per name.
		expect(await page.getByRole('button', { name: /^Load / }).count()).toBe(0);
		expect(await page.getByRole('heading', { name: 'Check how your files were read' }).count()).toBe(0);
		expect(await page.getByText('Demo data', { exact: true }).count()).toBe(1);

		// The trust's folder, one subfolder per school; Riverside High's plans.csv repeats its first plan.
		const trust = join(dir, 'Trust');
		for (const s of schools) cpSync(join(demo, s), join(trust, s), { recursive: true });
		const plans = join(trust, 'Riverside High', 'plans.csv');
		const text = readFileSync(plans, 'utf8');
		writeFileSync(plans, text + text.split('\n')[1] + '\n');
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Or choose a folder' }).click();
		await (await chooser).setFiles(trust);
		await page.getByRole('button', { name: `Load ${loose.length} files for Oakfield Primary, Riverside High` }).click({ timeout: 60_000 });
		for (const s of schools) await page.getByRole('heading', { name: `Import summary: ${s}` }).waitFor({ timeout: 90_000 });

		const rejected = page.locator('section.summary', { has: page.getByRole('heading', { name: 'Import summary: Riverside High' }) }).getByRole('region', { name: 'List of rejected rows' });
		const duplicate = rejected.locator('tr', { hasText: 'duplicate plan_id' });
		expect(await duplicate.count()).toBe(1);
		expect(await duplicate.locator('td').first().textContent()).toBe('Riverside High/plans.csv');
		expect(await duplicate.textContent()).toContain('first on line 2 of Riverside High/plans.csv');
		// Each school read on its own: the one repeated plan is the only repeated id (read together, every id of one school repeated the other's).
		expect(await page.getByRole('cell', { name: /^duplicate / }).count()).toBe(1);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('reaches Load in a few Tab presses, moves the focus to the summary after loading, and lets the rejected rows be scrolled from the keyboard', async () => {
		const { page, foreign, errors } = await openPage(app, { bypassCSP: true });
		// One school's export whose pupils file repeats a pupil on many rows: enough rejected rows for their box to scroll.
		const school = join(dir, 'Oakfield');
		cpSync(join(demo, 'Oakfield Primary'), school, { recursive: true });
		const pupils = join(school, 'pupils.csv');
		const text = readFileSync(pupils, 'utf8');
		writeFileSync(pupils, text + `${text.split('\n')[1]}\n`.repeat(40));
		await page.goto(`${app.url}/import`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page.getByLabel('School name').fill('Oakfield Primary');
		const input = page.locator('input[type=file][multiple]');
		const files = readdirSync(school);
		await input.setInputFiles(files.map((f) => join(school, f)));
		const load = page.getByRole('button', { name: `Load ${files.length} files for Oakfield Primary` });
		await load.waitFor({ timeout: 60_000 });
		// The matching is shown as text, with one control a file to change it.
		expect(await page.getByRole('combobox', { name: /^Column for / }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Change the matching' }).count()).toBe(files.length);

		// On a phone a column name wraps only after an underscore ("review_" / "due"), never inside a word ("revie" / "w_due").
		await page.setViewportSize({ width: 320, height: 900 });
		expect(await midWordBreaks(page)).toEqual([]);
		await page.setViewportSize({ width: 1280, height: 900 });

		await input.focus();
		let presses = 0;
		while (presses < 80 && !(await load.evaluate((el) => el === document.activeElement))) {
			await page.keyboard.press('Tab');
			presses++;
		}
		// The folder button, a control a file, the export date's day, month and year and a few more: not a select a column
		// (56 presses for 7 files when each column had its select).
		expect(presses).toBeLessThanOrEqual(files.length + 7);

		// Opening one file's matching gives its selects; closing it takes them away again.
		const change = page.getByRole('article', { name: 'pupils.csv' }).getByRole('button', { name: 'Change the matching' });
		await change.click();
		expect(await change.getAttribute('aria-expanded')).toBe('true');
		expect(await page.getByRole('combobox', { name: 'Column for pupil_id' }).count()).toBe(1);
		await change.click();
		expect(await page.getByRole('combobox', { name: /^Column for / }).count()).toBe(0);

		await load.focus();
		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { name: 'Import summary: Oakfield Primary' });
		await heading.waitFor({ timeout: 90_000 });
		await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await heading.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);

		const box = page.getByRole('region', { name: 'List of rejected rows' });
		expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
		expect(await box.getAttribute('tabindex')).toBe('0');
		expect(await axeFindings(page, 'section.summary')).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
