import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { figuresSettled, followLink, startApp, type App } from './harness';

/**
 * Every page on the demo at a phone (320 CSS px, WCAG 1.4.10 Reflow), a tablet and a laptop width:
 * no sideways page scroll, no serious or critical axe finding, and (PL_SHOTS=1) a screenshot to look at.
 */
const widths = [320, 768, 1366] as const;
// axe runs at the phone and laptop widths, which between them show both menus and every layout; at 768 px the
// pages are the laptop's layout narrowed, checked for sideways scroll (axe took a third of this file's time).
const pages = [
	'/',
	'/import',
	'/provision-map',
	'/impact',
	'/quality',
	'/report',
	'/strategy',
	'/strategy?school=Oakfield+Primary',
	'/data-dictionary',
	'/settings',
	'/pupil',
	'/pupil?school=Oakfield+Primary&pupil=P0003',
	'/case-sample?school=Oakfield+Primary&pupils=P0003,P0001',
	'/transfer?school=Oakfield+Primary&pupils=P0002,P0003'
] as const;
const shots = 'test-results/shots';
/** Whole-page screenshots to look at, with PL_SHOTS=1: a third of this file's time, and nobody looks at them in CI. */
const takeShots = Boolean(process.env.PL_SHOTS);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
	id: string;
	impact: string | null;
	help: string;
	nodes: string[];
}

/** The page's demo data is loaded and no figure is still being worked out. */
async function waitForFigures(page: Page) {
	await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
	await figuresSettled(page);
	// Charts are drawn after their container is measured: one more frame or two.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** What sticks out past the right edge of the window, to name in a failure (empty when nothing does). */
function overflow(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: [] as string[] };
		const sticksOut = (el: Element) => el.getBoundingClientRect().right > root.clientWidth + 0.5;
		/** Inside a box that scrolls or clips sideways, an element cannot widen the page. */
		const contained = (el: Element) => {
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
			return false;
		};
		const culprits = [...document.querySelectorAll('body *')]
			.filter((el) => sticksOut(el) && !contained(el))
			// Only the outermost offender: its children stick out because it does.
			.filter((el) => !(el.parentElement && sticksOut(el.parentElement)))
			.slice(0, 8)
			.map(
				(el) =>
					`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(el.getBoundingClientRect().right)})`
			);
		return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
	});
}

/** Charts drawn wider than their box (each by its text alternative and the two widths). */
function chartsWiderThanTheirBox(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('.chart')]
			.filter((box) => box.scrollWidth > box.clientWidth + 1)
			.map((box) => `${box.querySelector('[role=img]')?.getAttribute('aria-label')?.slice(0, 60)}: ${box.scrollWidth}px in ${box.clientWidth}px`)
	);
}

async function axeFindings(page: Page): Promise<AxeFinding[]> {
	// Once a document: pages reached by a link keep it (injecting it again cost 0.3–0.7 s a page).
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } })
			.axe;
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
	});
}

describe('every page at phone, tablet and laptop widths', () => {
	let app: App;
	let context: BrowserContext;
	let page: Page;
	const foreign: string[] = [];
	const errors: string[] = [];

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		app = await startApp();
		// bypassCSP only so that axe can be injected; the app's own code runs as in production.
		context = await app.browser.newContext({ viewport: { width: widths[0], height: 900 }, bypassCSP: true });
		page = await context.newPage();
		const origin = new URL(app.url).origin;
		page.on('request', (r) => {
			const u = r.url();
			if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
		});
		page.on('pageerror', (e) => errors.push(`${page.viewportSize()?.width}px: ${e.message}`));
		// One load of the app and the demo; every page after it is reached as a link would reach it.
		await page.goto(`${app.url}/`);
		await waitForFigures(page);
	});
	afterAll(async () => {
		await app?.close();
	});

	for (const width of widths) {
		describe(`${width} px`, () => {
			beforeAll(async () => {
				await page.setViewportSize({ width, height: 900 });
			});

			for (const path of pages) {
				it(`${path} fits the window${width === 768 ? '' : ' and has no serious accessibility finding'}`, async () => {
					await followLink(page, path);
					await waitForFigures(page);
					const name = path === '/' ? 'overview' : path.slice(1).replace(/[^a-z0-9-]+/gi, '-');
					if (takeShots) await page.screenshot({ path: `${shots}/${width}-${name}.png`, fullPage: true });
					const o = await overflow(page);
					expect(o.culprits, `sideways scroll: page is ${o.scrollWidth}px wide in a ${o.clientWidth}px window`).toEqual([]);
					expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
					if (width !== 768) expect(await axeFindings(page)).toEqual([]);
					// Each chart is drawn again for the width its box has, not scrolled inside it: its labels keep their size and all of it shows.
					expect(await chartsWiderThanTheirBox(page)).toEqual([]);
				});
			}

			if (width === 320) {
				it('folds the menu into a button that opens and closes it from the keyboard', async () => {
					await followLink(page, '/impact');
					await waitForFigures(page);
					const nav = page.getByRole('navigation', { name: 'Main' });
					const button = page.getByRole('button', { name: 'Menu' });
					expect(await button.getAttribute('aria-expanded')).toBe('false');
					expect(await nav.getByRole('link', { name: 'Plan quality' }).isVisible()).toBe(false);

					await button.focus();
					await page.keyboard.press('Enter');
					expect(await button.getAttribute('aria-expanded')).toBe('true');
					const link = nav.getByRole('link', { name: 'Plan quality' });
					expect(await link.isVisible()).toBe(true);
					await page.screenshot({ path: `${shots}/320-menu-open.png` });
					expect((await overflow(page)).culprits).toEqual([]);
					expect(await axeFindings(page)).toEqual([]);

					await page.keyboard.press('Escape');
					expect(await button.getAttribute('aria-expanded')).toBe('false');
					await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');

					await button.click();
					await link.click();
					await page
						.getByRole('heading', { level: 1 })
						.filter({ hasText: /quality/i })
						.waitFor();
					// Going to another page closes the menu again.
					expect(await button.getAttribute('aria-expanded')).toBe('false');
				});
			} else {
				it('shows the whole menu without a menu button', async () => {
					await followLink(page, '/settings');
					await waitForFigures(page);
					expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
					expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data dictionary' }).isVisible()).toBe(true);
				});
			}
		});
	}

	it('asked for nothing outside its own origin and raised no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
