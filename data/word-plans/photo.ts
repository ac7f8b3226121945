// A stand-in for the child's photo the APDR template asks for: a small plain PNG. A reader must pass
// over pictures (a photo is never loaded), so the fixtures carry one.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A `size` × `size` PNG of one colour (8-bit RGB). */
export function plainPng(size = 16, rgb: [number, number, number] = [176, 196, 222]): Uint8Array {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB
	const row = Buffer.from([0, ...Array.from({ length: size }, () => rgb).flat()]);
	const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
	return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}
