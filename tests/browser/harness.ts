import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { findChromium } from './chromium';

/** Debian's Chromium (or CHROMIUM_PATH), started as this machine needs it (no sandbox as root, no background network). */
export const chromiumPath = findChromium() ?? '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** Set by the browser tests' global set-up (shared-app.ts): one served build and one Chromium for every test file. */
export const SHARED_APP = 'PL_SHARED_APP';

/** Starts the browser tests' shared Chromium for Playwright to connect to: as startApp's own launch, but with the engine flags below. */
export const launchChromiumServer = () => chromium.launchServer({ executablePath: chromiumPath, args: [...flags, testsEngineFlags] });

/**
 * For the shared browser of the tests only, never for a benchmark: V8 compiles the engine's functions when
 * first called and only with its baseline compiler. A fresh start of the engine then cost about 3.2 s of CPU
 * instead of 5 s (its 34 MB compiled again in every new browser context), and the browser tests took 5 min 45 s
 * instead of 7 min 16 s on 2 cores (6 December 2026). The code the engine runs is the same; only how fast it runs.
 */
const testsEngineFlags = '--js-flags=--wasm-lazy-compilation --liftoff-only';

export interface App {
	url: string;
	browser: Browser;
	close(): Promise<void>;
}

/** The headers that make a page cross-origin isolated (the README's hosting section asks a host for these). */
export const isolationHeaders = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export interface ServeOptions {
	host?: 'preview' | 'static';
	/** Serve every file with the isolation headers, as a host set up for the engine's threaded build would. */
	isolated?: boolean;
}

/**
 * Serve the built app (`npm run build`) on loopback and start Chromium. Under the browser tests the app
 * and Chromium are started once for all files (shared-app.ts): each file only connects, which saved
 * about 2.5 s a file (1.8 s of them Vite's preview server starting). `host: 'static'` serves it as
 * a static host set up as the README says would (the precompressed .br / .gz files, long caching of
 * the hashed assets) instead of Vite's preview server, for timing a visit as a school would see it.
 */
export async function startApp(options: ServeOptions = {}): Promise<App> {
	const shared = process.env[SHARED_APP];
	if (shared && !options.host && !options.isolated) {
		const { url, ws } = JSON.parse(shared) as { url: string; ws: string };
		const browser = await chromium.connect(ws);
		// Closing a connected browser closes the contexts this file opened and leaves the browser to the next file.
		return { url, browser, close: () => browser.close() };
	}
	const { url, stop } = await serveBuild(options);
	const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
	return {
		url,
		browser,
		async close() {
			await browser.close();
			await stop();
		}
	};
}

/** The built app on a loopback address of its own (a second origin, e.g. isolated beside one that is not). */
export async function serveBuild(options: ServeOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
	if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npm run build` first');
	const headers = options.isolated ? isolationHeaders : {};
	return options.host === 'static' ? serveStatic('build', headers) : servePreview(headers);
}

async function servePreview(headers: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
	const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
	// SvelteKit's preview serves the files itself and leaves out Vite's `preview.headers`: set them before it answers.
	server.httpServer.prependListener('request', (_req, res) => Object.entries(headers).forEach(([k, v]) => res.setHeader(k, v)));
	const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
	if (!url) throw new Error('preview server has no address');
	return { url, stop: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}

async function serveStatic(dir: string, headers: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
	const assets = sirv(dir, { brotli: true, gzip: true, extensions: ['html'], immutable: true, setHeaders: (res) => Object.entries(headers).forEach(([k, v]) => res.setHeader(k, v)) });
	const server = createServer((req, res) =>
		assets(req, res, () => {
			res.statusCode = 404;
			res.end();
		})
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A page that records every request leaving the app's own origin. `bypassCSP` only so that a test can inject axe; the app's own code runs as in production. */
export async function openPage(app: App, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: options.bypassCSP ?? false });
	const page = await context.newPage();
	const origin = new URL(app.url).origin;
	const foreign: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
	});
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	return { page, foreign, errors };
}

/**
 * Go to another page of the app as a click on one of its links would: the router swaps the page and
 * the loaded data stays, so a test visiting many pages pays for one load of the engine, not one each.
 */
export async function followLink(page: Page, path: string): Promise<void> {
	const target = new URL(path, page.url());
	await page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		document.body.append(a);
		a.click();
		a.remove();
	}, target.href);
	await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
}

/**
 * Reach a page of the app: by a link when this page is already in the app (its data stays and the
 * engine does not start again: a fresh start cost 3–7 s on 2 cores), otherwise by its address.
 * Tests that mean a fresh load (a reload, an address typed in) use `page.goto`.
 */
export async function visit(page: Page, url: string): Promise<void> {
	const here = page.url();
	if (here.startsWith('http') && new URL(here).origin === new URL(url).origin && here !== url) return followLink(page, url);
	await page.goto(url);
}

/** Follow a link of the main menu, as a user's click does. */
export async function nav(page: Page, label: string): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

/**
 * Wait until no figure on the page is still being worked out or updated (Query's status lines): every
 * status, not only the first, since a figure still updating is drawn dimmed (axe rightly reads it as too faint).
 */
export async function figuresSettled(page: Page, timeout = 60_000): Promise<void> {
	await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((s) => /^(?:Working out|Updating) the /.test(s.textContent?.trim() ?? '')), null, { timeout });
}

/** Where a download was saved: a file of its own in a temporary folder (Playwright keeps none of its own when the browser is shared). */
export async function savedPath(download: Download): Promise<string> {
	const path = join(mkdtempSync(join(tmpdir(), 'lens-download-')), download.suggestedFilename());
	await download.saveAs(path);
	return path;
}

/**
 * Tell the pages of `context` that the device has `cores` cores: the page chooses the engine's build by
 * them (src/lib/db/threads.ts), so a 2-core machine can run the threaded build. As text: tsx would wrap
 * a function in a helper that the page does not have.
 */
export async function claimCores(context: BrowserContext, cores: number): Promise<void> {
	await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });`);
}
