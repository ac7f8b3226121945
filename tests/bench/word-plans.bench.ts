// Chromium benchmark of reading Word plans in the built app's import page (issue 24: a school's 300
// plans read in under 10 s on 2 cores, the page never frozen): a folder of N fictional plans
// (data/generate-word-plans.ts) chosen on the import page, timed from the choice to the Word plans'
// report (every document read and staged), then from Load to the import summary; with the longest
// main-thread task (PerformanceObserver 'longtask'). Prints figures only: it asserts nothing about time.
// `npm run build` first. Usage: tsx tests/bench/word-plans.bench.ts [plans=300] [repeats=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../browser/harness';
import { machine, median, seconds, table } from './measure';

const [plans, repeats] = [Number(process.argv[2] ?? 300), Number(process.argv[3] ?? 3)];
const dir = mkdtempSync(join(tmpdir(), 'pl-word-bench-'));
execFileSync('npx', ['tsx', 'data/generate-word-plans.ts', '--plans', String(plans), '--out', dir], { stdio: 'ignore' });
const documents = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.docx')).length;

const app = await startApp();
const runs: { read: number; load: number; longestReading: number; longestLoading: number }[] = [];
try {
	for (let r = 0; r < repeats; r++) {
		const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
		await context.addInitScript(() => {
			const w = window as unknown as { __longest: number };
			w.__longest = 0;
			new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({ type: 'longtask', buffered: true });
		});
		const page = await context.newPage();
		await page.goto(`${app.url}/import`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 120_000 });
		await page.getByLabel('School name').fill('Word bench');
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Or choose a folder' }).click();
		const start = Date.now();
		await (await chooser).setFiles(dir);
		await page.getByRole('region', { name: 'Word plans' }).waitFor({ timeout: 300_000 });
		const read = Date.now() - start;
		const longestReading = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
		await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
		const loadStart = Date.now();
		await page.getByRole('button', { name: /^Load \d+ files? for Word bench$/ }).click();
		await page.getByRole('heading', { name: 'Import summary: Word bench' }).waitFor({ timeout: 300_000 });
		const load = Date.now() - loadStart;
		runs.push({ read, load, longestReading, longestLoading: await page.evaluate(() => (window as unknown as { __longest: number }).__longest) });
		await context.close();
	}
} finally {
	await app.close();
	rmSync(dir, { recursive: true, force: true });
}

console.log(`\nWord plans read in the import page, Chromium (${await machine()}), ${documents} documents, median of ${repeats}\n`);
console.log(
	table(
		['step', 'median', 'runs'],
		[
			['read every document (choice → Word plans report)', seconds(median(runs.map((r) => r.read))), runs.map((r) => seconds(r.read)).join(', ')],
			['load (Load → import summary)', seconds(median(runs.map((r) => r.load))), runs.map((r) => seconds(r.load)).join(', ')],
			['longest main-thread task while reading', seconds(median(runs.map((r) => r.longestReading))), runs.map((r) => seconds(r.longestReading)).join(', ')],
			['longest main-thread task while loading', seconds(median(runs.map((r) => r.longestLoading))), runs.map((r) => seconds(r.longestLoading)).join(', ')]
		]
	)
);
