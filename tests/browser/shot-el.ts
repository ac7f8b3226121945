// Screenshot one element of a page of the built app: tsx tests/browser/shot-el.ts /path 'css selector' out.png [index]
import { openPage, startApp } from './harness';

const [path = '/', selector = 'svg', out = 'test-results/el.png', index = '0'] = process.argv.slice(2);
const app = await startApp();
try {
	const { page } = await openPage(app);
	await page.goto(app.url + path);
	await page.locator(selector).nth(Number(index)).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	await page.locator(selector).nth(Number(index)).screenshot({ path: out });
	console.log(
		await page
			.locator(selector)
			.nth(Number(index))
			.evaluate((e) => e.outerHTML.slice(0, 1500))
	);
} finally {
	await app.close();
}
