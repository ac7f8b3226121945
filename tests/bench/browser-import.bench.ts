// Import benchmark in Chromium: the synthetic export (1M targets by default) chosen through the
// import page of the built app, as a SENDCo would. Prints timings; asserts nothing about time.
// `npm run build` first. Usage: tsx tests/bench/browser-import.bench.ts [targets]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openPage, startApp } from '../browser/harness';
import { syntheticExport } from './synthetic-export';

const dir = mkdtempSync(`${tmpdir()}/lens-bench-`);
const paths = syntheticExport(Number(process.argv[2] ?? 1_000_000)).map((f) => {
	writeFileSync(`${dir}/${f.name}`, f.bytes);
	return `${dir}/${f.name}`;
});
const app = await startApp();
try {
	const { page, errors } = await openPage(app);
	await page.goto(`${app.url}/import`);
	await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
	const t0 = performance.now();
	await page.locator('input[type=file]').setInputFiles(paths);
	await page.getByRole('button', { name: /^Load 3 file\(s\)/ }).waitFor({ timeout: 600_000 });
	const t1 = performance.now();
	await page.getByRole('button', { name: /^Load 3 file\(s\)/ }).click();
	await page.getByRole('heading', { name: /Import summary/ }).waitFor({ timeout: 900_000 });
	const t2 = performance.now();
	const rows = page.locator('.summary > table tbody tr');
	const counts = await Promise.all((await rows.all()).map(async (r) => (await r.locator('th, td').allTextContents()).join(' ')));
	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(`Chromium: read, sniff, stage, scan ${s(t1 - t0)}; validate, load, check targets ${s(t2 - t1)}`);
	console.log(`table read loaded rejected warnings\n${counts.join('\n')}`);
	if (errors.length) console.log('page errors:', errors);
} finally {
	await app.close();
	rmSync(dir, { recursive: true, force: true });
}
