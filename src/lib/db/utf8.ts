/** UTF-16 code units encoded between the points where encoding may pause (a few milliseconds of work). */
const UNITS_PER_STEP = 1 << 20;

/**
 * Text → UTF-8 bytes, as steps (`runInTurns` on the page). A slice never ends between the two halves
 * of a surrogate pair, so each slice encodes as it would within the whole text.
 */
export function* utf8Steps(text: string): Generator<void, Uint8Array> {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (let at = 0; at < text.length; ) {
		let end = Math.min(text.length, at + UNITS_PER_STEP);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
		const part = encoder.encode(text.slice(at, end));
		parts.push(part);
		size += part.length;
		at = end;
		yield;
	}
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(size);
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}
