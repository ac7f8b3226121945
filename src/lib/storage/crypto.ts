/**
 * Passphrase → AES-GCM key, and sealing bytes with it, with the browser's own WebCrypto (also in
 * Node 20 as globalThis.crypto). The key is derived with PBKDF2-SHA256 at 600,000 iterations (the
 * OWASP 2023 figure): slow enough that guessing passphrases for a stolen file is costly, quick
 * enough (well under a second) to open your own data.
 */
export const KDF = 'PBKDF2-SHA256';
export const KDF_ITERATIONS = 600_000;
/** A file asking for more work than this is not ours (and would hang the page). */
const MAX_ITERATIONS = 10_000_000;
export const CIPHER = 'AES-256-GCM';

/** The one message a wrong passphrase gives: nothing is changed when it is shown. */
export const WRONG_PASSPHRASE = 'That passphrase does not open the kept data; nothing has been changed.';

export class WrongPassphrase extends Error {
	constructor() {
		super(WRONG_PASSPHRASE);
		this.name = 'WrongPassphrase';
	}
}

/** A key derived from a passphrase, with the salt and work it was made with (stored beside the data). */
export interface PassphraseKey {
	key: CryptoKey;
	salt: Uint8Array<ArrayBuffer>;
	iterations: number;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * The key for `passphrase`. Unicode is normalised (NFC) so the same passphrase typed on another
 * device, whose keyboard composes accents differently, still opens the data. The key cannot be
 * exported from WebCrypto: it lives only in this page's memory.
 */
export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer> = randomBytes(16), iterations = KDF_ITERATIONS): Promise<PassphraseKey> {
	if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new RangeError('unsupported key derivation work factor');
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
	const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
	return { key, salt, iterations };
}

/**
 * Encrypt with `iv` (12 random bytes, never reused with the same key: see randomBytes); `header` is
 * authenticated too, so it cannot be altered unnoticed.
 */
export async function encrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>, header: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plain));
}

/** Decrypt; any failure is a WrongPassphrase here (AES-GCM cannot tell a wrong key from altered bytes: envelope.ts tells them apart with the file's SHA-256). */
export async function decrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, sealed: Uint8Array<ArrayBuffer>, header: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	try {
		return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header }, key, sealed));
	} catch {
		throw new WrongPassphrase();
	}
}
