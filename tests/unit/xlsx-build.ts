import { deflateRawSync } from 'node:zlib';

/**
 * Workbooks written by hand, part by part, as Excel and other writers lay them out: small enough to
 * build in a test (no binary fixtures), and shaped exactly as a case needs (a sheet's last cell, a
 * formula without its result, a zip whose index lies about its sizes).
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(b: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export interface ZipOptions {
	/** Deflate each part (as Excel does); default stored. */
	deflate?: boolean;
	/** The uncompressed size the zip's index (and local header) claims for a part, when it should lie. */
	declared?: (name: string, real: number) => number;
}

/** A zip archive of the given parts. */
export function zipOf(files: Record<string, string | Uint8Array>, options: ZipOptions = {}): Uint8Array {
	const enc = new TextEncoder();
	const chunks: Uint8Array[] = [];
	const central: number[] = [];
	let offset = 0;
	let count = 0;
	const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
	const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
	for (const [name, body] of Object.entries(files)) {
		const n = enc.encode(name);
		const data = typeof body === 'string' ? enc.encode(body) : body;
		const packed = options.deflate ? new Uint8Array(deflateRawSync(data)) : data;
		const size = options.declared ? options.declared(name, data.length) : data.length;
		const method = options.deflate ? 8 : 0;
		const crc = crc32(data);
		const head: number[] = [];
		u32(head, 0x04034b50);
		u16(head, 20);
		u16(head, 0);
		u16(head, method);
		u16(head, 0);
		u16(head, 0x21);
		u32(head, crc);
		u32(head, packed.length);
		u32(head, size);
		u16(head, n.length);
		u16(head, 0);
		head.push(...n);
		u32(central, 0x02014b50);
		u16(central, 20);
		u16(central, 20);
		u16(central, 0);
		u16(central, method);
		u16(central, 0);
		u16(central, 0x21);
		u32(central, crc);
		u32(central, packed.length);
		u32(central, size);
		u16(central, n.length);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u16(central, 0);
		u32(central, 0);
		u32(central, offset);
		central.push(...n);
		chunks.push(Uint8Array.from(head), packed);
		offset += head.length + packed.length;
		count++;
	}
	const end: number[] = [];
	u32(end, 0x06054b50);
	u16(end, 0);
	u16(end, 0);
	u16(end, count);
	u16(end, count);
	u32(end, central.length);
	u32(end, offset);
	u16(end, 0);
	chunks.push(Uint8Array.from(central), Uint8Array.from(end));
	const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

export const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Spreadsheet letters of a 1-based column: 1 → A, 28 → AB, 16384 → XFD. */
export function letters(col: number): string {
	let s = '';
	for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
	return s;
}

/** One cell of a hand-written sheet: a string (inline), a number, or raw XML for the `<c>` element's attributes and body. */
export type CellSpec = string | number | null | { raw: string; attrs?: string };

/** `<sheetData>` of rows given as arrays (row 1 first); null or undefined cells are left out. */
export function sheetDataOf(rows: CellSpec[][]): string {
	return rows
		.map((cells, r) => {
			const body = cells
				.map((v, c) => {
					const ref = `${letters(c + 1)}${r + 1}`;
					if (v === null || v === undefined) return '';
					if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
					if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
					return `<c r="${ref}"${v.attrs ? ` ${v.attrs}` : ''}>${v.raw}</c>`;
				})
				.join('');
			return `<row r="${r + 1}">${body}</row>`;
		})
		.join('');
}

export interface SheetSpec {
	name: string;
	/** Rows as arrays, or the `<sheetData>` body as XML. */
	rows?: CellSpec[][];
	data?: string;
	/** Extra XML before `<sheetData>` (a `<dimension>`), and after it. */
	before?: string;
	after?: string;
	/** The whole worksheet XML, as a writer would; overrides everything above. */
	xml?: string;
}

export interface WorkbookSpec {
	sheets: SheetSpec[];
	/** `<numFmts>` and the `numFmtId` of each cell style (`s="i"` picks the i-th). */
	numFmts?: Record<number, string>;
	cellStyles?: number[];
	sharedStrings?: string[];
	date1904?: boolean;
	/** Parts to add (or replace) by path. */
	extra?: Record<string, string | Uint8Array>;
	zip?: ZipOptions;
	/** The main part's content type: .xlsx by default, macro-enabled for .xlsm. */
	macroEnabled?: boolean;
}

export function worksheetXml(s: SheetSpec): string {
	if (s.xml) return s.xml;
	const data = s.data ?? sheetDataOf(s.rows ?? []);
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${s.before ?? ''}<sheetData>${data}</sheetData>${s.after ?? ''}</worksheet>`;
}

/** The parts of a workbook, as Excel lays them out. */
export function workbookParts(spec: WorkbookSpec): Record<string, string | Uint8Array> {
	const main = spec.macroEnabled ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
	const parts: Record<string, string | Uint8Array> = {
		'[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/></Types>`,
		'_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${spec.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets
			.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
			.join(
				''
			)}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${spec.sharedStrings ? '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
		'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${
			spec.numFmts
				? `<numFmts count="${Object.keys(spec.numFmts).length}">${Object.entries(spec.numFmts)
						.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
						.join('')}</numFmts>`
				: ''
		}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(spec.cellStyles ?? [0]).length}">${(spec.cellStyles ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs></styleSheet>`
	};
	spec.sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = worksheetXml(s)));
	if (spec.sharedStrings) {
		parts['xl/sharedStrings.xml'] =
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${xmlText(s)}</t></si>`)).join('')}</sst>`;
	}
	Object.assign(parts, spec.extra ?? {});
	return parts;
}

/** A workbook as bytes. */
export function xlsxOf(spec: WorkbookSpec): Uint8Array {
	return zipOf(workbookParts(spec), spec.zip ?? { deflate: true });
}
