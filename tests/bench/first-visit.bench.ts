// The first and a repeat visit of the built app on the demo, as a school on a modest connection sees them:
// Chromium throttled to 20 Mbit/s down, 40 ms latency (DevTools' network emulation), a cold cache for the
// first visit, then a reload in the same browser profile (service worker and HTTP cache warm). Measures the
// time from navigation to the first chart drawn, median of the runs.
// Usage: tsx tests/bench/first-visit.bench.ts [runs=3]   (after `npm run build`)
import { startApp } from '../browser/harness';
import { median, seconds, table } from './measure';

const runs = Number(process.argv[2] ?? 3);
const app = await startApp({ host: 'static' });
const first: number[] = [];
const repeat: number[] = [];
try {
	for (let i = 0; i < runs; i++) {
		const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 });
		const visit = async () => {
			const start = Date.now();
			await page.goto(app.url + '/', { waitUntil: 'commit' });
			await page.locator('.chart svg').first().waitFor({ timeout: 120_000 });
			if (process.env.BENCH_DETAIL)
				console.log(
					await page.evaluate(() => ({
						marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
						wasm: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
							.filter((r) => r.name.includes('.wasm') || r.name.includes('.csv'))
							.map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)])
					}))
				);
			return Date.now() - start;
		};
		first.push(await visit());
		// Let the service worker finish caching the app and the engine, as it would while the person reads the page.
		await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
		await page.waitForTimeout(3000);
		repeat.push(await visit());
		await context.close();
	}
	console.log(
		table(
			['Demo, 20 Mbit/s, 40 ms latency', `median of ${runs}`, 'target'],
			[
				['first visit (cold cache) → first chart', seconds(median(first)), '≤ 6 s'],
				['repeat visit → first chart', seconds(median(repeat)), '≤ 1 s']
			]
		)
	);
	console.log({ first, repeat });
} finally {
	await app.close();
}
