import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_BUDGET, openDocx } from './container';
import { docx, p } from '../../../../tests/unit/word-docx';

/** The archive with the unpacked size its index declares for word/document.xml changed (an index can lie). */
function declaring(size: number): Uint8Array {
	const bytes = docx(p('A plan'));
	const name = strToU8('word/document.xml');
	for (let at = 0; at + 46 < bytes.length; at++) {
		if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x01 || bytes[at + 3] !== 0x02) continue;
		const nameLength = bytes[at + 28] | (bytes[at + 29] << 8);
		if (nameLength === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) {
			new DataView(bytes.buffer, bytes.byteOffset).setUint32(at + 24, size, true);
			return bytes;
		}
	}
	throw new Error('no central directory entry');
}

describe('opening a .docx', () => {
	it('opens a Word document and gives its main part', () => {
		const opened = openDocx('plan.docx', docx(p('A plan')));
		expect('xml' in opened && opened.xml).toContain('A plan');
	});

	it('refuses a document whose index says it unpacks to more than the budget, before unpacking it', () => {
		expect(openDocx('bomb.docx', declaring(DOCUMENT_BUDGET + 1))).toEqual({ refused: expect.stringMatching(/far larger than a plan/) });
	});

	it('never unpacks more than the index declares (a part that lies is cut short, and then cannot be read)', () => {
		const opened = openDocx('liar.docx', declaring(40));
		expect('xml' in opened && opened.xml.length).toBe(40);
	});

	it('refuses a zip that is not a Word document, and a file that is not a zip', () => {
		expect(openDocx('notes.docx', zipSync({ 'a.txt': strToU8('hello') }))).toEqual({ refused: expect.stringMatching(/not a Word document/) });
		expect(openDocx('notes.txt', strToU8('hello'))).toEqual({ refused: expect.stringMatching(/not a Word document/) });
		expect(openDocx('old.rtf', strToU8('{\\rtf1 hello}'))).toEqual({ refused: expect.stringMatching(/save it as a Word Document \(\.docx\)/) });
	});
});
