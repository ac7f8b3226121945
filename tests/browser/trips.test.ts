import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BAR } from '../../src/lib/charts/achievement-bars';
import { FIRST_ROWS } from '../../src/lib/components/first-rows';
import { nav, openPage, startApp, type App, visit } from './harness';

/** Issue 26: what a SENDCo, a head and a governor tripped over, on the built app in Chromium. */

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);

/** A PDF's pages as text laid out as printed, and each page's size in points. */
function pdfPages(file: string): { text: string; sizes: { width: number; height: number }[] } {
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
	const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
	return { text, sizes };
}

/** The interval marks and bars of the achievement chart under `heading`, as drawn. */
async function barMarks(page: Page, heading: string) {
	const section = page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) }).last();
	const svg = section.locator('svg[role="img"]').first();
	await svg.waitFor({ timeout: 60_000 });
	// The page takes the marks' own labels off (the chart is one image): bars are the groups of rectangles, lines the groups of lines.
	return svg.evaluate((el) => ({
		bars: [...el.querySelectorAll('g:has(> rect)')].map((g) => g.getAttribute('fill')),
		strokes: [...el.querySelectorAll('g:has(> line)')].map((g) => g.getAttribute('stroke'))
	}));
}

describe('issue 26 in Chromium', () => {
	let app: App;
	let page: Page;
	let errors: string[];

	beforeAll(async () => {
		app = await startApp();
		({ page, errors } = await openPage(app));
	});
	afterAll(async () => {
		await app?.close();
	});

	it('prints the provision map landscape, every column on the page, with the school and term and no controls', async () => {
		await page.goto(`${app.url}/provision-map?school=Oakfield+Primary&year=2025%2F26&term=spring`);
		await page.getByRole('heading', { name: 'Whole-school provision map' }).waitFor({ timeout: 60_000 });
		await page.getByRole('heading', { name: 'What is missing' }).waitFor({ timeout: 60_000 });
		const pupils = page.getByRole('table', { name: /^Pupils with provision/ });
		await pupils.waitFor({ timeout: 60_000 });
		// On screen the long list draws its first rows and offers the rest.
		expect(await pupils.locator('tbody tr').count()).toBe(FIRST_ROWS);
		await page.emulateMedia({ media: 'print' });
		await page.pdf({ path: 'test-results/provision-map.pdf', preferCSSPageSize: true, printBackground: true });
		// Laid out at the printable width of landscape A4 (297 mm less 2 × 10 mm margins, 1047 CSS px): no table runs past it.
		const viewport = page.viewportSize()!;
		await page.setViewportSize({ width: 1047, height: 740 });
		const overflow = await page.evaluate(() => ({
			page: document.documentElement.scrollWidth,
			tables: [...document.querySelectorAll('main table')].map((t) => Math.ceil(t.getBoundingClientRect().right)).filter((right) => right > 1047)
		}));
		await page.setViewportSize(viewport);
		await page.emulateMedia({ media: 'screen' });
		expect(overflow).toEqual({ page: 1047, tables: [] });
		// Back on screen: the first rows again, and "Show all" draws the rest and takes the focus to the table.
		expect(await pupils.locator('tbody tr').count()).toBe(FIRST_ROWS);
		await page.getByRole('button', { name: /^Show all \d+$/ }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Pupils with provision/);
		const ids = await pupils.locator('tbody tr th').allInnerTexts();
		expect(ids.length).toBeGreaterThan(FIRST_ROWS);
		const { text, sizes } = pdfPages('test-results/provision-map.pdf');
		// Paper has every row: the last pupil of the list is printed.
		expect(text).toContain(ids.at(-1)!.trim());
		writeFileSync('test-results/provision-map.txt', text);
		// Landscape A4 (842 × 595 points) on every page.
		expect(sizes.length).toBeGreaterThan(0);
		for (const s of sizes) expect(s.width).toBeGreaterThan(s.height);
		// The printed heading names the school and the term.
		expect(text).toMatch(/Provision map: Oakfield Primary/);
		expect(text).toMatch(/Spring 2025\/26/);
		// Every column of the map is on the page, the last ones too (a heading may wrap onto lines of its own).
		for (const heading of ['Intervention', 'Area of need', 'Staff', 'Weeks', 'Total cost', 'Cost per pupil', 'EEF']) expect(text, heading).toContain(heading);
		// The map's rows keep their last columns: a cost, a cost per pupil and the EEF band (£ signs) end the line of a costed intervention.
		expect(text).toMatch(/^\S.*£[\d,]+.*£[\d,]+.* £{1,5}\s*$/m);
		// No controls on paper.
		for (const control of ['Download this table', 'Download the full list', 'Show all', 'Funding stream', 'Lay out', 'How is this worked out?', 'Chart as SVG', 'Chart as PNG'])
			expect(text, control).not.toContain(control);
		expect(errors).toEqual([]);
	});

	it('draws each achievement bar whole, on screen and in print: the interval has no white halo across the bar', async () => {
		await visit(page, `${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		for (const media of ['screen', 'print'] as const) {
			await page.emulateMedia({ media });
			const { bars, strokes } = await barMarks(page, 'Achievement by area of need');
			expect(bars).toContain(BAR);
			expect(strokes.length).toBeGreaterThan(0);
			expect(strokes.filter((s) => s === '#fff' || s === 'white')).toEqual([]);
		}
		await page.emulateMedia({ media: 'screen' });
		await page
			.locator('section', { has: page.getByRole('heading', { name: 'Achievement by area of need', exact: true }) })
			.first()
			.screenshot({ path: 'test-results/achievement-bars.png' });
	});

	it('warms the engine up once the import page has been open a moment with no file chosen, with no error', async () => {
		await nav(page, 'Import data');
		await page.getByRole('heading', { name: 'Import your exports' }).waitFor();
		const ran = await page.waitForFunction(() => (performance.getEntriesByName('lens:warmed-up')[0] as PerformanceMark | undefined)?.detail?.ran, undefined, { timeout: 60_000 });
		expect(await ran.jsonValue()).toBe(true);
		expect(errors).toEqual([]);
	});

	it('"Forget it" on the kept-data banner asks first, naming what goes, and keeps the data when the answer is no', async () => {
		const passphrase = 'tadpole lantern orchard';
		await nav(page, 'Import data');
		await page.getByRole('heading', { name: 'Import your exports' }).waitFor();
		await page.getByLabel('School name').fill('Fixture school');
		await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Fixture school');
		await page.locator('input[type=file][multiple]').setInputFiles(filesOf('rules'));
		await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: /^Load \d+ files? for Fixture school$/ }).click();
		await page.getByRole('checkbox', { name: 'Keep this data on this device' }).check({ timeout: 60_000 });
		await page.getByLabel(/^Choose a passphrase/).fill(passphrase);
		await page.getByRole('form', { name: 'Keep on this device' }).getByLabel('Type it again').fill(passphrase);
		await page.getByRole('button', { name: 'Keep it on this device' }).click();
		await page.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });

		await page.goto(`${app.url}/`);
		const banner = page.locator('section', { has: page.getByRole('heading', { name: 'Your data is kept on this device' }) });
		await banner.waitFor({ timeout: 60_000 });
		const forget = banner.getByRole('button', { name: 'Forget it: remove it from this device' });
		// Not one of the buttons of the form that opens the data: Enter in the passphrase box, or a slip beside "Open", never removes it.
		expect(
			await banner
				.locator('form')
				.getByRole('button', { name: /Forget/ })
				.count()
		).toBe(0);
		await forget.click();
		const ask = page.getByRole('dialog', { name: 'Forget the kept data?' });
		await ask.waitFor();
		await expect.poll(() => ask.textContent()).toMatch(/removes from this browser, for good, the data kept on this device/);
		await ask.getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => ask.count()).toBe(0);
		// Still kept: it opens with the passphrase.
		await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await page.getByRole('button', { name: 'Open the kept data' }).click();
		await page.getByText('Your data: Fixture school').waitFor({ timeout: 60_000 });
	});
});
