import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate } from '../format';
import type { StrategyDocument } from './strategy';
import { isNumericText } from './html';

/**
 * The strategy as an editable Word document: real headings (Heading 1 and 2, so Word's navigation
 * pane and a screen reader find them), real tables with a header row that repeats on each page,
 * and the same words and figures as the page and its print. Built with `docx`; no images.
 */
export function strategyDocx(doc: StrategyDocument): Document {
	const cell = (text: string, header: boolean, numeric: boolean) =>
		new TableCell({
			children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header })] })]
		});
	const children: (Paragraph | Table)[] = [
		new Paragraph({ text: `${doc.title}: ${doc.school}`, heading: HeadingLevel.HEADING_1 }),
		new Paragraph({ text: `${doc.period} · figures as of ${formatDate(doc.asOf)}` }),
		new Paragraph({ children: [new TextRun({ text: doc.suppressionNote, italics: true })] })
	];
	if (doc.toComplete.length) {
		children.push(new Paragraph({ children: [new TextRun({ text: 'Still to be written by the school before publishing:', bold: true })] }));
		for (const item of doc.toComplete) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
	}
	for (const section of doc.sections) {
		children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }));
		for (const point of section.points ?? []) children.push(new Paragraph({ text: point, bullet: { level: 0 } }));
		for (const text of section.paragraphs) children.push(new Paragraph({ text }));
		for (const t of section.tables) {
			children.push(new Paragraph({ children: [new TextRun({ text: t.caption, bold: true })], keepNext: true }));
			children.push(
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c, true, i > 0 && t.rows.every((r) => isNumericText(r[i] ?? '')))) }),
						...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i === 0, i > 0 && isNumericText(v))) }))
					]
				})
			);
			children.push(new Paragraph({ text: '' }));
		}
	}
	return new Document({
		title: `${doc.title}: ${doc.school}, ${doc.period}`,
		description: 'Inclusion strategy drafted by Provision Lens from the school’s provision map',
		creator: 'Provision Lens',
		styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
		sections: [{ children }]
	});
}

/** The .docx file's bytes (the page downloads them; the command line writes them). */
export async function strategyDocxBytes(doc: StrategyDocument): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await Packer.toArrayBuffer(strategyDocx(doc)));
}

/** A file name for the strategy: `inclusion-strategy-oakfield-primary-2026-27.docx`. */
export const strategyFileName = (doc: StrategyDocument, ext: string): string => `inclusion-strategy-${doc.school}-${doc.year}`.toLowerCase().replace(/[^a-z0-9]+/g, '-') + `.${ext}`;
