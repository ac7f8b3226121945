import { DamagedFile, NotAWorkspace, checkIntact, copyId, headerLength, readHeader, readHeaderStart, type EnvelopeAbout } from './envelope';

/**
 * The kept copy on this device: one encrypted file in the browser's origin-private file system
 * (OPFS), which only this site can read and which the user never sees as a download.
 *
 * Why not let DuckDB open its database in OPFS? duckdb-wasm's own OPFS databases are reported to
 * reopen empty after a reload (duckdb/duckdb-wasm issues 2192 and 2236, open), opening one fetches
 * an OPFS extension from DuckDB's server (this app contacts no other site), and the file would not
 * be encrypted. Our own sealed file avoids all three; it is read back whole at start.
 *
 * Several tabs of the app share the one file. Every change to it (a save, Forget) is made while
 * holding one Web Lock, so one tab writes at a time, and a save only goes ahead when the file is
 * still the copy that tab last read or wrote (each save has its own id, the random IV in its
 * header): a tab never overwrites a copy it has not seen, and never writes again one that was
 * forgotten. After each change the other tabs are told on a BroadcastChannel (see tabs.ts).
 */
export const KEPT_FILE = 'provision-lens-kept.plws';
/** A save is written here first and moved onto the kept file only once it is whole. */
export const SAVING_FILE = 'provision-lens-kept.plws.saving';
const LOCK = 'provision-lens-kept';
const CHANNEL = 'provision-lens-kept';

/** Writing needs createWritable on the page itself (Chromium, Firefox; Safari only from version 26). */
export function canKeep(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function' && typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
}

/** What one tab tells the others: the kept file was saved again, or forgotten. Only a nudge: each tab reads the file itself. */
export interface KeptMessage {
	kind: 'saved' | 'forgotten';
}

/** Where the kept file lives and how tabs take turns with it: the browser's own, or a test's. */
export interface KeptPlace {
	root(): Promise<FileSystemDirectoryHandle>;
	/** Run `job` while no other tab of this site changes the kept file. */
	exclusive<T>(job: () => Promise<T>): Promise<T>;
	/** Tell the other tabs. */
	tell(message: KeptMessage): void;
	/** Hear the other tabs (never this one's own messages); returns a function that stops listening. */
	listen(hear: (message: KeptMessage) => void): () => void;
}

/** This browser's origin-private file system, its Web Locks and a BroadcastChannel; read when used, not when loaded. */
export function browserPlace(): KeptPlace {
	// One channel for telling and hearing: a BroadcastChannel never receives its own messages, so a tab hears only the others.
	let channel: BroadcastChannel | null | undefined;
	const open = () => (channel === undefined ? (channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null) : channel);
	return {
		root: () => navigator.storage.getDirectory(),
		exclusive: (job) => {
			const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
			// Every browser that can keep data (createWritable) has Web Locks; without them a tab still never writes over a copy
			// it has not seen, it only loses the guarantee against two saves in the same instant.
			return locks?.request ? locks.request(LOCK, { mode: 'exclusive' }, job) : job();
		},
		tell: (message) => open()?.postMessage(message),
		listen: (hear) => {
			const onMessage = (e: MessageEvent) => {
				const kind = (e.data as KeptMessage | null)?.kind;
				if (kind === 'saved' || kind === 'forgotten') hear({ kind });
			};
			open()?.addEventListener('message', onMessage);
			return () => channel?.removeEventListener('message', onMessage);
		}
	};
}

/** The kept copy as far as it can be read without the passphrase. */
export interface KeptCopy {
	/** This save's own id (a fresh one at every save). */
	id: string;
	/** When it was saved and its newest data imported; null when its header cannot be read. */
	about: EnvelopeAbout | null;
	/** Why it cannot be opened with any passphrase, or null when it looks whole. */
	damaged: string | null;
}

async function fileOf(place: KeptPlace): Promise<File | null> {
	try {
		return await (await (await place.root()).getFileHandle(KEPT_FILE)).getFile();
	} catch (e) {
		if ((e as DOMException)?.name === 'NotFoundError') return null;
		throw e;
	}
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

function damagedCopy(file: File, e: unknown): KeptCopy {
	if (!(e instanceof NotAWorkspace)) throw e;
	// A kept file is always one of ours: one that does not read as ours is damaged (an empty file, one cut short…).
	const why = e instanceof DamagedFile || e.name === 'NotAWorkspace' ? 'its file on this device is not as it was saved (cut short or altered)' : e.message;
	return { id: `damaged:${file.size}:${file.lastModified}`, about: null, damaged: why };
}

/** The kept file's bytes, or null when nothing is kept. */
export async function readKept(place: KeptPlace = browserPlace()): Promise<Uint8Array<ArrayBuffer> | null> {
	const file = await fileOf(place);
	return file ? bytesOf(file) : null;
}

/** Which copy is kept, read from its first bytes only (quick enough to ask before every save). Null when nothing is kept. */
export async function readKeptHead(place: KeptPlace = browserPlace()): Promise<KeptCopy | null> {
	const file = await fileOf(place);
	if (!file) return null;
	try {
		const end = headerLength(await bytesOf(file.slice(0, 9)));
		const header = readHeaderStart(await bytesOf(file.slice(0, end)));
		return { id: copyId(header), about: header.about, damaged: null };
	} catch (e) {
		return damagedCopy(file, e);
	}
}

/** The kept copy, read whole and checked (no passphrase needed): what the start-of-visit banner says. Null when nothing is kept. */
export async function inspectKept(place: KeptPlace = browserPlace()): Promise<KeptCopy | null> {
	const file = await fileOf(place);
	if (!file) return null;
	try {
		const bytes = await bytesOf(file);
		const { header } = readHeader(bytes);
		await checkIntact(bytes);
		return { id: copyId(header), about: header.about, damaged: null };
	} catch (e) {
		return damagedCopy(file, e);
	}
}

async function writeWhole(handle: FileSystemFileHandle, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
	const writable = await handle.createWritable();
	try {
		await writable.write(bytes);
		await writable.close();
	} catch (e) {
		await writable.abort().catch(() => undefined);
		throw e;
	}
	// A storage that said yes to every write but kept less than was written must not replace a whole copy.
	if ((await handle.getFile()).size !== bytes.length) throw new Error('the saved copy is shorter than what was written');
}

/** Rename `from` onto the kept file, replacing it in one step; false where the browser cannot (no move, or one that will not replace). */
async function moveOnto(from: FileSystemFileHandle, dir: FileSystemDirectoryHandle): Promise<boolean> {
	const move = (from as FileSystemFileHandle & { move?: (dir: FileSystemDirectoryHandle, name: string) => Promise<void> }).move;
	if (typeof move !== 'function') return false;
	try {
		await move.call(from, dir, KEPT_FILE);
		return true;
	} catch {
		return false;
	}
}

/**
 * Replace the kept file, all or nothing. The new copy is written whole to a side file and only then
 * moved onto the kept file (one rename), so a full disk, a closed tab or a storage that fails half
 * way leaves the previous copy as it was, and a first save that fails leaves no file at all. Where
 * the browser has no such rename (Chromium before 110), the kept file is written through a
 * writable stream, which the browser swaps in whole on close (verified for Chromium in
 * tests/browser/tabs.test.ts). Call it inside `exclusive`.
 */
export async function writeKept(bytes: Uint8Array<ArrayBuffer>, place: KeptPlace = browserPlace()): Promise<void> {
	const dir = await place.root();
	const side = await dir.getFileHandle(SAVING_FILE, { create: true });
	try {
		await writeWhole(side, bytes);
	} catch (e) {
		await dir.removeEntry(SAVING_FILE).catch(() => undefined);
		throw e;
	}
	if (!(await moveOnto(side, dir))) {
		const existed = (await fileOf(place)) !== null;
		try {
			await writeWhole(await dir.getFileHandle(KEPT_FILE, { create: true }), bytes);
		} catch (e) {
			if (!existed) await dir.removeEntry(KEPT_FILE).catch(() => undefined);
			throw e;
		} finally {
			await dir.removeEntry(SAVING_FILE).catch(() => undefined);
		}
	}
	// Ask the browser not to clear it when space runs low; it may say no, and nothing depends on it.
	if (typeof navigator !== 'undefined') await navigator.storage?.persist?.().catch(() => false);
}

export type Replaced = { written: true; id: string } | { written: false; current: KeptCopy | null };

/**
 * Save `bytes` as the kept copy, but only if the kept file is still the copy `expected` (its id, or
 * null for "nothing kept"): otherwise nothing is written and the copy found is returned, for the
 * tab to say so. `explicit` (the user has just chosen to keep this tab's data) also writes when
 * nothing is kept any more. The other tabs are told after a save.
 */
export async function replaceKept(bytes: Uint8Array<ArrayBuffer>, expected: string | null, options: { explicit?: boolean } = {}, place: KeptPlace = browserPlace()): Promise<Replaced> {
	const id = copyId(readHeader(bytes).header);
	const outcome = await place.exclusive(async (): Promise<Replaced> => {
		const current = await readKeptHead(place);
		if ((current?.id ?? null) !== expected && !(options.explicit && current === null)) return { written: false, current };
		await writeKept(bytes, place);
		return { written: true, id };
	});
	if (outcome.written) place.tell({ kind: 'saved' });
	return outcome;
}

/** Everything this site stored in the browser's origin-private file system, removed; the other tabs are told. */
export async function forgetKept(place: KeptPlace = browserPlace()): Promise<void> {
	await place.exclusive(async () => {
		const dir = await place.root();
		const names: string[] = [];
		for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		for (const name of names) await dir.removeEntry(name, { recursive: true });
	});
	place.tell({ kind: 'forgotten' });
}
