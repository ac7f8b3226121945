import { describe, expect, it } from 'vitest';
import { runAtOnce, runInTurns } from '../page-turns';
import { utf8Steps } from './utf8';

describe('text encoded in slices', () => {
	it('gives the same bytes as encoding the whole text, with a character of two halves on a slice boundary', async () => {
		const slice = 1 << 20;
		const text = `${'a'.repeat(slice - 1)}😀${'é£'.repeat(1000)}${'b'.repeat(slice)}`;
		expect(text.charCodeAt(slice - 1)).toBeGreaterThanOrEqual(0xd800);
		const whole = Buffer.from(new TextEncoder().encode(text));
		// Compared as buffers: a deep comparison of two million numbers takes the test runner half a minute.
		expect(whole.equals(runAtOnce(utf8Steps(text)))).toBe(true);
		expect(whole.equals(await runInTurns(utf8Steps(text)))).toBe(true);
		expect(whole.equals(runAtOnce(utf8Steps(text.slice(0, -1))))).toBe(false);
		expect(runAtOnce(utf8Steps(''))).toEqual(new Uint8Array(0));
		// Text that is all multi-byte grows the buffer more than once.
		const wide = '£😀€'.repeat(400_000);
		expect(Buffer.from(new TextEncoder().encode(wide)).equals(runAtOnce(utf8Steps(wide)))).toBe(true);
		expect(Buffer.from(runAtOnce(utf8Steps('plain ascii')))).toEqual(Buffer.from('plain ascii'));
	});
});
