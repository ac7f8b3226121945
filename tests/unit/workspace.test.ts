import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { clearData } from '../../src/lib/import/pipeline';
import { WrongPassphrase, deriveKey } from '../../src/lib/storage/crypto';
import { seal } from '../../src/lib/storage/envelope';
import { openSealedWorkspace, sealWorkspace } from '../../src/lib/import/sealed';
import { WorkspaceUnreadable, workspaceBytes } from '../../src/lib/import/workspace';
import { createTablesSql, derivedTables, loadedTables } from '../../src/lib/validate/schema-sql';
import { loadFixture } from './load';

/** Every loaded table's rows, in a fixed order: the whole state a figure could be worked out from. */
async function everything(db: Db): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of loadedTables) out[t] = await db.query(`SELECT * FROM "${t}" ORDER BY ALL`);
	return out;
}

const content = {
	schools: ['rules', 'quality', 'North', 'South'],
	importedAt: { rules: '2026-11-24T10:00:00.000Z', quality: '2026-11-25T08:30:00.000Z' },
	extras: { settings: { small_number: 7 }, checklist: { version: 1, items: { c1: { ticked: true, notes: 'Agreed at the governors meeting' } } } }
};

/** The fixtures exercise every kind of table: rows, links, rejected rows, warnings, counts and checks. */
async function loadedDb(): Promise<Db> {
	// The wasm engine: the workspace file is written from Arrow, which only the browser's engine exports.
	const db = await openNodeDb();
	for (const name of ['rules', 'quality', 'trust']) await loadFixture(name, db);
	return db;
}

describe('the saved workspace', () => {
	let db: Db;
	/** Another device: a second engine, shared by the tests that open a file on one (each starting a wasm engine takes a second). */
	let other: Db;
	let before: Record<string, unknown[]>;
	/** The tables worked out from the loaded ones rather than saved (each plan's target counts, each target's facts). */
	let derived: unknown[][];
	const derivedRows = (d: Db) => Promise.all(derivedTables.map((t) => d.query(`SELECT * FROM ${t} ORDER BY ALL`)));
	let file: Uint8Array<ArrayBuffer>;
	/** The same content at a small work factor, for the tests about what opening does (each derivation at the real one takes half a second). */
	let quick: Uint8Array<ArrayBuffer>;
	const passphrase = 'a passphrase for the test';

	beforeAll(async () => {
		[db, other] = [await loadedDb(), await openNodeDb()];
		before = await everything(db);
		derived = await derivedRows(db);
		// The real work factor once, as the app uses it.
		file = await sealWorkspace(db, content, await deriveKey(passphrase));
		quick = await sealWorkspace(db, content, await deriveKey(passphrase, undefined, 1_000));
	});

	it('holds every kind of loaded table', () => {
		for (const t of ['pupils', 'plans', 'targets', 'provisions', 'allocations', 'target_provisions', 'import_rejected', 'import_warnings', 'import_counts', 'target_checks']) {
			expect(before[t].length, t).toBeGreaterThan(0);
		}
		expect(Object.keys(before).sort()).toEqual([...loadedTables].sort());
	});

	it('gives back every table exactly, with settings and checklist, after clearing or on another device', async () => {
		await clearData(db);
		expect((await everything(db)).pupils).toEqual([]);
		const opened = await openSealedWorkspace(db, file, passphrase);
		expect(await everything(db)).toEqual(before);
		expect(opened.content).toEqual(content);
		expect(opened.header.about.importedAt).toBe('2026-11-25T08:30:00.000Z');

		await openSealedWorkspace(other, quick, passphrase);
		expect(await everything(other)).toEqual(before);
		for (const rows of derived) expect(rows.length).toBeGreaterThan(5);
		expect(await derivedRows(other)).toEqual(derived);
		expect(await derivedRows(db)).toEqual(derived);
	});

	it('keeps the values exactly: dates, money, lists, unknowns and text with quotes and accents', async () => {
		await openSealedWorkspace(other, quick, passphrase);
		await other.exec(`INSERT INTO provisions (school, source_file, source_line, provision_id, intervention, need_area, start_date, other_costs_gbp, hourly_rate_gbp)
			VALUES ('edge', 'p.csv', 2, 'R1', 'Lecture "Zoé" — it''s 1:1', 'semh', DATE '2024-02-29', 1234.56, NULL)`);
		await other.exec(`INSERT INTO target_provisions VALUES ('edge', 'T1', 'R1')`);
		const edited = await everything(other);
		const again = await sealWorkspace(other, content, await deriveKey('p', undefined, 1_000));
		await clearData(other);
		await openSealedWorkspace(other, again, 'p');
		const [row] = await other.query(`SELECT * FROM provisions WHERE school = 'edge'`);
		expect(row).toMatchObject({ intervention: 'Lecture "Zoé" — it\'s 1:1', start_date: '2024-02-29', other_costs_gbp: 1234.56, hourly_rate_gbp: null });
		expect(await everything(other)).toEqual(edited);
	});

	it('with a wrong passphrase, or a damaged inside, changes nothing that is loaded', async () => {
		await other.exec(createTablesSql());
		await clearData(other);
		await other.exec(`INSERT INTO pupils (school, pupil_id, year_group, sen_stage) VALUES ('Other school', 'Q1', '3', 'K')`);
		const mine = await everything(other);
		await expect(openSealedWorkspace(other, quick, 'wrong')).rejects.toBeInstanceOf(WrongPassphrase);
		expect(await everything(other)).toEqual(mine);

		const key = await deriveKey('right', undefined, 1_000);
		const notAWorkspace = await seal(new TextEncoder().encode('hello'), key, { keptAt: new Date().toISOString(), importedAt: null });
		await expect(openSealedWorkspace(other, notAWorkspace, 'right')).rejects.toBeInstanceOf(WorkspaceUnreadable);
		expect(await everything(other)).toEqual(mine);
	});

	it('records empty tables without storing them, and opening an empty workspace empties the page', async () => {
		await clearData(other);
		expect((await workspaceBytes(other, { schools: [], importedAt: {}, extras: {} })).length).toBeLessThan(1000);
		const emptyFile = await sealWorkspace(other, { schools: [], importedAt: {}, extras: {} }, await deriveKey('e', undefined, 1_000));
		await openSealedWorkspace(other, quick, passphrase);
		expect((await everything(other)).pupils.length).toBeGreaterThan(0);
		await openSealedWorkspace(other, emptyFile, 'e');
		for (const rows of Object.values(await everything(other))) expect(rows).toEqual([]);
	});
});
