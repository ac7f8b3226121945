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
	// UTF-16 without a BOM: ASCII text has a zero in every other byte.
	const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] !== 0) continue;
		if (i % 2) oddZeros++;
		else evenZeros++;
	}
	if (oddZeros > sample.length / 4) return 'utf-16le';
	if (evenZeros > sample.length / 4) return 'utf-16be';
	return null;
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

/**
 * Bytes → text and the encoding read, as steps (`runInTurns` on the page). Without a mark, text that
 * is valid UTF-8 is UTF-8 (decoded once, strictly); anything else is Windows-1252.
 */
export function* decodeSteps(bytes: Uint8Array): Generator<void, { text: string; encoding: Encoding }> {
	const marked = encodingByMarks(bytes);
	if (marked) return { text: yield* decodeInSlices(bytes, marked, false), encoding: marked };
	try {
		return { text: yield* decodeInSlices(bytes, 'utf-8', true), encoding: 'utf-8' };
	} catch {
		// Node's decoder treats windows-1252 as latin-1; browsers do not. Make both agree.
		const text = (yield* decodeInSlices(bytes, 'windows-1252', false)).replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]);
		return { text, encoding: 'windows-1252' };
	}
}

/** Zip files (.xlsx) start with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
