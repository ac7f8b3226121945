// The fictional Word plans of `npm run demo:word`: every document opens as a Word package, every way of
// marking a choice is in the XML as Word writes it, the truth files agree with the documents and with
// each other, and the demo's CSV truth is the same plans as its documents and loads without a rejected row.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { readKeyFile, type SchoolKey } from '../../src/lib/import/word/pseudonym';
import { buildSchool, DEMO_SCHOOL } from '../../data/word-plans/school';
import { tableNames, toCsv, truthOf, type Rows } from '../../data/word-plans/truth';
import { importText } from './load';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/word');
const demo = join(root, 'data/demo-word');
const demoCsv = join(root, 'data/demo-word-csv');

interface Truth {
	document: string | null;
	marking: string | null;
	tables: Rows;
	problems: { table: string; id: string; column: string }[];
	refused: { document: string }[];
	noGrid: { document: string; labels: string[] }[];
	possibleMatches: { pupilIds: string[]; documents: string[] }[];
	mustNotAppear: string[];
}
const truth = (file: string): Truth => JSON.parse(readFileSync(join(fixtures, 'expected', `${file}.json`), 'utf8'));
const bytes = (file: string) => new Uint8Array(readFileSync(join(fixtures, file)));

/** word/document.xml of a .docx, checked to be well-formed XML. */
function documentXml(data: Uint8Array): string {
	const xml = strFromU8(unzipSync(data)['word/document.xml']);
	const parser = new SaxesParser();
	parser.write(xml).close();
	return xml;
}

/** The document's words, a line per paragraph, as a person reading it would see them. */
function plainText(xml: string): string {
	let text = '';
	let inText = false;
	const parser = new SaxesParser();
	parser.on('opentag', (t) => (inText = t.name === 'w:t'));
	parser.on('closetag', (t) => {
		inText = false;
		if (t.name === 'w:p') text += '\n';
	});
	parser.on('text', (t) => {
		if (inText) text += t;
	});
	parser.write(xml).close();
	return text;
}
const cells = (xml: string) => xml.match(/<w:tc>.*?<\/w:tc>/g) ?? [];

const docxFixtures = readdirSync(fixtures).filter((f) => f.endsWith('.docx') && f !== 'damaged.docx' && f !== 'password-protected.docx');
const xmlOf = (file: string) => documentXml(bytes(file));

describe('the Word plan fixtures', () => {
	it('open as Word packages with a well-formed word/document.xml, each with its truth', () => {
		expect(docxFixtures.length).toBeGreaterThanOrEqual(13);
		for (const file of docxFixtures) {
			expect(xmlOf(file), file).toContain('<w:body>');
			expect(truth(file).document).toBe(file);
		}
	});

	it('hold Word content-control checkboxes, ticked and not', () => {
		const xml = xmlOf('apdr-content-control.docx');
		expect(xml).toContain('<w14:checkbox>');
		expect(xml).toContain('<w14:checked w14:val="1"/>');
		expect(xml).toContain('<w14:checked w14:val="0"/>');
	});

	it('hold legacy form-field checkboxes, checked by w:checked and by their default', () => {
		const xml = xmlOf('apdr-legacy-checkbox.docx');
		expect(xml).toContain('<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText>');
		expect(xml).toContain('<w:default w:val="0"/><w:checked/>');
		expect(xml).toContain('<w:default w:val="1"/>');
		expect(xml).not.toContain('[[FORMCHECKBOX');
		expect(xml).not.toContain('w14:checkbox');
	});

	it('hold marks typed beside the chosen option: ☒ ☑ ✓ ✔ X', () => {
		const text = plainText(xmlOf('apdr-typed-marks.docx'));
		expect(text).toContain('☐ SEN Support/ Graduated approach   ☒ EHCP');
		expect(text).toContain('☑ Social, Emotional and Mental Health');
		expect(text).toContain('✓ YES');
		expect(text).toContain('✔ Progress');
		expect(text).toContain('X NO');
	});

	it('hold choices with the other options deleted', () => {
		const text = plainText(xmlOf('apdr-options-deleted.docx'));
		expect(text).toContain('SEN Support/ Graduated approach');
		expect(text).not.toContain('EHCP');
		expect(text).toContain('Sensory and or Physical');
		expect(text).not.toMatch(/Cognition and Learning|Medical/);
	});

	it('hold the chosen option in bold, and highlighted, with the others plain', () => {
		const bold = xmlOf('apdr-bold.docx');
		expect(bold).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">SEN Support\/ Graduated approach<\/w:t><\/w:r>/);
		expect(bold).toMatch(/<w:r><w:t xml:space="preserve">EHCP<\/w:t><\/w:r>/);
		const highlight = xmlOf('apdr-highlight.docx');
		expect(highlight).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">Cognition and Learning<\/w:t>/);
		expect(highlight).toMatch(/<w:r><w:t xml:space="preserve">Medical<\/w:t><\/w:r>/);
	});

	it('hold outcomes typed as words, in the APDR grid, the Pupil Support Plan and the IEP', () => {
		for (const [file, words] of [
			['apdr-appended-review.docx', ['Yes', 'Partly', 'not yet']],
			['pupil-support-plan.docx', ['Yes', 'Partly', 'not yet']],
			['iep-target-strategies.docx', ['Achieved', 'Partially achieved', 'Not yet achieved']]
		] as const) {
			const cellTexts = cells(xmlOf(file)).map((c) => plainText(`<w:body xmlns:w="w">${c}</w:body>`).trim());
			for (const word of words) expect(cellTexts, `${file}: ${word}`).toContain(word);
		}
	});

	it('hold one unreadable mark: YES and NO both ticked in one cell, and it is a problem in the truth', () => {
		const ticked = cells(xmlOf('apdr-unreadable-mark.docx')).filter((c) => (c.match(/<w14:checked w14:val="1"\/>/g) ?? []).length === 2);
		expect(ticked).toHaveLength(1);
		expect(plainText(`<w:body xmlns:w="w">${ticked[0]}</w:body>`)).toMatch(/YES.*NO.*Progress/);
		expect(truth('apdr-unreadable-mark.docx').problems).toEqual([expect.objectContaining({ table: 'targets', column: 'outcome' })]);
	});

	it('hold merged cells: a provision merged down the grid, headings merged across', () => {
		expect(xmlOf('apdr-content-control.docx')).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*<w:vMerge w:val="continue"\/>/);
		expect(xmlOf('pupil-support-plan.docx')).toContain('<w:gridSpan w:val="5"/>');
		const targets = truth('apdr-content-control.docx').tables.targets;
		expect(targets[0].provision_ids).toBe(targets[1].provision_ids);
	});

	it('write each target and provision of the truth into its document, with the name where the truth has [Pupil]', () => {
		for (const file of docxFixtures.filter((f) => f !== 'no-plan-grid.docx')) {
			const t = truth(file);
			const text = plainText(xmlOf(file)).replace(/\s+/g, ' ');
			const first = t.mustNotAppear.find((v) => /^[A-Z][a-z]+$/.test(v))!;
			for (const target of t.tables.targets) expect(text, file).toContain(target.target_text.replaceAll('[Pupil]', first));
			for (const p of t.tables.provisions) expect(text, file).toContain(p.intervention);
			// The personal values the reader must leave out are really there to be left out (the Pupil Support
			// Plan has the surname and other names in fields of their own).
			for (const value of t.mustNotAppear.filter((v) => !/^\d{4}-\d\d-\d\d$/.test(v))) for (const word of value.split(' ')) expect(text, file).toContain(word);
		}
	});

	it('include the files a reader must refuse, each refused in its truth', () => {
		const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
		const utf16 = (s: string) => Buffer.from(s, 'utf16le');
		const doc = bytes('old-word.doc');
		expect([...doc.slice(0, 8)]).toEqual(ole);
		expect(Buffer.from(doc).includes(utf16('WordDocument'))).toBe(true);
		const locked = bytes('password-protected.docx');
		expect([...locked.slice(0, 8)]).toEqual(ole);
		expect(Buffer.from(locked).includes(utf16('EncryptedPackage'))).toBe(true);
		expect(strFromU8(bytes('scanned-plan.pdf').slice(0, 5))).toBe('%PDF-');
		expect(() => unzipSync(bytes('damaged.docx'))).toThrow();
		for (const file of ['old-word.doc', 'password-protected.docx', 'scanned-plan.pdf', 'damaged.docx']) {
			expect(truth(file).refused).toEqual([expect.objectContaining({ document: file })]);
			expect(Object.values(truth(file).tables).flat()).toEqual([]);
		}
		expect(truth('no-plan-grid.docx').noGrid[0].labels).toContain("Child's name");
	});

	it('have a folder truth that is the documents read together: the same rows, one row per pupil, the spelling offered as a match', () => {
		const all = truth('_folder');
		const docs = readdirSync(join(fixtures, 'expected'))
			.filter((f) => f !== '_folder.json')
			.map((f) => truth(f.replace(/\.json$/, '')));
		for (const t of ['plans', 'targets', 'provisions', 'allocations'] as const) expect(all.tables[t].length, t).toBe(docs.reduce((n, d) => n + d.tables[t].length, 0));
		expect(all.tables.pupils.map((p) => p.pupil_id)).toEqual([...new Set(docs.flatMap((d) => d.tables.pupils.map((p) => p.pupil_id)))].sort());
		expect(all.refused).toHaveLength(4);
		expect(all.possibleMatches).toEqual([{ pupilIds: expect.any(Array), documents: expect.arrayContaining(['apdr-legacy-checkbox.docx', 'apdr-name-spelt-differently.docx']) }]);
		// Read alone the appended review is cycles 1 and 2; with the autumn plan beside it, 2 and 3.
		const cycles = (rows: Rows, pupil: string) => rows.plans.filter((p) => p.pupil_id === pupil).map((p) => p.cycle);
		const amelia = truth('apdr-appended-review.docx').tables.pupils[0].pupil_id;
		expect(cycles(truth('apdr-appended-review.docx').tables, amelia)).toEqual(['1', '2']);
		expect(cycles(all.tables, amelia)).toEqual(['1', '2', '3']);
	});

	it('have a folder truth that the app loads as an export with nothing rejected and no warning', async () => {
		const all = truth('_folder');
		const { summary } = await importText(Object.fromEntries(tableNames.map((t) => [`${t}.csv`, toCsv(t, all.tables[t])])));
		expect(summary.rejected).toEqual([]);
		expect(summary.warnings).toEqual([]);
		expect(summary.tables.targets.loaded).toBe(all.tables.targets.length);
	});
});

describe('the Word demo folder', () => {
	const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
	const csvRows = (table: string) =>
		readFileSync(join(demoCsv, `${table}.csv`), 'utf8')
			.trimEnd()
			.split('\n').length - 1;

	it('is the plans the generator makes, and its CSVs hold the same rows as its documents give', async () => {
		const key = (await readKeyFile(readFileSync(join(root, 'data/demo-word-key.json'), 'utf8'))) as SchoolKey;
		const docs = buildSchool(DEMO_SCHOOL);
		const onDisk = files(demo)
			.filter((f) => f.endsWith('.docx'))
			.map((f) => relative(demo, f))
			.sort();
		expect(onDisk).toEqual(docs.map((d) => d.file).sort());
		const { tables } = await truthOf(docs, key);
		for (const t of tableNames) expect(csvRows(t), t).toBe(tables[t].length);
		expect(tables.pupils.length).toBeGreaterThanOrEqual(40);
		expect(new Set(tables.plans.map((p) => p.pupil_id)).size).toBe(tables.pupils.length);
	});

	it('has documents in every layout and way of marking, some with reviews appended, and a few group plans', () => {
		const docs = buildSchool(DEMO_SCHOOL);
		const pupilDocs = docs.filter((d) => d.kind === 'pupil');
		expect(new Set(pupilDocs.map((d) => d.layout))).toEqual(new Set(['apdr', 'iep', 'pupil-support-plan']));
		expect(new Set(pupilDocs.map((d) => d.marking)).size).toBe(7);
		expect(pupilDocs.filter((d) => d.plans.length > 1).length).toBeGreaterThan(0);
		expect(docs.filter((d) => d.kind === 'group').length).toBeGreaterThanOrEqual(3);
	});

	it('loads as CSV with nothing rejected and no warning', async () => {
		const text = Object.fromEntries(tableNames.map((t) => [`${t}.csv`, readFileSync(join(demoCsv, `${t}.csv`), 'utf8')]));
		const { summary } = await importText(text);
		expect(summary.rejected).toEqual([]);
		expect(summary.warnings).toEqual([]);
	});
});
