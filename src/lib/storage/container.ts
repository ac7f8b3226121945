/**
 * Several named byte blobs and a JSON manifest in one gzip-compressed block (before encryption:
 * encrypted bytes do not compress). Layout before compression: the length of a JSON index
 * (4 bytes, big-endian), the index { manifest, parts: [{ name, length }] }, then each part's bytes
 * in order. Compression is the platform's own CompressionStream (browsers and Node 20).
 */
export interface Packed {
	manifest: unknown;
	parts: Map<string, Uint8Array<ArrayBuffer>>;
}

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

export async function pack(manifest: unknown, parts: Map<string, Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
	const index = new TextEncoder().encode(JSON.stringify({ manifest, parts: [...parts].map(([name, b]) => ({ name, length: b.length })) }));
	const total = 4 + index.length + [...parts.values()].reduce((n, b) => n + b.length, 0);
	const out = new Uint8Array(total);
	new DataView(out.buffer).setUint32(0, index.length);
	out.set(index, 4);
	let at = 4 + index.length;
	for (const b of parts.values()) {
		out.set(b, at);
		at += b.length;
	}
	return through(out, new CompressionStream('gzip'));
}

export class DamagedContainer extends Error {}

export async function unpack(packed: Uint8Array<ArrayBuffer>): Promise<Packed> {
	let raw: Uint8Array<ArrayBuffer>;
	try {
		raw = await through(packed, new DecompressionStream('gzip'));
	} catch {
		throw new DamagedContainer('the data inside the file cannot be decompressed');
	}
	const view = new DataView(raw.buffer);
	const length = raw.length >= 4 ? view.getUint32(0) : Infinity;
	if (4 + length > raw.length) throw new DamagedContainer('the data inside the file is cut short');
	let index: { manifest: unknown; parts: { name: string; length: number }[] };
	try {
		index = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw.subarray(4, 4 + length)));
	} catch {
		throw new DamagedContainer('the index of the data inside the file cannot be read');
	}
	const parts = new Map<string, Uint8Array<ArrayBuffer>>();
	let at = 4 + length;
	for (const p of Array.isArray(index.parts) ? index.parts : []) {
		if (typeof p?.name !== 'string' || !Number.isInteger(p.length) || p.length < 0 || at + p.length > raw.length) {
			throw new DamagedContainer('the data inside the file does not match its index');
		}
		parts.set(p.name, raw.slice(at, at + p.length));
		at += p.length;
	}
	return { manifest: index.manifest, parts };
}
