import type { Db } from '../db/types';
import { columnsOf, tableOrder, type TableName } from '../contract/tables';
import { clearSchoolSql, loadTableSql, type StagedSource } from '../validate/load-sql';
import { createTablesSql, loadedTables } from '../validate/schema-sql';
import { lit } from '../validate/sql-text';
import { decodeText, isZip } from './decode';
import { mapHeaders, recogniseTable } from './match';
import { isPersonalHeader } from './personal';
import { sniffCsv, type Delimiter } from './sniff';
import { dropStage, scanPersonalValues, stageCsv, type ValueFinding } from './stage';
import { readWorkbook } from './xlsx';
import { refreshTargetChecks } from '../metrics/target-checks';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface PersonalFinding {
	header: string;
	/** 'column name' when the header itself means personal data. */
	kind: 'column name' | ValueFinding['kind'];
	count: number;
	example: string;
}

/** One file, or one sheet of a workbook, as read and matched, before anything is loaded. */
export interface SourcePlan {
	stage: string;
	file: string;
	encoding: string;
	delimiter: Delimiter;
	table: TableName | null;
	headers: string[];
	/** The contract column each header is mapped to (editable before loading). */
	mapping: (string | null)[];
	preview: string[][];
	personal: PersonalFinding[];
	/** Why the file cannot be loaded at all; nothing of it is loaded. */
	refused: string | null;
	/** A workbook sheet that holds none of the tables (notes, instructions): shown, not loaded. */
	ignored?: boolean;
}

export interface ImportPlan {
	school: string;
	sources: SourcePlan[];
}

export class ImportRefused extends Error {}

let stageCounter = 0;

async function planSource(db: Db, file: string, text: string, encoding: string, sheet = false): Promise<SourcePlan> {
	const stage = `stage_${++stageCounter}`;
	const sniffed = sniffCsv(text);
	const base = { stage, file, encoding, delimiter: sniffed.delimiter, headers: sniffed.headers, preview: sniffed.preview };
	if (!sniffed.headers.some((h) => h !== '')) {
		return { ...base, table: null, mapping: [], personal: [], refused: `${file}: no header row found` };
	}
	const table = recogniseTable(file, sniffed.headers);
	const mapping = table ? mapHeaders(table, sniffed.headers) : sniffed.headers.map(() => null);
	const columns = await stageCsv(db, stage, text, sniffed.delimiter, sniffed.headers.length);
	const byName: PersonalFinding[] = sniffed.headers
		.map((header, i) => ({ header, i }))
		.filter(({ header, i }) => !mapping[i] && isPersonalHeader(header))
		.map(({ header }) => ({ header, kind: 'column name' as const, count: 0, example: '' }));
	const byValue = (await scanPersonalValues(db, stage, columns)).map((f) => ({
		header: sniffed.headers[Number(f.column.slice(1))],
		kind: f.kind,
		count: f.count,
		example: f.example
	}));
	const plan: SourcePlan = { ...base, table, mapping, personal: [...byName, ...byValue], refused: null, ignored: sheet && !table };
	plan.refused = refusal(plan);
	return plan;
}

/** A file is refused whole when its table is unknown or a required column is missing. */
export function refusal(source: SourcePlan): string | null {
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

/** Read files, recognise their tables and columns, stage them and scan for personal data. */
export async function prepareImport(db: Db, school: string, files: InputFile[]): Promise<ImportPlan> {
	await db.exec(createTablesSql());
	const sources: SourcePlan[] = [];
	for (const f of files) {
		if (isZip(f.bytes)) {
			let sheets;
			try {
				sheets = await readWorkbook(f.bytes);
			} catch (e) {
				sources.push(unreadable(f.name, `${f.name}: not a readable .xlsx workbook (${(e as Error).message})`));
				continue;
			}
			for (const sheet of sheets) {
				if (!sheet.csv.replace(/[,\s]/g, '')) continue; // an empty sheet holds no table
				sources.push(await planSource(db, `${f.name} › ${sheet.name}`, sheet.csv, 'xlsx', true));
			}
		} else if (looksBinary(f.bytes)) {
			sources.push(unreadable(f.name, `${f.name}: not a CSV or .xlsx file`));
		} else {
			const { text, encoding } = decodeText(f.bytes);
			sources.push(await planSource(db, f.name, text, encoding));
		}
	}
	return { school, sources };
}

function unreadable(file: string, refused: string): SourcePlan {
	return { stage: '', file, encoding: '', delimiter: ',', table: null, headers: [], mapping: [], preview: [], personal: [], refused };
}

function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 1024);
	let odd = 0;
	for (const b of sample) if (b < 9 || (b > 13 && b < 32 && b !== 27)) odd++;
	// UTF-16 text has many zero bytes, so only call it binary when it is not UTF-16-shaped.
	const zeros = sample.filter((b) => b === 0).length;
	return odd > sample.length * 0.1 && Math.abs(zeros - sample.length / 2) > sample.length * 0.2;
}

export interface CommitOptions {
	/** Drop the columns the personal-data guard flagged, and go on. */
	dropPersonalColumns?: boolean;
}

/** Validate and load a prepared import. Refuses when personal data was found and not dropped. */
export async function commitImport(db: Db, plan: ImportPlan, options: CommitOptions = {}): Promise<void> {
	const flagged = plan.sources.filter((s) => s.personal.length && !s.refused);
	if (flagged.length && !options.dropPersonalColumns) {
		throw new ImportRefused(personalMessage(flagged));
	}
	try {
		for (const s of plan.sources) {
			if (options.dropPersonalColumns && s.personal.length) {
				const drop = new Set(s.personal.map((p) => p.header));
				s.mapping = s.mapping.map((m, i) => (drop.has(s.headers[i]) ? null : m));
			}
			s.refused = s.refused ?? refusal(s);
		}
		for (const sql of clearSchoolSql(plan.school, loadedTables)) await db.exec(sql);
		const supplied = new Set(plan.sources.filter((s) => !s.refused).map((s) => s.table));
		for (const table of tableOrder) {
			const sources: StagedSource[] = plan.sources
				.filter((s) => !s.refused && s.table === table)
				.map((s) => ({
					stage: s.stage,
					file: s.file,
					stagedColumns: s.headers.map((_, i) => `c${i}`),
					columns: Object.fromEntries(s.mapping.flatMap((m, i) => (m ? [[m, `c${i}`]] : [])))
				}));
			if (!sources.length) continue;
			for (const sql of loadTableSql(table, plan.school, sources, supplied.has('provisions'))) await db.exec(sql);
		}
		await refreshTargetChecks(db, plan.school);
	} finally {
		await discardPlan(db, plan);
	}
}

export async function discardPlan(db: Db, plan: ImportPlan): Promise<void> {
	for (const s of plan.sources) if (s.stage) await dropStage(db, s.stage);
}

export function personalMessage(sources: SourcePlan[]): string {
	const parts = sources.flatMap((s) =>
		s.personal.map((p) =>
			p.kind === 'column name'
				? `${s.file}: column "${p.header}" looks like personal data`
				: `${s.file}: column "${p.header}" holds ${p.count} value(s) shaped like a ${p.kind} (e.g. ${p.example})`
		)
	);
	return `Personal data found, nothing loaded. ${parts.join('; ')}`;
}

/** Forget one school's data (or, with no school, everything). */
export async function clearData(db: Db, school?: string): Promise<void> {
	await db.exec(createTablesSql());
	for (const t of loadedTables) await db.exec(school ? `DELETE FROM "${t}" WHERE school = ${lit(school)}` : `DELETE FROM "${t}"`);
}
