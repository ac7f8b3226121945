import { z } from 'zod';
import type { Db } from '../db/types';
import { createTablesSql, loadedTables } from '../validate/schema-sql';
import { ident } from '../validate/sql-text';
import { DamagedContainer, pack, unpack } from '../storage/container';
import { refreshDerivedTablesSql } from './derived-tables';

/**
 * Everything loaded in the page as one block of bytes, and back: every loaded table (rows, rejected
 * rows, warnings, counts, target checks) as an Arrow IPC stream, plus the user's settings and
 * checklist as JSON. Arrow rather than Parquet: duckdb-wasm 1.32 does not build Parquet in, it
 * fetches it from DuckDB's extension server, which this app never contacts. Arrow is the engine's
 * own exchange format, so types and values come back exactly.
 */
export const WORKSPACE_FORMAT = 'provision-lens-workspace';
export const WORKSPACE_VERSION = 1;

const manifestSchema = z.object({
	format: z.literal(WORKSPACE_FORMAT),
	version: z.number().int(),
	savedAt: z.iso.datetime(),
	schools: z.array(z.string()),
	/** School → when its data was imported (ISO date-time), where known. */
	importedAt: z.record(z.string(), z.iso.datetime()),
	tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), part: z.string().nullable() })),
	/** Settings, checklist, glossary… as saved; each is checked with its own schema when restored. */
	extras: z.record(z.string(), z.unknown())
});
export type WorkspaceManifest = z.infer<typeof manifestSchema>;

export interface WorkspaceContent {
	schools: string[];
	importedAt: Record<string, string>;
	extras: Record<string, unknown>;
}

export class WorkspaceUnreadable extends Error {
	constructor(why: string, cause?: unknown) {
		// The engine's own error stays in `cause` for developers; it never reaches the page.
		super(`This data file cannot be opened: ${why}. Nothing has been changed.`, { cause });
		this.name = 'WorkspaceUnreadable';
	}
}

function arrowDb(db: Db): Required<Pick<Db, 'exportArrow' | 'importArrow'>> {
	if (!db.exportArrow || !db.importArrow) throw new Error('this database engine cannot save or open a workspace');
	return { exportArrow: db.exportArrow.bind(db), importArrow: db.importArrow.bind(db) };
}

/** The loaded data and `content` as one compressed, unencrypted block (seal it before it leaves memory). */
export async function workspaceBytes(db: Db, content: WorkspaceContent, now = new Date()): Promise<Uint8Array<ArrayBuffer>> {
	const { exportArrow } = arrowDb(db);
	await db.exec(createTablesSql());
	const parts = new Map<string, Uint8Array>();
	const tables: WorkspaceManifest['tables'] = [];
	for (const [i, name] of loadedTables.entries()) {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(name)}`);
		// An Arrow stream with no batches cannot create a table: empty tables are recorded, not stored.
		const part = n ? `t${i}` : null;
		if (part) parts.set(part, await exportArrow(`SELECT * FROM ${ident(name)}`));
		tables.push({ name, rows: n, part });
	}
	const manifest: WorkspaceManifest = {
		format: WORKSPACE_FORMAT,
		version: WORKSPACE_VERSION,
		savedAt: now.toISOString(),
		schools: content.schools,
		importedAt: content.importedAt,
		tables,
		extras: content.extras
	};
	return pack(manifest, parts);
}

export interface ReadWorkspace {
	manifest: WorkspaceManifest;
	parts: Map<string, Uint8Array<ArrayBuffer>>;
}

/** Unpack and check a block made by workspaceBytes, touching nothing. */
export async function readWorkspace(bytes: Uint8Array<ArrayBuffer>): Promise<ReadWorkspace> {
	let unpacked;
	try {
		unpacked = await unpack(bytes);
	} catch (e) {
		throw new WorkspaceUnreadable(e instanceof DamagedContainer ? e.message : 'it is damaged');
	}
	const parsed = manifestSchema.safeParse(unpacked.manifest);
	if (!parsed.success) throw new WorkspaceUnreadable('it is not a Provision Lens workspace');
	if (parsed.data.version > WORKSPACE_VERSION) throw new WorkspaceUnreadable('it was saved by a newer version of Provision Lens');
	for (const t of parsed.data.tables) {
		if (t.part && !unpacked.parts.has(t.part)) throw new WorkspaceUnreadable(`the table ${t.name} is missing from it`);
	}
	return { manifest: parsed.data, parts: unpacked.parts };
}

/**
 * Replace everything loaded with the workspace's tables, all or nothing: the rows are first put in
 * side tables, then swapped in inside one transaction, so a failure leaves the loaded data as it was.
 * Tables this version does not know are skipped; columns are matched by name.
 */
export async function restoreWorkspace(db: Db, workspace: ReadWorkspace): Promise<WorkspaceContent> {
	const { importArrow } = arrowDb(db);
	await db.exec(createTablesSql());
	const known = new Set(loadedTables);
	const side = new Map<string, string>();
	try {
		for (const [i, t] of workspace.manifest.tables.entries()) {
			if (!known.has(t.name) || !t.part) continue;
			const name = `workspace_restore_${i}`;
			side.set(t.name, name);
			await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
			await importArrow(name, workspace.parts.get(t.part)!);
			const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(name)}`);
			if (n !== t.rows) throw new WorkspaceUnreadable(`the table ${t.name} holds ${n} rows where ${t.rows} were saved`);
		}
		await db.exec('BEGIN TRANSACTION');
		try {
			for (const table of loadedTables) {
				await db.exec(`DELETE FROM ${ident(table)}`);
				const from = side.get(table);
				if (from) await db.exec(`INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${ident(from)}`);
			}
			// Worked out again rather than saved: a file saved before such a table existed opens the same.
			for (const sql of refreshDerivedTablesSql()) await db.exec(sql);
			await db.exec('COMMIT');
		} catch (e) {
			await db.exec('ROLLBACK');
			throw e;
		}
	} catch (e) {
		if (e instanceof WorkspaceUnreadable) throw e;
		throw new WorkspaceUnreadable('its tables do not fit this version of Provision Lens', e);
	} finally {
		for (const name of side.values()) await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
	}
	const { schools, importedAt, extras } = workspace.manifest;
	return { schools, importedAt, extras };
}
