import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import { importSchools } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';

/**
 * Fuzz test of the import: clean provision exports with random damage (extra and missing cells,
 * stray and unterminated quotes, encodings, delimiters, line endings, blank lines, NaN and
 * continental numbers, huge cells), imported for real. For every file: rows read = loaded +
 * rejected; every loaded value is the value written; every reported line is the spreadsheet row
 * of the value; nothing throws. Many files go through one import (as one school's several files
 * for a table) so a few hundred cases take seconds, not minutes.
 */

type Delim = ',' | ';' | '\t';
type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';
type Damage = 'none' | 'extra-cell' | 'missing-cell' | 'stray-quote' | 'unterminated-quote';

interface Row {
	text: string;
	cost: { raw: string; value: number | null; warning: boolean };
	damage: Damage;
	blankBefore: boolean;
}
interface FileCase {
	delim: Delim;
	encoding: Encoding;
	crlf: boolean;
	rows: Row[];
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉ';
const inner = `${letters}  12,;"\n\t£’-[]`;
const letter = fc.constantFrom(...letters);
// Text starts and ends with a letter (a cell that starts with a delimiter would make an unterminated quote ambiguous).
const text = fc.oneof(
	{ weight: 20, arbitrary: fc.tuple(letter, fc.string({ unit: fc.constantFrom(...inner), maxLength: 30 }), letter).map(([a, m, b]) => a + m + b) },
	{ weight: 1, arbitrary: fc.integer({ min: 20_000, max: 60_000 }).map((n) => `Big${'x'.repeat(n)}cell`) }
);
const costs: Row['cost'][] = [
	{ raw: '', value: null, warning: false },
	{ raw: '1200', value: 1200, warning: false },
	{ raw: '1,200.50', value: 1200.5, warning: false },
	{ raw: '£1,200.50', value: 1200.5, warning: false },
	{ raw: '1 200', value: 1200, warning: false },
	{ raw: '45', value: 45, warning: false },
	{ raw: 'NaN', value: null, warning: true },
	{ raw: 'Infinity', value: null, warning: true },
	{ raw: '1.200,50', value: null, warning: true },
	{ raw: '12,50', value: null, warning: true },
	{ raw: '1,2,3', value: null, warning: true }
];
const row: fc.Arbitrary<Row> = fc.record({
	text,
	cost: fc.constantFrom(...costs),
	damage: fc.oneof({ weight: 12, arbitrary: fc.constant<Damage>('none') }, { weight: 1, arbitrary: fc.constantFrom<Damage>('extra-cell', 'missing-cell', 'stray-quote', 'unterminated-quote') }),
	blankBefore: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
});
const fileCase: fc.Arbitrary<FileCase> = fc.record({
	delim: fc.constantFrom<Delim>(',', ';', '\t'),
	encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
	crlf: fc.boolean(),
	rows: fc.array(row, { minLength: 1, maxLength: 8 })
});

const cell = (value: string) => (/[,;\t"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The file as written, and what the import must make of each row. */
function write(c: FileCase, prefix: string) {
	const nl = c.crlf ? '\r\n' : '\n';
	const lines = [['provision_id', 'intervention', 'need_area', 'start_date', 'other_costs_gbp'].join(c.delim)];
	const expected: { id: string; line: number; text: string; cost: Row['cost']; rejected: boolean }[] = [];
	let line = 1;
	c.rows.forEach((r, i) => {
		if (r.blankBefore) {
			lines.push('');
			line++;
		}
		line++;
		const id = `${prefix}_${i}`;
		const plain = r.text.replace(/[^A-Za-z]/g, '') || 'x';
		let intervention = cell(r.text);
		const cells = () => [id, intervention, 'SEMH', '08/09/2025', cell(r.cost.raw)];
		let out = cells();
		if (r.damage === 'extra-cell') out = [id, plain, 'more', 'SEMH', '08/09/2025', cell(r.cost.raw)];
		if (r.damage === 'missing-cell') out = [id, intervention, 'SEMH', cell(r.cost.raw)];
		if (r.damage === 'stray-quote') {
			intervention = `${plain}"q`;
			out = cells();
		}
		if (r.damage === 'unterminated-quote') {
			intervention = `"${plain}`;
			out = cells()
				.map((v, k) => (k === 4 ? v.replace(/"/g, '') : v))
				.slice(0, 4);
		}
		lines.push(out.join(c.delim));
		expected.push({ id, line, text: r.text, cost: r.cost, rejected: r.damage !== 'none' });
	});
	const body = lines.join(nl) + nl;
	return { bytes: encode(body, c.encoding), expected };
}

function encode(body: string, encoding: Encoding): Uint8Array {
	if (encoding === 'utf-8') return new TextEncoder().encode(body);
	if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${body}`);
	if (encoding === 'utf-16le') {
		const out = new Uint8Array(2 + body.length * 2);
		out[0] = 0xff;
		out[1] = 0xfe;
		for (let i = 0; i < body.length; i++) {
			out[2 + i * 2] = body.charCodeAt(i) & 0xff;
			out[3 + i * 2] = body.charCodeAt(i) >> 8;
		}
		return out;
	}
	const cp1252: Record<string, number> = { '£': 0xa3, é: 0xe9, É: 0xc9, '’': 0x92 };
	return Uint8Array.from([...body].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
}

/** How the import stores a cell: trimmed, tabs and non-breaking spaces read as spaces. */
const stored = (v: string) => v.replace(/[\t\u00a0]/g, ' ').trim();

describe('import fuzz test', () => {
	it('loses nothing and alters nothing, whatever the damage', { timeout: 120_000 }, async () => {
		// The Node tests' engine (native; the wasm build runs the same import SQL, held to it by engine-parity.test.ts).
		const db = await openTestDb();
		let round = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(fileCase, { minLength: 100, maxLength: 100 }), async (cases) => {
				const school = `fuzz${round++}`;
				const written = cases.map((c, k) => ({ name: `provisions_${k}.csv`, ...write(c, `F${k}`) }));
				await importSchools(db, [{ school, files: written.map((w) => ({ name: w.name, bytes: w.bytes })) }]);
				const loaded = await db.query<{ provision_id: string; source_file: string; source_line: number; intervention: string; other_costs_gbp: number | null }>(
					`SELECT provision_id, source_file, source_line, intervention, other_costs_gbp FROM provisions WHERE school = '${school}'`
				);
				const summary = await importSummary(db, school);
				const byId = new Map(loaded.map((r) => [r.provision_id, r]));
				for (const w of written) {
					const rejected = summary.rejected.filter((p) => p.file === w.name);
					const warnings = summary.warnings.filter((p) => p.file === w.name);
					for (const e of w.expected) {
						const got = byId.get(e.id);
						if (e.rejected) {
							expect(got, `${w.name} ${e.id}`).toBeUndefined();
							expect(
								rejected.map((p) => p.line),
								`${w.name} ${e.id}`
							).toContain(e.line);
						} else {
							expect(got, `${w.name} ${e.id}`).toEqual({ provision_id: e.id, source_file: w.name, source_line: e.line, intervention: stored(e.text), other_costs_gbp: e.cost.value });
							const warned = warnings.filter((p) => p.line === e.line).map((p) => p.column);
							expect(warned, `${w.name} ${e.id}`).toEqual(e.cost.warning ? ['other_costs_gbp'] : []);
						}
					}
					expect(rejected.length, w.name).toBe(w.expected.filter((e) => e.rejected).length);
				}
				expect(summary.tables.provisions).toEqual({
					read: written.reduce((n, w) => n + w.expected.length, 0),
					loaded: written.reduce((n, w) => n + w.expected.filter((e) => !e.rejected).length, 0),
					rejected: written.reduce((n, w) => n + w.expected.filter((e) => e.rejected).length, 0),
					warnings: written.reduce((n, w) => n + w.expected.filter((e) => !e.rejected && e.cost.warning).length, 0)
				});
				const [{ bad }] = await db.query<{ bad: number }>(`SELECT count(*)::INTEGER AS bad FROM provisions WHERE isnan(other_costs_gbp) OR isinf(other_costs_gbp)`);
				expect(bad).toBe(0);
			}),
			{ seed: 20261125, numRuns: 2, endOnFailure: true }
		);
	});
});
