import { strFromU8, unzipSync } from 'fflate';

/**
 * Opening a .docx: the bytes are recognised by their signature, and only the main document part is
 * unpacked, within a budget checked against the archive's index before anything is unpacked. Files that
 * are not a readable Word document are refused with what to do.
 */

/** The most a document's main part may unpack to: far above any plan, far below a zip bomb. */
export const DOCUMENT_BUDGET = 64 * 1024 * 1024;
const MAIN_PART = 'word/document.xml';

export type Opened = { xml: string } | { refused: string };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Whether the UTF-16 name of the stream an encrypted Office file keeps its package in is in the bytes. */
function holdsEncryptedPackage(bytes: Uint8Array): boolean {
	const name = 'EncryptedPackage';
	outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
		for (let j = 0; j < name.length; j++) if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
		return true;
	}
	return false;
}

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const baseName = (name: string) => name.split(/[/\\]/).pop() ?? name;

export function openDocx(name: string, bytes: Uint8Array): Opened {
	const ext = extension(name);
	if (baseName(name).startsWith('~$')) return { refused: 'This is a lock file Word leaves beside a document while it is open, not a plan. Close Word and leave this file out.' };
	if (startsWith(bytes, OLE)) {
		if (holdsEncryptedPackage(bytes))
			return { refused: 'This document is protected by a password, so it cannot be read. Remove the password in Word (File, Info, Protect Document), save it, then choose it again.' };
		return { refused: 'This is in the old Word format (.doc). Open it in Word and save it as a Word Document (.docx), then choose the .docx.' };
	}
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { refused: 'This is a PDF, which cannot be read as a plan. Choose the Word document (.docx) the PDF was made from.' };
	if (!startsWith(bytes, [0x50, 0x4b])) {
		if (ext === 'doc' || ext === 'rtf') return { refused: 'This is not a .docx Word document. Open it in Word and save it as a Word Document (.docx), then choose the .docx.' };
		return { refused: 'This is not a Word document (.docx). Choose the plan saved from Word as .docx.' };
	}
	let parts: Record<string, Uint8Array>;
	let tooLarge = false;
	let hasMain = false;
	try {
		parts = unzipSync(bytes, {
			filter: (file) => {
				if (file.name !== MAIN_PART) return false;
				hasMain = true;
				if (file.originalSize > DOCUMENT_BUDGET) {
					tooLarge = true;
					return false;
				}
				return true;
			}
		});
	} catch {
		return { refused: 'This file is damaged and cannot be opened. Open it in Word; if Word repairs it, save it again as .docx and choose it again.' };
	}
	if (tooLarge) return { refused: 'This document is far larger than a plan could be, so it was not opened. Check it is the right file.' };
	const main = parts[MAIN_PART];
	if (!hasMain || !main) return { refused: 'This is a zip file but not a Word document (it holds no document text). Choose the plan saved from Word as .docx.' };
	try {
		return { xml: strFromU8(main) };
	} catch {
		return { refused: 'This file is damaged and cannot be opened. Open it in Word; if Word repairs it, save it again as .docx and choose it again.' };
	}
}
