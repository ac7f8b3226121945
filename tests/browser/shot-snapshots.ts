// Import two exports of one school as snapshots, then screenshot the import question and the Overview at a width:
// tsx tests/browser/shot-snapshots.ts 320 test-results/snap
import { readdirSync } from 'node:fs';
import { openPage, startApp } from './harness';

const [width = '1366', out = 'test-results/snap'] = process.argv.slice(2);
const dir = (n: string) => new URL(`../fixtures/snapshots/${n}`, import.meta.url).pathname;
const app = await startApp();
try {
	const { page, errors } = await openPage(app);
	await page.setViewportSize({ width: Number(width), height: 900 });
	await page.goto(`${app.url}/import`);
	for (const [name, date] of [
		['october', '2025-10-01'],
		['january', '2026-01-15']
	]) {
		await page.getByLabel('School name').fill('Oak');
		await page.locator('input[type=file][multiple]').setInputFiles(readdirSync(dir(name)).map((f) => `${dir(name)}/${f}`));
		await page.getByLabel('Exported on').fill(date);
		if (name === 'january') await page.screenshot({ path: `${out}-import-${width}.png`, fullPage: true });
		await page.getByRole('button', { name: /^Load / }).click();
		await page.getByRole('heading', { name: /Import summary/ }).waitFor({ timeout: 60_000 });
	}
	// Navigate inside the app (the menu may be folded away on a phone); a full page load would start afresh.
	await page.evaluate(() => {
		const a = Object.assign(document.createElement('a'), { href: '/' });
		document.body.append(a);
		a.click();
	});
	await page.getByRole('heading', { name: 'The register over time' }).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(800);
	await page.getByRole('heading', { name: 'The register over time' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${out}-overview-${width}.png` });
	console.log({ errors, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) });
} finally {
	await app.close();
}
