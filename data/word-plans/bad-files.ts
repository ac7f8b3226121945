// Files a folder of plans holds that cannot be read: refused one by one, or listed for having no plan grid.
import { Document, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * A compound file (the container of old .doc files and of password-protected .docx files) with the
 * given stream names in its directory: enough for a reader to tell which it is, not a whole file.
 */
function compoundFile(streams: string[]): Uint8Array {
	const bytes = new Uint8Array(512 + 128 * Math.max(4, streams.length));
	bytes.set(OLE_SIGNATURE, 0);
	bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24); // minor/major version, byte order, sector shift
	streams.forEach((name, i) => {
		const entry = 512 + 128 * i;
		bytes.set(utf16(name), entry);
		bytes.set([(name.length + 1) * 2, 0], entry + 64);
		bytes[entry + 66] = i === 0 ? 5 : 2; // root storage, then streams
	});
	return bytes;
}

export const oldWord = () => compoundFile(['Root Entry', 'WordDocument', '1Table', '\u0005SummaryInformation']);
export const passwordProtected = () => compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);

export function pdf(): Uint8Array {
	const text = [
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
		''
	].join('\n');
	return new TextEncoder().encode(text);
}

/** A .docx cut short, as an interrupted copy leaves it. */
export const damaged = (whole: Uint8Array) => whole.slice(0, Math.floor(whole.length * 0.6));

export const noGridLabels = ["Child's name", 'Class', 'Date of meeting', 'Time', 'Place'];

/** A letter inviting parents to a review: labels but no plan grid. */
export function noGrid(childName: string): Document {
	const values = [childName, 'Willow class', '03/12/2025', '3.30pm', 'Small hall'];
	return new Document({
		creator: 'Provision Lens demo',
		title: 'Invitation to a review meeting',
		sections: [
			{
				children: [
					new Paragraph({ children: [new TextRun({ text: 'Invitation to a review meeting', bold: true })] }),
					new Paragraph('Dear parent or carer, we would like to invite you to the review of your child’s SEN Support Plan.'),
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						rows: noGridLabels.map(
							(label, i) =>
								new TableRow({
									children: [new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }), new TableCell({ children: [new Paragraph(values[i])] })]
								})
						)
					}),
					new Paragraph('Please let the school office know if the time does not suit you.')
				]
			}
		]
	});
}
