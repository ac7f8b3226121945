// Import a fixture folder through the page, then screenshot a route: tsx tests/browser/shot-import.ts costs /provision-map out.png
import { readdirSync } from 'node:fs';
import { openPage, startApp } from './harness';

const [folder = 'costs', path = '/', out = 'test-results/shot.png'] = process.argv.slice(2);
const dir = new URL(`../fixtures/${folder}`, import.meta.url).pathname;
const app = await startApp();
try {
	const { page, foreign, errors } = await openPage(app);
	await page.goto(`${app.url}/import`);
	await page.locator('input[type=file][multiple]').setInputFiles(readdirSync(dir).map((f) => `${dir}/${f}`));
	await page.getByRole('button', { name: /^Load / }).click();
	await page.getByRole('heading', { name: /Import summary/ }).waitFor({ timeout: 60_000 });
	if (path !== '/import') {
		// Navigate inside the app: a full page load would start a fresh DuckDB (and the demo).
		await page.evaluate((p) => {
			const a = Object.assign(document.createElement('a'), { href: p });
			document.body.append(a);
			a.click();
		}, path);
	}
	await page.waitForTimeout(2500);
	await page.screenshot({ path: out, fullPage: true });
	console.log({ foreign, errors });
} finally {
	await app.close();
}
