/**
 * CSV for people to open in Excel. Cells that begin with = + - @ (or a tab or carriage return)
 * are prefixed with an apostrophe so a spreadsheet never runs them as formulas.
 */
export function neutralise(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
