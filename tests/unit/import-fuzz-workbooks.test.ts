import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import { importSchools, notLoaded } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { letters, workbookParts, xmlText, zipOf } from './xlsx-build';

/**
 * Fuzz test of the workbook reader, as import-fuzz.test.ts is of CSV: random workbooks of a
 * provisions sheet written the many ways Excel and other writers write cells (shared or inline
 * text, rich text runs, number formats: dates, date-times, percentages, currency; formulas with and
 * without their saved result; errors), with blank rows, dimensions that lie, stray formatted empty
 * cells up to the sheet's last cell, cells without their reference, blank rows above the header, and
 * sheets that are not tables.
 * For every workbook: every row is loaded with the value Excel shows on the row Excel shows; every
 * value not known is a warning on its row and column; every sheet that is not a table is listed as
 * not read; nothing throws; it takes moments.
 */

type Cost =
	| { kind: 'number'; n: number }
	| { kind: 'currency'; n: number }
	| { kind: 'percent'; v: number }
	| { kind: 'formula'; n: number }
	| { kind: 'formula-no-result' }
	| { kind: 'error'; e: string }
	| { kind: 'text'; t: string; n: number }
	| { kind: 'blank' };
type DateCell = { kind: 'serial' | 'custom' | 'datetime' | 'iso-text' | 'uk-text' | 'd-type'; day: number };
type TextCell = { kind: 'shared' | 'inline' | 'rich'; text: string };

interface Row {
	intervention: TextCell;
	start: DateCell;
	cost: Cost;
	/** Blank rows before this one. */
	gap: number;
	/** Leave out the cells' references (a writer may; they follow on). */
	noRefs: boolean;
}
interface Book {
	rows: Row[];
	dimension: string;
	/** A formatted empty cell somewhere far (up to XFD1048576): it must cost nothing. */
	stray: { row: number; col: number } | null;
	extraSheets: ('Instructions' | 'Lists' | 'Chart data')[];
	/** Blank rows above the header. */
	lead: number;
	sheetFirst: boolean;
}

const letterSet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉ';
const inner = `${letterSet}  &<>"’-_[]`;
const letter = fc.constantFrom(...letterSet);
const words = fc.tuple(letter, fc.string({ unit: fc.constantFrom(...inner), maxLength: 25 }), letter).map(([a, m, b]) => a + m + b);

const cost: fc.Arbitrary<Cost> = fc.oneof(
	fc.integer({ min: 0, max: 100_000 }).map((n) => ({ kind: 'number' as const, n: n / 4 })),
	fc.integer({ min: 0, max: 100_000 }).map((n) => ({ kind: 'currency' as const, n: n / 100 })),
	fc.constantFrom(0.5, 0.125, 0.07, 1.2, 0.83).map((v) => ({ kind: 'percent' as const, v })),
	fc.integer({ min: 1, max: 5000 }).map((n) => ({ kind: 'formula' as const, n })),
	fc.constant({ kind: 'formula-no-result' as const }),
	fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!').map((e) => ({ kind: 'error' as const, e })),
	fc.constantFrom<[string, number]>(['£1,200.50', 1200.5], ['1 200', 1200], ['45', 45]).map(([t, n]) => ({ kind: 'text' as const, t, n })),
	fc.constant({ kind: 'blank' as const })
);
const row: fc.Arbitrary<Row> = fc.record({
	intervention: fc.record({ kind: fc.constantFrom<TextCell['kind']>('shared', 'inline', 'rich'), text: words }),
	start: fc.record({ kind: fc.constantFrom<DateCell['kind']>('serial', 'custom', 'datetime', 'iso-text', 'uk-text', 'd-type'), day: fc.integer({ min: 0, max: 3000 }) }),
	cost,
	gap: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
	noRefs: fc.boolean()
});
const book: fc.Arbitrary<Book> = fc.record({
	rows: fc.array(row, { minLength: 1, maxLength: 8 }),
	dimension: fc.constantFrom('A1:E9', 'A1', 'A1:XFD1048576', 'B2:C3'),
	stray: fc.option(fc.record({ row: fc.integer({ min: 20, max: 1_048_576 }), col: fc.integer({ min: 1, max: 16_384 }) }), { nil: null }),
	extraSheets: fc.subarray(['Instructions', 'Lists', 'Chart data'] as const),
	sheetFirst: fc.boolean(),
	lead: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) })
});

const EPOCH = Date.UTC(1899, 11, 30);
const BASE_DAY = Date.UTC(2023, 0, 1);
const iso = (day: number) => new Date(BASE_DAY + day * 86_400_000).toISOString().slice(0, 10);
const serial = (day: number) => (BASE_DAY + day * 86_400_000 - EPOCH) / 86_400_000;

// Cell styles: 0 general, 1 date (14), 2 dd/mm/yyyy, 3 date-time (22), 4 percent (9), 5 currency, 6 0.0%.
const numFmts = { 164: 'dd/mm/yyyy', 165: '"£"#,##0.00;[Red]\\-"£"#,##0.00', 166: '0.0%' };
const cellStyles = [0, 14, 164, 22, 9, 165, 166];

/** The workbook as written, and what the import must make of each row. */
function write(b: Book, prefix: string) {
	const shared: string[] = [];
	const share = (xml: string) => {
		shared.push(xml);
		return shared.length - 1;
	};
	const expected: { id: string; line: number; text: string; start: string; cost: number | null; unknown: boolean; warned: boolean }[] = [];
	const textCell = (t: TextCell) => {
		if (t.kind === 'inline') return { attrs: 't="inlineStr"', body: `<is><t xml:space="preserve">${xmlText(t.text)}</t></is>` };
		if (t.kind === 'shared') return { attrs: 't="s"', body: `<v>${share(`<t xml:space="preserve">${xmlText(t.text)}</t>`)}</v>` };
		// Rich text: the text in two runs, with a phonetic guide that is not part of it.
		const cut = Math.ceil(t.text.length / 2);
		return {
			attrs: 't="s"',
			body: `<v>${share(`<r><rPr><b/></rPr><t xml:space="preserve">${xmlText(t.text.slice(0, cut))}</t></r><r><t xml:space="preserve">${xmlText(t.text.slice(cut))}</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh>`)}</v>`
		};
	};
	const header = ['provision_id', 'intervention', 'need_area', 'start_date', 'other_costs_gbp'].map((h) => textCell({ kind: 'shared', text: h }));
	const headerRow = b.lead + 1;
	const xmlRows: string[] = [`<row r="${headerRow}">${header.map((c, i) => `<c r="${letters(i + 1)}${headerRow}" ${c.attrs}>${c.body}</c>`).join('')}</row>`];
	let line = headerRow;
	b.rows.forEach((r, i) => {
		line += r.gap + 1;
		const id = `${prefix}_${i}`;
		const start = (() => {
			const d = r.start.day;
			switch (r.start.kind) {
				case 'serial':
					return { attrs: 's="1"', body: `<v>${serial(d)}</v>` };
				case 'custom':
					return { attrs: 's="2"', body: `<v>${serial(d)}</v>` };
				case 'datetime':
					return { attrs: 's="3"', body: `<v>${serial(d) + 0.375}</v>` };
				case 'iso-text':
					return textCell({ kind: 'inline', text: iso(d) });
				case 'uk-text':
					return textCell({ kind: 'shared', text: iso(d).split('-').reverse().join('/') });
				case 'd-type':
					return { attrs: 't="d"', body: `<v>${iso(d)}T00:00:00</v>` };
			}
		})();
		const c = r.cost;
		let value: number | null = null;
		let unknown = false;
		const costCell = (() => {
			switch (c.kind) {
				case 'number':
					value = c.n;
					return { attrs: '', body: `<v>${c.n}</v>` };
				case 'currency':
					value = c.n;
					return { attrs: 's="5"', body: `<v>${c.n}</v>` };
				case 'percent':
					value = Number((c.v * 100).toPrecision(15));
					return { attrs: c.v === 0.125 ? 's="6"' : 's="4"', body: `<v>${c.v}</v>` };
				case 'formula':
					value = c.n;
					return { attrs: '', body: `<f>${c.n}*1</f><v>${c.n}</v>` };
				case 'formula-no-result':
					unknown = true;
					return { attrs: '', body: '<f>SUM(Z1:Z9)</f>' };
				case 'error':
					unknown = true;
					return { attrs: 't="e"', body: `<f>1/0</f><v>${xmlText(c.e)}</v>` };
				case 'text':
					value = c.n;
					return textCell({ kind: 'inline', text: c.t });
				case 'blank':
					return null;
			}
		})();
		const cells = [textCell({ kind: 'inline', text: id }), textCell(r.intervention), textCell({ kind: 'shared', text: 'SEMH' }), start, costCell];
		const body = cells.map((cell, k) => (cell ? `<c${r.noRefs ? '' : ` r="${letters(k + 1)}${line}"`} ${cell.attrs}>${cell.body}</c>` : r.noRefs ? '<c/>' : '')).join('');
		xmlRows.push(`<row r="${line}">${body}</row>`);
		expected.push({ id, line, text: r.intervention.text.trim(), start: iso(r.start.day), cost: value, unknown, warned: unknown });
	});
	if (b.stray) {
		const { row: sr, col: sc } = b.stray;
		const at = Math.max(sr, line + 1);
		xmlRows.push(`<row r="${at}" s="1" customFormat="1"><c r="${letters(sc)}${at}" s="1"/></row>`);
	}
	const table = { name: 'provisions', before: `<dimension ref="${b.dimension}"/>`, data: xmlRows.join('') };
	const extras = b.extraSheets.map((name) => ({
		name,
		rows:
			name === 'Lists'
				? [
						['Need areas', 'Waves'],
						['SEMH', 1],
						['C&L', 2]
					]
				: name === 'Instructions'
					? [['How to fill in this workbook'], [null], ['One row per run of an intervention']]
					: [
							['Term', 'Cost'],
							['Autumn', 100]
						]
	}));
	const sheets = b.sheetFirst ? [table, ...extras] : [...extras, table];
	return { bytes: zipOf(workbookParts({ sheets, numFmts, cellStyles, sharedStrings: shared }), { deflate: true }), expected, extras: b.extraSheets };
}

describe('import fuzz test of workbooks', () => {
	it('reads every workbook as Excel shows it, loses nothing and says what it did not read', { timeout: 120_000 }, async () => {
		const db = await openTestDb();
		let round = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(book, { minLength: 25, maxLength: 25 }), async (books) => {
				const school = `wbfuzz${round++}`;
				const written = books.map((b, k) => ({ name: `book_${k}.xlsx`, ...write(b, `W${k}`) }));
				const started = performance.now();
				const [plan] = await importSchools(db, [{ school, files: written.map((w) => ({ name: w.name, bytes: w.bytes })) }]);
				// Twenty-five workbooks, several of them with a cell on row 1,048,576: seconds, not minutes.
				expect(performance.now() - started).toBeLessThan(60_000);
				const loaded = await db.query<{ provision_id: string; source_file: string; source_line: number; intervention: string; start_date: string; other_costs_gbp: number | null }>(
					`SELECT provision_id, source_file, source_line, intervention, start_date::VARCHAR AS start_date, other_costs_gbp FROM provisions WHERE school = '${school}'`
				);
				const summary = await importSummary(db, school);
				const byId = new Map(loaded.map((r) => [r.provision_id, r]));
				const skipped = notLoaded(plan);
				for (const w of written) {
					const file = `${w.name} › provisions`;
					for (const e of w.expected) {
						expect(byId.get(e.id), `${w.name} ${e.id}`).toEqual({
							provision_id: e.id,
							source_file: file,
							source_line: e.line,
							intervention: e.text,
							start_date: e.start,
							other_costs_gbp: e.cost
						});
						const warned = summary.warnings.filter((p) => p.file === file && p.line === e.line).map((p) => p.column);
						expect(warned, `${w.name} ${e.id}`).toEqual(e.warned ? ['other_costs_gbp'] : []);
					}
					expect(
						summary.rejected.filter((p) => p.file === file),
						w.name
					).toEqual([]);
					expect(
						skipped
							.filter((s) => s.file.startsWith(`${w.name} ›`))
							.map((s) => s.file)
							.sort(),
						w.name
					).toEqual(w.extras.map((x) => `${w.name} › ${x}`).sort());
				}
				const rows = written.flatMap((w) => w.expected);
				expect(summary.tables.provisions).toEqual({ read: rows.length, loaded: rows.length, rejected: 0, warnings: rows.filter((e) => e.warned).length });
			}),
			{ seed: 20261206, numRuns: 2, endOnFailure: true }
		);
	});
});
