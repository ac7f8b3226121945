import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';

export interface Sniffed {
	delimiter: Delimiter;
	headers: string[];
	/** The first rows after the header, for the mapping preview. */
	preview: string[][];
}

/** Guess the delimiter and read the header and a few rows (papaparse, preview only). */
export function sniffCsv(text: string, previewRows = 5): Sniffed {
	const parse = (head: string) => Papa.parse<string[]>(head, { preview: previewRows + 1, delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
	// The first 64 KB, or more until a row after the header has begun: a header longer than that keeps every name.
	let size = 64 * 1024;
	let result = parse(text.slice(0, size));
	while (size < text.length && result.data.length < 2) {
		size *= 4;
		result = parse(text.slice(0, size));
	}
	const delimiter = (result.meta.delimiter as Delimiter) || ',';
	const [headers = [], ...preview] = result.data;
	return { delimiter, headers: headers.map((h) => h.trim()), preview };
}

/** Quote one CSV cell (RFC 4180). */
export function csvCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
