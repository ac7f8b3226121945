import type { Delimiter } from './sniff';
import { runAtOnce } from '../page-turns';

/**
 * The structure check of a CSV file, done before DuckDB reads it: one counted pass over the text
 * that splits it into records exactly as RFC 4180 says (quotes open only at the start of a cell,
 * `""` is a quote inside a quoted cell) and finds every record DuckDB would otherwise read wrongly
 * without a word: too many or too few cells, a quote inside an unquoted cell, text after a closing
 * quote, a quote that is never closed, a record too long for the engine.
 *
 * Such a record is replaced by a blank record (so DuckDB's row numbers stay the spreadsheet's rows)
 * and reported with its line and a reason a person can act on. Empty lines become blank records too:
 * DuckDB would skip them and shift every line number after them.
 */

/** Longest record, in UTF-16 code units, that is loaded; longer ones are rejected with a reason. */
export const MAX_RECORD_CHARS = 4_000_000;

export interface StructureProblem {
	/** The spreadsheet row: 1 is the header, a quoted cell with line breaks is one row. */
	line: number;
	reason: string;
}

export interface CheckedCsv {
	/** The text DuckDB reads: the same records, bad and empty ones as blank records. */
	text: string;
	/** Cells in the header row. */
	width: number;
	problems: StructureProblem[];
	/** Bytes (UTF-8) of the longest record kept, for the engine's line-size setting. */
	longest: number;
	/** Why the whole file cannot be read (the header itself is broken), or null. */
	refused: string | null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const delimiterName = (d: Delimiter) => (d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma');

interface CsvRecord {
	start: number;
	/** Index just past the record's line break (or the end of the text). */
	end: number;
	cells: number;
	/** Cells up to the last one with any text (0 for an empty line). */
	filled: number;
	problem: string | null;
}

/** Read one record from `start`; the first quote problem found names the record's reason. */
function readRecord(text: string, start: number, delim: number): CsvRecord {
	const n = text.length;
	let i = start;
	let cells = 0;
	let filled = 0;
	let problem: string | null = null;
	for (;;) {
		// One cell.
		cells++;
		let hasText = false;
		if (i < n && text.charCodeAt(i) === QUOTE) {
			const open = i;
			i++;
			let closed = false;
			while (i < n) {
				const c = text.charCodeAt(i);
				if (c === QUOTE) {
					if (text.charCodeAt(i + 1) === QUOTE) {
						i += 2;
						continue;
					}
					closed = true;
					i++;
					break;
				}
				i++;
			}
			hasText = i - open > 2;
			if (!closed) return { start, end: n, cells, filled, problem: 'unterminated' };
			// After a closing quote only a delimiter or a line break may follow.
			const after = text.charCodeAt(i);
			if (i < n && after !== delim && after !== LF && after !== CR) {
				problem ??= 'after-quote';
				hasText = true;
				while (i < n) {
					const c = text.charCodeAt(i);
					if (c === delim || c === LF || c === CR) break;
					i++;
				}
				if (text.slice(open, i).includes('\n')) return { start, end: n, cells, filled, problem: 'unterminated' };
			}
		} else {
			while (i < n) {
				const c = text.charCodeAt(i);
				if (c === delim || c === LF || c === CR) break;
				if (c === QUOTE) problem ??= 'inner-quote';
				else if (c !== 32 && c !== 9 && c !== 160) hasText = true;
				i++;
			}
		}
		if (hasText) filled = cells;
		if (i >= n) return { start, end: n, cells, filled, problem };
		const c = text.charCodeAt(i);
		if (c === delim) {
			i++;
			continue;
		}
		// A line break ends the record: \n, \r\n or a lone \r.
		if (c === CR && text.charCodeAt(i + 1) === LF) i++;
		return { start, end: i + 1, cells, filled, problem };
	}
}

/** End of the physical line that `start` is on (past its line break). */
function lineEnd(text: string, start: number): number {
	for (let i = start; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === LF) return i + 1;
		if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
	}
	return text.length;
}

function reasonOf(problem: string, cells: number, width: number, delimiter: Delimiter): string {
	const d = delimiterName(delimiter);
	switch (problem) {
		case 'too-many':
			return `this row has ${cells} cells but the header has ${width}: is there an unquoted ${d} in a value (put the value in quotes)?`;
		case 'too-few':
			return `this row has ${cells} cell${cells === 1 ? '' : 's'} but the header has ${width}: is a value missing, or a line broken in two?`;
		case 'inner-quote':
			return 'a cell has a quote mark (") inside it but does not start with one: put the whole cell in quotes and write each quote mark twice ("")';
		case 'after-quote':
			return 'a cell starts with a quoted part and goes on after the closing quote: put the whole cell in quotes and write each quote mark inside twice ("")';
		case 'unterminated':
			return 'a quote mark (") opens a cell and is never closed, so the row cannot be read: close the quote or remove it';
		case 'too-long':
			return `this row is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters, more than the import can read`;
		default:
			return problem;
	}
}

/** Split a CSV text into records, check each against the header, and give DuckDB a text it cannot misread. */
export function checkCsvStructure(text: string, delimiter: Delimiter): CheckedCsv {
	return runAtOnce(csvStructureSteps(text, delimiter));
}

/**
 * What the check makes of a record after the header: kept as it is, kept as a blank record (an empty
 * line, which DuckDB would skip, shifting every line number after it), or rejected with its problem.
 */
function judge(rec: CsvRecord, width: number): 'keep' | 'blank' | string {
	if (rec.problem) return rec.problem;
	if (rec.end - rec.start > MAX_RECORD_CHARS) return 'too-long';
	// An empty line, or only delimiters and spaces.
	if (rec.filled === 0) return rec.cells < width || rec.cells === 1 ? 'blank' : 'keep';
	if (rec.cells > width) return 'too-many';
	if (rec.cells < width) return 'too-few';
	return 'keep';
}

/** Records between the points where the check may pause (a few milliseconds of work). */
const RECORDS_PER_STEP = 4096;

/** The same check as steps, so that on the page it runs in slices (`runInTurns`) instead of one long task. */
export function* csvStructureSteps(text: string, delimiter: Delimiter): Generator<void, CheckedCsv> {
	const delim = delimiter.charCodeAt(0);
	const problems: StructureProblem[] = [];
	const header = readRecord(text, 0, delim);
	if (header.problem) {
		const why = reasonOf(header.problem, header.cells, header.cells, delimiter);
		return { text, width: header.cells, problems, longest: 0, refused: `the header row cannot be read (${why})` };
	}
	const width = header.cells;
	// Pieces of the rewritten text, only built once something has to change.
	const pieces: string[] = [];
	let copiedTo = 0;
	const blankRecord = (from: number, to: number) => {
		pieces.push(text.slice(copiedTo, from), `${delimiter}\n`);
		copiedTo = to;
	};
	let longest = header.end;
	let longestAt = 0;
	let line = 1;
	let pos = header.end;
	while (pos < text.length) {
		if (++line % RECORDS_PER_STEP === 0) yield;
		let rec = readRecord(text, pos, delim);
		const verdict = judge(rec, width);
		// The quote swallowed every line after it: only the line it opens on is lost, the rest is read again.
		if (verdict === 'unterminated') rec = { ...rec, end: lineEnd(text, pos) };
		if (verdict === 'keep') {
			if (rec.end - rec.start > longest) {
				longest = rec.end - rec.start;
				longestAt = rec.start;
			}
		} else {
			if (verdict !== 'blank') problems.push({ line, reason: reasonOf(verdict, rec.cells, width, delimiter) });
			blankRecord(rec.start, rec.end);
		}
		pos = rec.end;
	}
	// Exact bytes only when they could matter: a UTF-16 unit is at most 3 bytes of UTF-8.
	const longestBytes = longest * 3 > 1_000_000 ? new TextEncoder().encode(text.slice(longestAt, longestAt + longest)).length : longest * 3;
	if (!pieces.length) return { text, width, problems, longest: longestBytes, refused: null };
	pieces.push(text.slice(copiedTo));
	return { text: pieces.join(''), width, problems, longest: longestBytes, refused: null };
}

/**
 * The same check over a text that arrives in parts (a large file read a slice at a time, never held
 * whole), for a file it leaves exactly as it is. `push` says false as soon as it would not (a record
 * rejected or blanked, the header unreadable, a record too long to size cheaply): the whole-text
 * check then reads the file and says why.
 */
export class CleanCsvCheck {
	private carry = '';
	private line = 0;
	private width = 0;
	private longest = 0;
	private readonly delim: number;

	constructor(delimiter: Delimiter) {
		this.delim = delimiter.charCodeAt(0);
	}

	/** The next part of the text (`last` for the final one); false once the file is not one the check leaves as it is. */
	push(part: string, last: boolean): boolean {
		const text = this.carry + part;
		let pos = 0;
		while (pos < text.length) {
			const rec = readRecord(text, pos, this.delim);
			// A record (or its \r\n) that reaches the end of what has arrived may go on in the next part.
			if (rec.end >= text.length && !last) break;
			if (++this.line === 1) {
				if (rec.problem) return false;
				this.width = rec.cells;
			} else if (judge(rec, this.width) !== 'keep') return false;
			this.longest = Math.max(this.longest, rec.end - rec.start);
			pos = rec.end;
		}
		this.carry = text.slice(pos);
		// Exact bytes of the longest record are worked out only when they could matter (see csvStructureSteps).
		return this.carry.length <= MAX_RECORD_CHARS && this.longest * 3 <= 1_000_000;
	}

	/** The check's findings once the last part is in: no problems, nothing changed. `text` is left empty: the engine reads the file itself. */
	result(): CheckedCsv {
		return { text: '', width: this.width, problems: [], longest: this.longest * 3, refused: null };
	}
}

/** Cells in the header row, from the start of a file; null when the header is broken or not all there. */
export function headerWidth(head: string, delimiter: Delimiter): number | null {
	const rec = readRecord(head, 0, delimiter.charCodeAt(0));
	return rec.problem || rec.end >= head.length ? null : rec.cells;
}

/**
 * The spreadsheet row (1 = the header) of each position in the text, counted record by record as the
 * structure check counts them, so it is the line DuckDB's rows and every report use. `offsets` ascending.
 */
export function rowsAtOffsets(text: string, delimiter: Delimiter, offsets: number[]): number[] {
	const delim = delimiter.charCodeAt(0);
	const rows: number[] = [];
	let pos = 0;
	let line = 0;
	let k = 0;
	while (k < offsets.length && pos < text.length) {
		line++;
		const rec = readRecord(text, pos, delim);
		const end = rec.problem === 'unterminated' && line > 1 ? lineEnd(text, pos) : rec.end;
		while (k < offsets.length && offsets[k] < end) {
			rows.push(line);
			k++;
		}
		pos = end;
	}
	return rows;
}
