import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attainment, comparatorMeasure, lowerIsBetterMeasures, needArea, outcome, progressJudgement, reviewDecision } from '../../src/lib/contract/enums';
import { DEMO_AS_OF } from '../../src/lib/state/demo';
import type { Report, ReportTable } from '../../src/lib/report/types';
import { reportProblems } from '../../src/lib/report/honesty';
import { figuresSettled, nav, openPage, startApp, type App, visit } from './harness';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);

/** What the page shows as the report, read back from the DOM into the shape `reportProblems` checks. */
interface ShownReport {
	meta: string;
	note: string;
	sections: { title: string; paragraphs: string[]; tables: ReportTable[]; captions: string[] }[];
}

async function readReport(page: Page): Promise<ShownReport> {
	return page.locator('article.report').evaluate((article) => {
		const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
		return {
			meta: text(article.querySelector('.meta')),
			note: text(article.querySelector('.note')),
			sections: [...article.querySelectorAll('section')].map((s) => ({
				title: text(s.querySelector('h2')),
				// What a reader reads: the drafted points as printed (the boxes' text), paragraphs, and list items.
				paragraphs: [...s.querySelectorAll('p, li')]
					.filter((p) => !p.closest('.edit') && !p.closest('figure'))
					.map(text)
					.filter(Boolean),
				tables: [...s.querySelectorAll('table')].map((t) => ({
					caption: text(t.querySelector('caption')),
					columns: [...t.querySelectorAll('thead th')].map(text),
					rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map(text))
				})),
				captions: [...s.querySelectorAll('figcaption')].map(text)
			}))
		};
	});
}

/** The shown report in the shape of a composed one, so the Node checker reads it exactly as it reads `composeReport`'s. */
const asReport = (shown: ShownReport): Report =>
	({
		title: '',
		school: '',
		period: shown.meta,
		asOf: '',
		suppressionNote: shown.note,
		suppressed_cells: 0,
		national: {} as Report['national'],
		sections: shown.sections.map((s, i) => ({ id: String(i), title: s.title, paragraphs: [...s.paragraphs, ...s.captions], tables: s.tables, charts: [] }))
	}) satisfies Report;

/** Codes of the data contract a governor should never read: every enum value that is not an ordinary English word. */
const codeWords = [
	...needArea.options,
	...outcome.options,
	...reviewDecision.options,
	...attainment.options,
	...progressJudgement.options,
	...comparatorMeasure.options,
	...lowerIsBetterMeasures,
	'standardised_score',
	'reading_age_months',
	'spelling_age_months',
	'maths_age_months',
	'ehcna'
].filter((w) => /_|^(?:semh|sdq|ehcna)$/.test(w));

/**
 * Checks beyond `reportProblems` that only make sense on what is on screen: the whole text, not just
 * tables (a count in a sentence, a £0 or 0 hours beside "not known", a code in a chart caption).
 */
function shownProblems(shown: ShownReport, threshold: number): string[] {
	const problems: string[] = [];
	const small = (n: number) => n > 0 && n < threshold;
	const all = [shown.meta, shown.note, ...shown.sections.flatMap((s) => [s.title, ...s.paragraphs, ...s.captions, ...s.tables.flatMap((t) => [t.caption, ...t.columns, ...t.rows.flat()])])];
	for (const text of all) {
		for (const w of codeWords) if (new RegExp(`\\b${w}\\b`).test(text)) problems.push(`code word ${w} in "${text}"`);
		if (/\b[a-z]+_[a-z_]+\b/.test(text)) problems.push(`code word in "${text}"`);
		// "1 of 3 pupils", "2 pupils", "3 targets reviewed": a small count in words gives it away as surely as in a table.
		for (const m of text.matchAll(/(?<!fewer than |about |under |below |than |interval |to |or |and |of £)\b(\d+) (?:of \d+ )?(pupils?|targets?|plans?|reviewed|plan reviews)\b/g)) {
			if (small(Number(m[1]))) problems.push(`small count "${m[0]}" in "${text}"`);
		}
		for (const m of text.matchAll(/\b(\d+) of (\d+)\b/g)) {
			const [k, n] = [Number(m[1]), Number(m[2])];
			if (n >= threshold && (small(k) || small(n - k)) && !/interval/.test(text)) problems.push(`"${m[0]}" gives away a count under ${threshold} in "${text}"`);
		}
		// A gain called an improvement or a decline must have an interval that leaves out no change.
		if (/\ban improvement\b|\ba decline\b/.test(text)) {
			const ci = /interval (-?[\d.]+) to (-?[\d.]+)/.exec(text);
			if (!ci) problems.push(`a change called real with no interval in "${text}"`);
			else if (Number(ci[1]) <= 0 && Number(ci[2]) >= 0) problems.push(`a change called real though its interval includes no change in "${text}"`);
		}
		if (/\(0 h\)|\b0 hours\b|\bNaN\b|\bInfinity\b|\bundefined\b/.test(text)) problems.push(`a number where the data says unknown in "${text}"`);
	}
	for (const t of shown.sections.flatMap((s) => s.tables)) {
		t.columns.forEach((heading, c) => {
			if (!/hours|cost/i.test(heading)) return;
			for (const row of t.rows) if (/^(?:£0|0|0\.0|£0\.00)$/.test(row[c] ?? '')) problems.push(`${t.caption}: ${row[0]} shows ${row[c]} for ${heading.toLowerCase()}`);
		});
		for (const row of t.rows) for (const cell of row) if (/^(?:K|E|N|OTH|NSA)$/.test(cell)) problems.push(`${t.caption}: a bare code "${cell}"`);
	}
	return problems;
}

const allProblems = (shown: ShownReport, threshold: number) => [...reportProblems(asReport(shown), threshold), ...shownProblems(shown, threshold)];

async function openReport(page: Page, url: string): Promise<ShownReport> {
	await page.goto(`${url}/report`);
	await page.getByRole('heading', { name: 'SEND provision report for governors' }).waitFor({ timeout: 90_000 });
	await page.getByRole('heading', { name: 'Impact', exact: true }).waitFor();
	// Nothing still being worked out: the report read is the one a governor would print.
	await figuresSettled(page);
	return readReport(page);
}

const thresholdOn = async (page: Page) => Number(await page.getByLabel('Hide counts below').inputValue());

describe("the governors' report in Chromium says no more than the data knows", () => {
	let app: App;
	let page: Page;
	let errors: string[];
	let foreign: string[];
	const dates: string[] = [];

	beforeAll(async () => {
		app = await startApp();
		({ page, errors, foreign } = await openPage(app));
		// Every as-of date the page ever shows while it loads: a date that reads today and then jumps is a flicker.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { __dates: string[] }).__dates = seen;
			new MutationObserver(() => {
				const text = document.querySelector('main')?.textContent ?? '';
				for (const m of text.matchAll(/(?:figures )?as of (\d{1,2} \w+ \d{4})/gi)) if (seen.at(-1) !== m[1]) seen.push(m[1]);
			}).observe(document, { subtree: true, childList: true, characterData: true });
		});
	});
	afterAll(async () => {
		await app?.close();
	});

	it('on the demo: every sentence, cell and caption passes the checks, and the date never jumps', async () => {
		const shown = await openReport(page, app.url);
		dates.push(...(await page.evaluate(() => (window as unknown as { __dates: string[] }).__dates)));
		expect(shown.sections.length).toBeGreaterThanOrEqual(7);
		expect(shown.sections.flatMap((s) => s.tables).length).toBeGreaterThan(5);
		expect(shown.meta).toContain('20 March 2026');
		expect(DEMO_AS_OF).toBe('2026-03-20');
		expect([...new Set(dates)]).toEqual(['20 March 2026']);
		expect(allProblems(shown, await thresholdOn(page))).toEqual([]);
	});

	it('the checks find each kind of problem when it is planted in the shown report (so they can fail)', async () => {
		const shown = await readReport(page);
		const bad: ShownReport = {
			...shown,
			sections: [
				...shown.sections,
				{
					title: 'Planted',
					paragraphs: [
						'Nurture group achieves less than the school as a whole (30%): worth reviewing.',
						'The sdq_total mean gain was 2.3.',
						'1 of 12 pupils left SEN support.',
						'the reading age rose by 3 months on average: an improvement (95% interval -1.0 to 7.0)'
					],
					captions: ['Staff time (0 h).'],
					tables: [
						{ caption: 'Targets achieved by intervention', columns: ['Intervention', 'Targets reviewed', 'Achieved'], rows: [['Play therapy', '7', '14%']] },
						{ caption: 'Provision by intervention', columns: ['Intervention', 'Pupils', 'Staff hours a week', 'Cost'], rows: [['ELSA', '6', '0.0', '£0']] }
					]
				}
			]
		};
		const found = allProblems(bad, 5);
		expect(found.some((p) => p.startsWith('claims a difference'))).toBe(true);
		expect(found.some((p) => p.includes('sdq_total'))).toBe(true);
		expect(found.some((p) => p.includes('"1 of 12"'))).toBe(true);
		expect(found.some((p) => p.includes('14% of 7 gives away'))).toBe(true);
		expect(found.some((p) => p.includes('(0 h)'))).toBe(true);
		expect(found.some((p) => p.startsWith('a change called real though'))).toBe(true);
		expect(found.some((p) => p.includes('ELSA shows £0'))).toBe(true);
		expect(found.some((p) => p.includes('ELSA shows 0.0'))).toBe(true);
	});

	it('prints the demo report without half-empty pages and to a PDF of a sensible length', async () => {
		const css = await page.evaluate(() =>
			[...document.styleSheets].flatMap((sheet) => {
				try {
					return [...sheet.cssRules].map((r) => r.cssText);
				} catch {
					return [];
				}
			})
		);
		const printed = css.filter((r) => r.startsWith('@media print')).join('\n');
		// A page break forced before every section leaves the page before it half empty.
		expect(printed).not.toMatch(/(?:section|h2)[^{]*\{[^}]*break-before:\s*(?:always|page)/);
		expect(printed).toMatch(/\.report h2\s*\{[^}]*break-after:\s*avoid/);
		expect(printed).toMatch(/\.report figure[^{]*\{[^}]*break-inside:\s*avoid/);
		expect(printed).toMatch(/\.report tr[^{]*\{[^}]*break-inside:\s*avoid/);

		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'test-results/report.pdf' });
		await page.emulateMedia({ media: 'screen' });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(pages).toBeLessThanOrEqual(20);
	});

	it('keeps long priorities whole: the box grows on screen and the full text is printed', async () => {
		const long = Array.from({ length: 30 }, (_, i) => `Priority ${i + 1}: keep the reading interventions going and check the attendance of each group.`)
			.join(' ')
			.slice(0, 1500);
		expect(long.length).toBe(1500);
		const box = page.getByLabel(/^Priorities/);
		await box.fill(long);
		// On screen the box is as tall as its text (up to most of the window), so nothing is hidden out of sight.
		const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
		expect(client).toBeGreaterThan(100);
		expect(scroll - client).toBeLessThanOrEqual(2);

		await page.emulateMedia({ media: 'print' });
		expect(await box.isVisible()).toBe(false);
		const printed = page.locator('article.report p.print-only');
		await expect.poll(() => printed.count()).toBeGreaterThan(0);
		const shown = (await printed.allInnerTexts()).join(' ').replace(/\s+/g, ' ').trim();
		expect(shown).toBe(long);
		for (const p of await printed.all()) expect(await p.isVisible()).toBe(true);
		mkdirSync('test-results', { recursive: true });
		writeFileSync('test-results/report-priorities-print.png', await page.locator('article.report section').first().screenshot());
		await page.emulateMedia({ media: 'screen' });
	});

	it('on a messy import (rules: rejected rows, unknown hours and costs, odd outcomes) the report passes the same checks', async () => {
		for (const name of ['rules', 'impact']) {
			await visit(page, `${app.url}/import`);
			await page.getByLabel('School name').fill(`Messy ${name}`);
			await page.locator('input[type=file][multiple]').setInputFiles(filesOf(name));
			await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
			await page.getByRole('button', { name: new RegExp(`^Load \\d+ files? for Messy ${name}$`) }).click();
			await page.getByRole('heading', { name: `Import summary: Messy ${name}` }).waitFor({ timeout: 60_000 });

			await nav(page, "Governors' report");
			await page.getByRole('heading', { name: 'Impact', exact: true }).waitFor({ timeout: 90_000 });
			const shown = await readReport(page);
			expect(shown.sections.flatMap((s) => s.tables).length).toBeGreaterThan(5);
			expect(allProblems(shown, await thresholdOn(page))).toEqual([]);
			if (name === 'rules') {
				// ELSA's minutes (-20) were cleared on import: its hours and cost are not known, never 0.
				const provision = shown.sections.flatMap((s) => s.tables).find((t) => t.caption.startsWith('Provision by intervention'));
				const elsa = provision?.rows.find((r) => r[0] === 'ELSA');
				expect(elsa, 'ELSA row in the provision table').toBeDefined();
				expect(elsa![2]).toMatch(/not known|unknown|—/);
			}
			await visit(page, `${app.url}/import`);
			await page.getByRole('button', { name: 'Clear all data' }).click();
			await page.getByRole('button', { name: 'Yes, clear all data' }).click();
			await page.getByText('No data loaded.').waitFor();
		}
	});

	it('after "Clear all data" says what to do next and cannot be printed or downloaded empty', async () => {
		await nav(page, "Governors' report");
		await page.getByText('No data loaded yet:').waitFor({ timeout: 30_000 });
		const link = page.locator('main').getByRole('link', { name: 'import your files' });
		expect(await link.getAttribute('href')).toMatch(/\/import$/);
		expect(await page.locator('article.report').count()).toBe(0);
		for (const name of [/Print/, /Download/]) expect(await page.locator('main').getByRole('button', { name }).count()).toBe(0);
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main).not.toMatch(/\b0 (?:pupils|targets|interventions)|£0\b|figures as of/i);
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
