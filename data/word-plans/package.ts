// A rendered document as .docx bytes: legacy form-field checkboxes swapped in for their placeholders,
// and the package written again with fixed dates so the same plans always give the same bytes.
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const FIXED = '2026-01-05T09:00:00Z';
let legacyCount = 0;

/** The field Word writes for a legacy check box (Developer > Legacy Tools > Check Box Form Field). */
function legacyCheckbox(state: string): string {
	const name = `Check${++legacyCount}`;
	const value = state === 'D' ? '<w:default w:val="1"/>' : state === '1' ? '<w:default w:val="0"/><w:checked/>' : '<w:default w:val="0"/>';
	return (
		`<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>${value}</w:checkBox></w:ffData></w:fldChar></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	);
}

const PLACEHOLDER_RUN = /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t(?: [^>]*)?>\[\[FORMCHECKBOX:([01D])\]\]<\/w:t><\/w:r>/g;

export async function toDocx(doc: Document): Promise<Uint8Array> {
	legacyCount = 0;
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
	const xml = strFromU8(files['word/document.xml']);
	files['word/document.xml'] = strToU8(xml.replace(PLACEHOLDER_RUN, (_, state: string) => legacyCheckbox(state)));
	if (strFromU8(files['word/document.xml']).includes('[[FORMCHECKBOX')) throw new Error('A legacy checkbox placeholder was not replaced');
	const core = files['docProps/core.xml'];
	if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED}`));
	return zipSync(files, { level: 6, mtime: FIXED });
}
