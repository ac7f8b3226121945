import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * The document model: word/document.xml read into its body's paragraphs and tables, in order, keeping
 * what a plan's marks need (bold, highlight, strike-through, checkboxes) and leaving out what the reader
 * must not see as text (deleted text, field codes, placeholder prompts, the glyph inside a checkbox).
 */

export interface TextInline {
	kind: 'text';
	text: string;
	bold: boolean;
	highlight: boolean;
	strike: boolean;
}
/** A Word checkbox: a content control (`w14:checkbox`) or a legacy form field (`FORMCHECKBOX`). */
export interface BoxInline {
	kind: 'box';
	checked: boolean;
}
export type Inline = TextInline | BoxInline;

export interface Paragraph {
	kind: 'p';
	inlines: Inline[];
}
export interface Cell {
	/** The cell's paragraphs and nested tables; a vertically merged cell shares the blocks of the cell it continues. */
	blocks: Block[];
	/** The first grid column the cell covers, and how many (gridSpan). */
	col: number;
	span: number;
	/** The first cell of a vertical merge, for every cell it covers (itself included); undefined when not merged. */
	origin?: Cell;
}
export interface Row {
	cells: Cell[];
}
export interface Table {
	kind: 'table';
	/** 1-based, in document order, nested tables counted too: as a person counting tables would. */
	number: number;
	rows: Row[];
}
export type Block = Paragraph | Table;

export interface WordDocument {
	blocks: Block[];
	/** Pictures (drawings, VML pictures, embedded objects) in the body: counted, never read. */
	pictures: number;
}

/** Characters of the symbol fonts people tick with, as the Unicode marks they show. */
const SYMBOL_FONTS: Record<string, Record<number, string>> = {
	wingdings: { 0xfe: '☒', 0xfd: '☒', 0xa8: '☐', 0x6f: '☐', 0x71: '☐', 0xfc: '✓', 0xfb: '✗', 0x78: '☒' },
	'wingdings 2': { 0x53: '☒', 0x54: '☒', 0x52: '☑', 0xa3: '☐', 0x2a: '☐', 0x50: '✓', 0x4f: '✗' }
};

function symbolChar(font: string, code: number): string | null {
	const table = SYMBOL_FONTS[font.toLowerCase()];
	if (!table) return null;
	// Word stores symbol-font characters in the private-use area (F0xx) or as the bare byte.
	return table[code >= 0xf000 ? code - 0xf000 : code] ?? null;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
function attr(tag: SaxesTagPlain, name: string): string | undefined {
	for (const [k, v] of Object.entries(tag.attributes)) if (local(k) === name) return v;
	return undefined;
}
/** An on/off property: present means on, unless its val says otherwise. */
function onOff(tag: SaxesTagPlain): boolean {
	const v = attr(tag, 'val');
	return v === undefined || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}

interface RunStyle {
	bold: boolean;
	highlight: boolean;
	strike: boolean;
	hidden: boolean;
	font: string;
}
const plainRun = (): RunStyle => ({ bold: false, highlight: false, strike: false, hidden: false, font: '' });

interface SdtFrame {
	checkbox: boolean;
	checked: boolean;
	placeholder: boolean;
	inContent: boolean;
}
interface FieldFrame {
	checkbox: boolean;
	checked: boolean | null;
	fallback: boolean;
	inResult: boolean;
	shown: boolean;
}
interface TableFrame {
	table: Table;
	row: Row | null;
	col: number;
	cell: Cell | null;
	span: number;
	vMerge: 'none' | 'restart' | 'continue';
	/** The blocks the cell's content goes into, and the block list to return to when the table ends. */
	outer: Block[];
	/** Each grid column's open vertical merge. */
	merges: Map<number, Cell>;
}

/** Read word/document.xml. Throws only when the XML is not well formed (the caller refuses the file). */
export function readDocumentXml(xml: string): WordDocument {
	const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
	const body: Block[] = [];
	const doc: WordDocument = { blocks: body, pictures: 0 };
	let blocks = body;
	let tableCount = 0;
	const tables: TableFrame[] = [];
	const sdts: SdtFrame[] = [];
	const fields: FieldFrame[] = [];
	const path: string[] = [];
	let paragraph: Paragraph | null = null;
	let run: RunStyle | null = null;
	let inText = false;
	let skip = 0; // depth inside deleted text, moved-away text, text boxes and alternate-content fallbacks
	const pendingBoxes: BoxInline[] = [];

	const suppressed = () => skip > 0 || sdts.some((s) => s.inContent && (s.checkbox || s.placeholder)) || fields.some((f) => !f.inResult || f.checkbox);
	const addInline = (inline: Inline) => {
		if (!paragraph) return;
		if (inline.kind === 'text') {
			const last = paragraph.inlines.at(-1);
			if (last?.kind === 'text' && last.bold === inline.bold && last.highlight === inline.highlight && last.strike === inline.strike) {
				last.text += inline.text;
				return;
			}
		}
		paragraph.inlines.push(inline);
	};
	const addBox = (box: BoxInline) => (paragraph ? addInline(box) : pendingBoxes.push(box));
	const addText = (text: string) => {
		if (!run || run.hidden || suppressed()) return;
		addInline({ kind: 'text', text, bold: run.bold, highlight: run.highlight, strike: run.strike });
	};

	parser.on('opentag', (tag) => {
		const name = local(tag.name);
		const parent = path.at(-1) ?? '';
		path.push(name);
		if (skip > 0) {
			if (name === 'del' || name === 'moveFrom' || name === 'txbxContent' || name === 'Fallback') skip++;
			return;
		}
		switch (name) {
			case 'del':
			case 'moveFrom':
			case 'txbxContent':
			case 'Fallback':
				skip++;
				return;
			case 'p':
				paragraph = { kind: 'p', inlines: pendingBoxes.splice(0) };
				blocks.push(paragraph);
				return;
			case 'r':
				run = plainRun();
				return;
			case 'b':
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.bold = onOff(tag);
				return;
			case 'strike':
			case 'dstrike':
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.strike = onOff(tag);
				return;
			case 'vanish':
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.hidden = onOff(tag);
				return;
			case 'highlight':
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.highlight = onOff(tag);
				return;
			case 'shd': {
				const fill = (attr(tag, 'fill') ?? '').toLowerCase();
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.highlight = fill !== '' && fill !== 'auto' && fill !== 'ffffff';
				return;
			}
			case 'rFonts':
				if (parent === 'rPr' && run && path.at(-3) === 'r') run.font = attr(tag, 'ascii') ?? attr(tag, 'hAnsi') ?? '';
				return;
			case 't':
				inText = parent === 'r';
				return;
			case 'tab':
				if (parent === 'r') addText('\t');
				return;
			case 'br':
			case 'cr':
				if (parent === 'r') addText('\n');
				return;
			case 'noBreakHyphen':
				addText('-');
				return;
			case 'sym': {
				const ch = symbolChar(attr(tag, 'font') ?? '', parseInt(attr(tag, 'char') ?? '', 16));
				if (ch) addText(ch);
				return;
			}
			case 'drawing':
			case 'pict':
			case 'object':
				doc.pictures++;
				return;
			case 'sdt':
				sdts.push({ checkbox: false, checked: false, placeholder: false, inContent: false });
				return;
			case 'checkbox': {
				const sdt = sdts.at(-1);
				if (sdt) sdt.checkbox = true;
				return;
			}
			case 'checked': {
				const sdt = sdts.at(-1);
				const field = fields.at(-1);
				if (parent === 'checkbox' && sdt?.checkbox && !sdt.inContent) sdt.checked = onOff(tag);
				else if (parent === 'checkBox' && field) field.checked = onOff(tag);
				return;
			}
			case 'default': {
				const field = fields.at(-1);
				if (parent === 'checkBox' && field) field.fallback = onOff(tag);
				return;
			}
			case 'showingPlcHdr': {
				const sdt = sdts.at(-1);
				if (sdt) sdt.placeholder = onOff(tag);
				return;
			}
			case 'sdtContent': {
				const sdt = sdts.at(-1);
				if (sdt) {
					sdt.inContent = true;
					if (sdt.checkbox) addBox({ kind: 'box', checked: sdt.checked });
				}
				return;
			}
			case 'fldChar': {
				const type = attr(tag, 'fldCharType');
				if (type === 'begin') fields.push({ checkbox: false, checked: null, fallback: false, inResult: false, shown: false });
				else if (type === 'separate') {
					const field = fields.at(-1);
					if (field) field.inResult = true;
				} else if (type === 'end') fields.pop();
				return;
			}
			case 'checkBox': {
				const field = fields.at(-1);
				if (field) field.checkbox = true;
				return;
			}
			case 'tbl': {
				const table: Table = { kind: 'table', number: ++tableCount, rows: [] };
				blocks.push(table);
				tables.push({ table, row: null, col: 0, cell: null, span: 1, vMerge: 'none', outer: blocks, merges: new Map() });
				paragraph = null;
				return;
			}
			case 'tr': {
				const t = tables.at(-1);
				if (t) {
					t.row = { cells: [] };
					t.table.rows.push(t.row);
					t.col = 0;
				}
				return;
			}
			case 'gridBefore': {
				const t = tables.at(-1);
				if (t && parent === 'trPr') t.col += Number(attr(tag, 'val') ?? 0) || 0;
				return;
			}
			case 'tc': {
				const t = tables.at(-1);
				if (t?.row) {
					t.cell = { blocks: [], col: t.col, span: 1 };
					t.span = 1;
					t.vMerge = 'none';
					t.row.cells.push(t.cell);
					blocks = t.cell.blocks;
				}
				return;
			}
			case 'gridSpan': {
				const t = tables.at(-1);
				if (t?.cell && parent === 'tcPr') t.span = Math.max(1, Number(attr(tag, 'val') ?? 1) || 1);
				return;
			}
			case 'vMerge': {
				const t = tables.at(-1);
				if (t?.cell && parent === 'tcPr') t.vMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
				return;
			}
		}
	});

	parser.on('text', (text) => {
		if (!inText) return;
		// Text in a symbol font (Wingdings) shows as its glyph: a ticked or empty box, a tick, a cross.
		const font = run?.font ?? '';
		if (font && SYMBOL_FONTS[font.toLowerCase()]) addText(Array.from(text, (c) => symbolChar(font, c.charCodeAt(0)) ?? c).join(''));
		else addText(text);
	});

	parser.on('closetag', (tag) => {
		const name = local(tag.name);
		path.pop();
		if (skip > 0) {
			if (name === 'del' || name === 'moveFrom' || name === 'txbxContent' || name === 'Fallback') skip--;
			return;
		}
		switch (name) {
			case 't':
				inText = false;
				return;
			case 'r':
				run = null;
				return;
			case 'p':
				paragraph = null;
				return;
			case 'sdt':
				sdts.pop();
				return;
			case 'fldChar': {
				const field = fields.at(-1);
				// A form checkbox is placed once, when its begin mark closes with its ffData read.
				if (field?.checkbox && !field.inResult && !field.shown) {
					field.shown = true;
					addBox({ kind: 'box', checked: field.checked ?? field.fallback });
				}
				return;
			}
			case 'tc': {
				const t = tables.at(-1);
				if (t?.cell) {
					const cell = t.cell;
					cell.span = t.span;
					if (t.vMerge === 'restart') {
						cell.origin = cell;
						t.merges.set(cell.col, cell);
					} else if (t.vMerge === 'continue') {
						const above = t.merges.get(cell.col);
						if (above) {
							cell.origin = above;
							// The text of a merged cell is known in every row it covers.
							cell.blocks = above.blocks;
						}
					} else t.merges.delete(cell.col);
					t.col += cell.span;
					t.cell = null;
					blocks = t.outer;
				}
				return;
			}
			case 'tbl': {
				const t = tables.pop();
				if (t) blocks = t.outer;
				const outerCell = tables.at(-1)?.cell;
				if (outerCell) blocks = outerCell.blocks;
				paragraph = null;
				return;
			}
		}
	});

	parser.write(xml).close();
	return doc;
}

/** The text of a paragraph, checkboxes left out. */
export function paragraphText(p: Paragraph): string {
	let s = '';
	for (const i of p.inlines) if (i.kind === 'text') s += i.text;
	return s;
}

/** Every paragraph of some blocks, nested tables' paragraphs included, in order. */
export function paragraphsOf(blocks: Block[]): Paragraph[] {
	const out: Paragraph[] = [];
	for (const b of blocks) {
		if (b.kind === 'p') out.push(b);
		// A merged cell's text once, from the cell where the merge starts.
		else for (const row of b.rows) for (const cell of row.cells) if (cell.origin === undefined || cell.origin === cell) out.push(...paragraphsOf(cell.blocks));
	}
	return out;
}

/** The plain text of some blocks: paragraphs on lines of their own, spaces tidied. */
export function blocksText(blocks: Block[]): string {
	return paragraphsOf(blocks)
		.map((p) =>
			paragraphText(p)
				.replace(/[ \t\u00a0]+/g, ' ')
				.trim()
		)
		.filter(Boolean)
		.join('\n');
}
