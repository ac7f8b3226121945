/**
 * Pupil pseudonyms for plans read from Word: a keyed hash (HMAC-SHA-256) of the child's normalised
 * name and date of birth under the school's secret key. The same child gets the same id in every
 * document and every term; without the key nobody can recompute an id from a name. The name and the
 * date of birth are used here, in memory, and nowhere else: they are never stored, shown or logged.
 */

const ENCODER = new TextEncoder();
const KEY_BYTES = 32;
/**
 * Letters only: an id with digits in it can look like a phone number or a UPN to the personal-data guard
 * (a plan's id adds its start date's eight digits), and would then stop the import.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** 11 letters after the W: about 51 bits, so a collision among a trust's pupils is vanishingly unlikely. */
const ID_LETTERS = 11;

export interface SchoolKey {
	/** The secret, 32 random bytes. */
	secret: Uint8Array;
	/** A short public check of the key (not the key): shown beside ids so a different key is noticed. */
	check: string;
	/** ISO date the key was made. */
	created: string;
}

/** The key file a SENDCo may save to use another computer or the command line. */
export interface SchoolKeyFile {
	kind: 'provision-lens-school-key';
	version: 1;
	/** The secret in base64. */
	key: string;
	check: string;
	created: string;
}

async function hmac(secret: Uint8Array, text: string): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign('HMAC', key, ENCODER.encode(text)));
}

/** The first bytes of a hash written in `count` letters (base 26). */
function letters(bytes: Uint8Array, count: number): string {
	let value = 0n;
	for (const byte of bytes.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
	let out = '';
	for (let i = 0; i < count; i++) {
		out += LETTERS[Number(value % 26n)];
		value /= 26n;
	}
	return out;
}

/**
 * A name as the hash sees it: accents and case dropped, anything but letters a word break, the words
 * sorted, so "SMITH, Amy-Jo" and "Amy Jo Smith" are one child.
 */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}]+/u)
		.filter(Boolean)
		.sort()
		.join(' ');
}

async function keyCheck(secret: Uint8Array): Promise<string> {
	return letters(await hmac(secret, 'provision-lens key check'), 8);
}

export async function makeSchoolKey(today: string): Promise<SchoolKey> {
	const secret = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
	return { secret, check: await keyCheck(secret), created: today };
}

/** The pupil id of a child, from the name and the date of birth (ISO `YYYY-MM-DD`, or '' when the document gives none). */
export async function pupilPseudonym(key: SchoolKey, name: string, dateOfBirth: string): Promise<string> {
	return 'W' + letters(await hmac(key.secret, `${normaliseName(name)}|${dateOfBirth.trim()}`), ID_LETTERS);
}

function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s);
}

function fromBase64(text: string): Uint8Array {
	const s = atob(text);
	return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export function keyFile(key: SchoolKey): SchoolKeyFile {
	return { kind: 'provision-lens-school-key', version: 1, key: toBase64(key.secret), check: key.check, created: key.created };
}

/** A key read back from its file, or why it cannot be used (a changed or damaged file gives a different check). */
export async function readKeyFile(text: string): Promise<SchoolKey | { problem: string }> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { problem: 'This is not a Provision Lens school key file.' };
	}
	const file = parsed as Partial<SchoolKeyFile>;
	if (file?.kind !== 'provision-lens-school-key' || file.version !== 1 || typeof file.key !== 'string') return { problem: 'This is not a Provision Lens school key file.' };
	let secret: Uint8Array;
	try {
		secret = fromBase64(file.key);
	} catch {
		return { problem: 'The school key file is damaged: its key cannot be read.' };
	}
	if (secret.length !== KEY_BYTES) return { problem: 'The school key file is damaged: its key is the wrong length.' };
	const check = await keyCheck(secret);
	if (file.check !== undefined && file.check !== check) return { problem: 'The school key file is damaged: its key does not match its check.' };
	return { secret, check, created: typeof file.created === 'string' ? file.created : '' };
}
