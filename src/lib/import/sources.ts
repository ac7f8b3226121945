import type { Db } from '../db/types';
import { columnsOf } from '../contract/tables';
import { createTablesSql } from '../validate/schema-sql';
import { CleanCsvCheck, csvStructureSteps, headerWidth, rowsAtOffsets, type CheckedCsv } from './csv-structure';
import { decodeSteps, isZip, startsAsUtf16, type OddLine } from './decode';
import { pageTurns, runInTurns } from '../page-turns';
import { headerKey, headerMeanings, mapHeaders, recogniseTable, tableByHeaders, tableFromName, tableNamedExactly } from './match';
import { isPersonalHeader } from './personal';
import { separatorLine, sniffCsv, type Delimiter } from './sniff';
import { dropStage, saveOddRows, scanPersonalValues, stageChosen, stageCsv, stagedColumns } from './stage';
import type { TableName } from '../contract/tables';
import { ident } from '../validate/sql-text';
import type { ImportPlan, ImportProgress, InputFile, PersonalFinding, SourceNote, SourcePlan } from './types';
import { NotAWorkbook, readWorkbook, WorkbookRefused, type Sheet } from './xlsx';
import { isOldWordOrPdf, isPlanFile, isWordDocument, isWordLockFile, lockFileNote, readWordDocuments, wordRefusal, type WordOptions } from './word-sources';

/**
 * Reading the chosen files: what each file (or sheet) is, which table and columns it holds, its
 * rows staged as text, and what looks like personal data. Nothing is loaded here.
 */

let stageCounter = 0;
const nextStage = () => `stage_${++stageCounter}`;

/** Spreadsheet letters of a column index: 0 → A, 27 → AB. */
const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + columnLetter(i % 26));

/** Headers written twice: only the first is read, so say so. */
function repeatedHeaders(headers: string[], letter: (i: number) => string): SourceNote[] {
	const first = new Map<string, number>();
	const notes: SourceNote[] = [];
	headers.forEach((h, i) => {
		const key = headerKey(h);
		if (!key) return;
		const j = first.get(key);
		if (j === undefined) first.set(key, i);
		else notes.push({ column: h, reason: `the header "${h}" appears twice (columns ${letter(j)} and ${letter(i)}): only column ${letter(j)} is read, column ${letter(i)} is not loaded` });
	});
	return notes;
}

/** Headers that mean a column another header is read for (an alias beside the exact name): not loaded, so say so. */
function shadowedHeaders(table: TableName | null, headers: string[], mapping: (string | null)[], letter: (i: number) => string): SourceNote[] {
	if (!table) return [];
	const notes: SourceNote[] = [];
	headerMeanings(table, headers).forEach((m, i) => {
		if (!m.column || mapping[i]) return;
		const j = mapping.indexOf(m.column);
		// The same header twice is said by repeatedHeaders.
		if (j < 0 || headerKey(headers[j]) === headerKey(headers[i])) return;
		notes.push({
			column: headers[i],
			reason: `the header "${headers[i]}" (column ${letter(i)}) also means ${m.column}, which is read from column ${letter(j)} ("${headers[j]}"): column ${letter(i)} is not loaded`
		});
	});
	return notes;
}

/** Columns with no header that hold values: never loaded (nothing says what they are), so say where and how many. */
async function unnamedColumns(db: Db, stage: string, headers: string[], letter: (i: number) => string, headerRow = 1): Promise<SourceNote[]> {
	const blank = headers.flatMap((h, i) => (h === '' ? [i] : []));
	if (!blank.length) return [];
	const notes: SourceNote[] = [];
	for (let b = 0; b < blank.length; b += 64) {
		const batch = blank.slice(b, b + 64);
		const aggs = batch.map((i) => {
			const filled = `nullif(trim(${ident(`c${i}`)}), '') IS NOT NULL`;
			return `count(*) FILTER (WHERE ${filled})::INTEGER AS n${i}, (min(rowid) FILTER (WHERE ${filled}) + ${headerRow + 1})::INTEGER AS f${i}`;
		});
		const [row] = await db.query<Record<string, number | null>>(`SELECT ${aggs.join(', ')} FROM ${ident(stage)}`);
		for (const i of batch) {
			const n = Number(row[`n${i}`] ?? 0);
			if (!n) continue;
			notes.push({
				column: `column ${letter(i)}`,
				line: Number(row[`f${i}`]),
				reason: `column ${letter(i)} has no header but holds ${n} value${n === 1 ? '' : 's'} (the first on row ${row[`f${i}`]}): it is not loaded; give it a header from the data dictionary if it should be`
			});
		}
	}
	return notes;
}

/** How a workbook's sheet was read: its columns' letters, its header's row, the cells read as not known, and its table when the workbook decides it. */
interface SheetFacts {
	letters: string[];
	headerRow: number;
	notes: SourceNote[];
	table: TableName | null;
}

/** What decoding found out about a CSV file's text: the separator its first line named, the lines read in another encoding. */
interface TextHints {
	delimiter?: Delimiter | null;
	separatorLine?: string;
	oddLines?: OddLine[];
}

/**
 * `chosen` is the file as chosen on the page (a Blob), when it was read as UTF-8: the engine may then
 * read it itself. `sheet` is given for a workbook's sheet; `hints` for a CSV file.
 */
async function planSource(
	db: Db,
	file: string,
	text: string,
	encoding: string,
	sheet: SheetFacts | null = null,
	chosen: Blob | null = null,
	hints: TextHints = {},
	checkedInParts: CheckedCsv | null = null,
	early: EarlyStage | null = null
): Promise<SourcePlan> {
	const stage = early?.stage ?? nextStage();
	const sniffed = sniffCsv(text, 5, hints.delimiter ?? null);
	const base = { stage, file, encoding, delimiter: sniffed.delimiter, headers: sniffed.headers, preview: sniffed.preview };
	if (!sniffed.headers.some((h) => h !== '')) {
		return { ...base, stage: '', table: null, mapping: [], personal: [], refused: `${file}: no header row found` };
	}
	const checked = checkedInParts ?? (await runInTurns(csvStructureSteps(text, sniffed.delimiter)));
	if (checked.refused) return { ...base, stage: '', table: null, mapping: [], personal: [], refused: `${file}: ${checked.refused}` };
	const headers = sniffed.headers.length === checked.width ? sniffed.headers : sniffed.headers.slice(0, checked.width);
	while (headers.length < checked.width) headers.push('');
	const table = sheet ? sheet.table : recogniseTable(file, headers);
	const mapping = table ? mapHeaders(table, headers) : headers.map(() => null);
	const letter = (i: number) => sheet?.letters[i] ?? columnLetter(i);
	let unnamed: SourceNote[];
	let columns: string[];
	let byValue: PersonalFinding[];
	let odd: { line: number; reason: string }[] = [];
	try {
		// Unchanged by the check (the same string back) and UTF-8: the chosen file's bytes are the text's.
		const asChosen = chosen && encoding === 'utf-8' && (checkedInParts !== null || checked.text === text) ? chosen : null;
		const staged = asChosen && early && early.width === checked.width && early.delimiter === sniffed.delimiter && !checked.problems.length;
		columns = staged ? stagedColumns(checked.width) : await stageCsv(db, stage, checked, sniffed.delimiter, asChosen);
		unnamed = await unnamedColumns(db, stage, headers, letter, sheet?.headerRow);
		if (hints.oddLines?.length) {
			const lines = rowsAtOffsets(
				checked.text,
				sniffed.delimiter,
				hints.oddLines.map((l) => l.offset)
			);
			odd = hints.oddLines.map((l, i) => ({ line: lines[i], reason: l.reason })).filter((r) => r.line !== undefined);
			await saveOddRows(
				db,
				stage,
				odd.filter((r) => r.line > 1)
			);
		}
		byValue = (await scanPersonalValues(db, stage, columns)).map((f) => ({
			header: headers[Number(f.column.slice(1))],
			kind: f.kind,
			count: f.count,
			example: f.example
		}));
	} catch {
		// The engine's message may quote a row of the file: never show it.
		await dropStage(db, stage);
		return { ...base, headers, stage: '', table, mapping, personal: [], refused: `${file}: the file could not be read as a table (its rows could not be split into cells)` };
	}
	const byName: PersonalFinding[] = headers
		.map((header, i) => ({ header, i }))
		.filter(({ header, i }) => !mapping[i] && isPersonalHeader(header))
		.map(({ header }) => ({ header, kind: 'column name' as const, count: 0, example: '' }));
	const plan: SourcePlan = {
		...base,
		headers,
		table,
		mapping,
		personal: [...byName, ...byValue],
		refused: null,
		ignored: !!sheet && !table,
		badRows: checked.problems.length,
		notes: [
			...repeatedHeaders(headers, letter),
			...shadowedHeaders(table, headers, mapping, letter),
			...unnamed,
			...(sheet?.notes ?? []),
			// A header row in the less usual encoding: its names with accents or symbols, on line 1.
			...(odd[0]?.line === 1 ? headers.filter((h) => /[\u0080-\uffff]/.test(h)).map((column) => ({ column, reason: odd[0].reason })) : [])
		],
		...(odd.some((r) => r.line > 1) ? { oddRows: odd.filter((r) => r.line > 1).length } : {}),
		...(hints.separatorLine ? { separatorLine: hints.separatorLine } : {})
	};
	if (sheet) plan.letters = sheet.letters;
	if (sheet && sheet.headerRow > 1) plan.headerRow = sheet.headerRow;
	plan.refused = refusal(plan);
	return plan;
}

/** A file is refused whole when its table is unknown or a required column is missing. */
export function refusal(source: SourcePlan): string | null {
	if (!source.stage && source.refused) return source.refused;
	if (source.ignored && !source.table) return null;
	if (!source.table) {
		return `${source.file}: not recognised as any table of the contract (name it pupils, plans, targets, provisions or allocations, or check its headers)`;
	}
	const mapped = new Set(source.mapping);
	const missing = columnsOf(source.table).filter((c) => c.required && !mapped.has(c.name));
	if (missing.length) {
		return `${source.file}: missing required column ${missing.map((c) => c.name).join(', ')} for ${source.table}`;
	}
	return null;
}

function unreadable(file: string, refused: string | null): SourcePlan {
	return { stage: '', file, encoding: '', delimiter: ',', table: null, headers: [], mapping: [], preview: [], personal: [], refused };
}

/** Formats people pick by mistake, by their first bytes. */
const signatures: [number[], string][] = [
	[[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
	[[0xff, 0xd8, 0xff], 'a JPEG image'],
	[[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
	[[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
	[[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls or Word .doc file (save it as .xlsx or CSV)'],
	[[0x1f, 0x8b], 'a compressed .gz file']
];

function knownBinary(bytes: Uint8Array): string | null {
	for (const [sig, what] of signatures) if (sig.every((b, i) => bytes[i] === b)) return what;
	return null;
}

/** A file of a spreadsheet's that the import cannot read, said with what to do: open it, save it as .xlsx or CSV. */
const convertIt = (name: string, what: string, app: string) =>
	`${name}: it is ${what}, which cannot be read here; open it in ${app}, save it as .xlsx (Excel Workbook) or CSV, and choose that instead`;

/** An OLE file (D0 CF 11 E0) by its name: an .xls workbook, a workbook protected with a password, or an old Word document. */
function oleFile(name: string): string | null {
	if (/\.xls$/i.test(name)) return convertIt(name, 'an Excel 97–2003 workbook (.xls)', 'Excel');
	if (/\.(doc|dot)$/i.test(name)) return wordRefusal(name);
	if (/\.xls[xmb]$/i.test(name)) {
		return `${name}: it is a workbook protected with a password, which cannot be read here; open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it, or save it as CSV, and choose that instead`;
	}
	return null;
}

/** Text has almost no control characters; a binary file read as text has many. */
function looksBinary(text: string): boolean {
	const sample = text.slice(0, 4096);
	let odd = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) odd++;
	}
	return odd > Math.max(2, sample.length * 0.01);
}

/**
 * Which table each sheet of a workbook holds: a sheet named as a table, else the table its headers
 * cover, else one whose name it contains when some of its headers are that table's columns. When no
 * sheet is a table by those, a workbook named after a table (`targets.xlsx`) is read for it from
 * the sheet whose headers are most like it. Every other sheet is not a table (shown, not loaded).
 */
export function sheetTables(fileName: string, sheets: Pick<Sheet, 'name' | 'headers'>[]): (TableName | null)[] {
	const mapped = (table: TableName, headers: string[]) => mapHeaders(table, headers).filter(Boolean).length;
	const tables: (TableName | null)[] = sheets.map((s) => {
		const exact = tableNamedExactly(s.name);
		if (exact) return exact;
		const byHeaders = tableByHeaders(s.headers);
		if (byHeaders) return byHeaders;
		const byName = tableFromName(s.name);
		return byName && mapped(byName, s.headers) > 0 ? byName : null;
	});
	const byFile = tableFromName(fileName);
	if (byFile && !tables.some((t) => t !== null) && sheets.length) {
		let best = 0;
		sheets.forEach((s, i) => mapped(byFile, s.headers) > mapped(byFile, sheets[best].headers) && (best = i));
		tables[best] = byFile;
	}
	return tables;
}

/** A workbook: each sheet that holds data planned as a source of its own; sheets not read are listed with why. */
async function readWorkbookFile(db: Db, name: string, bytes: Uint8Array): Promise<SourcePlan[]> {
	let book;
	try {
		book = await readWorkbook(bytes);
	} catch (e) {
		if (e instanceof NotAWorkbook) return [unreadable(name, e.app ? convertIt(name, e.message, e.app) : notReadable(name, `it is ${e.message}`))];
		if (e instanceof WorkbookRefused) return [unreadable(name, `${name}: ${e.message}`)];
		return [unreadable(name, `${name}: the workbook could not be read (it may be damaged); open it in Excel, save it again and choose it again`)];
	}
	const notRead = book.notRead.map((n): SourcePlan => ({ ...unreadable(`${name} › ${n.name}`, null), ignored: true, notRead: n.reason }));
	if (!book.sheets.length) return [unreadable(name, `${name}: the workbook has no sheet with any data`)];
	const tables = sheetTables(name, book.sheets);
	const out: SourcePlan[] = [];
	for (const [i, sheet] of book.sheets.entries()) {
		const notes = sheet.notes.map((n) => ({ ...n }));
		out.push(await planSource(db, `${name} › ${sheet.name}`, sheet.csv, 'xlsx', { letters: sheet.letters, headerRow: sheet.headerRow, notes, table: tables[i] }));
	}
	return [...out, ...notRead];
}

/** What is not loaded of a plan's files, with why: refused files, sheets that are not tables or not read. */
export function notLoaded(plan: ImportPlan): { file: string; reason: string }[] {
	return plan.sources.flatMap((s) => {
		const reason = s.refused ?? (s.table ? null : (s.notRead ?? (s.ignored ? 'this sheet is not one of the tables (its name and headers match none of them): not read' : null)));
		return reason ? [{ file: s.file, reason }] : [];
	});
}

const notReadable = (name: string, what: string) => `${name}: not a CSV or .xlsx file (${what}); export the table as CSV or .xlsx and choose it again`;

/** A chosen file from this size on is first read as it arrives (`readCleanUtf8`). */
const READ_IN_PARTS_FROM = 8 * 1024 * 1024;
/**
 * Bytes decoded at a time: text short enough for V8's young generation, where it is freed as soon as the
 * check has read it, instead of large objects left until the next full collection (4 MB parts left about
 * 95 MB of text behind while a million targets were imported).
 */
const PART_BYTES = 64 * 1024;
/** Bytes decoded first, kept as the file's start: enough for its header, first rows and every check of its start. */
const HEAD_BYTES = 1024 * 1024;

/**
 * A large chosen file read as it arrives and checked as it comes, so that its whole text is never held
 * in the page (a million targets are about 90 MB of text, and as much again of bytes): the engine then
 * reads the file itself. Only for the usual case, a UTF-8 CSV file the structure check leaves as it is;
 * anything else (another encoding, a broken row, Excel's `sep=` line, not text at all) gives null and the
 * file is read whole as before, which says what it found. The file is streamed, not sliced: in Chromium
 * 24 slices of 4 MB took 1.2 s to read where the stream took about a third of that.
 */
async function readCleanUtf8(name: string, chosen: Blob, onHead: (head: string, delimiter: Delimiter) => void = () => {}): Promise<{ head: string; checked: CheckedCsv } | null> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const turn = pageTurns();
	const reader = chosen.stream().getReader();
	let head: string | null = null;
	let check: CleanCsvCheck | null = null;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			if (head === null && (isZip(value) || byteRefusal(name, value) || startsAsUtf16(value))) return null;
			for (let i = 0; i < value.length;) {
				const end: number = head === null ? HEAD_BYTES : i + PART_BYTES;
				const part: string = decoder.decode(value.subarray(i, end), { stream: true });
				i = end;
				if (head === null) {
					if (textRefusal(name, part) || separatorLine(part)) return null;
					head = part;
					const { delimiter } = sniffCsv(part, 5);
					check = new CleanCsvCheck(delimiter);
					onHead(head, delimiter);
				}
				if (!check?.push(part, false)) return null;
			}
			await turn();
		}
		if (!check?.push(decoder.decode(), true)) return null;
	} catch {
		return null; // not UTF-8 throughout, or the file could not be read (read whole, it is said which)
	} finally {
		await reader.cancel().catch(() => undefined);
	}
	return head === null || !check ? null : { head, checked: check.result() };
}

/**
 * Why a file is not read as text, from its first bytes (a zip is a workbook, read as one); null when it
 * may be. Both ways of reading a file ask this, so a file read as it arrives is refused as one read whole.
 */
function byteRefusal(name: string, bytes: Uint8Array): string | null {
	const ole = isOle(bytes) ? oleFile(name) : null;
	if (ole) return ole;
	const binary = knownBinary(bytes);
	if (binary) return notReadable(name, `it is ${binary}`);
	if (!bytes.length) return `${name}: the file is empty`;
	return null;
}

/** Why a file's text is not read as a table, from its start; null when it may be. */
function textRefusal(name: string, text: string): string | null {
	if (looksBinary(text)) return notReadable(name, 'it holds binary data, not text');
	if (startsAsPage(text)) return convertIt(name, 'a web page or an Excel 2003 XML file', 'Excel');
	return null;
}

/** An old Office file (a .xls or .doc, or a workbook with a password). */
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** A web page, or Excel 2003's XML, saved with a .csv name. */
const startsAsPage = (text: string) => /^\s*<(!doctype html|html|table|\?xml)/i.test(text.slice(0, 1000));

/** A large chosen file staged while the page still checks it; used only if the check finds it as it was staged. */
interface EarlyStage {
	stage: string;
	width: number;
	delimiter: Delimiter;
}

async function stageEarly(db: Db, head: string, delimiter: Delimiter, chosen: Blob): Promise<EarlyStage | null> {
	const width = headerWidth(head, delimiter);
	if (width === null) return null;
	const stage = nextStage();
	try {
		await stageChosen(db, stage, width, delimiter, chosen);
		return { stage, width, delimiter };
	} catch {
		// Staged again once checked, which says what is wrong with the file.
		await dropStage(db, stage).catch(() => undefined);
		return null;
	}
}

async function readFile(db: Db, f: InputFile): Promise<SourcePlan[]> {
	if (f.bytes instanceof Blob && f.bytes.size >= READ_IN_PARTS_FROM && db.registerFile) {
		const chosen = f.bytes;
		let staging: Promise<EarlyStage | null> = Promise.resolve(null);
		const read = await readCleanUtf8(f.name, chosen, (head, delimiter) => (staging = stageEarly(db, head, delimiter, chosen))).catch(() => null);
		const early = await staging;
		const plan = read ? await planSource(db, f.name, read.head, 'utf-8', null, chosen, {}, read.checked, early) : null;
		// A stage the file did not end up read into (not clean after all, or refused) is not left behind.
		if (early && plan?.stage !== early.stage) await dropStage(db, early.stage);
		if (plan) return [plan];
	}
	let bytes: Uint8Array;
	try {
		bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(await f.bytes.arrayBuffer());
	} catch {
		return [unreadable(f.name, `${f.name}: the file could not be read (was it moved or changed after it was chosen?); choose it again`)];
	}
	if (isZip(bytes)) return readWorkbookFile(db, f.name, bytes);
	const byBytes = byteRefusal(f.name, bytes);
	if (byBytes) return [unreadable(f.name, byBytes)];
	const { text, encoding, oddLines } = await runInTurns(decodeSteps(bytes));
	const byText = textRefusal(f.name, text);
	if (byText) return [unreadable(f.name, byText)];
	const sep = separatorLine(text);
	if (!sep) return [await planSource(db, f.name, text, encoding, null, f.bytes instanceof Blob ? f.bytes : null, { oddLines })];
	if (!sep.delimiter) {
		const named = sep.named ? `"${sep.named}"` : 'no separator';
		return [unreadable(f.name, `${f.name}: its first line (${sep.line}) names ${named}; the import reads values separated by commas, semicolons or tabs: save the file separated by one of those`)];
	}
	// Excel's `sep=` line is not a row: the table starts after it (so the header is row 1, as Excel shows it).
	const lines = oddLines?.map((l) => ({ ...l, offset: l.offset - sep.length })).filter((l) => l.offset >= 0);
	return [await planSource(db, f.name, text.slice(sep.length), encoding, null, null, { delimiter: sep.delimiter, separatorLine: sep.line, oddLines: lines })];
}

/**
 * Word plans among the files, read together: each table they give staged as a CSV file of that table
 * would be; the documents that cannot be read refused one by one. A .doc or PDF is refused as a plan
 * (save it as .docx) when Word plans are chosen or when they are all that is chosen.
 */
async function readWordFiles(db: Db, files: InputFile[], others: number, word: WordOptions | undefined, progress: ImportProgress): Promise<Pick<ImportPlan, 'sources' | 'word'>> {
	const documents = files.filter((f) => isWordDocument(f.name));
	const locks = files.filter((f) => isWordLockFile(f.name)).map((f): SourcePlan => ({ ...unreadable(f.name, null), ignored: true, notRead: lockFileNote }));
	const old = files.filter((f) => isOldWordOrPdf(f.name) && !isWordLockFile(f.name));
	// Beside exports and no plan, a PDF is most likely a guide or a letter: shown as not read, not refused.
	if (!documents.length && others) {
		const pdf = (f: InputFile) => /\.pdf$/i.test(f.name);
		const notRead = 'a PDF is not read (it is neither an export nor a Word plan); if it is a plan, save it from Word as .docx and choose that';
		const pdfs = old.filter(pdf).map((f): SourcePlan => ({ ...unreadable(f.name, null), ignored: true, notRead }));
		return { sources: [...(await Promise.all(old.filter((f) => !pdf(f)).map(async (f) => (await readFile(db, f))[0]))), ...pdfs, ...locks] };
	}
	const sources = [...locks, ...old.map((f) => unreadable(f.name, wordRefusal(f.name)))];
	if (!documents.length) return { sources };
	if (!word) return { sources: [...sources, ...documents.map((f) => unreadable(f.name, `${f.name}: Word plans cannot be read here`))] };
	const read = await readWordDocuments(documents, word, progress);
	for (const r of [...read.unreadable, ...read.report.refused]) sources.push(unreadable(r.document, `${r.document}: ${r.why}`));
	for (const [i, t] of read.tables.entries()) {
		progress(`Checking the ${t.table} read from the plans for personal data (${i + 1} of ${read.tables.length})`, false);
		const plan = await planSource(db, t.file, t.text, 'Word', { letters: [], headerRow: 1, notes: [], table: t.table });
		delete plan.letters;
		sources.push({ ...plan, wordOrigins: t.origins });
	}
	return { sources, word: read.report };
}

/** Read files, recognise their tables and columns, stage them and scan for personal data. */
export async function prepareImport(db: Db, school: string, files: InputFile[], progress: ImportProgress = () => {}, word?: WordOptions): Promise<ImportPlan> {
	await db.exec(createTablesSql());
	const sources: SourcePlan[] = [];
	const others = files.filter((f) => !isPlanFile(f.name));
	for (const [i, f] of others.entries()) {
		progress(`Reading ${f.name}${others.length > 1 ? ` (${i + 1} of ${others.length})` : ''} and checking it for personal data`, false);
		sources.push(...(await readFile(db, f)));
	}
	const read = await readWordFiles(
		db,
		files.filter((f) => isPlanFile(f.name)),
		others.length,
		word,
		progress
	);
	sources.push(...read.sources);
	return read.word ? { school, sources, word: read.word } : { school, sources };
}
