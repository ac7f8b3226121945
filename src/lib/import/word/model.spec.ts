import { describe, expect, it } from 'vitest';
import { blocksText, readDocumentXml, type Table } from './model';
import { box, del, documentXml, formBox, p, placeholder, r, sym, tbl, tc, tr } from '../../../../tests/unit/word-docx';

const tableOf = (xml: string) => readDocumentXml(documentXml(xml)).blocks.find((b): b is Table => b.kind === 'table')!;
const texts = (t: Table) => t.rows.map((row) => row.cells.map((c) => blocksText(c.blocks)));

describe('the document model', () => {
	it('knows a vertically merged cell’s text in every row it covers, and each cell’s grid column across spans', () => {
		const t = tableOf(tbl(tr(tc('A', { span: 2 }), tc('Lego therapy', { merge: 'restart' })), tr('B', 'C', tc([p()], { merge: 'continue' })), tr(tc('D', { span: 2 }), tc('Own'))));
		expect(texts(t)).toEqual([
			['A', 'Lego therapy'],
			['B', 'C', 'Lego therapy'],
			['D', 'Own']
		]);
		expect(t.rows.map((row) => row.cells.map((c) => c.col))).toEqual([
			[0, 2],
			[0, 1, 2],
			[0, 2]
		]);
		expect(t.rows[1].cells[2].origin).toBe(t.rows[0].cells[1]);
		expect(t.rows[2].cells[1].origin).toBeUndefined();
	});

	it('keeps nested tables inside their cell, numbered in document order', () => {
		const doc = readDocumentXml(documentXml(tbl(tr(tc([p('Outer'), tbl(tr('Inner 1', 'Inner 2')), p('After')]), 'Right')), tbl(tr('Second'))));
		const outer = doc.blocks[0] as Table;
		const inner = outer.rows[0].cells[0].blocks[1] as Table;
		expect([outer.number, inner.number, (doc.blocks[1] as Table).number]).toEqual([1, 2, 3]);
		expect(texts(inner)).toEqual([['Inner 1', 'Inner 2']]);
		expect(blocksText(outer.rows[0].cells[0].blocks)).toBe('Outer\nInner 1\nInner 2\nAfter');
		expect(texts(outer)[0][1]).toBe('Right');
	});

	it('leaves out deleted text, placeholder prompts, field codes and the glyph inside a checkbox', () => {
		const doc = readDocumentXml(documentXml(p('Kept ', del('gone '), placeholder('Click or tap here to enter text.'), formBox(true), box(false), 'end')));
		const para = doc.blocks[0];
		expect(para.kind === 'p' && para.inlines).toEqual([
			{ kind: 'text', text: 'Kept ', bold: false, highlight: false, strike: false },
			{ kind: 'box', checked: true },
			{ kind: 'box', checked: false },
			{ kind: 'text', text: 'end', bold: false, highlight: false, strike: false }
		]);
	});

	it('keeps bold, highlight, shading and strike-through, and reads symbol-font ticks as the marks they show', () => {
		const doc = readDocumentXml(
			documentXml(p(r('b', { b: true }), r('h', { hl: true }), r('s', { shade: true }), r('x', { strike: true }), sym('F0FE'), sym('F050', 'Wingdings 2'), r('¨', { font: 'Wingdings' })))
		);
		const para = doc.blocks[0];
		expect(para.kind === 'p' && para.inlines.map((i) => (i.kind === 'text' ? [i.text, i.bold, i.highlight, i.strike] : i))).toEqual([
			['b', true, false, false],
			['hs', false, true, false],
			['x', false, false, true],
			['☒✓☐', false, false, false]
		]);
	});

	it('counts pictures and never reads them', () => {
		const doc = readDocumentXml(documentXml(p('<w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r>'), p('<w:r><w:pict/></w:r>')));
		expect(doc.pictures).toBe(2);
	});
});
