import { csvCell } from './sniff';

export interface Sheet {
	name: string;
	/** The sheet as comma-separated UTF-8 text, one line per spreadsheet row (blank rows kept). */
	csv: string;
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		// exceljs gives date cells as UTC midnight; the calendar date is all that matters here.
		return value.toISOString().slice(0, 10);
	}
	if (typeof value === 'object') {
		const v = value as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
		if ('result' in v) return cellText(v.result);
		if (v.richText) return v.richText.map((r) => r.text).join('');
		if (typeof v.text === 'string') return v.text;
		if (v.error) return v.error;
	}
	return String(value);
}

/** Read every sheet of an .xlsx workbook (exceljs, loaded only when a workbook arrives). */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
	const mod = await import('exceljs');
	const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return wb.worksheets.map((ws) => {
		const width = ws.columnCount;
		const lines: string[] = [];
		for (let r = 1; r <= ws.rowCount; r++) {
			const row = ws.getRow(r);
			const cells: string[] = [];
			for (let c = 1; c <= width; c++) cells.push(csvCell(cellText(row.getCell(c).value).trim()));
			lines.push(cells.join(','));
		}
		return { name: ws.name, csv: lines.join('\n') + '\n' };
	});
}
