/** UTF-16 code units encoded between the points where encoding may pause (a few milliseconds of work). */
const UNITS_PER_STEP = 1 << 20;

/**
 * Text → UTF-8 bytes, as steps (`runInTurns` on the page). A slice never ends between the two halves
 * of a surrogate pair, so each slice encodes as it would within the whole text. The bytes are written
 * into one buffer, as long as the text (enough for ASCII) and grown only when a slice does not fit:
 * encoding into slices and joining them held a file of tens of megabytes twice over.
 */
export function* utf8Steps(text: string): Generator<void, Uint8Array> {
	const encoder = new TextEncoder();
	let out = new Uint8Array(text.length);
	let size = 0;
	for (let at = 0; at < text.length;) {
		let end = Math.min(text.length, at + UNITS_PER_STEP);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
		let slice = text.slice(at, end);
		for (;;) {
			const { read, written } = encoder.encodeInto(slice, out.subarray(size));
			size += written;
			if (read === slice.length) break;
			slice = slice.slice(read);
			// A code unit takes at most 3 bytes (a surrogate pair, 4 for two units).
			const grown = new Uint8Array(Math.max(Math.ceil(out.length * 1.25), size + slice.length * 3));
			grown.set(out.subarray(0, size));
			out = grown;
		}
		at = end;
		yield;
	}
	return out.subarray(0, size);
}
