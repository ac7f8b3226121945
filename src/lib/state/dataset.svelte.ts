import { browserDb } from '../db/browser';
import type { Db } from '../db/types';
import { demoExports } from './demo';
import { exportDatesOf, type ExportDates } from '../metrics/snapshots';
import demoPack from '../../../data/demo.plwd?url';
import demoFiguresUrl from '../../../data/demo-figures.json?url';
import type { DemoFigures } from './demo-figures';
import { knowFigures } from './figure-cache';
import { chainSettled } from './settled';
import { readWorkspace, restoreWorkspace } from '../import/workspace';
import { clearData, commitImport, discardPlan, prepareImport, type CommitOptions, type ImportPlan, type ImportProgress, type InputFile } from '../import/pipeline';
import type { WordOptions } from '../import/word-sources';
import { schoolKey } from './word-plans.svelte';
import { warmUpImport } from '../import/warm-up';

type Status = 'starting' | 'loading' | 'ready' | 'error';

async function fetchDemo(url: string): Promise<Uint8Array<ArrayBuffer>> {
	const response = await fetch(url);
	if (!response.ok) throw new Error('The demo data could not be fetched from this site. Reload the page, or import your own files.');
	return new Uint8Array(await response.arrayBuffer());
}

/** What is loaded in the page's DuckDB. `version` changes whenever the data does, so queries rerun. */
class Dataset {
	status = $state<Status>('starting');
	error = $state<string | null>(null);
	isDemo = $state(false);
	schools = $state<string[]>([]);
	version = $state(0);
	/** When each loaded school's data was imported (ISO date-time): said when the data is kept on this device. */
	importedAt = $state<Record<string, string>>({});
	/**
	 * Each loaded school's latest export date, read by the `latest_exports` metric after every import,
	 * restore and demo load: figures are worked out as of it unless the user picks another date
	 * (src/lib/state/scope-of-page.ts).
	 */
	exports = $state<ExportDates>({});
	/** Imports run one at a time: they share DuckDB's staging tables. */
	private queue: Promise<unknown> = Promise.resolve();

	/** While the demo is being put into the engine (its first figures already shown), figures wait for it. */
	private filling: Promise<unknown> | null = null;

	db(): Promise<Db> {
		return this.filling ? this.filling.then(() => browserDb()) : browserDb();
	}

	/** Resolves once no import, restore or clearing is queued: work that can wait (figures worked out ahead) gives way to them. */
	settled(): Promise<void> {
		return chainSettled(() => this.queue);
	}

	private serial<T>(job: () => Promise<T>): Promise<T> {
		const next = this.queue.then(job, job);
		this.queue = next.catch(() => undefined);
		return next;
	}

	private changed(schools: string[], isDemo: boolean) {
		if (isDemo) this.importedAt = {};
		else this.importedAt = Object.fromEntries(Object.entries(this.importedAt).filter(([s]) => schools.includes(s)));
		this.schools = schools;
		this.isDemo = isDemo;
		this.status = 'ready';
		this.version++;
	}

	/**
	 * Start with the bundled, clearly marked demo dataset (imported ahead of time: data/demo.plwd). The
	 * figures of every page's opening view were worked out ahead of time too (data/demo-figures.json):
	 * they are shown while the engine starts, and every other figure waits until the demo is in the engine.
	 */
	async loadDemo(): Promise<void> {
		this.status = 'loading';
		try {
			await this.serial(async () => {
				const engine = browserDb();
				const [pack, known] = await Promise.all([
					fetchDemo(demoPack),
					fetchDemo(demoFiguresUrl).then(
						(b) => JSON.parse(new TextDecoder().decode(b)) as DemoFigures,
						() => null
					)
				]);
				const filled = engine.then(async (db) => {
					const restored = await restoreWorkspace(db, await readWorkspace(pack));
					return { ...restored, exports: await exportDatesOf(db) };
				});
				this.filling = filled.catch(() => undefined);
				if (known) {
					this.exports = demoExports(known.schools);
					this.changed(known.schools, true);
					knowFigures(this.version, known.figures);
				}
				try {
					const { schools, exports } = await filled;
					performance.mark('lens:demo-loaded');
					// The same dates as assumed while the engine started (a test holds them equal): the figures already drawn stand.
					if (JSON.stringify(exports) !== JSON.stringify(this.exports)) this.exports = exports;
					if (!known) this.changed(schools, true);
				} finally {
					this.filling = null;
				}
			});
		} catch (e) {
			this.fail(e);
		}
	}

	private warmedUp: Promise<boolean> | null = null;
	/** Aborted once files are read in this page: the engine is warm from them, and a warm-up would only hold them up. */
	private readonly filesRead = new AbortController();

	/**
	 * Warm the engine up for an import, once a page (warm-up.ts): the import page asks once it has been open
	 * a moment with no file chosen. Queued like an import, so it never runs beside one.
	 */
	warmUpForImport(): Promise<boolean> {
		if (this.filesRead.signal.aborted) return Promise.resolve(false);
		this.warmedUp ??= this.serial(async () => {
			const ran = !this.filesRead.signal.aborted && (await warmUpImport(await this.db(), this.filesRead.signal));
			// For the benchmark (tests/bench/browser-import.bench.ts), which chooses its files once it is done.
			performance.mark('lens:warmed-up', { detail: { ran } });
			return ran;
		});
		return this.warmedUp;
	}

	prepare(school: string, files: InputFile[], progress?: ImportProgress, word?: WordOptions): Promise<ImportPlan> {
		this.filesRead.abort();
		return this.serial(async () => prepareImport(await this.db(), school, files, progress, word));
	}

	async commit(plan: ImportPlan, dropPersonalColumns: boolean, options: Omit<CommitOptions, 'dropPersonalColumns'> = {}): Promise<void> {
		await this.serial(async () => {
			const db = await this.db();
			// Your own data replaces the demo, never mixes with it.
			if (this.isDemo) await clearData(db);
			await commitImport(db, plan, { dropPersonalColumns, ...options, addSnapshot: !this.isDemo && options.addSnapshot });
			this.exports = await exportDatesOf(db);
			this.importedAt = { ...this.importedAt, [plan.school]: new Date().toISOString() };
			// The loaded pupils' ids are this key's now (or, from a CSV export replacing everything, no key's).
			if (plan.word) schoolKey.loaded(plan.word.keyCheck);
			else if (this.isDemo) schoolKey.ofData = null;
			const schools = this.isDemo ? [plan.school] : [...new Set([...this.schools, plan.school])];
			this.changed(schools, false);
		});
	}

	/** Put saved data in place of what is loaded; `load` restores it and says what it holds. If it throws, nothing changed. */
	async restore(load: (db: Db) => Promise<{ schools: string[]; importedAt: Record<string, string> }>): Promise<void> {
		await this.serial(async () => {
			const db = await this.db();
			const { schools, importedAt } = await load(db);
			this.exports = await exportDatesOf(db);
			this.importedAt = importedAt;
			this.changed(schools, false);
		});
	}

	cancel(plan: ImportPlan): Promise<void> {
		return this.serial(async () => discardPlan(await this.db(), plan));
	}

	async clearAll(): Promise<void> {
		await this.serial(async () => clearData(await this.db()));
		this.exports = {};
		schoolKey.ofData = null;
		this.changed([], false);
	}

	private fail(e: unknown) {
		this.status = 'error';
		this.error = e instanceof Error ? e.message : String(e);
	}
}

export const dataset = new Dataset();
