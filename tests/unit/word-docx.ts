import { strToU8, zipSync } from 'fflate';

/**
 * Small Word documents written in tests, part by part, so each marking style, merged cell and bad file
 * is exactly what the test says. For the Word reader's specs (src/lib/import/word/*.spec.ts).
 */

const NS =
	'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface RunStyle {
	b?: boolean;
	hl?: boolean;
	shade?: boolean;
	strike?: boolean;
	font?: string;
}

export function r(text: string, style: RunStyle = {}): string {
	const props = [
		style.b ? '<w:b/>' : '',
		style.hl ? '<w:highlight w:val="yellow"/>' : '',
		style.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>' : '',
		style.strike ? '<w:strike/>' : '',
		style.font ? `<w:rFonts w:ascii="${style.font}" w:hAnsi="${style.font}"/>` : ''
	].join('');
	return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}
/** Deleted text (tracked changes): never read. */
export const del = (text: string) => `<w:del w:id="1" w:author="A"><w:r><w:delText>${esc(text)}</w:delText></w:r></w:del>`;
/** A content-control checkbox, with the glyph Word shows inside it. */
export const box = (checked: boolean) =>
	`<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${checked ? '☒' : '☐'}</w:t></w:r></w:sdtContent></w:sdt>`;
/** A legacy form-field checkbox (FORMCHECKBOX). */
export const formBox = (checked: boolean, byDefault = false) =>
	`<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="${byDefault ? 1 : 0}"/>${checked !== byDefault ? `<w:checked${checked ? '' : ' w:val="0"'}/>` : ''}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
/** A Wingdings symbol (w:sym), e.g. F0FE a ticked box, F0A8 an empty one. */
export const sym = (char: string, font = 'Wingdings') => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
/** A placeholder prompt in an empty content control: not text the school wrote. */
export const placeholder = (text: string) => `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>${esc(text)}</w:t></w:r></w:sdtContent></w:sdt>`;

/** A paragraph of runs; a bare string is a plain run. */
export const p = (...runs: string[]) => `<w:p>${runs.map((x) => (x.startsWith('<') ? x : r(x))).join('')}</w:p>`;

export interface CellOptions {
	span?: number;
	merge?: 'restart' | 'continue';
}
/** A cell: a string is one paragraph of plain text; an array, paragraphs (or tables) as written. */
export function tc(content: string | string[], options: CellOptions = {}): string {
	const props = [options.span ? `<w:gridSpan w:val="${options.span}"/>` : '', options.merge ? `<w:vMerge${options.merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''].join('');
	const body = typeof content === 'string' ? p(content) : content.length ? content.join('') : p();
	return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${body}</w:tc>`;
}
/** A row of cells; a bare string is a plain cell. */
export const tr = (...cells: string[]) => `<w:tr>${cells.map((c) => (c.startsWith('<w:tc') ? c : tc(c))).join('')}</w:tr>`;
export const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;

export function documentXml(...blocks: string[]): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${blocks.join('')}<w:sectPr/></w:body></w:document>`;
}

/** A .docx holding the body blocks given. */
export function docx(...blocks: string[]): Uint8Array {
	return zipSync({
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
		),
		'word/document.xml': strToU8(documentXml(...blocks))
	});
}
