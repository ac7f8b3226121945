import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';

export interface Sniffed {
	delimiter: Delimiter;
	headers: string[];
	/** The first rows after the header, for the mapping preview. */
	preview: string[][];
}

/** Guess the delimiter (unless the file names it) and read the header and a few rows (papaparse, preview only). */
export function sniffCsv(text: string, previewRows = 5, named: Delimiter | null = null): Sniffed {
	const parse = (head: string) =>
		Papa.parse<string[]>(head, {
			preview: previewRows + 1,
			...(named ? { delimiter: named } : { delimitersToGuess: [',', ';', '\t'] }),
			skipEmptyLines: 'greedy'
		});
	// The first 64 KB, or more until a row after the header has begun: a header longer than that keeps every name.
	let size = 64 * 1024;
	let result = parse(text.slice(0, size));
	while (size < text.length && result.data.length < 2) {
		size *= 4;
		result = parse(text.slice(0, size));
	}
	const delimiter = named ?? ((result.meta.delimiter as Delimiter) || ',');
	const [headers = [], ...preview] = detached(result.data);
	return { delimiter, headers: headers.map((h) => h.trim()), preview };
}

/**
 * The rows as strings of their own. A cell cut from the text is, in V8, a slice that keeps the whole
 * text alive: the preview the import page shows held a million-target file's 90 MB for as long as the
 * page kept its import (6 December 2026, from a heap snapshot after an import).
 */
const detached = (rows: string[][]): string[][] => JSON.parse(JSON.stringify(rows));

/** Quote one CSV cell (RFC 4180). */
export function csvCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface SeparatorLine {
	/** The line as written, e.g. `sep=;`. */
	line: string;
	/** The separator it names, when the import reads it. */
	delimiter: Delimiter | null;
	/** The separator as written, e.g. `|`. */
	named: string;
	/** Length of the line with its line break: the text after it is the table. */
	length: number;
}

/**
 * Excel's note of the separator on the first line, `sep=;` (also `sep=,` and `sep=` and a tab; as Excel saves
 * it again, `sep=;;;;`): it is not a row, and it says how the rows are separated. Null when there is none.
 */
export function separatorLine(text: string): SeparatorLine | null {
	const m = /^"?sep=([^\r\n"]?)"?([,;\t]*)(\r\n|\n|\r|$)/i.exec(text);
	if (!m) return null;
	const named = m[1];
	const delimiter = named === ',' || named === ';' || named === '\t' ? named : null;
	return { line: m[0].replace(/[\r\n]+$/, ''), delimiter, named, length: m[0].length };
}
