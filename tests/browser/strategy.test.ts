import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reportProblems } from '../../src/lib/report/honesty';
import type { Report, ReportTable } from '../../src/lib/report/types';
import { figuresSettled, nav, openPage, startApp, type App, savedPath } from './harness';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);
const PASSPHRASE = 'inclusive lantern orchard';
const YEAR = '2025/26';

/** The strategy fixture (hand-worked in src/lib/metrics/strategy.spec.ts), imported as the user does. */
async function importStrategyFixture(page: Page) {
	await nav(page, 'Import data');
	await page.getByRole('heading', { name: 'Import your exports' }).waitFor();
	await page.getByLabel('School name').fill('Fixture school');
	await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Fixture school');
	await page.locator('input[type=file][multiple]').setInputFiles(filesOf('strategy'));
	await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
	await page.getByRole('button', { name: /^Load \d+ files? for Fixture school$/ }).click();
	await page.getByRole('heading', { name: 'Import summary: Fixture school' }).waitFor({ timeout: 60_000 });
}

/** The strategy page for the year, once every figure is worked out. */
async function openStrategy(page: Page) {
	await page.getByRole('heading', { name: 'Inclusion strategy: Fixture school' }).waitFor({ timeout: 90_000 });
	await page.getByRole('heading', { name: `Activity in ${YEAR}` }).waitFor({ timeout: 60_000 });
	await figuresSettled(page);
}

/** The draft as the page shows it, in the shape the honesty reader reads. */
function readDraft(page: Page): Promise<{ headings: string[]; tables: ReportTable[]; paragraphs: string[][]; titles: string[] }> {
	return page.locator('article.strategy').evaluate((article) => {
		const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const sections = [...article.querySelectorAll('section')];
		return {
			headings: [...article.querySelectorAll('h1, h2')].map(text),
			titles: sections.map((s) => text(s.querySelector('h2'))),
			paragraphs: sections.map((s) => [...s.querySelectorAll('p, li')].map(text).filter(Boolean)),
			tables: [...article.querySelectorAll('table')].map((t) => ({
				caption: text(t.querySelector('caption')),
				columns: [...t.querySelectorAll('thead th')].map(text),
				rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map(text))
			}))
		};
	});
}

const keptBytes = (page: Page) =>
	page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const file = await (await root.getFileHandle('provision-lens-kept.plws')).getFile();
		return new TextDecoder('latin1').decode(await file.arrayBuffer());
	});

describe('the inclusion strategy page, in Chromium', () => {
	let app: App;
	let page: Page;
	let foreign: string[];
	let errors: string[];

	beforeAll(async () => {
		mkdirSync('test-results', { recursive: true });
		app = await startApp();
		({ page, foreign, errors } = await openPage(app));
	});
	afterAll(async () => {
		await app?.close();
	});

	it('imports the fixture and keeps it on this device', async () => {
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await importStrategyFixture(page);
		await page.getByRole('checkbox', { name: 'Keep this data on this device' }).check();
		await page.getByLabel(/^Choose a passphrase/).fill(PASSPHRASE);
		await page.getByRole('form', { name: 'Keep on this device' }).getByLabel('Type it again').fill(PASSPHRASE);
		await page.getByRole('button', { name: 'Keep it on this device' }).click();
		await page.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
	});

	it("fills in the school's parts, and after a reload with keeping on finds them kept (from the kept copy itself)", async () => {
		await nav(page, 'Inclusion strategy');
		await page.getByRole('form', { name: 'Strategy choices' }).getByLabel('Academic year').selectOption(YEAR);
		await openStrategy(page);
		const before = await keptBytes(page);
		const form = page.getByRole('form', { name: 'What only the school can write' });
		await form.getByLabel('Inclusive Mainstream Fund allocation (£)').fill('10000');
		await form.getByLabel('Approved by').fill('The governing board');
		await form.getByLabel(/^Statement of intent/).fill('Every child belongs here.');
		await form.getByRole('button', { name: 'Add a barrier' }).click();
		await form.getByLabel('Barrier 1', { exact: true }).fill('Reading below the expected level');
		const maths = form.getByRole('group', { name: /^Maths boost/ });
		await maths.getByLabel('Inclusive Mainstream Fund pays').selectOption('all');
		const reading = form.getByRole('group', { name: /^Reading catch-up/ });
		await reading.getByLabel('Principle of inclusion').selectOption({ label: 'Early, evidence-based support' });
		await reading.getByRole('checkbox', { name: 'Works on barrier 1' }).check();
		await expect.poll(() => page.locator('article.strategy tr', { hasText: 'Reading catch-up' }).first().textContent()).toContain('Barrier 1 (Cognition and learning)');
		const totals = page.locator('article.strategy section', { has: page.getByRole('heading', { name: 'Budgeted costs' }) });
		await totals.getByText('The Inclusive Mainstream Fund allocation is £10,000; the activity above plans £267 of it, leaving £9,733 still to plan.').waitFor({ timeout: 60_000 });

		// Saved to the kept copy a moment after the last change: wait until no save is under way or waiting (the page says
		// "Saving your changes…" while one runs; the wait before one starts is shorter than a poll) and the copy holds still.
		let last = '';
		await expect
			.poll(
				async () => {
					const saving = await page.getByText('Saving your changes…').count();
					const now = await keptBytes(page);
					const settled = saving === 0 && now === last && now !== before;
					last = now;
					return settled;
				},
				{ timeout: 60_000, interval: 1000 }
			)
			.toBe(true);
		// Nothing of the draft is in local storage (unencrypted): what comes back can only come from the encrypted kept copy.
		expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('strategy')))).toEqual([]);
		await page.goto(`${app.url}/strategy?year=${encodeURIComponent(YEAR)}`);
		await page.getByRole('heading', { name: 'Your data is kept on this device' }).waitFor({ timeout: 60_000 });
		await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
		await page.getByRole('button', { name: 'Open the kept data' }).click();
		await openStrategy(page);
		const again = page.getByRole('form', { name: 'What only the school can write' });
		await expect.poll(() => again.getByLabel('Inclusive Mainstream Fund allocation (£)').inputValue(), { timeout: 30_000 }).toBe('10000');
		expect(await again.getByLabel('Approved by').inputValue()).toBe('The governing board');
		expect(await again.getByLabel('Barrier 1', { exact: true }).inputValue()).toBe('Reading below the expected level');
		expect(
			await again
				.getByRole('group', { name: /^Maths boost/ })
				.getByLabel('Inclusive Mainstream Fund pays')
				.inputValue()
		).toBe('all');
		expect(
			await again
				.getByRole('group', { name: /^Reading catch-up/ })
				.getByRole('checkbox', { name: 'Works on barrier 1' })
				.isChecked()
		).toBe(true);
	});

	it('shows the hand-worked figures, suppressed for publishing, and passes the honesty reader', async () => {
		const draft = await readDraft(page);
		const activity = draft.tables.find((t) => t.caption === `Activity funded in ${YEAR}`)!;
		expect(activity.rows.map((r) => r[0])).toEqual([
			'Adaptive teaching training',
			'Reading catch-up',
			'Maths boost',
			'Other targeted support (3 activities shown together)',
			'Whole-school activity not in the provision map'
		]);
		expect(activity.rows[1].slice(2)).toEqual([
			'Barrier 1 (Cognition and learning)',
			'Targeted',
			'Early, evidence-based support',
			'15',
			'£1,854',
			'notional special educational needs budget; pupil premium'
		]);
		expect(activity.rows[2].at(-1)).toBe('Inclusive Mainstream Fund');
		// Maths boost (10 pupils, £267) is the fund's; top-up (4 pupils) and pupil premium (now 3) withheld.
		expect(draft.tables.find((t) => t.caption === 'Budgeted cost by funding source')!.rows).toEqual([
			['Inclusive Mainstream Fund', '£267'],
			['notional special educational needs budget', '£2,524'],
			['top-up', 'withheld'],
			['pupil premium', 'withheld'],
			['All sources', '£5,421']
		]);
		const asReport = {
			title: '',
			school: '',
			period: '',
			asOf: '',
			suppressionNote: '',
			suppressed_cells: 0,
			national: {} as Report['national'],
			// Every table is read with the first section: the reader checks each table on its own.
			sections: draft.titles.map((title, i) => ({ id: String(i), title, paragraphs: draft.paragraphs[i], tables: i === 0 ? draft.tables : [], charts: [] }))
		} satisfies Report;
		expect(reportProblems(asReport, 10)).toEqual([]);
	});

	it('prints the draft to a PDF of a few pages, with the figures and without the form', async () => {
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'test-results/strategy.pdf' });
		await page.emulateMedia({ media: 'screen' });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(pages).toBeLessThanOrEqual(10);
		const text = execFileSync('pdftotext', ['-layout', 'test-results/strategy.pdf', '-'], { encoding: 'utf8' });
		writeFileSync('test-results/strategy.txt', text);
		const flat = text.replace(/\s+/g, ' ');
		// Headings, sentences and figures (a table's words may run over lines of a narrow cell).
		for (const words of [
			'Inclusion strategy: Fixture school',
			`Activity in ${YEAR}`,
			'Budgeted costs',
			'Evidence of impact so far',
			'£1,854',
			'£5,421',
			'Every child belongs here.',
			'the activity above plans £267 of it, leaving £9,733 still to plan'
		])
			expect(flat).toContain(words);
		expect(flat).not.toContain('What only the school can write');
		expect(flat).not.toContain('Lunch club');
	});

	it('downloads a Word document with the same headings and figures', async () => {
		const draft = await readDraft(page);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download as Word (.docx)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('inclusion-strategy-fixture-school-2025-26.docx');
		const xml = strFromU8(unzipSync(readFileSync(await savedPath(file)))['word/document.xml']);
		const words = xml
			.replace(/<\/w:p>/g, '\n')
			.replace(/<[^>]+>/g, '')
			.replace(/&apos;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&');
		const styled = (style: string) => [...xml.matchAll(new RegExp(`<w:pStyle w:val="${style}"/>.*?</w:p>`, 'g'))].map((m) => m[0].replace(/<[^>]+>/g, '').replace(/&apos;/g, "'"));
		expect(styled('Heading1')).toEqual([draft.headings[0]]);
		expect(styled('Heading2')).toEqual(draft.headings.slice(1));
		for (const t of draft.tables) {
			expect(words).toContain(t.caption);
			for (const cell of t.rows.flat()) expect(words).toContain(cell);
		}
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
