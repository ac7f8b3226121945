/**
 * JSON written as it is made, piece by piece, exactly as `JSON.stringify(value, null, 2)` would
 * write it: the analysis of a million targets is more than one string can hold (about 512 MB in
 * V8), so it is never built as one.
 */

export interface JsonOutput {
	write(text: string): unknown;
	/** A stream's drain event, when it has one: writing waits for it instead of filling memory. */
	once?(event: 'drain', listener: () => void): unknown;
}

/** The pieces of the JSON text of `value`, indented by two spaces a level. */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
	const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
	if (v === null || typeof v !== 'object') {
		// What JSON.stringify makes of a leaf: numbers (NaN and Infinity as null), strings, booleans; undefined and functions as null here (their place in an object is left out by the caller).
		yield JSON.stringify(v) ?? 'null';
		return;
	}
	const inner = `${indent}  `;
	if (Array.isArray(v)) {
		if (!v.length) {
			yield '[]';
			return;
		}
		yield '[\n';
		for (let i = 0; i < v.length; i++) {
			yield inner;
			yield* jsonPieces(v[i], inner);
			yield i < v.length - 1 ? ',\n' : '\n';
		}
		yield `${indent}]`;
		return;
	}
	const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
	if (!entries.length) {
		yield '{}';
		return;
	}
	yield '{\n';
	for (let i = 0; i < entries.length; i++) {
		yield `${inner}${JSON.stringify(entries[i][0])}: `;
		yield* jsonPieces(entries[i][1], inner);
		yield i < entries.length - 1 ? ',\n' : '\n';
	}
	yield `${indent}}`;
}

/** Write `value` as indented JSON and a line break, in pieces of about `chunk` characters. */
export async function writeJson(out: JsonOutput, value: unknown, chunk = 1 << 20): Promise<void> {
	let buffer: string[] = [];
	let size = 0;
	const flush = async () => {
		if (!size) return;
		const ok = out.write(buffer.join(''));
		buffer = [];
		size = 0;
		if (ok === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
	};
	for (const piece of jsonPieces(value)) {
		buffer.push(piece);
		size += piece.length;
		if (size >= chunk) await flush();
	}
	buffer.push('\n');
	size++;
	await flush();
}
