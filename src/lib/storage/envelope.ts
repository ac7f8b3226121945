import { z } from 'zod';
import { CIPHER, KDF, WrongPassphrase, decrypt, deriveKey, encrypt, randomBytes, type PassphraseKey } from './crypto';

/**
 * The kept-data file: "PLWS", a format version byte, the length of a JSON header, the header, the
 * AES-GCM ciphertext, then (from version 2) a SHA-256 digest of everything before it. The header
 * holds only what is needed to open the file (the KDF's salt and work, the IV) and two dates for the
 * "data is kept" banner; school names and every row are inside the ciphertext. The header is the
 * ciphertext's authenticated data: change a byte of it and the file no longer opens.
 *
 * Why the digest: AES-GCM alone cannot tell a wrong passphrase from a damaged file (both fail the
 * same check). The digest needs no passphrase, so a file cut short or altered is reported as
 * damaged, and a failure to decrypt an intact file can honestly be put down to the passphrase.
 * (Someone who alters the file on purpose can recompute the digest; they still cannot read it or
 * make it open.) Version 1 files have no digest: for them we say we cannot tell which it is.
 */
const MAGIC = [0x50, 0x4c, 0x57, 0x53]; // "PLWS"
export const ENVELOPE_VERSION = 2;
const PREFIX = MAGIC.length + 1 + 4;
const DIGEST = 32;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
const headerSchema = z.object({
	kdf: z.object({ name: z.literal(KDF), iterations: z.number().int().positive(), salt: b64 }),
	cipher: z.object({ name: z.literal(CIPHER), iv: b64 }),
	about: z.object({
		/** When this file was written. */
		keptAt: z.iso.datetime(),
		/** When the newest data in it was imported (null: not known, e.g. nothing loaded). */
		importedAt: z.iso.datetime().nullable()
	})
});
export type EnvelopeHeader = z.infer<typeof headerSchema>;
export type EnvelopeAbout = EnvelopeHeader['about'];

/** Not a file this version can open: not ours, from a newer version, or damaged (see the subclasses). */
export class NotAWorkspace extends Error {
	constructor(why: string) {
		super(why);
		this.name = 'NotAWorkspace';
	}
}

/** One of ours, made by a newer version of Provision Lens. */
export class NewerVersion extends NotAWorkspace {
	constructor() {
		super('This data file was made by a newer version of Provision Lens: open it there, or update this copy.');
		this.name = 'NewerVersion';
	}
}

/** One of ours, but its bytes are not as they were written (cut short, altered): no passphrase opens it. */
export class DamagedFile extends NotAWorkspace {
	constructor(why: string) {
		super(`This data file is damaged: ${why}.`);
		this.name = 'DamagedFile';
	}
}

/** A version 1 file (no digest) that does not decrypt: a wrong passphrase or damage, and nothing can tell which. */
export class WrongOrDamaged extends Error {
	constructor() {
		super('This data file could not be opened: it is damaged or the passphrase is wrong. Nothing has been changed.');
		this.name = 'WrongOrDamaged';
	}
}

const toB64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** Encrypt `plain` with `key` into a self-describing file. */
export async function seal(plain: Uint8Array<ArrayBuffer>, key: PassphraseKey, about: EnvelopeAbout): Promise<Uint8Array<ArrayBuffer>> {
	// The IV is part of the authenticated header, so it is chosen first and the header built around it.
	const iv = randomBytes(12);
	const header: EnvelopeHeader = {
		kdf: { name: KDF, iterations: key.iterations, salt: toB64(key.salt) },
		cipher: { name: CIPHER, iv: toB64(iv) },
		about
	};
	const json = new TextEncoder().encode(JSON.stringify(header));
	const head = new Uint8Array(PREFIX + json.length);
	head.set(MAGIC, 0);
	head[MAGIC.length] = ENVELOPE_VERSION;
	new DataView(head.buffer).setUint32(MAGIC.length + 1, json.length);
	head.set(json, PREFIX);
	const sealed = await encrypt(key.key, iv, plain, head);
	const out = new Uint8Array(head.length + sealed.length + DIGEST);
	out.set(head, 0);
	out.set(sealed, head.length);
	out.set(await sha256(out.subarray(0, head.length + sealed.length)), head.length + sealed.length);
	return out;
}

/**
 * How many bytes from the start of a file hold its readable header (so the header can be read from
 * the first bytes alone), or NotAWorkspace when those first bytes are not ours. `start` needs at
 * least 9 bytes.
 */
export function headerLength(start: Uint8Array): number {
	if (start.length < PREFIX || MAGIC.some((b, i) => start[i] !== b)) throw new NotAWorkspace('This is not a Provision Lens data file.');
	const version = start[MAGIC.length];
	if (version > ENVELOPE_VERSION) throw new NewerVersion();
	if (version < 1) throw new NotAWorkspace('This is not a Provision Lens data file.');
	return PREFIX + new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(MAGIC.length + 1);
}

function parseHeader(file: Uint8Array, end: number): EnvelopeHeader {
	let parsed;
	try {
		parsed = headerSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(PREFIX, end))));
	} catch {
		parsed = null;
	}
	if (!parsed?.success) throw new DamagedFile('its header cannot be read');
	return parsed.data;
}

/** The readable header from the first bytes of a file (at least headerLength of them): no passphrase, no body needed. */
export function readHeaderStart(start: Uint8Array): EnvelopeHeader {
	const end = headerLength(start);
	if (end > start.length) throw new DamagedFile('it is cut short');
	return parseHeader(start, end);
}

/** The readable header of a kept-data file (no passphrase needed), or NotAWorkspace (DamagedFile, NewerVersion). */
export function readHeader(file: Uint8Array<ArrayBuffer>): {
	header: EnvelopeHeader;
	head: Uint8Array<ArrayBuffer>;
	body: Uint8Array<ArrayBuffer>;
	version: number;
} {
	const end = headerLength(file);
	const version = file[MAGIC.length];
	const tail = version >= 2 ? DIGEST : 0;
	// AES-GCM's ciphertext is at least its 16-byte tag.
	if (end + 16 + tail > file.length) throw new DamagedFile('it is cut short (while copying?)');
	const header = parseHeader(file, end);
	return { header, head: file.slice(0, end), body: file.slice(end, file.length - tail), version };
}

/**
 * Whether the file's bytes are as they were written: true (checked), false (a version 1 file, which
 * has no digest: cannot tell). Throws DamagedFile when they are not.
 */
export async function checkIntact(file: Uint8Array<ArrayBuffer>): Promise<boolean> {
	const { version } = readHeader(file);
	if (version < 2) return false;
	const digest = await sha256(file.slice(0, file.length - DIGEST));
	const stored = file.subarray(file.length - DIGEST);
	if (digest.some((b, i) => b !== stored[i])) throw new DamagedFile('its bytes are not as they were saved (cut short or altered)');
	return true;
}

/** An identifier of one saved copy (its random IV, new at every save), from its header. */
export function copyId(header: EnvelopeHeader): string {
	return header.cipher.iv;
}

async function decryptWith(file: Uint8Array<ArrayBuffer>, key: PassphraseKey, intact: boolean): Promise<{ plain: Uint8Array<ArrayBuffer>; header: EnvelopeHeader }> {
	const { header, head, body } = readHeader(file);
	try {
		return { plain: await decrypt(key.key, fromB64(header.cipher.iv), body, head), header };
	} catch (e) {
		if (e instanceof WrongPassphrase && !intact) throw new WrongOrDamaged();
		throw e;
	}
}

/**
 * Decrypt a kept-data file. Also returns the key, so later saves in this session need no second
 * slow derivation. Throws NotAWorkspace (DamagedFile when its bytes were altered or cut short,
 * before any passphrase is tried), WrongPassphrase (an intact file), or WrongOrDamaged (a version 1
 * file, which cannot tell).
 */
export async function open(file: Uint8Array<ArrayBuffer>, passphrase: string): Promise<{ plain: Uint8Array<ArrayBuffer>; key: PassphraseKey; header: EnvelopeHeader }> {
	const { header } = readHeader(file);
	const intact = await checkIntact(file);
	const key = await deriveKey(passphrase, fromB64(header.kdf.salt), header.kdf.iterations);
	const { plain } = await decryptWith(file, key, intact);
	return { plain, key, header };
}

/**
 * Decrypt with a key already derived (another tab saved the kept copy with the same passphrase and
 * salt). Null when the copy was sealed with another passphrase or salt: the key does not fit it.
 */
export async function openWithKey(file: Uint8Array<ArrayBuffer>, key: PassphraseKey): Promise<{ plain: Uint8Array<ArrayBuffer>; header: EnvelopeHeader } | null> {
	const { header } = readHeader(file);
	const intact = await checkIntact(file);
	if (header.kdf.iterations !== key.iterations || header.kdf.salt !== toB64(key.salt)) return null;
	try {
		return await decryptWith(file, key, intact);
	} catch (e) {
		if (e instanceof WrongPassphrase) return null;
		throw e;
	}
}
