import Papa from 'papaparse';
import { columnsOf } from '../contract/tables';
import { wordTables } from './word/types';
import type { ReadOptions, TemplateMappings, WordFile, WordOrigin, WordPlanRead, WordTable } from './word';
import { pageTurns } from '../page-turns';
import type { SchoolKey } from './word/pseudonym';
import type { ImportProgress, InputFile } from './types';
import type { WordReport } from './word-report';

export type { WordReport };

/**
 * Word plans among the chosen files: read together (a child's plans over the year are one pupil's
 * cycles, wherever they are), and each table's rows written as the CSV text an export would hold,
 * so that they are staged, checked and loaded exactly as a CSV file is. The reader itself is loaded
 * only when Word plans are chosen: a school that imports CSV never downloads it.
 */

export type WordReader = (files: WordFile[], key: SchoolKey, options?: ReadOptions) => Promise<WordPlanRead>;

export interface WordOptions {
	/** The school key the pupils' ids are made with: asked for only when Word plans are chosen (a new school's is made then). */
	key: () => Promise<SchoolKey>;
	/** The SENDCo's corrections of what a template's labels mean. */
	mappings?: TemplateMappings;
	/** The reader (tests give a stand-in); the real one by default. */
	read?: WordReader;
}

/** The small file Word keeps beside a document while it is open (`~$my plan.docx`): not a plan. */
export const isWordLockFile = (name: string) => /(^|[\\/])~\$[^\\/]*$/.test(name);
/** What is said of a lock file: shown as not read, so that nothing chosen goes without a word. */
export const lockFileNote = "Word's temporary file, kept while a document is open: not a plan, not read";

/** Word documents the reader reads. */
export const isWordDocument = (name: string) => /\.(docx|docm|dotx)$/i.test(name) && !isWordLockFile(name);
/** Plans saved in a form that cannot be read: refused with what to do. */
export const isOldWordOrPdf = (name: string) => /\.(doc|dot|pdf)$/i.test(name);
/** Files that go with Word plans (read, refused or noted as such), not with exports. */
export const isPlanFile = (name: string) => isWordDocument(name) || isOldWordOrPdf(name) || isWordLockFile(name);

/** What a Word-made table is called where a file's name is shown (the mapping, its counts). */
export const wordSourceName = (table: WordTable) => `Word plans › ${table}`;

/** A .doc or PDF chosen with (or as) plans: why it cannot be read and what to do, by its name. */
export function wordRefusal(name: string): string {
	if (/\.pdf$/i.test(name)) {
		return `${name}: it is a PDF, which cannot be read here (a PDF keeps how a page looks, not its tables and ticked boxes); open the plan in Word, save it as Word Document (.docx) and choose that instead`;
	}
	return `${name}: it is an old Word document (.doc), which cannot be read here; open it in Word, choose File › Save As › Word Document (.docx), and choose that instead`;
}

/** One Word-made table as CSV text, with where each of its rows came from (row i is line i + 2). */
export interface WordCsv {
	table: WordTable;
	file: string;
	text: string;
	origins: WordOrigin[];
}

/** A table's rows as CSV: the contract's columns that any row fills, in the contract's order, headed by their own names. */
export function wordCsv(table: WordTable, rows: Record<string, string>[]): string {
	const present = new Set(rows.flatMap((r) => Object.keys(r)));
	const fields = columnsOf(table)
		.map((c) => c.name)
		.filter((c) => present.has(c));
	// Text is staged as it was read: nothing is neutralised here (that is for CSV files people open).
	return Papa.unparse({ fields, data: rows.map((r) => fields.map((c) => r[c] ?? '')) }, { newline: '\n' });
}

async function bytesOf(f: InputFile): Promise<Uint8Array | null> {
	try {
		return f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(await f.bytes.arrayBuffer());
	} catch {
		return null;
	}
}

/** The Word documents read into CSV tables, with the reader's report; `unreadable` are the files that could not even be opened (why, without the name). */
export async function readWordDocuments(
	files: InputFile[],
	options: WordOptions,
	progress: ImportProgress
): Promise<{ tables: WordCsv[]; report: WordReport; unreadable: { document: string; why: string }[] }> {
	const unreadable: { document: string; why: string }[] = [];
	const docs: WordFile[] = [];
	for (const f of files) {
		const bytes = await bytesOf(f);
		if (bytes) docs.push({ name: f.name, bytes });
		else unreadable.push({ document: f.name, why: 'the file could not be read (was it moved or changed after it was chosen?); choose it again' });
	}
	const key = await options.key();
	const read = options.read ?? (await import('./word')).readWordPlans;
	progress(`Reading plan 1 of ${docs.length}`, false);
	// Between documents the page is given a turn now and then: it paints the progress and stays responsive.
	const turn = pageTurns();
	const result = await read(docs, key, {
		mappings: options.mappings,
		onDocument: (done, total) => {
			progress(`Reading plan ${Math.min(done + 1, total)} of ${total}`, false);
			return turn() ?? undefined;
		},
		turn: () => turn() ?? undefined
	});
	const tables = wordTables.filter((t) => result.tables[t].length).map((table) => ({ table, file: wordSourceName(table), text: wordCsv(table, result.tables[table]), origins: result.origins[table] }));
	const { problems, refused, noGrid, personalLeftOut, possibleMatches, templates } = result;
	const found = Object.fromEntries(wordTables.map((t) => [t, result.tables[t].length])) as Record<WordTable, number>;
	return { tables, unreadable, report: { documents: docs.length, keyCheck: key.check, found, problems, refused, noGrid, personalLeftOut, possibleMatches, templates } };
}
