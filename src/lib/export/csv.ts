/** A negative number as written in a cell (`-13`, `-0.5`, `-1,200.50`, `-1e-7`): a value, not a formula. */
const negativeNumber = /^-(?=\.?\d)(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * CSV for people to open in Excel. Cells that begin with = + - @ (or a tab or carriage return)
 * are prefixed with an apostrophe so a spreadsheet never runs them as formulas; a negative number
 * is left as it is, so that it stays a number (`-13`, not the text `'-13`).
 */
export function neutralise(value: string): string {
	if (!/^[=+\-@\t\r]/.test(value)) return value;
	return negativeNumber.test(value) ? value : `'${value}`;
}

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = neutralise(Array.isArray(value) ? value.join(';') : String(value));
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
	const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offer text as a download (no network: a blob URL of this page). */
export function download(filename: string, text: string | Uint8Array<ArrayBuffer>, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
