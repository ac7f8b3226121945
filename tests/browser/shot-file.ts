// Screenshot a local HTML file (e.g. a report the command line wrote): tsx tests/browser/shot-file.ts report.html out.png
import { chromium } from 'playwright-core';
import { chromiumPath } from './harness';

const [file = 'report.html', out = 'test-results/file.png'] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
await page.goto(`file://${new URL(file, `file://${process.cwd()}/`).pathname}`);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
