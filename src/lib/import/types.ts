import type { TableName } from '../contract/tables';
import type { Delimiter } from './sniff';
import type { PersonalKind } from './personal';
import type { WordOrigin } from './word';
import type { WordReport } from './word-report';

export interface InputFile {
	name: string;
	/**
	 * The file's bytes, or (on the page) the chosen File itself, read only when the import reaches it:
	 * a trust's files are then never all held in memory at once, nor while they are loaded.
	 */
	bytes: Uint8Array | Blob;
}

export interface PersonalFinding {
	header: string;
	/** 'column name' when the header itself means personal data. */
	kind: 'column name' | PersonalKind;
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
	/** Why a workbook sheet is not read at all (empty, a chart): shown and counted, never loaded. */
	notRead?: string;
	/** The spreadsheet letter of each column, when they are not simply A, B, C… (a workbook's columns that hold nothing are left out). */
	letters?: string[];
	/** The spreadsheet row of the header, when it is not row 1 (a workbook sheet whose first rows are blank). */
	headerRow?: number;
	/** Rows whose structure is broken (cell count, quotes, length): rejected at load, kept in `${stage}_bad`. */
	badRows?: number;
	/**
	 * Things a person should know about the file's columns or cells (a repeated header, a column with no
	 * header, a cell whose value is not known), recorded as warnings on their row (line 1 when not given).
	 */
	notes?: SourceNote[];
	/**
	 * Rows of a file that mixes UTF-8 and Windows-1252, read in the less usual one: kept in `${stage}_odd` and
	 * recorded at load as a warning on each of their cells with accents or symbols.
	 */
	oddRows?: number;
	/** Excel's note of the separator that was the file's first line (`sep=;`): honoured, and not read as a row. */
	separatorLine?: string;
	/** A table made from Word plans: each row's document and place in it (row i of the made table is line i + 2). */
	wordOrigins?: WordOrigin[];
}

export interface SourceNote {
	column: string;
	reason: string;
	line?: number;
	value?: string;
}

/**
 * Told what the import is doing now, in words for the page ("Reading targets.csv (2 of 5)"), and
 * whether it can still be stopped with nothing changed (not once the new data is in place).
 */
export type ImportProgress = (step: string, stoppable: boolean) => void;

export interface ImportPlan {
	school: string;
	sources: SourcePlan[];
	/** What the Word plans among the files gave (counts, problems, refused, possible matches): never a name. */
	word?: WordReport;
}
