import { z } from 'zod';
import { CIPHER, KDF, decrypt, deriveKey, encrypt, randomBytes, type PassphraseKey } from './crypto';

/**
 * The kept-data file: "PLWS", a format version byte, the length of a JSON header, the header, then
 * the AES-GCM ciphertext. The header holds only what is needed to open the file (the KDF's salt
 * and work, the IV) and two dates for the "data is kept" banner; school names and every row are
 * inside the ciphertext. The header is the ciphertext's authenticated data: change a byte of it
 * and the file no longer opens.
 */
const MAGIC = [0x50, 0x4c, 0x57, 0x53]; // "PLWS"
export const ENVELOPE_VERSION = 1;
const PREFIX = MAGIC.length + 1 + 4;

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

export class NotAWorkspace extends Error {
	constructor(why: string) {
		super(why);
		this.name = 'NotAWorkspace';
	}
}

const toB64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

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
	const out = new Uint8Array(head.length + sealed.length);
	out.set(head, 0);
	out.set(sealed, head.length);
	return out;
}

/** The readable header of a kept-data file (no passphrase needed), or NotAWorkspace. */
export function readHeader(file: Uint8Array<ArrayBuffer>): { header: EnvelopeHeader; head: Uint8Array<ArrayBuffer>; body: Uint8Array<ArrayBuffer> } {
	if (file.length < PREFIX || MAGIC.some((b, i) => file[i] !== b)) throw new NotAWorkspace('This is not a Provision Lens data file.');
	if (file[MAGIC.length] !== ENVELOPE_VERSION) {
		throw new NotAWorkspace('This data file was made by a newer version of Provision Lens: open it there, or update this copy.');
	}
	const length = new DataView(file.buffer, file.byteOffset).getUint32(MAGIC.length + 1);
	if (PREFIX + length > file.length) throw new NotAWorkspace('This data file is incomplete (cut short while copying?).');
	let parsed;
	try {
		parsed = headerSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(PREFIX, PREFIX + length))));
	} catch {
		parsed = null;
	}
	if (!parsed?.success) throw new NotAWorkspace('This data file is damaged: its header cannot be read.');
	return { header: parsed.data, head: file.slice(0, PREFIX + length), body: file.slice(PREFIX + length) };
}

/** Decrypt a kept-data file. Also returns the key, so later saves in this session need no second slow derivation. */
export async function open(file: Uint8Array<ArrayBuffer>, passphrase: string): Promise<{ plain: Uint8Array<ArrayBuffer>; key: PassphraseKey; header: EnvelopeHeader }> {
	const { header, head, body } = readHeader(file);
	const key = await deriveKey(passphrase, fromB64(header.kdf.salt), header.kdf.iterations);
	const plain = await decrypt(key.key, fromB64(header.cipher.iv), body, head);
	return { plain, key, header };
}
