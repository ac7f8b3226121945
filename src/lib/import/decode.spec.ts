import { describe, expect, it } from 'vitest';
import { decodeSteps } from './decode';
import { runAtOnce, runInTurns } from '../page-turns';

const SLICE = 4 * 1024 * 1024;

describe('decoding a file in slices', () => {
	it('joins a character that two slices split, and reads the encoding as a whole-file decode does', async () => {
		// "£" is two bytes in UTF-8: put its first byte last in the first slice.
		const text = `${'a'.repeat(SLICE - 1)}£${'b'.repeat(10)}é`;
		const bytes = new TextEncoder().encode(text);
		expect(bytes[SLICE - 1]).toBe(0xc2);
		expect(runAtOnce(decodeSteps(bytes))).toEqual({ text, encoding: 'utf-8' });
		expect(await runInTurns(decodeSteps(bytes))).toEqual({ text, encoding: 'utf-8' });
	});

	it('reads a file that is not valid UTF-8 past the first slice as Windows-1252, from its start', () => {
		const bytes = new Uint8Array(SLICE + 20).fill(0x61);
		bytes[0] = 0x93; // a curly opening quote in Windows-1252, invalid as UTF-8
		bytes[SLICE + 10] = 0xa3; // £
		const { text, encoding } = runAtOnce(decodeSteps(bytes));
		expect(encoding).toBe('windows-1252');
		expect(text.length).toBe(SLICE + 20);
		expect([text[0], text[SLICE + 10]]).toEqual(['“', '£']);
	});

	it('drops a byte-order mark and reads UTF-16 split at an odd byte', () => {
		const body = `${'x'.repeat(SLICE / 2)}€ok`;
		const bytes = new Uint8Array(2 + body.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < body.length; i++) [bytes[2 + 2 * i], bytes[3 + 2 * i]] = [body.charCodeAt(i) & 0xff, body.charCodeAt(i) >> 8];
		expect(runAtOnce(decodeSteps(bytes))).toEqual({ text: body, encoding: 'utf-16le' });
	});
});
