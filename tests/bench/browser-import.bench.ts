// Chromium benchmark, side by side in one run, in the built app's own import page: bare DuckDB-wasm
// read_csv of the synthetic export (the same build, reading the chosen files itself) against the
// app's full import (files chosen → import summary); then each page's refresh after the import
// (once the app has worked out every page's opening figures ahead, or at once with BENCH_AT_ONCE=1)
// against a bare aggregate; the peak memory of the browser's process tree (RSS of every Chromium
// process this run started, summed, sampled from /proc) and the longest main-thread task
// (PerformanceObserver 'longtask'). Each runs in a fresh page of its own; repeated runs alternate which goes first; medians are shown.
// Both engine builds side by side in one run: the threaded one (the app served with the isolation
// headers, so the page is cross-origin isolated) and the single-thread one (the same app without them);
// each against bare read_csv on that same build with the same threads as the app chose.
// Prints figures only: it asserts nothing about time. `npm run build` first.
// Usage: tsx tests/bench/browser-import.bench.ts [repeated-size=100000] [repeats=3] [large-size=1000000]
// (BENCH_BUILDS=single or threaded for one build only)
// (large-size 0 leaves the large run out)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { MIN_CORES_FOR_THREADS } from '../../src/lib/db/threads';
import { claimCores, isolationHeaders, serveBuild, startApp, type App } from '../browser/harness';
import type { BareBuild, BareResult } from './bare-duckdb.page';
import { machine, median, megabytes, ratio, seconds, table } from './measure';
import { syntheticExport } from './synthetic-export';

const [small, repeats, large] = [Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 1_000_000)];
const aggregate = `SELECT outcome, count(*) AS n FROM targets GROUP BY ALL`;
const pages = [
	{ label: 'Overview', path: '/' },
	{ label: 'Provision map', path: '/provision-map' },
	{ label: 'Impact', path: '/impact' },
	{ label: 'Plan quality', path: '/quality' },
	{ label: "Governors' report", path: '/report' }
];

// ---- the bare engine: the app's own built engine files (its origin, the only one its CSP allows) ---
// The bare page's script is handed to the page by a route; the engine's files are the app's, served by
// its host: a route does not see what a worker's own worker asks for (the threaded build's threads).
const bareBundle = (await build({ entryPoints: [new URL('./bare-duckdb.page.ts', import.meta.url).pathname], bundle: true, format: 'esm', write: false, logLevel: 'silent' })).outputFiles[0].text;
const builtAssets = readdirSync('build/_app/immutable/assets');
const builtFile = (pattern: RegExp) => {
	const name = builtAssets.find((n) => pattern.test(n));
	if (!name) throw new Error(`the build has no ${pattern}: run \`npm run build\` first`);
	return `/_app/immutable/assets/${name}`;
};
const bareFiles = {
	threaded: { worker: builtFile(/^duckdb-browser-coi\.worker\..*\.js$/), wasm: builtFile(/^duckdb-coi\..*\.wasm$/), pthread: builtFile(/^duckdb-browser-coi\.pthread\.worker\..*\.js$/) },
	single: { worker: builtFile(/^duckdb-browser-eh\.worker\..*\.js$/), wasm: builtFile(/^duckdb-eh\..*\.wasm$/), pthread: null }
};

/** One of the two builds: where the app is served for it, and (once a page has started) the threads it chose. */
interface Build {
	label: string;
	url: string;
	isolated: boolean;
	engine?: BareBuild;
}

// ---- memory of the browser's process tree -------------------------------------------------------
function descendants(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// the process ended while we looked
		}
	}
	const out: number[] = [];
	const walk = (pid: number) => (children.get(pid) ?? []).forEach((c) => (out.push(c), walk(c)));
	walk(root);
	return out;
}

/**
 * Memory of the Chromium processes this run started (children of this Node process), summed: RSS
 * (what the brief of the benchmark asks for; it counts pages shared between processes once per
 * process) and PSS (shared pages divided between the processes that share them: closer to what
 * the machine really gives the browser).
 */
function browserMemory(withPss: boolean): { rss: number; pss: number } {
	let rss = 0;
	let pss = 0;
	for (const pid of descendants(process.pid)) {
		try {
			if (!/chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) continue;
			rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
			if (withPss) pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
		} catch {
			// the process ended while we looked
		}
	}
	return { rss, pss };
}

/**
 * RSS every 0.1 s, PSS every second: reading a process's `smaps_rollup` walks its whole memory map while
 * holding it, and read every 0.1 s it slowed the engine growing its memory (a million targets imported in
 * 14–18 s under it, 13 s without).
 */
const PSS_EVERY = 10;

async function withPeakMemory<T>(run: () => Promise<T>): Promise<{ value: T; peak: number; peakPss: number }> {
	let peak = 0;
	let peakPss = 0;
	let samples = 0;
	const sample = (withPss = samples++ % PSS_EVERY === 0) => {
		const m = browserMemory(withPss);
		peak = Math.max(peak, m.rss);
		peakPss = Math.max(peakPss, m.pss);
	};
	sample(true);
	const timer = setInterval(sample, 100);
	try {
		const value = await run();
		sample(true);
		return { value, peak, peakPss };
	} finally {
		clearInterval(timer);
	}
}

// ---- one page, one repetition --------------------------------------------------------------------
interface Phase {
	ms: number;
	peak: number;
	peakPss: number;
	longestTask: number;
}
interface Rep {
	bare: Phase & { aggregateMs: number };
	app: Phase;
	pages: Record<string, number>;
	/** How long every page's opening figures took to be worked out ahead once the summary showed (0 with BENCH_AT_ONCE). */
	ahead: number;
	/** Peak memory while the pages refresh, after the import. */
	pagesPeak: number;
	pagesPss: number;
}

async function newImportPage(app: App, build: Build): Promise<Page> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	// The app starts its threaded build only from MIN_CORES_FOR_THREADS cores: the isolated page is told it has at
	// least that many, so the threaded build is measured on any machine (with that many threads on fewer cores).
	const cores = Math.max(availableParallelism(), MIN_CORES_FOR_THREADS);
	if (build.isolated) await claimCores(context, cores);
	await context.route(`${build.url}/__bench/bare.js`, (route) => route.fulfill({ body: bareBundle, contentType: 'text/javascript', headers: build.isolated ? isolationHeaders : {} }));
	await context.addInitScript(() => {
		const w = window as unknown as { __longest: number };
		w.__longest = 0;
		new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({ type: 'longtask', buffered: true });
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await page.goto(`${build.url}/import`);
	await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 120_000 });
	// The build and threads the app chose in this page: bare DuckDB is given the same.
	await page.waitForFunction(() => performance.getEntriesByName('lens:engine-ready').length > 0, undefined, { timeout: 120_000 });
	const engine = await page.evaluate(() => (performance.getEntriesByName('lens:engine-ready')[0] as PerformanceMark).detail as { build: string; threads: number });
	if ((engine.build === 'threaded') !== build.isolated) throw new Error(`${build.label}: the app started its ${engine.build} build`);
	const files = engine.build === 'threaded' ? bareFiles.threaded : bareFiles.single;
	build.engine = { worker: `${build.url}${files.worker}`, wasm: `${build.url}${files.wasm}`, pthread: files.pthread && `${build.url}${files.pthread}`, threads: engine.threads };
	await page.addScriptTag({ url: `${build.url}/__bench/bare.js`, type: 'module' });
	await page.waitForFunction(() => 'bareReadCsv' in window);
	await page.evaluate(() => {
		const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-files', hidden: true });
		document.body.append(input);
	});
	return page;
}

const resetLongest = (page: Page) => page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

async function bare(page: Page, paths: string[], build: Build): Promise<Rep['bare']> {
	await page.setInputFiles('#bench-files', paths);
	await resetLongest(page);
	const { value, peak, peakPss } = await withPeakMemory(() =>
		page.evaluate(([sql, engine]) => (window as unknown as { bareReadCsv: (i: string, s: string, e: BareBuild) => Promise<BareResult> }).bareReadCsv('bench-files', sql, engine), [
			aggregate,
			build.engine!
		] as const)
	);
	return { ms: value.readMs, aggregateMs: value.aggregateMs, peak, peakPss, longestTask: await longest(page) };
}

/** Moments of an import in the page: files chosen, the Load button drawn, its click, the summary shown. */
interface ImportTimes {
	start?: number;
	shown?: number;
	clicked?: number;
	summary?: number;
}

async function appImport(page: Page, paths: string[]): Promise<Rep['app']> {
	// As a person who takes a moment to find their files: by then the import page has warmed the engine up
	// (src/lib/import/warm-up.ts, about a second). BENCH_AT_ONCE=1 chooses them at once, and so imports cold.
	if (!atOnce) await page.waitForFunction(() => performance.getEntriesByName('lens:warmed-up').length > 0, undefined, { timeout: 120_000, polling: 100 });
	await resetLongest(page);
	const {
		value: ms,
		peak,
		peakPss
	} = await withPeakMemory(async () => {
		// Timed in the page, less the harness's own moment between the Load button being drawn and its click
		// (Playwright finds and clicks it in 0.3–0.45 s, about 8% of an import of 100,000 targets).
		await page.evaluate(() => {
			const t: ImportTimes = {};
			(window as unknown as { importTimes: ImportTimes }).importTimes = t;
			new MutationObserver((_, observer) => {
				if (t.shown === undefined && [...document.querySelectorAll('button')].some((b) => /^Load \d+ file/.test(b.textContent ?? ''))) requestAnimationFrame(() => (t.shown ??= performance.now()));
				if ([...document.querySelectorAll('h1, h2, h3')].some((h) => /Import summary/.test(h.textContent ?? ''))) {
					t.summary = performance.now();
					observer.disconnect();
				}
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
			document.addEventListener('click', () => (t.clicked ??= performance.now()), { capture: true, once: true });
			t.start = performance.now();
		});
		await page.locator('input[type=file]:not(#bench-files)').first().setInputFiles(paths);
		const load = page.getByRole('button', { name: /^Load \d+ file/ });
		await load.waitFor({ timeout: 900_000 });
		await load.click();
		await page.getByRole('heading', { name: /Import summary/ }).waitFor({ timeout: 1_800_000 });
		const t = await page.evaluate(() => (window as unknown as { importTimes: ImportTimes }).importTimes);
		if (t.start === undefined || t.shown === undefined || t.clicked === undefined || t.summary === undefined) throw new Error(`the import's moments were not all seen: ${JSON.stringify(t)}`);
		return t.summary - t.start - (t.clicked - t.shown);
	});
	await printImportSteps(page);
	return { ms, peak, peakPss, longestTask: await longest(page) };
}

// ---- where the time goes (printed to stderr with the run, to read beside the figures) ------------
/** Each step the import page showed, with how long it lasted (from the marks the page sets). */
async function printImportSteps(page: Page): Promise<void> {
	const steps = await page.evaluate(() => {
		const marks = performance.getEntriesByName('lens:import-step') as PerformanceMark[];
		const end = performance.now();
		performance.clearMarks('lens:import-step');
		performance.clearMeasures();
		return marks.map((m, i) => ({ step: String(m.detail), ms: (marks[i + 1]?.startTime ?? end) - m.startTime }));
	});
	for (const s of steps) process.stderr.write(`      ${seconds(s.ms).padStart(7)}  ${s.step}\n`);
}

/** The figures a page worked out, slowest first, by each one's own time in the engine's queue. */
async function printFigures(page: Page): Promise<void> {
	const figures = await page.evaluate(() => {
		const all = (performance.getEntriesByType('measure') as PerformanceMeasure[]).filter((m) => m.name.startsWith('lens:figure:'));
		performance.clearMeasures();
		let free = 0;
		return all
			.sort((a, b) => a.startTime + a.duration - (b.startTime + b.duration))
			.map((m) => {
				const end = m.startTime + m.duration;
				const own = end - Math.max(m.startTime, free);
				free = end;
				return { id: m.name.slice('lens:figure:'.length), own };
			})
			.sort((a, b) => b.own - a.own);
	});
	process.stderr.write(
		`      ${figures
			.slice(0, 6)
			.map((f) => `${f.id} ${seconds(f.own)}`)
			.join(', ')}\n`
	);
}

/**
 * Pages are opened once the app has worked out every page's opening figures ahead (src/lib/state/work-ahead.ts),
 * as for a user who reads the import summary first; BENCH_AT_ONCE=1 opens them the moment the summary shows
 * (and chooses the files the moment the import page is ready, before the engine is warmed up).
 */
const atOnce = process.env.BENCH_AT_ONCE === '1';

/** Waits for the figures worked out ahead after the import, and gives how long they took. */
async function workedAhead(page: Page): Promise<number> {
	await page.waitForFunction(() => performance.getEntriesByName('lens:worked-ahead').length > 0, undefined, { timeout: 900_000, polling: 50 });
	const ms = await page.evaluate(() => performance.getEntriesByName('lens:worked-ahead')[0].duration);
	await page.evaluate(() => performance.clearMeasures());
	return ms;
}

/** Open each page from the menu (the data lives in the tab) and wait until no figure is still being worked out. */
async function refreshes(page: Page): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const p of pages) {
		// Timed in the page, from the click to the first frame with no figure being worked out (checked on every
		// frame): a poll from here every 50 ms added up to 50 ms to pages that take 0.1–0.3 s.
		const t0 = await page
			.locator(`nav a[href="${p.path}"]`)
			.first()
			.evaluate((a: HTMLAnchorElement) => {
				const t = performance.now();
				a.click();
				return t;
			});
		await page.waitForURL((u) => u.pathname.replace(/\/$/, '') === p.path.replace(/\/$/, ''), { timeout: 600_000 });
		const done = await page.waitForFunction(
			() => [...document.querySelectorAll('[role=status]')].every((e) => !/Working out/.test(e.textContent ?? '')) && !!document.querySelector('main h1') && performance.now(),
			undefined,
			{ timeout: 900_000, polling: 'raf' }
		);
		out[p.label] = ((await done.jsonValue()) as number) - t0;
		process.stderr.write(`    ${p.label} ${seconds(out[p.label])}\n`);
		await printFigures(page);
	}
	return out;
}

/** Bare read_csv in a page of its own (the app's import page, its engine idle on the demo), closed after. */
async function bareInOwnPage(app: App, build: Build, paths: string[]): Promise<Rep['bare']> {
	const page = await newImportPage(app, build);
	try {
		return await bare(page, paths, build);
	} finally {
		await page.context().close();
	}
}

/**
 * The bare engine and the app each in a fresh page (a fresh renderer process), so neither's memory is
 * counted in the other's peak: with both in one page, the app imported a million targets after the bare
 * engine had run at 1.56 GB, and alone at 1.47 GB (6 December 2026).
 */
async function repetition(app: App, build: Build, paths: string[], bareFirst: boolean): Promise<Rep> {
	const first = bareFirst ? await bareInOwnPage(app, build, paths) : null;
	const page = await newImportPage(app, build);
	let appRun: Omit<Rep, 'bare'>;
	try {
		const appPhase = await appImport(page, paths);
		process.stderr.write(`    app import ${seconds(appPhase.ms)}\n`);
		const ahead = atOnce ? 0 : await workedAhead(page);
		if (!atOnce) process.stderr.write(`    worked ahead ${seconds(ahead)}\n`);
		const { value: pageTimes, peak: pagesPeak, peakPss: pagesPss } = await withPeakMemory(() => refreshes(page));
		appRun = { app: appPhase, pages: pageTimes, ahead, pagesPeak, pagesPss };
	} finally {
		await page.context().close();
	}
	const barePhase = first ?? (await bareInOwnPage(app, build, paths));
	process.stderr.write(`    bare read_csv ${seconds(barePhase.ms)}\n`);
	return { bare: barePhase, ...appRun };
}

/** Each build's repetitions, and why a build's stopped (null if none did). */
interface Measured {
	reps: Rep[][];
	stopped: (string | null)[];
}

/**
 * Each build's repetitions; the builds take turns within each round, so a busy moment of the machine falls on
 * both. A build whose run fails (at a million targets the bare threaded engine loses its file on 2 cores) runs
 * no more at that size, and the other build goes on: the failure is printed under the table.
 */
async function measure(app: App, builds: Build[], size: number, times: number): Promise<Measured> {
	const dir = mkdtempSync(join(tmpdir(), 'lens-bench-'));
	const paths = syntheticExport(size).map((f) => (writeFileSync(join(dir, f.name), f.bytes), join(dir, f.name)));
	try {
		const reps: Rep[][] = builds.map(() => []);
		const stopped: (string | null)[] = builds.map(() => null);
		for (let i = 0; i < times; i++) {
			for (const [b, build] of builds.entries()) {
				if (stopped[b]) continue;
				process.stderr.write(`  ${size.toLocaleString('en-GB')} targets, ${build.label}, run ${i + 1}${i % 2 ? ' (app first)' : ' (bare first)'}\n`);
				try {
					reps[b].push(await repetition(app, build, paths, i % 2 === 0));
				} catch (e) {
					stopped[b] = `run ${i + 1} failed: ${String(e instanceof Error ? e.message : e)
						.split('\n')[0]
						.slice(0, 200)}`;
					process.stderr.write(`    ${stopped[b]}\n`);
				}
			}
		}
		return { reps, stopped };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// ---- run and print ------------------------------------------------------------------------------
const app = await startApp();
const isolatedHost = await serveBuild({ isolated: true });
try {
	console.log(`Chromium ${app.browser.version()}, ${await machine()}`);
	// BENCH_BUILDS=single (or threaded) measures one build only: at a million targets the bare threaded engine
	// fails on this machine (duckdb-wasm loses or cannot copy a large file), and stops the run before the other.
	const only = process.env.BENCH_BUILDS;
	const builds: Build[] = [
		{ label: 'threaded build', url: isolatedHost.url, isolated: true },
		{ label: 'single-thread build', url: app.url, isolated: false }
	].filter((b) => !only || (only === 'single') === !b.isolated);
	const m = (reps: Rep[], pick: (r: Rep) => number) => median(reps.map(pick));
	const columns = (reps: Rep[]) => ({
		bare: m(reps, (r) => r.bare.ms),
		app: m(reps, (r) => r.app.ms),
		agg: m(reps, (r) => r.bare.aggregateMs),
		barePeak: m(reps, (r) => r.bare.peak),
		appPeak: m(reps, (r) => r.app.peak),
		barePss: m(reps, (r) => r.bare.peakPss),
		appPss: m(reps, (r) => r.app.peakPss),
		pagesPeak: m(reps, (r) => r.pagesPeak),
		pagesPss: m(reps, (r) => r.pagesPss),
		bareTask: m(reps, (r) => r.bare.longestTask),
		appTask: m(reps, (r) => r.app.longestTask),
		pages: Object.fromEntries(pages.map((p) => [p.label, m(reps, (r) => r.pages[p.label])])),
		ahead: m(reps, (r) => r.ahead)
	});
	const rows = (c: ReturnType<typeof columns>): string[][] => [
		['import (files chosen → summary, less the bench clicking Load)', seconds(c.bare), seconds(c.app), ratio(c.app, c.bare)],
		...(atOnce ? [] : [['every page’s opening figures worked out ahead, after the summary', '', seconds(c.ahead), '']]),
		...pages.map((p) => [
			`${p.label} ${atOnce ? 'opened at once after import' : 'after the work ahead'} (vs bare aggregate)`,
			seconds(c.agg),
			seconds(c.pages[p.label]),
			ratio(c.pages[p.label], c.agg)
		]),
		['peak memory of the browser (RSS summed)', megabytes(c.barePeak), megabytes(c.appPeak), ratio(c.appPeak, c.barePeak)],
		['peak memory of the browser (PSS summed)', megabytes(c.barePss), megabytes(c.appPss), ratio(c.appPss, c.barePss)],
		['peak memory while the pages refresh (RSS / PSS)', '', `${megabytes(c.pagesPeak)} / ${megabytes(c.pagesPss)}`, ''],
		['longest main-thread task during import', seconds(c.bareTask), seconds(c.appTask), '']
	];
	/** The builds' columns side by side: bare, app and ratio for each; a build with no run that ended says so in each cell, and why under the table. */
	const sideBySide = (title: string, { reps, stopped }: Measured) => {
		const labels = rows(columns(reps.find((r) => r.length) ?? [])).map((row) => row[0]);
		const each = reps.map((r) => (r.length ? rows(columns(r)).map((row) => row.slice(1)) : labels.map(() => ['failed', 'failed', ''])));
		// A build that never got going has no engine to ask: it is named instead.
		const threads = builds.map((b) => (!b.engine ? b.label : b.engine.threads > 1 ? `${b.engine.threads} threads` : '1 thread'));
		const header = [title, ...builds.flatMap((_, i) => [`bare, ${threads[i]}`, `app, ${threads[i]}`, 'ratio'])];
		const notes = builds.flatMap((b, i) =>
			stopped[i] ? [`${b.label}: ${stopped[i]}${reps[i].length ? ` (figures from the ${reps[i].length} run${reps[i].length === 1 ? '' : 's'} before it)` : ''}`] : []
		);
		return [
			table(
				header,
				labels.map((label, i) => [label, ...each.flatMap((e) => e[i])])
			),
			...notes
		].join('\n');
	};
	// Each table is printed as soon as it is measured, so a long large run never hides the repeated one.
	const repeated = await measure(app, builds, small, repeats);
	console.log(sideBySide(`${small.toLocaleString('en-GB')} targets, median of ${repeats}`, repeated));
	if (large > 0) {
		console.log();
		const once = await measure(app, builds, large, 1);
		console.log(sideBySide(`${large.toLocaleString('en-GB')} targets, once`, once));
	}
} finally {
	await app.close();
	await isolatedHost.stop();
}
process.exit(0);
