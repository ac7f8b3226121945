/**
 * Bytes of a CSV file → text. Schools' exports come as UTF-8 (with or without BOM), UTF-16
 * (Excel's "Unicode text") or Windows-1252 (older Excel "CSV", where £ is byte 0xA3).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	// UTF-16 without a BOM: ASCII text has a zero in every other byte.
	const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? oddZeros++ : evenZeros++);
	if (oddZeros > sample.length / 4) return 'utf-16le';
	if (evenZeros > sample.length / 4) return 'utf-16be';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

/** Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes…), which some decoders read as latin-1 controls. */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
	const encoding = detectEncoding(bytes);
	// TextDecoder drops the BOM itself (ignoreBOM defaults to false).
	let text = new TextDecoder(encoding).decode(bytes);
	// Node's decoder treats windows-1252 as latin-1; browsers do not. Make both agree.
	if (encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]);
	return { text, encoding };
}

/** Zip files (.xlsx) start with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
