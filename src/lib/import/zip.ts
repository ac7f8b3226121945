import { Inflate } from 'fflate';

/**
 * Reading a zip archive (an .xlsx workbook) part by part, within a budget. The archive's index (its
 * central directory) says how large each part is once unpacked: that is checked against the budget
 * before anything is unpacked, and each part is held to what the index said while it is unpacked
 * (an index can lie), so a small file can never unpack into gigabytes.
 */

export interface ZipEntry {
	/** The part's name, as stored (forward slashes, no leading slash). */
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	/** The unpacked size the index declares. */
	size: number;
	localOffset: number;
}

/** Why an archive cannot be read: `kind` picks the message the import shows. */
export class ZipProblem extends Error {
	constructor(
		readonly kind: 'not-zip' | 'damaged' | 'encrypted' | 'method' | 'over-budget',
		message: string
	) {
		super(message);
	}
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

const damaged = (why: string) => new ZipProblem('damaged', why);

/** The archive's index: every part with its declared sizes. Reads only the index, unpacks nothing. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
	// The end record is in the last 22 bytes, or before a comment of up to 65,535 bytes.
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
		if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
			end = at;
			break;
		}
	}
	if (end < 0) throw new ZipProblem('not-zip', 'no zip index found');
	let count = u16(bytes, end + 10);
	let dirSize = u32(bytes, end + 12);
	let dirAt = u32(bytes, end + 16);
	// Zip64: the real numbers are in a record the locator (just before the end record) points to.
	if ((count === 0xffff || dirSize === 0xffffffff || dirAt === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
		const at64 = u64(bytes, end - 12);
		if (at64 + 56 > bytes.length || u32(bytes, at64) !== 0x06064b50) throw damaged('its zip64 index is damaged');
		count = u64(bytes, at64 + 32);
		dirSize = u64(bytes, at64 + 40);
		dirAt = u64(bytes, at64 + 48);
	}
	if (dirAt + dirSize > bytes.length) throw damaged('its index points past the end of the file (is the file cut short?)');
	const names = new TextDecoder();
	const entries: ZipEntry[] = [];
	let at = dirAt;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged('its index is damaged');
		const flags = u16(bytes, at + 8);
		const method = u16(bytes, at + 10);
		let compressedSize = u32(bytes, at + 20);
		let size = u32(bytes, at + 24);
		const nameLength = u16(bytes, at + 28);
		const extraLength = u16(bytes, at + 30);
		const commentLength = u16(bytes, at + 32);
		let localOffset = u32(bytes, at + 42);
		const name = names
			.decode(bytes.subarray(at + 46, at + 46 + nameLength))
			.replace(/\\/g, '/')
			.replace(/^\/+/, '');
		// Zip64 sizes and offset, in that order, for each field the header marks as too large.
		for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
			const id = u16(bytes, x);
			const len = u16(bytes, x + 2);
			if (id === 0x0001) {
				let f = x + 4;
				if (size === 0xffffffff) {
					size = u64(bytes, f);
					f += 8;
				}
				if (compressedSize === 0xffffffff) {
					compressedSize = u64(bytes, f);
					f += 8;
				}
				if (localOffset === 0xffffffff) localOffset = u64(bytes, f);
			}
			x += 4 + len;
		}
		entries.push({ name, method, flags, compressedSize, size, localOffset });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/**
 * Bytes of compressed data given to the inflater at a time: each step's output stays small (at most
 * ~1,000× this, 4 MB, a few tens of milliseconds of reading), so the page gets its turns.
 */
const SLICE = 4 * 1024;

/**
 * Unpack one part, as steps (the page may take a turn between them), handing each piece to `onData`.
 * Stops with a `damaged` problem as soon as the part unpacks to more than its declared size.
 */
export function* unpackSteps(bytes: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): Generator<void, void> {
	if (entry.flags & 1) throw new ZipProblem('encrypted', `${entry.name} is encrypted`);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw damaged(`the part ${entry.name} is not where the index says`);
	const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
	const end = start + entry.compressedSize;
	if (end > bytes.length) throw damaged(`the part ${entry.name} runs past the end of the file (is the file cut short?)`);
	const data = bytes.subarray(start, end);
	if (entry.method === 0) {
		if (data.length !== entry.size) throw damaged(`the part ${entry.name} is not the size its index says`);
		for (let i = 0; i < data.length; i += SLICE * 16) {
			onData(data.subarray(i, i + SLICE * 16));
			yield;
		}
		return;
	}
	if (entry.method !== 8) throw new ZipProblem('method', `${entry.name} is packed with method ${entry.method}`);
	let produced = 0;
	let over = false;
	const inflater = new Inflate((chunk) => {
		produced += chunk.length;
		if (produced > entry.size) {
			over = true;
			return;
		}
		onData(chunk);
	});
	for (let i = 0; i < data.length || i === 0; i += SLICE) {
		const last = i + SLICE >= data.length;
		try {
			inflater.push(data.subarray(i, i + SLICE), last);
		} catch (e) {
			// The inflater's own errors carry a numeric code; anything else was thrown by `onData` and goes on as it is.
			if (typeof (e as { code?: unknown }).code === 'number') throw damaged(`the part ${entry.name} cannot be unpacked`);
			throw e;
		}
		if (over) throw damaged(`the part ${entry.name} unpacks to more than the ${entry.size.toLocaleString('en-GB')} bytes its index says`);
		yield;
		if (last) break;
	}
}
