/**
 * Bytes of a CSV file → text. Schools' exports come as UTF-8 (with or without BOM), UTF-16
 * (Excel's "Unicode text") or Windows-1252 (older Excel "CSV", where £ is byte 0xA3).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes…), which some decoders read as latin-1 controls. */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** What the first bytes say: a byte-order mark, or UTF-16's zero in every other byte; null when only decoding can tell. */
function encodingByMarks(bytes: Uint8Array): Encoding | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	// UTF-16 without a BOM: every character below U+0100 (the header, digits, commas, tabs, line breaks) has a
	// zero byte, always on the same side. Text in UTF-8 or Windows-1252 has no zero bytes at all, and a binary
	// file has them on both sides. So zeros on one side only are UTF-16, even when most of the text is in
	// another script (a target written in Ukrainian or Urdu has no zero byte in most of its characters).
	const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] !== 0) continue;
		if (i % 2) oddZeros++;
		else evenZeros++;
	}
	const pairs = sample.length / 2;
	const oneSided = (zeros: number, other: number) => zeros > pairs / 2 || (zeros >= Math.max(2, pairs / 32) && other <= zeros / 50);
	if (oneSided(oddZeros, evenZeros)) return 'utf-16le';
	if (oneSided(evenZeros, oddZeros)) return 'utf-16be';
	return null;
}

/** Whether a file's first bytes say UTF-16 (its mark, or zeros on one side only). */
export function startsAsUtf16(bytes: Uint8Array): boolean {
	const marked = encodingByMarks(bytes);
	return marked === 'utf-16le' || marked === 'utf-16be';
}

/** Bytes decoded between the points where decoding may pause (a few milliseconds of work). */
const BYTES_PER_STEP = 4 * 1024 * 1024;

/** Decode in slices (a multi-byte character split between two is joined by the decoder's stream). */
function* decodeInSlices(bytes: Uint8Array, encoding: Encoding, fatal: boolean): Generator<void, string> {
	// TextDecoder drops the BOM itself (ignoreBOM defaults to false).
	const decoder = new TextDecoder(encoding, { fatal });
	const parts: string[] = [];
	for (let at = 0; at < bytes.length; at += BYTES_PER_STEP) {
		parts.push(decoder.decode(bytes.subarray(at, at + BYTES_PER_STEP), { stream: true }));
		yield;
	}
	parts.push(decoder.decode());
	return parts.join('');
}

/** Text that mixes UTF-8 and Windows-1252 lines: each line read as it is written. */
export const MIXED = 'utf-8 and windows-1252' as const;

/** A line of a file that mixes two encodings, read in the one that is not the file's usual one (or in both). */
export interface OddLine {
	/** Where the line starts in the decoded text (UTF-16 code units). */
	offset: number;
	reason: string;
}

export interface Decoded {
	text: string;
	encoding: Encoding | typeof MIXED;
	/** Only when the file mixes UTF-8 and Windows-1252: its lines read in the less usual one, or in both. */
	oddLines?: OddLine[];
}

/**
 * Bytes → text and the encoding read, as steps (`runInTurns` on the page). Without a mark, text that
 * is valid UTF-8 is UTF-8 (decoded once, strictly); text none of whose lines is UTF-8 is Windows-1252;
 * a file of both (a UTF-8 export with rows pasted in from an older Excel "CSV") is read line by line,
 * each line in its own encoding, and the lines read otherwise than most are named (`oddLines`).
 */
export function* decodeSteps(bytes: Uint8Array): Generator<void, Decoded> {
	const marked = encodingByMarks(bytes);
	if (marked) return { text: yield* decodeInSlices(bytes, marked, false), encoding: marked };
	try {
		return { text: yield* decodeInSlices(bytes, 'utf-8', true), encoding: 'utf-8' };
	} catch {
		if (yield* hasUtf8Line(bytes)) return yield* decodeMixed(bytes, yield* lineKinds(bytes));
		return { text: from1252(yield* decodeInSlices(bytes, 'windows-1252', false)), encoding: 'windows-1252' };
	}
}

/** Node's decoder treats windows-1252 as latin-1; browsers do not. Make both agree. */
const from1252 = (text: string) => text.replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]);

/** How a line's bytes read: plain ASCII, UTF-8 through and through, Windows-1252, or both. */
type LineKind = 'ascii' | 'utf8' | 'cp1252' | 'both';

/**
 * Length (2–4) of the UTF-8 character at `i` when it is valid and one that a school's text holds: accented
 * letters and symbols (U+00A0–U+017F: é, £, ł, ŵ), Greek, Cyrillic, Hebrew and Arabic, punctuation, currency
 * and the like (’, “, –, €, ™); else 0. Bytes that only happen to form UTF-8 read as Windows-1252: an accented
 * capital and a curly quote, `É’` (C9 92), make "ɒ"; `é’’` makes a CJK character.
 */
function ordinaryUtf8At(b: Uint8Array, i: number, end: number): number {
	const c = b[i];
	if (c < 0xc2 || c > 0xef) return 0;
	const c1 = i + 1 < end ? b[i + 1] : 0;
	if ((c1 & 0xc0) !== 0x80) return 0;
	if (c <= 0xdf) {
		const cp = ((c & 0x1f) << 6) | (c1 & 0x3f);
		return (cp >= 0xa0 && cp <= 0x17f) || (cp >= 0x370 && cp <= 0x6ff) ? 2 : 0;
	}
	const c2 = i + 2 < end ? b[i + 2] : 0;
	if ((c2 & 0xc0) !== 0x80) return 0;
	const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
	return cp >= 0x2000 && cp <= 0x214f ? 3 : 0;
}

function kindOf(b: Uint8Array, start: number, end: number): LineKind {
	let utf8 = false;
	let other = false;
	for (let i = start; i < end;) {
		if (b[i] < 0x80) {
			i++;
			continue;
		}
		const n = ordinaryUtf8At(b, i, end);
		if (n) {
			utf8 = true;
			i += n;
		} else {
			other = true;
			i++;
		}
	}
	return utf8 ? (other ? 'both' : 'utf8') : other ? 'cp1252' : 'ascii';
}

/**
 * Whether some line is UTF-8 through and through: an ordinary UTF-8 character and no byte outside ASCII that is
 * not part of one. Only then is a file that is not UTF-8 read line by line.
 */
function* hasUtf8Line(b: Uint8Array): Generator<void, boolean> {
	const n = b.length;
	let utf8 = false;
	let other = false;
	let pause = BYTES_PER_STEP;
	for (let i = 0; i < n;) {
		if (i >= pause) {
			pause += BYTES_PER_STEP;
			yield;
		}
		const c = b[i];
		if (c < 0x80) {
			if (c === 0x0a || c === 0x0d) {
				if (utf8 && !other) return true;
				utf8 = other = false;
			}
			i++;
			continue;
		}
		// A character's bytes after the first are all 0x80 or more: it never runs over a line break.
		const k = ordinaryUtf8At(b, i, n);
		if (k) {
			utf8 = true;
			i += k;
		} else {
			other = true;
			i++;
		}
	}
	return utf8 && !other;
}

/** A file's lines: where each ends (past its line break), and how its bytes read. */
interface LineKinds {
	ends: number[];
	kinds: LineKind[];
	utf8: number;
	cp1252: number;
	both: number;
}

/** Lines between the points where the work may pause. */
const LINES_PER_STEP = 16384;

function* lineKinds(bytes: Uint8Array): Generator<void, LineKinds> {
	const out: LineKinds = { ends: [], kinds: [], utf8: 0, cp1252: 0, both: 0 };
	const n = bytes.length;
	for (let start = 0; start < n;) {
		// A line ends after \n, \r\n or a lone \r: ASCII in both encodings, so never inside a character.
		let end = start;
		while (end < n && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
		if (end < n) end += bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1;
		const kind = kindOf(bytes, start, end);
		if (kind !== 'ascii') out[kind]++;
		out.ends.push(end);
		out.kinds.push(kind);
		start = end;
		if (out.ends.length % LINES_PER_STEP === 0) yield;
	}
	return out;
}

/** One line that has both: each ordinary UTF-8 character as UTF-8, every other byte as Windows-1252. */
function decodeBoth(b: Uint8Array, start: number, end: number, utf8: TextDecoder): string {
	let out = '';
	for (let i = start; i < end;) {
		const n = b[i] < 0x80 ? 0 : ordinaryUtf8At(b, i, end);
		if (n) {
			out += utf8.decode(b.subarray(i, i + n));
			i += n;
		} else {
			out += b[i] >= 0x80 && b[i] <= 0x9f ? cp1252High[b[i] - 0x80] : String.fromCharCode(b[i]);
			i++;
		}
	}
	return out;
}

function* decodeMixed(bytes: Uint8Array, lines: LineKinds): Generator<void, Decoded> {
	const utf8 = new TextDecoder('utf-8');
	const cp1252 = new TextDecoder('windows-1252');
	// The lines named are those in the less usual encoding (and any line in both): usually a few rows pasted in.
	const usual = lines.utf8 >= lines.cp1252 ? 'utf8' : 'cp1252';
	const reasons = {
		utf8: 'this row is in UTF-8 while most of the file is in Windows-1252 (an older Excel "CSV"): each was read in its own, so check its accents and symbols (é, £, ’) and save the file as "CSV UTF-8"',
		cp1252:
			'this row is in Windows-1252 (an older Excel "CSV") while most of the file is in UTF-8: each was read in its own, so check its accents and symbols (é, £, ’) and save the file as "CSV UTF-8"',
		both: 'this row mixes UTF-8 and Windows-1252 (an older Excel "CSV") characters: each character was read in its own, so check its accents and symbols (é, £, ’) and save the file as "CSV UTF-8"'
	};
	const parts: string[] = [];
	const oddLines: OddLine[] = [];
	let length = 0;
	let start = 0;
	for (let i = 0; i < lines.ends.length; i++) {
		const end = lines.ends[i];
		const kind = lines.kinds[i];
		const part = kind === 'both' ? decodeBoth(bytes, start, end, utf8) : kind === 'cp1252' ? from1252(cp1252.decode(bytes.subarray(start, end))) : utf8.decode(bytes.subarray(start, end));
		if (kind === 'both' || (kind !== 'ascii' && kind !== usual)) oddLines.push({ offset: length, reason: reasons[kind] });
		parts.push(part);
		length += part.length;
		start = end;
		if ((i + 1) % LINES_PER_STEP === 0) yield;
	}
	return { text: parts.join(''), encoding: MIXED, oddLines };
}

/** Zip files (.xlsx) start with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
