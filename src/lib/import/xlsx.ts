import { runInTurns } from '../page-turns';
import { csvCell } from './sniff';
import { attr, attrs, decodeEntities, XmlScanner, type XmlHandler } from './xml-scan';
import { unpackSteps, zipEntries, ZipProblem, type ZipEntry } from './zip';

/**
 * Reading an .xlsx (or .xlsm) workbook: only the cells that exist, only the parts that hold them,
 * within a budget of what the file may unpack to. Each sheet becomes comma-separated text that the
 * import reads like any CSV file, one line per spreadsheet row, so rows are numbered as Excel
 * numbers them. A value is what Excel shows: a percentage as the percentage (83% is 83), a date as
 * the date, a formula as its saved result. A cell whose value is not known (a formula saved
 * without its result, an error such as #N/A) is left blank and said so.
 */

/** What a workbook may unpack to (the parts read: sheets, shared strings, styles), by default. */
export const WORKBOOK_BUDGET_BYTES = 512 * 1024 * 1024;

/** Excel's own limits: a cell beyond them means a damaged sheet. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export interface SheetNote {
	/** The spreadsheet row. */
	line: number;
	/** The column's header, or "column C" when it has none. */
	column: string;
	value: string;
	reason: string;
}

export interface Sheet {
	name: string;
	/** The sheet as comma-separated UTF-8 text, one line per spreadsheet row (blank rows kept). */
	csv: string;
	/** The spreadsheet letter of each column of `csv` (columns with nothing in them are left out). */
	letters: string[];
	/** The header row's cells (the first row with any text), one per column of `csv`. */
	headers: string[];
	/** The spreadsheet row of the header: `csv` starts with it (rows above it are blank). */
	headerRow: number;
	/** Cells read as not known, with why. */
	notes: SheetNote[];
}

export interface Workbook {
	sheets: Sheet[];
	/** Sheets not read at all (a chart, an empty sheet), with why. */
	notRead: { name: string; reason: string }[];
}

/** Why a workbook cannot be read, in words for the person who chose it (completing "school.xlsx: …"). */
export class WorkbookRefused extends Error {}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB');

/** Spreadsheet letters of a 1-based column: 1 → A, 28 → AB. */
export function columnLetters(col: number): string {
	let s = '';
	for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
	return s;
}

/** `_x000D_` and the like: how OOXML writes characters XML cannot hold. */
const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** What the parts read so far were declared to unpack to, against the workbook's budget. */
class Budget {
	private spent = 0;
	constructor(readonly limit: number) {}
	/** Count a part before it is unpacked (unpacking then holds it to its declared size). */
	take(entry: ZipEntry): void {
		if (this.spent + entry.size > this.limit) throw overBudget(this.limit, this.spent + entry.size);
		this.spent += entry.size;
	}
}

/** A part's XML fed to a handler as it is unpacked, counted against the budget first. */
function* readPart(bytes: Uint8Array, entry: ZipEntry, budget: Budget, handler: XmlHandler): Generator<void, void> {
	budget.take(entry);
	const decoder = new TextDecoder('utf-8');
	const scanner = new XmlScanner(handler);
	yield* unpackSteps(bytes, entry, (chunk) => scanner.feed(decoder.decode(chunk, { stream: true })));
	scanner.feed(decoder.decode(), true);
}

/** Collects the text of the elements it is told to, between open and close. */
class TextCollector {
	private parts: string[] = [];
	on = false;
	/** Forget what was collected (a new element begins). */
	reset() {
		if (this.parts.length) this.parts.length = 0;
	}
	add(src: string, from: number, to: number) {
		if (this.on) this.parts.push(src.slice(from, to));
	}
	/** CDATA is text as it is: its ampersands are escaped here so that decoding the whole gives them back. */
	addCdata(text: string) {
		if (this.on) this.parts.push(text.replace(/&/g, '&amp;'));
	}
	take(): string {
		const t = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
		this.parts.length = 0;
		const v = unescapeOoxml(decodeEntities(t));
		// NUL separates a row's values while it is held (see RawSheet); no real text has one.
		return v.includes('\0') ? v.replace(/\0/g, '') : v;
	}
}

/** Relationships of a part: id → target path in the archive, with its type. */
function* relationships(bytes: Uint8Array, entries: Map<string, ZipEntry>, of: string, budget: Budget): Generator<void, Map<string, { target: string; type: string }>> {
	const slash = of.lastIndexOf('/');
	const dir = of.slice(0, slash + 1);
	const relsName = `${dir}_rels/${of.slice(slash + 1)}.rels`;
	const rels = new Map<string, { target: string; type: string }>();
	const entry = entries.get(relsName.toLowerCase());
	if (!entry) return rels;
	yield* readPart(bytes, entry, budget, {
		open(name, src, from, to) {
			if (name !== 'Relationship' || attr(src, from, to, 'TargetMode') === 'External') return;
			const id = attr(src, from, to, 'Id');
			const target = attr(src, from, to, 'Target');
			if (id && target) rels.set(id, { target: resolvePath(dir, target), type: attr(src, from, to, 'Type') ?? '' });
		},
		close() {},
		text() {}
	});
	return rels;
}

function resolvePath(dir: string, target: string): string {
	const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
	const out: string[] = [];
	for (const p of parts) {
		if (p === '..') out.pop();
		else if (p !== '.' && p !== '') out.push(p);
	}
	return out.join('/');
}

// ---- Number formats ---------------------------------------------------------------------------

type Shown = 'number' | 'percent' | 'date' | 'time' | 'datetime' | 'text';

/** Built-in formats that are not plain numbers (ECMA-376 18.8.30; 27–36 and 50–58 are East Asian dates). */
function builtinShown(id: number): Shown {
	if (id === 9 || id === 10) return 'percent';
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58)) return 'date';
	if (id === 22) return 'datetime';
	if ((id >= 18 && id <= 21) || id === 32 || id === 33 || (id >= 45 && id <= 47)) return 'time';
	if (id === 49) return 'text';
	return 'number';
}

/** What a custom format code shows a number as (only its first section counts). */
export function formatShown(code: string): Shown {
	// Quoted text, escaped characters, padding and colours or locales in brackets say nothing of the kind; elapsed time ([h]) does.
	const bare = code
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/[_*]./g, '')
		.replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
		.split(';')[0]
		.toLowerCase();
	if (bare.includes('%')) return 'percent';
	const time = /[hs]/.test(bare);
	// m is minutes beside hours or seconds, else months.
	const date = /[dy]/.test(bare) || (/m/.test(bare) && !time);
	if (date && time) return 'datetime';
	if (date) return 'date';
	if (time) return 'time';
	if (bare.trim() === '@') return 'text';
	return 'number';
}

interface Styles {
	/** What each cell style (`s`) shows its number as. */
	shown: Shown[];
}

function* readStyles(bytes: Uint8Array, entry: ZipEntry | undefined, budget: Budget): Generator<void, Styles> {
	const custom = new Map<number, string>();
	const xfs: number[] = [];
	if (entry) {
		let inCellXfs = false;
		yield* readPart(bytes, entry, budget, {
			open(name, src, from, to) {
				if (name === 'numFmt') custom.set(Number(attr(src, from, to, 'numFmtId')), attr(src, from, to, 'formatCode') ?? '');
				else if (name === 'cellXfs') inCellXfs = true;
				else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(src, from, to, 'numFmtId') ?? 0));
			},
			close(name) {
				if (name === 'cellXfs') inCellXfs = false;
			},
			text() {}
		});
	}
	return { shown: xfs.map((id) => (custom.has(id) ? formatShown(custom.get(id)!) : builtinShown(id))) };
}

function* readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, budget: Budget): Generator<void, string[]> {
	const strings: string[] = [];
	if (!entry) return strings;
	const text = new TextCollector();
	let phonetic = 0;
	yield* readPart(bytes, entry, budget, {
		open(name) {
			if (name === 'si') text.reset();
			else if (name === 'rPh') phonetic++;
			else if (name === 't' && !phonetic) text.on = true;
		},
		close(name) {
			if (name === 't') text.on = false;
			else if (name === 'rPh') phonetic--;
			else if (name === 'si') strings.push(text.take());
		},
		text(src, from, to) {
			text.add(src, from, to);
		},
		cdata(t) {
			text.addCdata(t);
		}
	});
	return strings;
}

// ---- Values -----------------------------------------------------------------------------------

/** Up to 15 significant digits, as Excel shows a number: 0.1 + 0.2 is 0.3. */
function numberText(n: number): string {
	if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
	return String(Number(n.toPrecision(15)));
}

const DAY_MS = 86_400_000;

/** Excel's serial day number → YYYY-MM-DD (1900 system with its fictitious 29 February 1900, or 1904). */
function serialDate(serial: number, date1904: boolean): string | null {
	if (!(serial >= 0) || serial >= 2_958_466) return null;
	const day = Math.floor(serial);
	if (!date1904 && day === 60) return '1900-02-29';
	const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, day < 60 ? 31 : 30);
	return new Date(base + day * DAY_MS).toISOString().slice(0, 10);
}

function serialTime(serial: number): string {
	const seconds = Math.round((serial - Math.floor(serial)) * 86400) % 86400;
	const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
	const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
	const ss = seconds % 60;
	return `${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}

function shownNumber(raw: string, shown: Shown, date1904: boolean): string {
	const n = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(n)) return raw;
	switch (shown) {
		case 'percent':
			return numberText(n * 100);
		case 'date':
		case 'datetime':
			return serialDate(n, date1904) ?? numberText(n);
		case 'time':
			return n >= 0 && n < 1 ? serialTime(n) : numberText(n);
		default:
			return numberText(n);
	}
}

// ---- Sheets -----------------------------------------------------------------------------------

interface RawSheet {
	/**
	 * Each row's cells: their columns, and their texts joined by NUL into one string made when the row
	 * ends (a new string: no piece of the unpacked XML is kept alive by a value).
	 */
	rows: Map<number, { cols: number[]; text: string }>;
	/** Cells whose value is not known: row, column, value shown, reason. */
	unknown: { row: number; col: number; value: string; reason: string }[];
}

const NO_RESULT = 'holds a formula whose result was not saved with the workbook (open it in Excel and save it again to keep the result): read as not known';
const errorReason = (e: string) => `shows the error ${e} (a formula that could not be worked out): read as not known`;

function cellRef(ref: string): { col: number; row: number } | null {
	let col = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const c = ref.charCodeAt(i);
		if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
		else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
		else break;
	}
	const row = Number(ref.slice(i));
	return col > 0 && i < ref.length && Number.isInteger(row) ? { col, row } : null;
}

function* readSheet(bytes: Uint8Array, entry: ZipEntry, budget: Budget, styles: Styles, shared: string[], date1904: boolean): Generator<void, RawSheet> {
	const rows: RawSheet['rows'] = new Map();
	const unknown: RawSheet['unknown'] = [];
	const text = new TextCollector();
	let inData = false;
	let row = 0;
	let inRow = false;
	let cols: number[] = [];
	let values: string[] = [];
	let col = 0;
	// The cell being read.
	let type = '';
	let style = 0;
	let formula = false;
	let value: string | null = null;
	let inline: string | null = null;
	let phonetic = 0;
	let inInline = false;
	const beyond = () => {
		const where = col > MAX_COL ? `column ${col}` : `row ${row}`;
		throw new WorkbookRefused(`a cell is beyond Excel's last row or column (${where}): the workbook is damaged; open it in Excel and save it again`);
	};
	const endRow = () => {
		if (cols.length) {
			const joined = values.join('\0');
			const had = rows.get(row);
			rows.set(row, had ? { cols: [...had.cols, ...cols], text: `${had.text}\0${joined}` } : { cols, text: joined });
		}
		cols = [];
		values = [];
	};
	const endCell = () => {
		let out: string | null = null;
		let why: string | null = null;
		let shown = '';
		if (type === 'inlineStr') out = inline ?? value ?? '';
		else if (value === null) {
			if (formula) why = NO_RESULT;
		} else if (type === 's') {
			const k = Number(value);
			if (Number.isInteger(k) && k >= 0 && k < shared.length) out = shared[k];
			else why = 'refers to a shared text that is not in the workbook (the workbook is damaged): read as not known';
		} else if (type === 'str') out = value;
		else if (type === 'b') out = value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
		else if (type === 'e') {
			shown = value.trim();
			why = errorReason(shown);
		} else if (type === 'd') {
			const kind = styles.shown[style] ?? 'number';
			out = /^\d{4}-\d{2}-\d{2}/.test(value) && kind !== 'time' ? value.slice(0, 10) : value;
		} else out = shownNumber(value, styles.shown[style] ?? 'number', date1904);
		if (why) unknown.push({ row, col, value: shown, reason: why });
		out = out?.trim() ?? '';
		if (out !== '') {
			cols.push(col);
			values.push(out);
		}
	};
	yield* readPart(bytes, entry, budget, {
		open(name, src, from, to) {
			if (!inData) {
				if (name === 'sheetData') inData = true;
				return;
			}
			switch (name) {
				case 'row': {
					if (inRow) endRow();
					const r = attr(src, from, to, 'r');
					row = r === null ? row + 1 : Number(r);
					if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) beyond();
					inRow = true;
					col = 0;
					return;
				}
				case 'c': {
					const a = attrs(src, from, to);
					const ref = a.r === undefined ? null : cellRef(a.r);
					col = ref ? ref.col : col + 1;
					if (!inRow) {
						// A cell outside any row (not valid, but read where it says it is).
						row = ref?.row ?? row + 1;
						inRow = true;
					} else if (ref && ref.row !== row) {
						// A row written without its number: its cells say where it is.
						endRow();
						row = ref.row;
					}
					if (col > MAX_COL || row > MAX_ROW) beyond();
					type = a.t ?? 'n';
					style = Number(a.s ?? 0) || 0;
					formula = false;
					value = null;
					inline = null;
					return;
				}
				case 'v':
					text.reset();
					text.on = true;
					return;
				case 'f':
					formula = true;
					return;
				case 'is':
					inInline = true;
					text.reset();
					return;
				case 'rPh':
					phonetic++;
					return;
				case 't':
					if (inInline && !phonetic) text.on = true;
					return;
			}
		},
		close(name) {
			if (!inData) return;
			switch (name) {
				case 'v':
					text.on = false;
					value = text.take();
					return;
				case 't':
					text.on = false;
					return;
				case 'rPh':
					phonetic--;
					return;
				case 'is':
					inInline = false;
					inline = text.take();
					return;
				case 'c':
					endCell();
					return;
				case 'row':
					endRow();
					inRow = false;
					return;
				case 'sheetData':
					if (inRow) endRow();
					inRow = false;
					inData = false;
					return;
			}
		},
		text(src, from, to) {
			text.add(src, from, to);
		},
		cdata(t) {
			text.addCdata(t);
		}
	});
	return { rows, unknown };
}

/** The raw cells → the sheet as CSV, its columns and notes. */
function* sheetOf(name: string, raw: RawSheet): Generator<void, Sheet> {
	const rowNumbers = [...raw.rows.keys()].sort((a, b) => a - b);
	const used = new Set<number>();
	for (const r of rowNumbers) for (const c of raw.rows.get(r)!.cols) used.add(c);
	const cols = [...used].sort((a, b) => a - b);
	const position = new Map(cols.map((c, i) => [c, i]));
	const letters = cols.map(columnLetters);
	const headerRow = rowNumbers[0] ?? 0;
	const headers: string[] = cols.map(() => '');
	const lines: string[] = [];
	// The text starts at the header (its row number is said beside it); blank rows after it stay blank lines, so every row keeps its place.
	let next = headerRow;
	for (const r of rowNumbers) {
		// A pause now and then: a sheet can have a million rows, or a million blank ones before its last.
		if (lines.length % 8192 === 0) yield;
		for (; next < r; next++) if (lines.push('') % 65536 === 0) yield;
		const line: string[] = cols.map(() => '');
		const row = raw.rows.get(r)!;
		const texts = row.text.split('\0');
		row.cols.forEach((c, i) => (line[position.get(c)!] = texts[i]));
		if (r === headerRow) line.forEach((v, i) => (headers[i] = v));
		lines.push(line.map(csvCell).join(','));
		next = r + 1;
	}
	const columnName = (col: number) => {
		const at = position.get(col);
		return at !== undefined && headers[at] ? headers[at] : `column ${columnLetters(col)}`;
	};
	const notes = raw.unknown
		.sort((a, b) => a.row - b.row || a.col - b.col)
		.map((u) => ({ line: u.row, column: columnName(u.col), value: u.value, reason: `the cell ${columnLetters(u.col)}${u.row} ${u.reason}` }));
	return { name, csv: lines.length ? lines.join('\n') + '\n' : '', letters, headers, headerRow: Math.max(1, headerRow), notes };
}

// ---- The workbook -----------------------------------------------------------------------------

// A relationship's type is a namespace name ending in its kind ("…/relationships/worksheet"): only its last part is compared.
const isType = (type: string, kind: string) => type.endsWith(`/${kind}`);

/** What a zip that is not a workbook is, when it can tell. */
function otherKind(entries: Map<string, ZipEntry>, bytes: Uint8Array): NotAWorkbook | null {
	const mimetype = entries.get('mimetype');
	if (mimetype && mimetype.method === 0 && mimetype.size < 200) {
		const at = mimetype.localOffset;
		const start = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
		const type = new TextDecoder().decode(bytes.subarray(start, start + mimetype.size));
		if (type.includes('opendocument.spreadsheet')) return new NotAWorkbook('an OpenDocument spreadsheet (.ods)', 'LibreOffice or Excel');
		if (type.includes('opendocument')) return new NotAWorkbook('an OpenDocument file, not a spreadsheet');
	}
	if (entries.has('xl/workbook.bin')) return new NotAWorkbook('an Excel binary workbook (.xlsb)', 'Excel');
	if (entries.has('word/document.xml')) return new NotAWorkbook('a Word document');
	if (entries.has('ppt/presentation.xml')) return new NotAWorkbook('a PowerPoint presentation');
	if ([...entries.keys()].some((k) => k.startsWith('index/') && k.endsWith('.iwa'))) return new NotAWorkbook('an Apple Numbers file', 'Numbers (File › Export To)');
	return null;
}

export interface WorkbookOptions {
	/** What the parts read may unpack to, in bytes (default WORKBOOK_BUDGET_BYTES). */
	budget?: number;
}

/** A zip that is not a workbook: the message completes "it is …"; `app` is what can save it as .xlsx, when one can. */
export class NotAWorkbook extends Error {
	constructor(
		what: string,
		readonly app: string | null = null
	) {
		super(what);
	}
}

/** Read every sheet of a workbook, as steps (the page takes turns between them). */
export function* workbookSteps(bytes: Uint8Array, options: WorkbookOptions = {}): Generator<void, Workbook> {
	const limit = options.budget ?? WORKBOOK_BUDGET_BYTES;
	const budget = new Budget(limit);
	let list: ZipEntry[];
	try {
		list = zipEntries(bytes);
	} catch (e) {
		if (e instanceof ZipProblem && e.kind === 'damaged') throw new WorkbookRefused(`the workbook is damaged (${e.message}); open it in Excel and save it again`);
		throw new NotAWorkbook('a zip file but not an Excel workbook');
	}
	const entries = new Map(list.map((e) => [e.name.toLowerCase(), e]));
	const other = otherKind(entries, bytes);
	if (other) throw other;
	try {
		// The main part, as the package's own relationships name it (xl/workbook.xml in every writer seen).
		const root = yield* relationships(bytes, entries, '', budget);
		const mainPath = [...root.values()].find((r) => isType(r.type, 'officeDocument'))?.target ?? 'xl/workbook.xml';
		const main = entries.get(mainPath.toLowerCase());
		if (!main) throw new NotAWorkbook('a zip file but not an Excel workbook');
		const rels = yield* relationships(bytes, entries, mainPath, budget);
		const sheetList: { name: string; rel: string }[] = [];
		let date1904 = false;
		yield* readPart(bytes, main, budget, {
			open(name, src, from, to) {
				if (name === 'sheet') sheetList.push({ name: attr(src, from, to, 'name') ?? '', rel: attr(src, from, to, 'id') ?? '' });
				else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(src, from, to, 'date1904') ?? '');
			},
			close() {},
			text() {}
		});
		const partOf = (type: string, fallback: string) => entries.get(([...rels.values()].find((r) => isType(r.type, type))?.target ?? fallback).toLowerCase());
		const sharedEntry = partOf('sharedStrings', 'xl/sharedStrings.xml');
		const stylesEntry = partOf('styles', 'xl/styles.xml');
		const notRead: Workbook['notRead'] = [];
		const toRead: { name: string; entry: ZipEntry }[] = [];
		for (const s of sheetList) {
			const rel = rels.get(s.rel);
			const entry = rel && entries.get(rel.target.toLowerCase());
			if (!rel || !entry) notRead.push({ name: s.name, reason: 'the workbook names this sheet but does not hold it (the workbook is damaged): open it in Excel and save it again' });
			else if (isType(rel.type, 'worksheet')) toRead.push({ name: s.name, entry });
			else if (isType(rel.type, 'chartsheet')) notRead.push({ name: s.name, reason: 'a chart, not a table: not read' });
			else notRead.push({ name: s.name, reason: 'not a sheet of cells (a macro or dialog sheet): not read' });
		}
		// Checked before the cells are unpacked: what the index says the parts to read hold (each part is counted again as it is read).
		const parts = [main, sharedEntry, stylesEntry, ...toRead.map((s) => s.entry)].filter((e): e is ZipEntry => !!e);
		const declared = parts.reduce((n, e) => n + e.size, 0);
		if (declared > limit) throw overBudget(limit, declared);
		const styles = yield* readStyles(bytes, stylesEntry, budget);
		const shared = yield* readSharedStrings(bytes, sharedEntry, budget);
		const sheets: Sheet[] = [];
		for (const s of toRead) {
			const sheet = yield* sheetOf(s.name, yield* readSheet(bytes, s.entry, budget, styles, shared, date1904));
			if (sheet.csv) sheets.push(sheet);
			else notRead.push({ name: s.name, reason: sheet.notes.length ? 'no cell of it holds a value that is known: not read' : 'the sheet is empty' });
		}
		return { sheets, notRead };
	} catch (e) {
		if (e instanceof WorkbookRefused || e instanceof NotAWorkbook) throw e;
		if (e instanceof ZipProblem) {
			if (e.kind === 'encrypted') throw new WorkbookRefused('the workbook is protected with a password: open it in Excel, remove the password and save it again, or save it as CSV');
			if (e.kind === 'method') throw new WorkbookRefused('the workbook is packed in a way this app cannot unpack: open it in Excel and save it again as .xlsx');
			throw new WorkbookRefused(`the workbook is damaged (${e.message}); open it in Excel and save it again`);
		}
		throw e;
	}
}

function overBudget(budget: number, declared: number): WorkbookRefused {
	return new WorkbookRefused(
		`this workbook would take more than ${mb(budget)} MB once unpacked (its sheets hold ${mb(declared)} MB), more than the import reads from one workbook: save each table as a CSV file and choose those instead`
	);
}

/** Read every sheet of an .xlsx (or .xlsm) workbook, giving the page turns while it works. */
export function readWorkbook(bytes: Uint8Array, options: WorkbookOptions = {}): Promise<Workbook> {
	return runInTurns(workbookSteps(bytes, options));
}
