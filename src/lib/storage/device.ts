import { readHeader, type EnvelopeAbout } from './envelope';

/**
 * The kept copy on this device: one encrypted file in the browser's origin-private file system
 * (OPFS), which only this site can read and which the user never sees as a download.
 *
 * Why not let DuckDB open its database in OPFS? duckdb-wasm's own OPFS databases are reported to
 * reopen empty after a reload (duckdb/duckdb-wasm issues 2192 and 2236, open), opening one fetches
 * an OPFS extension from DuckDB's server (this app contacts no other site), and the file would not
 * be encrypted. Our own sealed file avoids all three; it is read back whole at start.
 */
export const KEPT_FILE = 'provision-lens-kept.plws';

/** Writing needs createWritable on the page itself (Chromium, Firefox; Safari only from version 26). */
export function canKeep(): boolean {
	return (
		typeof navigator !== 'undefined' &&
		typeof navigator.storage?.getDirectory === 'function' &&
		typeof FileSystemFileHandle !== 'undefined' &&
		'createWritable' in FileSystemFileHandle.prototype
	);
}

async function root(): Promise<FileSystemDirectoryHandle> {
	return navigator.storage.getDirectory();
}

/** The kept file's bytes, or null when nothing is kept. */
export async function readKept(): Promise<Uint8Array<ArrayBuffer> | null> {
	if (!canKeep()) return null;
	try {
		const handle = await (await root()).getFileHandle(KEPT_FILE);
		return new Uint8Array(await (await handle.getFile()).arrayBuffer());
	} catch (e) {
		if ((e as DOMException)?.name === 'NotFoundError') return null;
		throw e;
	}
}

/** What the banner may say before the passphrase: when it was kept and imported. Null when nothing (readable) is kept. */
export async function keptAbout(): Promise<EnvelopeAbout | null> {
	const bytes = await readKept();
	if (!bytes) return null;
	try {
		return readHeader(bytes).header.about;
	} catch {
		// A damaged kept file is still kept data: say so, with no dates, and let Forget remove it.
		return { keptAt: new Date(0).toISOString(), importedAt: null };
	}
}

/**
 * Replace the kept file. A writable stream writes to a side file and swaps it in on close, so a
 * closed tab or a full disk mid-write leaves the previous copy whole.
 */
export async function writeKept(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
	const handle = await (await root()).getFileHandle(KEPT_FILE, { create: true });
	const writable = await handle.createWritable();
	try {
		await writable.write(bytes);
		await writable.close();
	} catch (e) {
		await writable.abort().catch(() => undefined);
		throw e;
	}
	// Ask the browser not to clear it when space runs low; it may say no, and nothing depends on it.
	await navigator.storage.persist?.().catch(() => false);
}

/** Everything this site stored in the browser's origin-private file system, removed. */
export async function forgetKept(): Promise<void> {
	if (!canKeep()) return;
	const dir = await root();
	const names: string[] = [];
	for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
	for (const name of names) await dir.removeEntry(name, { recursive: true });
}
