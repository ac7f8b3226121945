// Print a page of the built app to PDF, as a governor would: tsx tests/browser/shot-pdf.ts /report out.pdf [heading]
import { writeFileSync } from 'node:fs';
import { openPage, startApp } from './harness';

const [path = '/report', out = 'test-results/report.pdf', heading = 'SEND provision report for governors'] = process.argv.slice(2);
const app = await startApp();
try {
	const { page } = await openPage(app);
	await page.goto(app.url + path);
	await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	await page.emulateMedia({ media: 'print' });
	writeFileSync(out, await page.pdf({ format: 'A4', printBackground: true }));
} finally {
	await app.close();
}
