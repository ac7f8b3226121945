// Screenshots of pages of the built app at phone, tablet and laptop widths: tsx tests/browser/shot-widths.ts out-dir /path[?query] …
import { mkdirSync } from 'node:fs';
import { openPage, startApp } from './harness';

const [dir = 'test-results/widths', ...paths] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
const app = await startApp();
try {
	const { page, foreign, errors } = await openPage(app);
	for (const path of paths.length ? paths : ['/', '/report']) {
		for (const width of [320, 768, 1366]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(app.url + path);
			await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 90_000 });
			await page.locator('main h2').first().waitFor({ timeout: 90_000 });
			await page.waitForFunction(() => !/(?:Working out|Updating) the /.test(document.querySelector('main')?.textContent ?? ''), null, { timeout: 90_000 });
			await page.waitForTimeout(500);
			const name = `${dir}/${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview'}-${width}.png`;
			await page.screenshot({ path: name, fullPage: false });
			const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			console.log(name, 'sideways scroll:', wide);
		}
	}
	console.log({ foreign, errors });
} finally {
	await app.close();
}
