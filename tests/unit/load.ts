import { readExportFolder } from '../../src/cli/read-folder';
import { openTestDb } from './test-db';
import type { Db } from '../../src/lib/db/types';
import { importSchools, type ImportPlan, type InputFile } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { DEMO_AS_OF } from '../../src/lib/state/demo';

export const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** The date the fixture folders count as exported on (their snapshot), so no figure depends on the day a test runs. */
export const FIXTURE_EXPORT_DATE = '2026-01-15';

/** Import a fixture folder into a fresh DuckDB, as the command line does. */
export async function loadFixture(name: string, db?: Db): Promise<{ db: Db; plans: ImportPlan[] }> {
	const database = db ?? (await openTestDb());
	const plans = await importSchools(database, readExportFolder(fixture(name)), { snapshot: FIXTURE_EXPORT_DATE });
	return { db: database, plans };
}

/**
 * What only reads a fixture (or the demo) shares one import of it per test worker: the test files
 * share a worker's modules (vite.config.ts), and an import costs half a second (the demo's, two).
 * The shared database refuses statements, so a test that changes what is loaded must load its own
 * copy with loadFixture.
 */
const shared = new Map<string, Promise<{ db: Db; plans: ImportPlan[] }>>();

function readOnly(db: Db): Db {
	const refuse = async () => {
		throw new Error('this database is shared by the test files: load your own copy to change it');
	};
	return { query: (sql) => db.query(sql), exec: refuse, registerText: refuse, dropFile: refuse };
}

function sharedLoad(key: string, load: (db: Db) => Promise<ImportPlan[]>) {
	let loaded = shared.get(key);
	if (!loaded) {
		loaded = openTestDb().then(async (db) => ({ plans: await load(db), db: readOnly(db) }));
		shared.set(key, loaded);
	}
	return loaded;
}

/** A fixture folder imported once per worker, to be read only. */
export function sharedFixture(name: string): Promise<{ db: Db; plans: ImportPlan[] }> {
	return sharedLoad(`fixture ${name}`, (db) => importSchools(db, readExportFolder(fixture(name)), { snapshot: FIXTURE_EXPORT_DATE }));
}

export const demoFolder = new URL('../../data/demo', import.meta.url).pathname;

/** data/demo imported once per worker as the page opens it (exported on DEMO_AS_OF), to be read only. */
export function sharedDemo(): Promise<{ db: Db; plans: ImportPlan[] }> {
	return sharedLoad('demo', (db) => importSchools(db, readExportFolder(demoFolder), { snapshot: DEMO_AS_OF }));
}

export async function summaryOf(db: Db) {
	return importSummary(db);
}

/** Files given as text (or bytes), by name. */
export function inputFiles(files: Record<string, string | Uint8Array>): InputFile[] {
	const enc = new TextEncoder();
	return Object.entries(files).map(([name, body]) => ({ name, bytes: typeof body === 'string' ? enc.encode(body) : body }));
}

/** Import one school's files (given as text) into a fresh DuckDB. */
export async function importText(files: Record<string, string | Uint8Array>, options: { drop?: boolean; school?: string } = {}) {
	const db = await openTestDb();
	const plans = await importSchools(db, [{ school: options.school ?? 'S', files: inputFiles(files) }], { dropPersonalColumns: options.drop });
	return { db, plan: plans[0], summary: await importSummary(db) };
}

/** A zip archive of stored (uncompressed) files: enough to stand for "some zip named .xlsx". */
export function storedZip(files: Record<string, string>): Uint8Array {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc32 = (b: Uint8Array) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const enc = new TextEncoder();
	const parts: number[] = [];
	const central: number[] = [];
	const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
	const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
	let count = 0;
	for (const [name, text] of Object.entries(files)) {
		const n = enc.encode(name);
		const data = enc.encode(text);
		const offset = parts.length;
		const crc = crc32(data);
		u32(parts, 0x04034b50);
		u16(parts, 20);
		u16(parts, 0);
		u16(parts, 0);
		u16(parts, 0);
		u16(parts, 0);
		u32(parts, crc);
		u32(parts, data.length);
		u32(parts, data.length);
		u16(parts, n.length);
		u16(parts, 0);
		parts.push(...n, ...data);
		u32(central, 0x02014b50);
		u16(central, 20);
		u16(central, 20);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u32(central, crc);
		u32(central, data.length);
		u32(central, data.length);
		u16(central, n.length);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u32(central, 0);
		u32(central, offset);
		central.push(...n);
		count++;
	}
	const end: number[] = [];
	u32(end, 0x06054b50);
	u16(end, 0);
	u16(end, 0);
	u16(end, count);
	u16(end, count);
	u32(end, central.length);
	u32(end, parts.length);
	u16(end, 0);
	return new Uint8Array([...parts, ...central, ...end]);
}
