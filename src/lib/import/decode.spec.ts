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

	it('reads a Windows-1252 file whose accented capital and curly quote happen to make a UTF-8 character as Windows-1252 throughout', () => {
		// "CAFÉ’S" is C9 92 in Windows-1252: valid UTF-8 for "ɒ", and "é’’" (E9 92 92) for a CJK character: not what a
		// school writes, so neither makes the file mixed, even on a line of its own.
		const enc = (t: string) => [...new TextEncoder().encode(t)];
		const bytes = new Uint8Array([...enc('a,b\r\nCAF'), 0xc9, 0x92, ...enc('S CLUB,5\r\nx'), 0xe9, 0x92, 0x92, ...enc(',5\r\ny,'), 0xa3, ...enc('5\r\n')]);
		expect(runAtOnce(decodeSteps(bytes))).toEqual({ text: 'a,b\r\nCAFÉ’S CLUB,5\r\nxé’’,5\r\ny,£5\r\n', encoding: 'windows-1252' });
	});

	it('reads each line of a file that mixes UTF-8 and Windows-1252 in its own, and gives where the odd ones start', () => {
		const enc = (t: string) => [...new TextEncoder().encode(t)];
		const bytes = new Uint8Array([...enc('a,b\nCafé,1\n'), ...enc('Caf'), 0xe9, ...enc(',2\rx,3\n')]);
		const { text, encoding, oddLines } = runAtOnce(decodeSteps(bytes));
		expect([text, encoding]).toEqual(['a,b\nCafé,1\nCafé,2\rx,3\n', 'utf-8 and windows-1252']);
		expect(oddLines?.map((l) => l.offset)).toEqual([text.indexOf('Café,2')]);
	});
});
