import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { findChromium } from './chromium';

/** Debian's Chromium (or CHROMIUM_PATH), started as this machine needs it (no sandbox as root, no background network). */
export const chromiumPath = findChromium() ?? '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface App {
	url: string;
	browser: Browser;
	close(): Promise<void>;
}

/** Serve the built app (`npm run build`) on loopback and start Chromium. */
export async function startApp(): Promise<App> {
	if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npm run build` first');
	const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
	const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
	if (!url) throw new Error('preview server has no address');
	const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
	return {
		url,
		browser,
		async close() {
			await browser.close();
			await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
		}
	};
}

/** A page that records every request leaving the app's own origin. */
export async function openPage(app: App): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
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
