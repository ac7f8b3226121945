import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { importSchools, type InputFile } from '../../src/lib/import/pipeline';
import { syntheticExport } from '../bench/synthetic-export';
import { openTestDb } from './test-db';

/** The page's way in: chosen files the engine may read itself (`registerFile`), here noted and read as text. */
async function pageLikeDb(): Promise<{ db: Db; readByEngine: string[] }> {
	const db = await openTestDb();
	const readByEngine: string[] = [];
	// As the engine's worker does, what is sent is taken in order: a statement sent before the file is registered waits for it.
	let sent: Promise<unknown> = Promise.resolve();
	const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
		const done = sent.then(work);
		sent = done.catch(() => undefined);
		return done;
	};
	const [exec, query] = [db.exec.bind(db), db.query.bind(db)];
	db.exec = (sql) => inOrder(() => exec(sql));
	db.query = (sql) => inOrder(() => query(sql)) as never;
	db.registerFile = (name, file) =>
		inOrder(async () => {
			readByEngine.push(name);
			// Past any override of the chosen file's own reading: the engine's reads are not the import's.
			await db.registerText(name, new TextDecoder().decode(await Blob.prototype.arrayBuffer.call(file)));
		});
	return { db, readByEngine };
}

/** Chosen files as the page has them, noting each one read whole (a slice of one is a plain Blob, not noted). */
function chosen(files: { name: string; bytes: Uint8Array }[]): { files: InputFile[]; readWhole: string[] } {
	const readWhole: string[] = [];
	class ChosenFile extends Blob {
		constructor(
			readonly name: string,
			bytes: Uint8Array
		) {
			super([bytes.slice()]);
		}
		override arrayBuffer() {
			readWhole.push(this.name);
			return super.arrayBuffer();
		}
	}
	return { files: files.map((f) => ({ name: f.name, bytes: new ChosenFile(f.name, f.bytes) })), readWhole };
}

/** Tables the import left in the engine's temporary schema (its stages): none once it is done. */
const temporaryTables = async (db: Db) => (await db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE temporary`)).map((r) => r.t);

/** What an import gave: the plans as the import page shows them, every loaded row and every problem. */
async function imported(db: Db, files: InputFile[]) {
	const [plan] = await importSchools(db, [{ school: 'Trust', files }], { snapshot: '2026-01-15' });
	const sources = plan.sources.map(({ file, encoding, delimiter, table, headers, mapping, preview, refused }) => ({ file, encoding, delimiter, table, headers, mapping, preview, refused }));
	const rows = async (sql: string) => JSON.stringify(await db.query(sql));
	return {
		sources,
		targets: await rows(`SELECT count(*) AS n, sum(hash(source_line, target_id, plan_id, need_area, target_text, outcome)) AS h FROM targets`),
		plans: await rows(`SELECT count(*) AS n, sum(hash(source_line, plan_id, pupil_id, start_date, review_due, reviewed_on)) AS h FROM plans`),
		rejected: await rows(`SELECT file, line, column_name, reason FROM import_rejected ORDER BY ALL`),
		counts: await rows(`SELECT * FROM import_counts ORDER BY ALL`)
	};
}

describe('a large chosen file read a slice at a time', () => {
	// 100,000 targets: the targets file is over 8 MB, so on the page it is read in parts; plans and pupils are read whole.
	const files = syntheticExport(100_000);

	it('gives the same plan, rows and problems as the file read whole, and the engine reads the file itself', async () => {
		const page = await pageLikeDb();
		const picked = chosen(files);
		const inParts = await imported(page.db, picked.files);
		const whole = await imported(await openTestDb(), files);
		expect(inParts).toEqual(whole);
		expect(JSON.parse(whole.targets)[0].n).toBe(100_000);
		// Only the large file was read in parts; the engine read all three itself (the check left each as it was),
		// each once: the large one while the page checked it, and that stage was the one loaded.
		expect(picked.readWhole).toEqual(['pupils.csv', 'plans.csv']);
		expect(page.readByEngine.length).toBe(3);
		expect(await temporaryTables(page.db)).toEqual([]);
	}, 60_000);

	it('leaves a large file with a broken row to the whole-text check, which reports the row', async () => {
		const targets = new TextDecoder().decode(files[2].bytes).split('\n');
		targets[50_000] = 'T-broken,PL1,C&I';
		const broken = [...files.slice(0, 2), { name: 'targets.csv', bytes: new TextEncoder().encode(targets.join('\n')) }];
		const page = await pageLikeDb();
		const picked = chosen(broken);
		const inParts = await imported(page.db, picked.files);
		expect(inParts).toEqual(await imported(await openTestDb(), broken));
		expect(JSON.parse(inParts.rejected)).toEqual([expect.objectContaining({ file: 'targets.csv', line: 50_001, column_name: '(whole row)' })]);
		// Read in parts until the broken row, then whole; the engine reads the text with the row blanked. It had
		// started on the file itself while the page checked it: that stage is dropped, not loaded nor left behind.
		expect(picked.readWhole).toEqual(['pupils.csv', 'plans.csv', 'targets.csv']);
		expect(page.readByEngine).toEqual([expect.stringMatching(/^stage_\d+\.csv$/), expect.stringMatching(/^stage_\d+\.csv$/), expect.stringMatching(/^stage_\d+\.csv$/)]);
		expect(await temporaryTables(page.db)).toEqual([]);
	}, 60_000);
});
