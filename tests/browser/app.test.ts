import { cpSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { figuresSettled, nav, openPage, startApp, type App, visit, savedPath } from './harness';
import { session } from './session';
import { loadFixture } from '../unit/load';
import { importSummary } from '../../src/lib/import/summary';
import { formatCount } from '../../src/lib/format';
import { WORK_AHEAD_FROM_TARGETS } from '../../src/lib/state/opening-figures';
import { syntheticExport } from '../bench/synthetic-export';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);

/** The built app in Chromium, as a SENDCo would use it. Fails if anything leaves the page's origin. */
describe('Provision Lens in Chromium', () => {
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

	it('opens on the clearly marked demo data with the overview figures', async () => {
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await page.getByRole('heading', { name: 'Achievement by area of need' }).waitFor();
		const pupils = await page.locator('.figure', { hasText: 'on the SEN register' }).locator('.value').textContent();
		expect(Number(pupils?.replace(/,/g, ''))).toBeGreaterThan(100);
		await expect.poll(() => page.locator('svg[role="img"]').count()).toBe(1);
		expect(await page.getByRole('table', { name: 'Targets by area of need' }).locator('tbody tr').count()).toBeGreaterThan(3);
		// The code of every page in the menu is fetched before it is opened: a page's first visit after an
		// import took 0.2–0.3 s longer when its code was fetched and compiled only then.
		const menu = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count();
		const pagesFetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\/_app\/immutable\/nodes\//.test(r.name)).length);
		await expect.poll(pagesFetched).toBeGreaterThanOrEqual(menu);
		for (const [button, name] of [
			['Chart as PNG', 'achievement-by-need-area.png'],
			['Chart as SVG', 'achievement-by-need-area.svg']
		]) {
			const download = page.waitForEvent('download');
			await page.getByRole('button', { name: button }).click();
			const file = await download;
			expect(file.suggestedFilename()).toBe(name);
			const bytes = (await import('node:fs')).readFileSync(await savedPath(file));
			expect(bytes.length).toBeGreaterThan(1000);
		}
	});

	it('keeps filters in the URL', async () => {
		await page.getByLabel('SEN stage').selectOption('E');
		await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe('E');
		await page.reload();
		await page.getByRole('heading', { name: 'Targets', exact: true }).waitFor({ timeout: 60_000 });
		expect(await page.getByLabel('SEN stage').inputValue()).toBe('E');
	});

	it('imports a fixture folder through the file input and shows the summary', async () => {
		await visit(page, `${app.url}/import`);
		await page.getByLabel('School name').fill('Fixture school');
		await page.locator('input[type=file][multiple]').setInputFiles(filesOf('rules'));
		await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: /^Load 5 files? for Fixture school$/ }).click();
		const summary = page.getByRole('heading', { name: 'Import summary: Fixture school' });
		await summary.waitFor({ timeout: 60_000 });
		const pupilsRow = page.locator('.summary > table tbody tr', { hasText: 'pupils' });
		expect((await pupilsRow.locator('td').allTextContents()).map(Number)).toEqual([9, 4, 5, 2]);
		await page.getByRole('heading', { name: 'Rejected rows (18)' }).waitFor();
		await page.getByRole('heading', { name: 'Warnings (10)' }).waitFor();
		await page.getByText('plan_id PL03 was rejected (plans line 4: review_due is before start_date)').waitFor();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download all 18 as CSV' }).click();
		expect((await download).suggestedFilename()).toBe('fixture-school-rejected-rows.csv');
	});

	it('shows the overview of the imported data, not the demo', async () => {
		await page.getByRole('link', { name: 'See the overview of this data' }).click();
		await page.getByText('Your data: Fixture school').waitFor();
		await page.getByRole('heading', { name: 'Targets', exact: true }).waitFor({ timeout: 60_000 });
		// The rules fixture loads 4 pupils (K: P001 P003, E: P002, N: P006) and 3 targets.
		const value = (label: string) => page.locator('.figure', { hasText: label }).first().locator('.value').textContent();
		expect(await value('on the SEN register')).toBe('4');
		expect(await value('EHC plan')).toBe('1');
		expect(await value('achieved')).toBe('1');
	});

	it('works out every page’s opening figures while the summary of a large import is read, so each page then opens without waiting for the engine', async () => {
		// The rules fixture (3 targets) is far too small to be worth it: nothing is worked out ahead.
		await page.waitForFunction(() => performance.getEntriesByName('lens:work-ahead-not-needed').length === 1, undefined, { timeout: 60_000 });
		// A trust's export of WORK_AHEAD_FROM_TARGETS targets, added as a second school.
		const dir = mkdtempSync(join(tmpdir(), 'lens-large-'));
		const files = syntheticExport(WORK_AHEAD_FROM_TARGETS).map((f) => (writeFileSync(join(dir, f.name), f.bytes), join(dir, f.name)));
		await visit(page, `${app.url}/import`);
		await page.getByLabel('School name').fill('Large trust school');
		await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Large trust school');
		await page.locator('input[type=file][multiple]').setInputFiles(files);
		await page.getByRole('button', { name: /^Load 3 files for Large trust school$/ }).click({ timeout: 60_000 });
		await page.getByRole('heading', { name: 'Import summary: Large trust school' }).waitFor({ timeout: 60_000 });
		// Counts in the summary read as counts everywhere else do.
		const targetsRow = page.locator('section.summary', { has: page.getByRole('heading', { name: 'Import summary: Large trust school' }) }).getByRole('row', { name: /^targets/ });
		expect(await targetsRow.getByRole('cell').allTextContents()).toEqual(['10,000', '10,000', '0', '0']);
		await page.waitForFunction(() => performance.getEntriesByName('lens:worked-ahead').length === 1, undefined, { timeout: 90_000 });
		const worked = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('lens:figure:')).length);
		const before = await worked();
		expect(before).toBeGreaterThan(40);
		const pages = [
			['Overview', '/'],
			['Provision map', '/provision-map'],
			['Impact', '/impact'],
			['Attainment and attendance', '/attainment'],
			['Plan quality', '/quality'],
			['Compare schools', '/trust'],
			["Governors' report", '/report']
		];
		for (const [label, path] of pages) {
			await nav(page, label);
			await page.waitForURL((u) => u.pathname === path);
			await page.locator('main h1').first().waitFor();
			await figuresSettled(page);
			expect(await worked(), `${label}: no figure worked out on opening`).toBe(before);
			// The reflection checklist's evidence gives counts as counts read elsewhere ("10,003", not "10003").
			if (path === '/quality') expect(await page.locator('p.evidence', { hasText: 'acronym' }).first().textContent()).toMatch(/ of \d{1,3}(?:,\d{3})+ targets use an acronym/);
		}
	});

	it('stops a file with personal data, masking its values', async () => {
		await visit(page, `${app.url}/import`);
		await page.locator('input[type=file][multiple]').setInputFiles(filesOf('personal'));
		const alert = page.getByRole('alert').filter({ hasText: 'look like they hold personal data' });
		await alert.waitFor({ timeout: 60_000 });
		expect(await alert.textContent()).toContain('Forename');
		const body = (await page.locator('body').textContent()) ?? '';
		expect(body).not.toMatch(/Amy|01632|example\.org/);
		expect(await page.getByRole('button', { name: /^Load / }).count()).toBe(0);
	});

	it('clears all data', async () => {
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.getByRole('button', { name: 'Clear all data' }).click();
		await page.getByRole('button', { name: 'Yes, clear all data' }).click();
		await page.getByText('No data loaded.').waitFor();
	});

	it('reads every encoding, delimiter and broken row as the command line does (the engine reads a clean UTF-8 file itself)', async () => {
		for (const name of ['encodings', 'blank-lines']) {
			await page.goto(`${app.url}/import`);
			await page.getByLabel('School name').fill(`${name} school`);
			await page.locator('input[type=file][multiple]').setInputFiles(filesOf(name));
			await page.getByRole('button', { name: /^Load \d+ file/ }).click();
			await page.getByRole('heading', { name: `Import summary: ${name} school` }).waitFor({ timeout: 60_000 });
			const rows = await page.locator('.summary > table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
			const { db } = await loadFixture(name);
			const expected = Object.entries((await importSummary(db)).tables).map(([t, c]) => [t, ...[c.read, c.loaded, c.rejected, c.warnings].map(formatCount)]);
			expect(rows.map((r) => r.slice(0, 5)).sort()).toEqual(expected.sort());
		}
		await page.getByRole('button', { name: 'Clear all data' }).click();
		await page.getByRole('button', { name: 'Yes, clear all data' }).click();
		await page.getByText('No data loaded.').waitFor();
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});

describe('provision map in Chromium', () => {
	const s = session();

	it('opens the provision map on the demo and follows a change of staff rate', async () => {
		await s.page.goto(`${s.app.url}/provision-map`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const caption = s.page.getByRole('table').filter({ hasText: 'Intervention' }).first().locator('caption');
		await caption.waitFor({ timeout: 60_000 });
		const before = (await caption.textContent()) ?? '';
		expect(before).toMatch(/known cost £[\d,]+/);

		await nav(s.page, 'Costing settings');
		const ta = s.page.getByLabel('Hourly rate for TA');
		await ta.fill('30');
		await s.page.getByRole('button', { name: 'Save settings' }).click();
		await s.page.getByText('Saved. Every figure now uses these settings.').waitFor();

		await nav(s.page, 'Provision map');
		await expect.poll(async () => (await caption.textContent()) ?? '', { timeout: 30_000 }).not.toBe(before);
		const cost = (text: string) => Number(/known cost £([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));
		expect(cost((await caption.textContent()) ?? '')).toBeGreaterThan(cost(before));

		await s.page.getByLabel('Lay out').selectOption('year_group');
		await expect.poll(() => new URL(s.page.url()).searchParams.get('layout')).toBe('year_group');
		await s.page.getByRole('table', { name: /by intervention and year group/ }).waitFor({ timeout: 30_000 });
		expect(s.foreign).toEqual([]);
	});
});

describe('intervention impact in Chromium', () => {
	const s = session();

	it('opens the impact page on the demo and follows an intervention to its detail', async () => {
		await s.page.goto(`${s.app.url}/impact`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const table = s.page.getByRole('table', { name: /Targets by intervention/ });
		await table.waitFor({ timeout: 60_000 });
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
		await table.getByRole('button', { name: 'Precision Teaching' }).click();
		const detail = s.page.getByRole('region', { name: 'Precision Teaching: the detail' });
		await detail.getByRole('heading', { name: /^Runs \(\d+\)$/ }).waitFor({ timeout: 30_000 });
		await detail.getByRole('heading', { name: /^Targets \(\d+\)$/ }).waitFor();
		await detail.getByRole('heading', { name: /^Entry and exit \(\d+ with both values\)$/ }).waitFor();
		expect(await detail.locator('svg[role="img"]').count()).toBe(1);
		await s.page.getByRole('heading', { name: 'Cost against progress' }).waitFor();
		expect(s.errors).toEqual([]);
	});
});

describe('plan quality in Chromium', () => {
	const s = session();

	it('shows the indicators on the demo, a plan’s targets with findings, and checks a typed target live', async () => {
		await s.page.goto(`${s.app.url}/quality`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const table = s.page.getByRole('table', { name: 'Plans meeting each indicator' });
		await table.waitFor({ timeout: 60_000 });
		expect(await table.locator('tbody tr').count()).toBe(9);
		await s.page
			.getByRole('button', { name: /^Targets of PL/ })
			.first()
			.click();
		await s.page.getByRole('heading', { name: /^Targets of plan PL/ }).waitFor();
		await s.page
			.getByRole('heading', { name: /^T\d+: (SMART|not SMART yet)$/ })
			.first()
			.waitFor({ timeout: 30_000 });

		const box = s.page.getByLabel('Type or paste a target to see what makes it SMART');
		await box.fill('[Pupil] will improve their reading');
		await s.page.getByText('Not SMART yet.').waitFor();
		await s.page.getByText('"improve" cannot be seen or counted').waitFor();
		await box.fill('[Pupil] will read 20 high-frequency words with an adult on 4 out of 5 occasions');
		await s.page.getByText('This target is SMART.').waitFor();
		await box.fill('[Pupil] will go to SULP with the TA on 3 occasions');
		await s.page.getByText('Explain SULP').waitFor();

		await s.page.getByRole('checkbox', { name: /Every pupil with SEND/ }).check();
		await s.page.reload();
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await expect.poll(() => s.page.getByRole('checkbox', { name: /Every pupil with SEND/ }).isChecked(), { timeout: 60_000 }).toBe(true);
		expect(s.errors).toEqual([]);
	});
});

describe("governors' report in Chromium", () => {
	const s = session();

	it('renders the report on the demo and prints it to a sensible PDF', async () => {
		await s.page.goto(`${s.app.url}/report`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await s.page.getByRole('heading', { name: 'SEND provision report for governors' }).waitFor({ timeout: 60_000 });
		const headings = [
			'What the data says',
			'The SEN register',
			'Needs',
			'Provision and what it cost',
			'Impact',
			"Plan quality and families' involvement",
			'Review decisions and needs assessment requests'
		];
		for (const h of headings) await s.page.getByRole('heading', { name: h, exact: true }).waitFor();
		const body = (await s.page.locator('article.report').textContent()) ?? '';
		expect(body).toContain('fewer than 5');
		expect(body).not.toMatch(/\bP\d{4}\b/); // no pupil id

		await s.page.emulateMedia({ media: 'print' });
		expect(await s.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
		for (const h of headings) expect(await s.page.getByRole('heading', { name: h, exact: true }).isVisible()).toBe(true);
		const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBeGreaterThanOrEqual(4);
		expect(pages).toBeLessThanOrEqual(25);
		await s.page.emulateMedia({ media: 'screen' });

		const download = s.page.waitForEvent('download');
		await s.page.getByRole('button', { name: 'Download as HTML' }).click();
		const file = await savedPath(await download);
		const html = (await import('node:fs')).readFileSync(file, 'utf8');
		expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
		expect(html).toContain('<svg');
		expect(s.foreign).toEqual([]);
	});
});

describe('compare schools in Chromium', () => {
	const s = session();

	it('sets the demo schools side by side for staff, not hidden when small, and says so when only one school is loaded', async () => {
		await s.page.goto(`${s.app.url}/trust`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const register = s.page.getByRole('table', { name: 'Pupils at SEN support and with EHC plans, by school' });
		await register.waitFor({ timeout: 60_000 });
		expect((await register.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(['Oakfield Primary', 'Riverside High']);
		// An internal page: every figure as it is, and said so; no "fewer than" anywhere.
		await s.page.getByText('figures here are not hidden when small').waitFor();
		// (The note on how it is worked out says no test is made on "fewer than 5" reviewed targets: a rule, not a hidden figure.)
		expect(
			await s.page
				.locator('main table')
				.getByText(/fewer than \d|withheld/)
				.count()
		).toBe(0);
		expect(await s.page.locator('svg[role="img"]').count()).toBe(1);
		// One school loaded: nothing to compare, and the way to import a trust.
		await visit(s.page, `${s.app.url}/import`);
		await s.page.getByLabel('School name').fill('Fixture school');
		await s.page.locator('input[type=file][multiple]').setInputFiles(filesOf('rules'));
		await s.page.getByRole('button', { name: /^Load 5 files? for Fixture school$/ }).click({ timeout: 60_000 });
		await s.page.getByRole('heading', { name: 'Import summary: Fixture school' }).waitFor({ timeout: 60_000 });
		await s.page.getByRole('link', { name: 'Compare schools' }).click();
		await s.page.getByText('Only one school is loaded (Fixture school)').waitFor({ timeout: 60_000 });
		expect(await s.page.getByRole('link', { name: 'import their exports' }).getAttribute('href')).toMatch(/\/import$/);
		expect([s.foreign, s.errors]).toEqual([[], []]);
	});
});

describe('as of the data in Chromium', () => {
	const s = session();

	it('works an export saved in the past out as of its own date, on the Overview and the report, and links keep the date and school', async () => {
		// tests/fixtures/quality, its files saved on 20 March 2026 and opened today. Not reviewed and more than 14 days past
		// review_due on 20 March: G2 and G4; G5 (due 27 March) only from 11 April, so as of today there would be 3.
		const folder = join(mkdtempSync(join(tmpdir(), 'lens-past-')), 'quality');
		cpSync(fixture('quality'), folder, { recursive: true });
		const saved = new Date('2026-03-20T12:00:00');
		for (const f of readdirSync(folder)) utimesSync(join(folder, f), saved, saved);

		await s.page.goto(`${s.app.url}/import`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await s.page.getByLabel('School name').fill('Past school');
		await s.page.locator('input[type=file][multiple]').setInputFiles(readdirSync(folder).map((f) => join(folder, f)));
		await s.page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
		// The import page dates the export by its files, as the command line does.
		expect(await s.page.getByLabel('Exported on').inputValue()).toBe('2026-03-20');
		await s.page.getByRole('button', { name: /^Load \d+ files? for Past school$/ }).click();
		await s.page.getByRole('heading', { name: 'Import summary: Past school' }).waitFor({ timeout: 60_000 });

		await s.page.getByRole('link', { name: 'See the overview of this data' }).click();
		const filters = s.page.getByRole('form', { name: 'Filters' });
		await filters.getByText('Figures as of 20 March 2026, the date of the latest export loaded.').waitFor({ timeout: 60_000 });
		expect(new URL(s.page.url()).searchParams.get('as_of')).toBeNull();
		const overdue = s.page.locator('.figure', { hasText: 'reviews overdue' }).locator('.value');
		await expect.poll(() => overdue.textContent(), { timeout: 60_000 }).toBe('2');
		await filters.getByText('For staff:').waitFor();

		// The report: the same date, and small numbers hidden (a threshold of 2 shows the count of 2).
		await nav(s.page, "Governors' report");
		await s.page.getByText('For governors and the public:').waitFor();
		const meta = s.page.locator('article.report .meta');
		await meta.waitFor({ timeout: 90_000 });
		expect(await meta.textContent()).toBe('All schools · 2025/26 · figures as of 20 March 2026');
		await s.page.getByLabel('Hide counts below').fill('2');
		await s.page.getByLabel('Hide counts below').dispatchEvent('change');
		const points = () => s.page.locator('article.report textarea[id^="point-"]').evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
		await expect.poll(points, { timeout: 60_000 }).toContain('2 plan reviews are overdue (more than 14 days past the date set).');

		// Another date and one school, chosen on the Overview, follow the menu to the report and back.
		await nav(s.page, 'Overview');
		await filters.getByLabel('School').selectOption('Past school');
		await s.page.getByLabel('Figures as of', { exact: true }).fill('2026-02-01');
		await filters.getByText(/^Figures as of 1 February 2026, the date you chose \(Past school's latest export is dated 20 March 2026\)\.$/).waitFor({ timeout: 30_000 });
		await expect.poll(() => new URL(s.page.url()).searchParams.toString()).toBe('school=Past+school&as_of=2026-02-01');
		await nav(s.page, "Governors' report");
		await expect.poll(() => meta.textContent(), { timeout: 90_000 }).toBe('Past school · 2025/26 · figures as of 1 February 2026');
		const params = new URL(s.page.url()).searchParams;
		expect([params.get('as_of'), params.get('school')]).toEqual(['2026-02-01', 'Past school']);
		// The report's own choices are in the URL too, and a link from it keeps them.
		await s.page.getByRole('combobox', { name: /^Period/ }).selectOption('spring');
		await expect.poll(() => new URL(s.page.url()).searchParams.get('term')).toBe('spring');
		await nav(s.page, 'Provision map');
		await expect.poll(() => new URL(s.page.url()).searchParams.toString()).toBe('as_of=2026-02-01&school=Past+school&term=spring');
		// Today only when chosen.
		await s.page.getByRole('button', { name: /^Today/ }).click();
		const today = new Date();
		const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
		await expect.poll(() => new URL(s.page.url()).searchParams.get('as_of')).toBe(iso);
		await s.page.getByText(/, today, the date you chose/).waitFor();
		await s.page.getByRole('button', { name: /^Latest export/ }).click();
		await expect.poll(() => new URL(s.page.url()).searchParams.get('as_of')).toBeNull();
		expect([s.foreign, s.errors]).toEqual([[], []]);
	});
});
