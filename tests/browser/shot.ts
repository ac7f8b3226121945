// Screenshot pages of the built app, to look at what a user sees: tsx tests/browser/shot.ts /path?query out.png
import { openPage, startApp } from './harness';

const [path = '/', out = 'test-results/shot.png', wait = 'h1'] = process.argv.slice(2);
const app = await startApp();
try {
	const { page, foreign, errors } = await openPage(app);
	await page.goto(app.url + path);
	await page.waitForSelector(wait, { timeout: 60_000 });
	await page.waitForFunction(() => !document.querySelector('.banner')?.textContent?.includes('Loading'), null, { timeout: 60_000 }).catch(() => console.log('still loading'));
	await page.waitForTimeout(800);
	await page.screenshot({ path: out, fullPage: true });
	console.log({ foreign, errors });
} finally {
	await app.close();
}
