import type { Db } from '../db/types';
import { ident, lit } from '../validate/sql-text';
import type { CheckedCsv, StructureProblem } from './csv-structure';
import type { Delimiter } from './sniff';
import { personalValuePatterns, maskValue, valueHitSql, type PersonalKind } from './personal';

/** DuckDB's own limit on one record, in bytes; raised only for a file that has a longer one. */
const ENGINE_LINE_BYTES = 2_097_152;

export const badRowsTable = (stage: string) => `${stage}_bad`;
/** Rows of a file that mixes two encodings read in the less usual one (line, reason): see `decode.ts`. */
export const oddRowsTable = (stage: string) => `${stage}_odd`;

/** The staged columns of a file `width` cells wide. */
export const stagedColumns = (width: number) => Array.from({ length: width }, (_, i) => `c${i}`);

/**
 * Stage a checked file as text columns c0…cN in DuckDB: no typing, no sniffing, nothing lost.
 * Rows whose structure is broken were blanked by the check; they are kept in `<stage>_bad` to be
 * reported as rejected rows when the file is loaded. `asChosen` is the file as chosen, when its
 * bytes are exactly `checked.text` in UTF-8.
 */
export async function stageCsv(db: Db, stage: string, checked: CheckedCsv, delimiter: Delimiter, asChosen: Blob | null = null): Promise<string[]> {
	// A chosen UTF-8 file the check left as it was is read by the engine from the file itself: no copy
	// of tens of megabytes encoded again and held in the engine's memory while it is read.
	if (asChosen && db.registerFile) await stageChosen(db, stage, checked.width, delimiter, asChosen, checked.longest);
	else await readIntoStage(db, stage, checked.width, delimiter, checked.longest, (file) => db.registerText(file, checked.text));
	await saveStructureProblems(db, stage, checked.problems);
	return stagedColumns(checked.width);
}

/**
 * Stage a chosen file as it is, read by the engine from the file itself. The import starts this for a
 * large file as soon as its header is known, while the page goes on checking the rest of it: the check
 * runs on the page's thread and the engine on its own, so the two take the time of the longer.
 */
export async function stageChosen(db: Db, stage: string, width: number, delimiter: Delimiter, chosen: Blob, longest = 0): Promise<void> {
	const registerFile = db.registerFile;
	if (!registerFile) throw new Error('this engine reads no chosen file itself');
	await readIntoStage(db, stage, width, delimiter, longest, (file) => registerFile(file, chosen));
}

async function readIntoStage(db: Db, stage: string, width: number, delimiter: Delimiter, longest: number, register: (file: string) => Promise<void>): Promise<void> {
	const file = `${stage}.csv`;
	// The read is sent with the registration, not after it (the Db's promise): the page hears that a file is
	// registered only once it has a turn, and while it checks a large file its own turns come first. Waiting
	// for it, the engine sat idle 1.2 s of a million targets' import, with the file it was to read in hand.
	const registered = register(file);
	const spec = stagedColumns(width)
		.map((c) => `${lit(c)}: 'VARCHAR'`)
		.join(', ');
	const bytes = longest + 1024;
	const lineSize = bytes > ENGINE_LINE_BYTES ? `, max_line_size = ${bytes}` : '';
	try {
		const read = db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(stage)} AS SELECT * FROM read_csv(${lit(file)}, header = true, auto_detect = false,
      delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${spec}}, null_padding = true, strict_mode = false,
      all_varchar = true, parallel = false${lineSize})`);
		await Promise.all([registered, read]);
	} finally {
		await db.dropFile(file);
	}
}

async function saveStructureProblems(db: Db, stage: string, problems: StructureProblem[]): Promise<void> {
	if (!problems.length) return;
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(badRowsTable(stage))} (line INTEGER, reason VARCHAR)`);
	for (let i = 0; i < problems.length; i += 1000) {
		const rows = problems.slice(i, i + 1000).map((p) => `(${p.line}, ${lit(p.reason)})`);
		await db.exec(`INSERT INTO ${ident(badRowsTable(stage))} VALUES ${rows.join(', ')}`);
	}
}

/** Keep the rows read in another encoding than most of the file, to be reported cell by cell when it is loaded. */
export async function saveOddRows(db: Db, stage: string, rows: { line: number; reason: string }[]): Promise<void> {
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(oddRowsTable(stage))} (line INTEGER, reason VARCHAR)`);
	for (let i = 0; i < rows.length; i += 1000) {
		const values = rows.slice(i, i + 1000).map((r) => `(${r.line}, ${lit(r.reason)})`);
		await db.exec(`INSERT INTO ${ident(oddRowsTable(stage))} VALUES ${values.join(', ')}`);
	}
}

export interface ValueFinding {
	column: string;
	kind: PersonalKind;
	count: number;
	example: string;
}

/** Columns per query of the value scan, so that a file of any width never builds one huge query. */
const SCAN_BATCH = 16;

/** Any of the shapes, as one pattern: one pass finds the (usually no) columns worth a closer look. */
const anyShape = lit(personalValuePatterns.map((p) => `(?:${p.sql})`).join('|'));

/** Cells anywhere in the staged file that look like a UPN, ULN, email address, postcode, phone or NHS number, or hold a labelled date of birth or address. */
export async function scanPersonalValues(db: Db, stage: string, columns: string[]): Promise<ValueFinding[]> {
	const suspect: string[] = [];
	for (let b = 0; b < columns.length; b += SCAN_BATCH) {
		const batch = columns.slice(b, b + SCAN_BATCH);
		// All cells of a row joined by a separator no pattern crosses: one pattern compiled per batch, not per column.
		const joined = `concat_ws(chr(1), ${batch.map((c) => ident(c)).join(', ')})`;
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) FILTER (WHERE regexp_matches(${joined}, ${anyShape}))::INTEGER AS n FROM ${ident(stage)}`);
		if (!n) continue;
		const aggs = batch.map((c, i) => `count(*) FILTER (WHERE regexp_matches(${ident(c)}, ${anyShape})) AS n${i}`);
		const [row] = await db.query<Record<string, unknown>>(`SELECT ${aggs.join(', ')} FROM ${ident(stage)}`);
		batch.forEach((c, i) => Number(row[`n${i}`]) > 0 && suspect.push(c));
	}
	const findings: ValueFinding[] = [];
	for (const column of suspect) {
		const aggs = personalValuePatterns.flatMap((p, i) => {
			const hit = valueHitSql(ident(column), p);
			return [`count(*) FILTER (WHERE ${hit}) AS n${i}`, `first(trim(${ident(column)})) FILTER (WHERE ${hit}) AS e${i}`];
		});
		const [row] = await db.query<Record<string, unknown>>(`SELECT ${aggs.join(', ')} FROM ${ident(stage)}`);
		personalValuePatterns.forEach((p, i) => {
			const count = Number(row[`n${i}`]);
			if (count > 0) findings.push({ column, kind: p.kind, count, example: maskValue(String(row[`e${i}`] ?? '')) });
		});
	}
	return findings;
}

export async function dropStage(db: Db, stage: string): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${ident(stage)}; DROP TABLE IF EXISTS ${ident(badRowsTable(stage))}; DROP TABLE IF EXISTS ${ident(oddRowsTable(stage))}`);
}
