import { paragraphText, paragraphsOf, type Block, type Cell, type Paragraph, type Row, type Table, type WordDocument } from './model';
import type { WordField } from './types';
import { fieldOfLabel, labelKey, labelPrefix, roleOfHeading, type GridRole } from './wordings';

/**
 * Finding a plan's parts by their words: each label with the value written against it (after it in the
 * same cell or paragraph, in the cell to its right, or in the cell below), and each grid with its
 * columns' roles, in document order.
 */

export interface FoundLabel {
	kind: 'label';
	/** The label as written (trimmed, without its colon); a template's wording, never a value. */
	wording: string;
	key: string;
	/** The dictionary's field; null for a label-like wording the dictionary does not know. */
	field: WordField | null;
	where: string;
	value: Paragraph[];
	/** The value's text, lines joined with newlines, spaces tidied. */
	text: string;
}

export interface GridRow {
	where: string;
	cells: Partial<Record<GridRole, Cell[]>>;
	/** The heading the row sits under, where a grid groups its rows under headings across its width (the Pupil Support Plan's areas of need). */
	heading: Paragraph[];
}

export interface FoundGrid {
	kind: 'grid';
	/** A Group Intervention Plan's review: one row per pupil with pre and post measures. */
	group: boolean;
	table: number;
	headings: { label: string; role: GridRole | null }[];
	rows: GridRow[];
}

export type Found = FoundLabel | FoundGrid;

export const cellParagraphs = (cell: Cell): Paragraph[] => paragraphsOf(cell.blocks);

export function linesOf(paragraphs: Paragraph[]): string {
	return paragraphs
		.map((p) =>
			paragraphText(p)
				.replace(/[ \t\u00a0]+/g, ' ')
				.trim()
		)
		.filter(Boolean)
		.join('\n');
}

/** The paragraph from character `from` of its text on (checkboxes at or after that point kept). */
function sliceParagraph(p: Paragraph, from: number): Paragraph {
	const out: Paragraph = { kind: 'p', inlines: [] };
	let at = 0;
	for (const inline of p.inlines) {
		if (inline.kind === 'box') {
			if (at >= from) out.inlines.push(inline);
			continue;
		}
		const end = at + inline.text.length;
		if (end > from) out.inlines.push({ ...inline, text: inline.text.slice(Math.max(0, from - at)) });
		at = end;
	}
	return out;
}

const hasContent = (ps: Paragraph[]) => ps.some((p) => p.inlines.some((i) => i.kind === 'box' || /[\p{L}\p{N}☐☒☑✓✔✗]/u.test(i.text)));

interface LabelAt {
	wording: string;
	key: string;
	field: WordField | null;
	/** Where the value starts in the paragraph's text; the paragraph's end when the value follows it. */
	from: number;
	/** Written as `Label: value`: only these are read inside another label's cell. */
	colon: boolean;
}

const labelsOf = new WeakMap<Paragraph, LabelAt | null>();

/** The label a paragraph starts with, if any: known wordings, or an unknown one written `Label:`. */
function labelAt(p: Paragraph): LabelAt | null {
	let l = labelsOf.get(p);
	if (l === undefined) {
		l = findLabel(p);
		labelsOf.set(p, l);
	}
	return l;
}

function findLabel(p: Paragraph): LabelAt | null {
	const text = paragraphText(p);
	if (text.length > 240) return null;
	const colon = text.indexOf(':');
	if (colon > 0 && colon <= 80) {
		const head = text.slice(0, colon).trim();
		const key = labelKey(head);
		const field = fieldOfLabel(key);
		if (field) return { wording: head, key, field, from: colon + 1, colon: true };
		if (key && head.length <= 60 && !/[\d@]/.test(head) && /^\S+(?:\s+\S+){0,7}$/.test(head)) return { wording: head, key, field: null, from: colon + 1, colon: true };
	}
	const key = labelKey(text);
	if (!key) return null;
	const field = fieldOfLabel(key);
	const wording = text.trim().replace(/[:?.…]+\s*$/, '');
	if (field) return { wording, key, field, from: text.length, colon: false };
	// A short wording set in bold is a template's label the dictionary does not know: listed, so the SENDCo can map it.
	if (wording.length <= 120 && !/[\d@]/.test(wording) && p.inlines.every((i) => i.kind === 'text' && (i.bold || !i.text.trim()))) return { wording, key, field: null, from: text.length, colon: false };
	const prefix = labelPrefix(key);
	const digit = text.search(/\d/);
	if (prefix && digit > 0) {
		const wording = text.slice(0, digit).trim();
		if (labelKey(wording) === prefix.label) return { wording, key: prefix.label, field: prefix.field, from: digit, colon: false };
	}
	return null;
}

const firstLabel = (cell: Cell) => {
	const first = cellParagraphs(cell).find((p) => paragraphText(p).trim());
	return first ? labelAt(first) : null;
};
const isLabelCell = (cell: Cell | undefined) => (cell ? firstLabel(cell)?.field != null : false);
/**
 * A value cell that is itself a few `Date: … Name: …` lines (the APDR's "Plan agreed by SENCO"): the
 * label above or beside it is read from those lines, and the lines are still listed as labels of their own.
 */
const isDateLines = (cell: Cell | undefined) => (cell ? firstLabel(cell)?.key === 'date' : false);

/** Headings are a few words (with a hint in brackets at most): longer text is a grid's content, not its heading. */
const HEADING_CHARS = 400;

function headingOf(cell: Cell): { label: string; role: GridRole | null } {
	const texts = cellParagraphs(cell).map(paragraphText);
	const first = texts.find((t) => t.trim()) ?? '';
	const all = texts.join(' ');
	const role = all.length > HEADING_CHARS ? null : (roleOfHeading(labelKey(first)) ?? roleOfHeading(labelKey(all)));
	return { label: first.replace(/\s+/g, ' ').trim().slice(0, 120), role };
}

type Header = { group: boolean; headings: { label: string; role: GridRole | null; col: number; span: number }[] } | null;
const headers = new WeakMap<Row, Header>();

function gridHeader(row: Row): Header {
	let h = headers.get(row);
	if (h === undefined) {
		h = findHeader(row);
		headers.set(row, h);
	}
	return h;
}

function findHeader(row: Row): Header {
	if (row.cells.length < 2) return null;
	const headings = row.cells.map((c) => ({ ...headingOf(c), col: c.col, span: c.span }));
	const roles = new Set(headings.map((h) => h.role));
	if (roles.has('pupil') && (roles.has('pre') || roles.has('post'))) return { group: true, headings };
	const others = ['need', 'provision', 'strategies', 'outcome', 'next_steps', 'success'].filter((r) => roles.has(r as GridRole)).length;
	if (roles.has('target') && others >= 1) return { group: false, headings };
	return null;
}

const cellBelow = (rows: Row[], r: number, cell: Cell) => rows[r + 1]?.cells.find((c) => c.col <= cell.col && cell.col < c.col + c.span);

export function findLayout(doc: WordDocument): Found[] {
	const found: Found[] = [];
	const used = new Set<Cell>();

	const label = (l: LabelAt, where: string, value: Paragraph[]) => {
		found.push({ kind: 'label', wording: l.wording.replace(/\s+/g, ' ').slice(0, 120), key: l.key, field: l.field, where, value, text: linesOf(value) });
	};

	/** The labels of one cell: the first paragraph, then any `Label: value` paragraphs after it. */
	function cellLabels(rows: Row[], r: number, c: number) {
		const cell = rows[r].cells[c];
		if (used.has(cell) || (cell.origin && cell.origin !== cell)) return;
		const ps = cellParagraphs(cell);
		const real: { at: number; l: LabelAt }[] = [];
		let first = true;
		ps.forEach((p, i) => {
			if (!paragraphText(p).trim()) return;
			const l = labelAt(p);
			if (l && (first || (l.colon && l.field !== null))) real.push({ at: i, l });
			first = false;
		});
		real.forEach(({ at, l }, k) => {
			const until = real[k + 1]?.at ?? ps.length;
			const inline = [sliceParagraph(ps[at], l.from), ...ps.slice(at + 1, until)];
			const where = `header: ${l.wording.replace(/\s+/g, ' ').slice(0, 80)}`;
			if (hasContent(inline) || k > 0 || real.length > 1) return label(l, where, inline);
			const right = rows[r].cells[c + 1];
			const below = cellBelow(rows, r, cell);
			for (const next of [right, below]) {
				if (!next || used.has(next) || (next === below && gridHeader(rows[r + 1]))) continue;
				if (isDateLines(next)) return label(l, where, cellParagraphs(next));
				if (isLabelCell(next)) continue;
				used.add(next);
				return label(l, where, cellParagraphs(next));
			}
			label(l, where, []);
		});
	}

	function table(t: Table) {
		let grid: (FoundGrid & { columns: { role: GridRole | null; col: number; span: number }[]; heading: Paragraph[] }) | null = null;
		t.rows.forEach((row, r) => {
			const header = gridHeader(row);
			if (header) {
				grid = { kind: 'grid', group: header.group, table: t.number, headings: header.headings.map(({ label, role }) => ({ label, role })), rows: [], columns: header.headings, heading: [] };
				found.push(grid);
				return;
			}
			if (grid && !row.cells.some((c) => isLabelCell(c) && !used.has(c))) {
				const width = grid.columns.reduce((w, h) => Math.max(w, h.col + h.span), 0);
				if (row.cells.length === 1 && row.cells[0].span >= width - row.cells[0].col && width > 1) {
					grid.heading = cellParagraphs(row.cells[0]);
					return;
				}
				const cells: GridRow['cells'] = {};
				for (const cell of row.cells) {
					const column = grid.columns.find((h) => h.col <= cell.col && cell.col < h.col + h.span);
					if (!column?.role) continue;
					(cells[column.role] ??= []).push(cell);
				}
				grid.rows.push({ where: `${grid.group ? 'group review' : 'plan grid'} (table ${t.number}), row ${grid.rows.length + 1}`, cells, heading: grid.heading });
				return;
			}
			grid = null;
			row.cells.forEach((_, c) => cellLabels(t.rows, r, c));
			for (const cell of row.cells) for (const b of cell.blocks) if (b.kind === 'table' && (!cell.origin || cell.origin === cell)) table(b);
		});
	}

	function body(blocks: Block[]) {
		blocks.forEach((b, i) => {
			if (b.kind === 'table') return table(b);
			const l = labelAt(b);
			if (!l || l.field === null) {
				// An unknown `Label:` in running text is listed only when it has a value written after it.
				if (l && hasContent([sliceParagraph(b, l.from)])) label(l, `paragraph: ${l.wording.slice(0, 80)}`, [sliceParagraph(b, l.from)]);
				return;
			}
			const where = `paragraph: ${l.wording.replace(/\s+/g, ' ').slice(0, 80)}`;
			const inline = sliceParagraph(b, l.from);
			if (hasContent([inline])) return label(l, where, [inline]);
			// A heading with its text in the paragraphs after it, or in a box (a one-cell table) just below.
			const next = blocks[i + 1];
			if (next?.kind === 'table' && next.rows.length === 1 && next.rows[0].cells.length === 1) {
				used.add(next.rows[0].cells[0]);
				return label(l, where, cellParagraphs(next.rows[0].cells[0]));
			}
			const value: Paragraph[] = [];
			for (let j = i + 1; j < blocks.length; j++) {
				const n = blocks[j];
				if (n.kind !== 'p' || labelAt(n)?.field) break;
				value.push(n);
			}
			label(l, where, value);
		});
	}

	body(doc.blocks);
	return found;
}
