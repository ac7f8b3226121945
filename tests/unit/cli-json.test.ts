import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeJson } from '../../src/cli/json-out';

// `lens analyse --json` at about a million targets failed with "an unexpected error": the JSON was
// longer than one string can be (issue 23). It is now written piece by piece, the same text.

describe('JSON written in pieces', () => {
	it('is exactly what JSON.stringify(value, null, 2) writes, for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v, null, 2));
			}),
			{ seed: 23, numRuns: 300 }
		);
		const odd = { a: undefined, b: () => 1, c: [undefined, NaN, Infinity, -0], d: new Date(Date.UTC(2026, 0, 15)), e: {}, f: [], g: 'quote " and \u2028 line' };
		expect([...jsonPieces(odd)].join('')).toBe(JSON.stringify(odd, null, 2));
	});

	it('never holds the whole text: a large result goes out in pieces of about the chunk size, waiting for the stream to drain', async () => {
		const rows = Array.from({ length: 50_000 }, (_, i) => ({ school: 'S', target_id: `T${i}`, findings: ['time-bound', 'measurable'], score: i / 7 }));
		const pieces: string[] = [];
		let drains = 0;
		const out = {
			write: (t: string) => (pieces.push(t), pieces.length % 2 === 0),
			once: (_: 'drain', go: () => void) => (drains++, setTimeout(go, 0))
		};
		await writeJson(out, { quality: { targets: rows } }, 64 * 1024);
		expect(pieces.length).toBeGreaterThan(50);
		expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024 + 1024);
		expect(drains).toBeGreaterThan(10);
		expect(pieces.join('')).toBe(`${JSON.stringify({ quality: { targets: rows } }, null, 2)}\n`);
	});
});
