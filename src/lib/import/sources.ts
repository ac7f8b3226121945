import type { Db } from '../db/types';
import { columnsOf } from '../contract/tables';
import { createTablesSql } from '../validate/schema-sql';
import { csvStructureSteps, rowsAtOffsets } from './csv-structure';
import { decodeSteps, isZip, type OddLine } from './decode';
import { runInTurns } from '../page-turns';
import { headerKey, mapHeaders, recogniseTable } from './match';
import { isPersonalHeader } from './personal';
import { separatorLine, sniffCsv, type Delimiter } from './sniff';
import { dropStage, saveOddRows, scanPersonalValues, stageCsv } from './stage';
import type { ImportPlan, ImportProgress, InputFile, PersonalFinding, SourcePlan } from './types';
import { readWorkbook } from './xlsx';

/**
 * Reading the chosen files: what each file (or sheet) is, which table and columns it holds, its
 * rows staged as text, and what looks like personal data. Nothing is loaded here.
 */

let stageCounter = 0;

/** Spreadsheet letters of a column index: 0 → A, 27 → AB. */
const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + columnLetter(i % 26));

/** Headers written twice: only the first is read, so say so. */
function repeatedHeaders(headers: string[]): { column: string; reason: string }[] {
	const first = new Map<string, number>();
	const notes: { column: string; reason: string }[] = [];
	headers.forEach((h, i) => {
		const key = headerKey(h);
		if (!key) return;
		const j = first.get(key);
		if (j === undefined) first.set(key, i);
		else notes.push({ column: h, reason: `the header "${h}" appears twice (columns ${columnLetter(j)} and ${columnLetter(i)}): only column ${columnLetter(j)} is read, column ${columnLetter(i)} is not loaded` });
	});
	return notes;
}

/** What decoding found out about a CSV file's text: the separator its first line named, the lines read in another encoding. */
interface TextHints {
	delimiter?: Delimiter | null;
	separatorLine?: string;
	oddLines?: OddLine[];
}

/** `chosen` is the file as chosen on the page (a Blob), when it was read as UTF-8: the engine may then read it itself. */
async function planSource(db: Db, file: string, text: string, encoding: string, sheet = false, chosen: Blob | null = null, hints: TextHints = {}): Promise<SourcePlan> {
	const stage = `stage_${++stageCounter}`;
	const sniffed = sniffCsv(text, 5, hints.delimiter ?? null);
	const base = { stage, file, encoding, delimiter: sniffed.delimiter, headers: sniffed.headers, preview: sniffed.preview };
	if (!sniffed.headers.some((h) => h !== '')) {
		return { ...base, stage: '', table: null, mapping: [], personal: [], refused: `${file}: no header row found` };
	}
	const checked = await runInTurns(csvStructureSteps(text, sniffed.delimiter));
	if (checked.refused) return { ...base, stage: '', table: null, mapping: [], personal: [], refused: `${file}: ${checked.refused}` };
	const headers = sniffed.headers.length === checked.width ? sniffed.headers : sniffed.headers.slice(0, checked.width);
	while (headers.length < checked.width) headers.push('');
	const table = recogniseTable(file, headers);
	const mapping = table ? mapHeaders(table, headers) : headers.map(() => null);
	let columns: string[];
	let byValue: PersonalFinding[];
	let odd: { line: number; reason: string }[] = [];
	try {
		// Unchanged by the check (the same string back) and UTF-8: the chosen file's bytes are the text's.
		const asChosen = chosen && encoding === 'utf-8' && checked.text === text ? chosen : null;
		columns = await stageCsv(db, stage, checked, sniffed.delimiter, asChosen);
		if (hints.oddLines?.length) {
			const lines = rowsAtOffsets(checked.text, sniffed.delimiter, hints.oddLines.map((l) => l.offset));
			odd = hints.oddLines.map((l, i) => ({ line: lines[i], reason: l.reason })).filter((r) => r.line !== undefined);
			await saveOddRows(db, stage, odd.filter((r) => r.line > 1));
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
		ignored: sheet && !table,
		badRows: checked.problems.length,
		// A header row in the less usual encoding: its names with accents or symbols, on line 1.
		notes: [...repeatedHeaders(headers), ...(odd[0]?.line === 1 ? headers.filter((h) => /[\u0080-\uffff]/.test(h)).map((column) => ({ column, reason: odd[0].reason })) : [])],
		...(odd.some((r) => r.line > 1) ? { oddRows: odd.filter((r) => r.line > 1).length } : {}),
		...(hints.separatorLine ? { separatorLine: hints.separatorLine } : {})
	};
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

function unreadable(file: string, refused: string): SourcePlan {
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

const notReadable = (name: string, what: string) => `${name}: not a CSV or .xlsx file (${what}); export the table as CSV or .xlsx and choose it again`;

async function readFile(db: Db, f: InputFile): Promise<SourcePlan[]> {
	let bytes: Uint8Array;
	try {
		bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(await f.bytes.arrayBuffer());
	} catch {
		return [unreadable(f.name, `${f.name}: the file could not be read (was it moved or changed after it was chosen?); choose it again`)];
	}
	if (isZip(bytes)) {
		let sheets;
		try {
			sheets = await readWorkbook(bytes);
		} catch {
			return [unreadable(f.name, notReadable(f.name, 'it is a zip file but not an Excel workbook'))];
		}
		// Every real workbook has a sheet; a zip with none is some other zip renamed.
		if (!sheets.length) return [unreadable(f.name, notReadable(f.name, 'it is a zip file but not an Excel workbook'))];
		const withData = sheets.filter((s) => s.csv.replace(/[,\s]/g, ''));
		if (!withData.length) return [unreadable(f.name, `${f.name}: the workbook has no sheet with any data`)];
		const out: SourcePlan[] = [];
		// An empty sheet holds no table; a workbook of tables keeps its other sheets.
		for (const sheet of withData) out.push(await planSource(db, `${f.name} › ${sheet.name}`, sheet.csv, 'xlsx', true));
		return out;
	}
	const binary = knownBinary(bytes);
	if (binary) return [unreadable(f.name, notReadable(f.name, `it is ${binary}`))];
	if (!bytes.length) return [unreadable(f.name, `${f.name}: the file is empty`)];
	const { text, encoding, oddLines } = await runInTurns(decodeSteps(bytes));
	if (looksBinary(text)) return [unreadable(f.name, notReadable(f.name, 'it holds binary data, not text'))];
	const sep = separatorLine(text);
	if (!sep) return [await planSource(db, f.name, text, encoding, false, f.bytes instanceof Blob ? f.bytes : null, { oddLines })];
	if (!sep.delimiter) {
		const named = sep.named ? `"${sep.named}"` : 'no separator';
		return [unreadable(f.name, `${f.name}: its first line (${sep.line}) names ${named}; the import reads values separated by commas, semicolons or tabs: save the file separated by one of those`)];
	}
	// Excel's `sep=` line is not a row: the table starts after it (so the header is row 1, as Excel shows it).
	const lines = oddLines?.map((l) => ({ ...l, offset: l.offset - sep.length })).filter((l) => l.offset >= 0);
	return [await planSource(db, f.name, text.slice(sep.length), encoding, false, null, { delimiter: sep.delimiter, separatorLine: sep.line, oddLines: lines })];
}

/** Read files, recognise their tables and columns, stage them and scan for personal data. */
export async function prepareImport(db: Db, school: string, files: InputFile[], progress: ImportProgress = () => {}): Promise<ImportPlan> {
	await db.exec(createTablesSql());
	const sources: SourcePlan[] = [];
	for (const [i, f] of files.entries()) {
		progress(`Reading ${f.name}${files.length > 1 ? ` (${i + 1} of ${files.length})` : ''} and checking it for personal data`, false);
		sources.push(...(await readFile(db, f)));
	}
	return { school, sources };
}
