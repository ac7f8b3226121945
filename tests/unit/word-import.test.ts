import { describe, expect, it } from 'vitest';
import { commitImport, notLoaded, prepareImport } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { wordCsv, type WordOptions, type WordReader } from '../../src/lib/import/word-sources';
import type { WordPlanRead, WordTable } from '../../src/lib/import/word';
import { makeSchoolKey, type SchoolKey } from '../../src/lib/import/word/pseudonym';
import { openTestDb } from './test-db';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportFolder } from '../../src/cli/read-folder';
import { groupBySchool } from '../../src/lib/import/group-files';

/**
 * The import's plumbing for Word plans, with a stand-in for the reader (the reader has its own tests):
 * the rows it gives are staged, checked and loaded as a CSV file's are; its problems name documents
 * and places, never a made-up file's lines; old Word files and PDFs are refused with what to do.
 */

const docA = 'Plans/Year 3/Plan A.docx';
const docB = 'Plans/Year 4/Plan B.docx';

/** What a reader gives for two documents: one plan each; the second plan's review date is not a date. */
function read(): WordPlanRead {
	const tables: Record<WordTable, Record<string, string>[]> = {
		pupils: [
			{ pupil_id: 'WAAAA', year_group: '3', sen_stage: 'K', primary_need: '' },
			{ pupil_id: 'WBBBB', year_group: '4', sen_stage: 'K', primary_need: 'SLCN' }
		],
		plans: [
			{ plan_id: 'WAAAA-20250908', pupil_id: 'WAAAA', cycle: '1', start_date: '2025-09-08', review_due: '2025-12-12', pupil_views: 'yes' },
			{ plan_id: 'WBBBB-20250915', pupil_id: 'WBBBB', cycle: '1', start_date: '2025-09-15', review_due: 'after Christmas', pupil_views: '' }
		],
		targets: [
			{ target_id: 'WAAAA-20250908-T1', plan_id: 'WAAAA-20250908', need_area: 'C&L', target_text: '[Pupil] will read 20 CVC words by December.', outcome: 'YES', provision_ids: 'WAAAA-20250908-P1' },
			{ target_id: 'WBBBB-20250915-T1', plan_id: 'WBBBB-20250915', need_area: 'C&I', target_text: '[Pupil] will take turns in a game of 4.', outcome: '', provision_ids: '' }
		],
		provisions: [
			{ provision_id: 'WAAAA-20250908-P1', intervention: 'Phonics', need_area: 'C&L', delivered_by: 'TA', sessions_per_week: '5', minutes_per_session: '10', start_date: '2025-09-08', group_size: '1' }
		],
		allocations: [{ provision_id: 'WAAAA-20250908-P1', pupil_id: 'WAAAA', plan_id: 'WAAAA-20250908' }]
	};
	const origins = {
		pupils: [
			{ document: docA, where: 'header' },
			{ document: docB, where: 'header' }
		],
		plans: [
			{ document: docA, where: 'header' },
			{ document: docB, where: 'header: Review date' }
		],
		targets: [
			{ document: docA, where: 'plan grid (table 2), row 1' },
			{ document: docB, where: 'plan grid (table 2), row 1' }
		],
		provisions: [{ document: docA, where: 'plan grid (table 2), row 1, provision' }],
		allocations: [{ document: docA, where: 'plan grid (table 2), row 1, provision' }]
	};
	return {
		tables,
		origins,
		problems: [{ document: docB, where: 'plan grid (table 2), row 1', table: 'targets', what: 'achieved?', why: 'two boxes are ticked' }],
		refused: [{ document: 'Plans/locked.docx', why: 'it is protected with a password; open it in Word, remove the password, save it and choose it again' }],
		noGrid: [{ document: 'Plans/letter.docx', labels: ['Dear parent'] }],
		personalLeftOut: [{ kind: 'date of birth', count: 2 }],
		possibleMatches: [{ pupilIds: ['WAAAA', 'WCCCC'], documents: [docA, 'Plans/Year 3/Plan C.docx'] }],
		templates: [{ template: 'APDR plan', documents: [docA, docB], fields: [{ label: 'Review date', field: 'review_due' }] }]
	};
}

function fake(): { options: WordOptions; calls: { names: string[]; key: SchoolKey; progress: string[] }[]; keysMade: number[] } {
	const calls: { names: string[]; key: SchoolKey; progress: string[] }[] = [];
	const keysMade = [0];
	const reader: WordReader = async (files, key, options) => {
		files.forEach((_, i) => options?.onDocument?.(i + 1, files.length));
		calls.push({ names: files.map((f) => f.name), key, progress: [] });
		return read();
	};
	const options: WordOptions = {
		read: reader,
		key: async () => {
			keysMade[0]++;
			return makeSchoolKey('2025-09-01');
		}
	};
	return { options, calls, keysMade };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text = 'PK\u0003\u0004') => ({ name, bytes: bytes(text) });

describe('Word plans in the import', () => {
	it('reads the documents together, stages each table as its own source and carries the report', async () => {
		const db = await openTestDb();
		const { options, calls } = fake();
		const steps: string[] = [];
		const plan = await prepareImport(db, 'Word school', [file(docA), file(docB), file('Plans/locked.docx')], (s) => steps.push(s), options);
		expect(calls).toHaveLength(1);
		expect(calls[0].names).toEqual([docA, docB, 'Plans/locked.docx']);
		expect(steps).toContain('Reading plan 2 of 3');
		const made = plan.sources.filter((s) => s.wordOrigins);
		expect(made.map((s) => s.table)).toEqual(['pupils', 'plans', 'targets', 'provisions', 'allocations']);
		expect(made.every((s) => !s.refused && s.mapping.every((m, i) => m === s.headers[i]))).toBe(true);
		// The reader's refused document is refused as any file is.
		expect(notLoaded(plan)).toEqual([{ file: 'Plans/locked.docx', reason: expect.stringContaining('Plans/locked.docx: it is protected with a password') }]);
		expect(plan.word).toMatchObject({ documents: 3, found: { pupils: 2, plans: 2, targets: 2, provisions: 1, allocations: 1 }, possibleMatches: read().possibleMatches });
	});

	it('loads the rows and says every rejected row and warning by its document and place, never a line of a made-up file', async () => {
		const db = await openTestDb();
		const { options } = fake();
		const plan = await prepareImport(db, 'Word school', [file(docA), file(docB)], undefined, options);
		await commitImport(db, plan, { snapshot: '2025-10-01' });
		const summary = await importSummary(db, 'Word school');
		expect(summary.tables.plans).toEqual({ read: 2, loaded: 1, rejected: 1, warnings: 0 });
		expect(summary.rejected).toEqual([
			expect.objectContaining({ file: `${docB} › header: Review date`, line: null, table: 'plans', column: 'review_due', value: 'after Christmas' }),
			// The target of the rejected plan names the plan's document, not "plans line 3".
			expect.objectContaining({ file: `${docB} › plan grid (table 2), row 1`, line: null, table: 'targets', reason: expect.stringContaining(`(plans from ${docB} › header: Review date:`) })
		]);
		for (const p of [...summary.rejected, ...summary.warnings]) expect(p.file).not.toMatch(/^Word plans/);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM targets WHERE school = 'Word school'`);
		expect(n).toBe(1);
	});

	it('asks for the school key only when Word plans are chosen', async () => {
		const db = await openTestDb();
		const { options, keysMade, calls } = fake();
		await prepareImport(db, 'CSV school', [{ name: 'pupils.csv', bytes: bytes('pupil_id,year_group,sen_stage\nP1,3,K\n') }], undefined, options);
		expect(keysMade[0]).toBe(0);
		expect(calls).toHaveLength(0);
	});

	it('refuses a .doc and a PDF chosen with Word plans, saying to save them as .docx', async () => {
		const db = await openTestDb();
		const { options } = fake();
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const plan = await prepareImport(db, 'Word school', [file(docA), { name: 'Old plan.doc', bytes: ole }, { name: 'Scan.pdf', bytes: bytes('%PDF-1.7') }], undefined, options);
		const refused = Object.fromEntries(notLoaded(plan).map((n) => [n.file, n.reason]));
		expect(refused['Old plan.doc']).toMatch(/old Word document \(\.doc\).*Word Document \(\.docx\)/);
		expect(refused['Scan.pdf']).toMatch(/PDF.*save it as Word Document \(\.docx\)/);
		for (const reason of Object.values(refused)) expect(reason).not.toMatch(/xlsx|CSV/);
	});

	it('refuses a lone .doc with the Word wording too, when chosen with CSV files', async () => {
		const db = await openTestDb();
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const plan = await prepareImport(db, 'CSV school', [
			{ name: 'pupils.csv', bytes: bytes('pupil_id,year_group,sen_stage\nP1,3,K\n') },
			{ name: 'Plan.doc', bytes: ole }
		]);
		expect(notLoaded(plan)).toEqual([{ file: 'Plan.doc', reason: expect.stringMatching(/old Word document.*\.docx/) }]);
	});
});

describe("Word's lock files", () => {
	it('are shown as not read, never given to the reader nor refused', async () => {
		const db = await openTestDb();
		const { options, calls } = fake();
		const plan = await prepareImport(db, 'Word school', [file(docA), file('Plans/Year 3/~$an A.docx', 'owner')], undefined, options);
		expect(calls[0].names).toEqual([docA]);
		expect(notLoaded(plan)).toContainEqual({ file: 'Plans/Year 3/~$an A.docx', reason: expect.stringContaining("Word's temporary file") });
		expect(plan.sources.find((s) => s.file.includes('~$'))?.refused).toBeNull();
	});
});

describe('a PDF beside exports and no Word plan', () => {
	it('is shown as not read (a guide or a letter), not refused', async () => {
		const db = await openTestDb();
		const plan = await prepareImport(db, 'CSV school', [
			{ name: 'pupils.csv', bytes: bytes('pupil_id,year_group,sen_stage\nP1,3,K\n') },
			{ name: 'Guide.pdf', bytes: bytes('%PDF-1.7') }
		]);
		const pdf = plan.sources.find((s) => s.file === 'Guide.pdf')!;
		expect(pdf.refused).toBeNull();
		expect(notLoaded(plan)).toEqual([{ file: 'Guide.pdf', reason: expect.stringContaining('a PDF is not read') }]);
	});
});

describe("a school's plans filed in folders", () => {
	it('are one school on the page, named by their path inside the folder chosen', () => {
		const chosen = ['Plans/Year 3/A.docx', 'Plans/Groups/B.docx', 'Plans/Year 4/C.csv'].map((path) => ({ name: path.split('/').pop()!, path, bytes: new Uint8Array() }));
		expect(groupBySchool(chosen, 'Oak').map((g) => [g.school, g.files.map((f) => f.name)])).toEqual([['Oak', ['C.csv', 'Year 3/A.docx', 'Groups/B.docx']]]);
	});

	it('are one school on the command line, the folder of exports beside them a trust school of its own', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lens-word-'));
		try {
			const put = (path: string) => {
				mkdirSync(join(dir, path, '..'), { recursive: true });
				writeFileSync(join(dir, path), 'x');
			};
			['Oak/Year 3/A.docx', 'Oak/Year 3/Old.doc', 'Oak/Groups/B.docx', 'Oak/README.md', 'Oak/North/pupils.csv', 'Oak/North/Plans/N.docx'].forEach(put);
			expect(readExportFolder(join(dir, 'Oak')).map((s) => [s.school, s.files.map((f) => f.name)])).toEqual([
				['Oak', ['Groups/B.docx', 'Year 3/A.docx', 'Year 3/Old.doc']],
				['North', ['pupils.csv', 'Plans/N.docx']]
			]);
		} finally {
			rmSync(dir, { recursive: true });
		}
	});
});

describe('wordCsv', () => {
	it("writes the contract's columns that the rows fill, in the contract's order, quoting what needs it", () => {
		expect(
			wordCsv('targets', [
				{ plan_id: 'P1', target_id: 'T1', target_text: 'read "cat", "dog"\nand more', need_area: 'C&L' },
				{ target_id: 'T2', plan_id: 'P1', need_area: '' }
			])
		).toBe('target_id,plan_id,need_area,target_text\nT1,P1,C&L,"read ""cat"", ""dog""\nand more"\nT2,P1,,');
	});
});
