import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lens } from '../../src/cli/lens';
import { readExportFolder } from '../../src/cli/read-folder';
import { importedFileName } from '../../src/lib/import/group-files';
import { importSchools, notLoaded } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';
import { readWorkbook, WORKBOOK_BUDGET_BYTES } from '../../src/lib/import/xlsx';
import { importText } from './load';
import { openTestDb } from './test-db';
import { sheetDataOf, workbookParts, xlsxOf, zipOf, type CellSpec } from './xlsx-build';

// Workbooks as Excel and other writers really produce them, each case one that crashed the tab,
// loaded a wrong value or lost something without a word (issue 23). The workbooks are written here,
// part by part, so each is exactly the shape of its case and a few kilobytes.

const pupilRows: CellSpec[][] = [
	['pupil_id', 'year_group', 'sen_stage'],
	['P1', 3, 'K'],
	['P2', 4, 'E']
];

/** The import's warnings as [file, line, column, reason] rows. */
const warned = (s: Awaited<ReturnType<typeof importSummary>>) => s.warnings.map((w) => [w.file, w.line, w.column, w.reason]);

describe('a workbook cannot crash the import, whatever its size says', () => {
	it('reads a 3 KB workbook whose last cell (XFD1048576) holds a value in moments, and reports the value', { timeout: 20_000 }, async () => {
		const bytes = xlsxOf({
			sheets: [{ name: 'pupils', before: '<dimension ref="A1:XFD1048576"/>', data: sheetDataOf(pupilRows) + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>' }]
		});
		expect(bytes.length).toBeLessThan(3000);
		const started = performance.now();
		const book = await readWorkbook(bytes);
		// Only the cells that exist: A–C and XFD, not 16,384 columns.
		expect(book.sheets[0].letters).toEqual(['A', 'B', 'C', 'XFD']);
		expect(book.sheets[0].csv.length).toBeLessThan(1_100_000);
		const { db, summary } = await importText({ 'school.xlsx': bytes });
		expect(performance.now() - started).toBeLessThan(15_000);
		expect(await db.query(`SELECT pupil_id FROM pupils ORDER BY 1`)).toEqual([{ pupil_id: 'P1' }, { pupil_id: 'P2' }]);
		expect(warned(summary)).toContainEqual([
			'school.xlsx › pupils',
			1048576,
			'column XFD',
			'column XFD has no header but holds 1 value (the first on row 1048576): it is not loaded; give it a header from the data dictionary if it should be'
		]);
		// The row it is on holds nothing of the table: said as a rejected row, on the row Excel shows.
		expect(summary.rejected.map((r) => [r.line, r.column])).toEqual([[1048576, 'pupil_id']]);
	});

	it('costs nothing for an empty formatted last row or cell (Excel writes them for a formatted whole row)', async () => {
		const bytes = xlsxOf({
			cellStyles: [0, 0],
			sheets: [{ name: 'pupils', before: '<dimension ref="A1:XFD1048576"/>', data: sheetDataOf(pupilRows) + '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>' }]
		});
		const book = await readWorkbook(bytes);
		expect(book.sheets[0].csv).toBe('pupil_id,year_group,sen_stage\nP1,3,K\nP2,4,E\n');
		const { summary } = await importText({ 'school.xlsx': bytes });
		expect(summary.tables.pupils).toEqual({ read: 2, loaded: 2, rejected: 0, warnings: 0 });
	});

	it('refuses a zip bomb before unpacking it, saying what it would take once unpacked', async () => {
		// The index says the sheet unpacks to 1.9 GB (as it would): refused from the index alone.
		const parts = workbookParts({ sheets: [{ name: 'pupils', rows: pupilRows }] });
		const bytes = zipOf(parts, { deflate: true, declared: (name, real) => (name.includes('worksheets') ? 1_900_000_000 : real) });
		const started = performance.now();
		const { plan } = await importText({ 'school.xlsx': bytes });
		expect(performance.now() - started).toBeLessThan(5000);
		expect(plan.sources.map((s) => s.refused)).toEqual([
			`school.xlsx: this workbook would take more than ${WORKBOOK_BUDGET_BYTES / 1024 / 1024} MB once unpacked (its sheets hold 1,812 MB), more than the import reads from one workbook: save each table as a CSV file and choose those instead`
		]);
	});

	it('stops unpacking a part as soon as it holds more than the zip index says (an index that lies)', async () => {
		const parts = workbookParts({ sheets: [{ name: 'pupils', rows: pupilRows }] });
		const xml = parts['xl/worksheets/sheet1.xml'] as string;
		const cut = xml.indexOf('</sheetData>');
		// 8 MB of spaces packed into about 8 KB, said to be 4 KB.
		parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(xml.slice(0, cut) + ' '.repeat(8 * 1024 * 1024) + xml.slice(cut));
		const bytes = zipOf(parts, { deflate: true, declared: (name, real) => (name.includes('worksheets') ? 4096 : real) });
		expect(bytes.length).toBeLessThan(20_000);
		const started = performance.now();
		const { plan } = await importText({ 'school.xlsx': bytes });
		expect(performance.now() - started).toBeLessThan(5000);
		expect(plan.sources.map((s) => s.refused)).toEqual([
			'school.xlsx: the workbook is damaged (the part xl/worksheets/sheet1.xml unpacks to more than the 4,096 bytes its index says); open it in Excel and save it again'
		]);
	});

	it('counts the workbook part itself against the budget, before unpacking it', async () => {
		const parts = workbookParts({ sheets: [{ name: 'pupils', rows: pupilRows }] });
		const bytes = zipOf(parts, { deflate: true, declared: (name, real) => (name === 'xl/workbook.xml' ? 1_000_000_000 : real) });
		await expect(readWorkbook(bytes)).rejects.toThrow(/^this workbook would take more than 512 MB once unpacked/);
	});

	it('holds a smaller budget when asked, and says so in plain words', async () => {
		const bytes = xlsxOf({ sheets: [{ name: 'pupils', rows: pupilRows }] });
		await expect(readWorkbook(bytes, { budget: 100 })).rejects.toThrow(/^this workbook would take more than 0 MB once unpacked/);
	});

	it('refuses a sheet whose cell is beyond the last row Excel has, as a damaged workbook', async () => {
		const bytes = xlsxOf({ sheets: [{ name: 'pupils', data: sheetDataOf(pupilRows) + '<row r="99999999"><c r="A99999999"><v>1</v></c></row>' }] });
		const { plan } = await importText({ 'school.xlsx': bytes });
		expect(plan.sources[0].refused).toMatch(/^school.xlsx: a cell is beyond Excel's last row or column \(row 99999999\): the workbook is damaged/);
	});
});

describe('values are what Excel shows', () => {
	it('loads a percent-formatted attendance cell (Excel shows 83%) as 83, not 0.83', async () => {
		const bytes = xlsxOf({
			numFmts: { 164: '0.0%' },
			cellStyles: [0, 9, 164, 10],
			sheets: [
				{
					name: 'pupils',
					rows: [
						['pupil_id', 'year_group', 'sen_stage', 'attendance_pct'],
						['P1', 3, 'K', { attrs: 's="1"', raw: '<v>0.83</v>' }],
						['P2', 4, 'K', { attrs: 's="2"', raw: '<v>0.835</v>' }],
						['P3', 5, 'K', { attrs: 's="3"', raw: '<v>0.07</v>' }],
						['P4', 6, 'K', 91.5]
					]
				}
			]
		});
		const { db, summary } = await importText({ 'school.xlsx': bytes });
		expect(summary.warnings).toEqual([]);
		expect(await db.query(`SELECT pupil_id, attendance_pct FROM pupils ORDER BY 1`)).toEqual([
			{ pupil_id: 'P1', attendance_pct: 83 },
			{ pupil_id: 'P2', attendance_pct: 83.5 },
			{ pupil_id: 'P3', attendance_pct: 7 },
			{ pupil_id: 'P4', attendance_pct: 91.5 }
		]);
	});

	it('says a formula saved without its result is not known (never "[object Object]"), and loads a saved result', async () => {
		const bytes = xlsxOf({
			sheets: [
				{
					name: 'pupils',
					rows: [
						['pupil_id', 'year_group', 'sen_stage', 'primary_need', 'attendance_pct'],
						['P1', 3, 'K', { attrs: 't="str"', raw: '<f>IF(B2&gt;2,"SEMH","MLD")</f><v>SEMH</v>' }, { raw: '<f>90+2</f><v>92</v>' }],
						['P2', 4, 'K', { attrs: 't="str"', raw: '<f>IF(B3&gt;2,"SEMH","MLD")</f>' }, { raw: '<f t="shared" ref="E3:E4" si="0">90+3</f>' }]
					]
				}
			]
		});
		const { db, summary } = await importText({ 'school.xlsx': bytes });
		expect(await db.query(`SELECT pupil_id, primary_need, attendance_pct FROM pupils ORDER BY 1`)).toEqual([
			{ pupil_id: 'P1', primary_need: 'SEMH', attendance_pct: 92 },
			{ pupil_id: 'P2', primary_need: null, attendance_pct: null }
		]);
		const why = 'holds a formula whose result was not saved with the workbook (open it in Excel and save it again to keep the result): read as not known';
		expect(warned(summary)).toEqual([
			['school.xlsx › pupils', 3, 'attendance_pct', `the cell E3 ${why}`],
			['school.xlsx › pupils', 3, 'primary_need', `the cell D3 ${why}`]
		]);
		expect(JSON.stringify(await db.query(`SELECT * FROM pupils`))).not.toContain('[object Object]');
	});

	it('reads a formula without a result as exceljs and other libraries write it', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('pupils');
		ws.addRow(['pupil_id', 'year_group', 'sen_stage', 'attendance_pct']);
		ws.addRow(['P1', 3, 'K', { formula: 'B2*30' }]);
		ws.addRow(['P2', 4, 'K', { formula: 'B3*20', result: 80 }]);
		const { db, summary } = await importText({ 'school.xlsx': new Uint8Array(await wb.xlsx.writeBuffer()) });
		expect(await db.query(`SELECT pupil_id, attendance_pct FROM pupils ORDER BY 1`)).toEqual([
			{ pupil_id: 'P1', attendance_pct: null },
			{ pupil_id: 'P2', attendance_pct: 80 }
		]);
		expect(summary.warnings.map((w) => [w.file, w.line, w.column, w.value, w.reason])).toEqual([
			['school.xlsx › pupils', 2, 'attendance_pct', '', expect.stringMatching(/^the cell D2 holds a formula whose result was not saved/)]
		]);
	});

	it('reads rich text, dates, booleans and errors as Excel shows them', async () => {
		const bytes = xlsxOf({
			numFmts: { 165: 'dd/mm/yyyy', 166: '[$-809]d mmmm yyyy;@', 167: 'h:mm' },
			cellStyles: [0, 14, 165, 166, 22, 167],
			sharedStrings: [
				'pupil_id',
				'year_group',
				'sen_stage',
				'primary_need',
				'pupil_premium',
				'sen_start_date',
				'eal',
				'P1',
				// Rich text in runs, with a phonetic guide that is not part of the text.
				'<r><rPr><b/></rPr><t>Speech, language </t></r><r><t xml:space="preserve">and communication</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh>'
			],
			sheets: [
				{
					name: 'pupils',
					rows: [
						[0, 1, 2, 3, 4, 5, 6].map((i) => ({ attrs: 't="s"', raw: `<v>${i}</v>` })),
						[
							{ attrs: 't="s"', raw: '<v>7</v>' },
							3,
							'K',
							{ attrs: 't="s"', raw: '<v>8</v>' },
							{ attrs: 't="b"', raw: '<v>1</v>' },
							{ attrs: 's="1"', raw: '<v>45539</v>' },
							{ attrs: 't="e"', raw: '<f>VLOOKUP(A2,Lists!A:B,2,0)</f><v>#N/A</v>' }
						],
						['P2', 4, 'K', 'SEMH', { attrs: 't="b"', raw: '<v>0</v>' }, { attrs: 's="2"', raw: '<v>45540</v>' }, 'Y'],
						['P3', 5, 'K', 'MLD', null, { attrs: 's="3"', raw: '<v>45541</v>' }, null],
						['P4', 6, 'K', 'MLD', null, { attrs: 's="4"', raw: '<v>45542.75</v>' }, null],
						['P5', 6, 'K', 'A & B_x000D_', null, { attrs: 't="d"', raw: '<v>2024-09-06T00:00:00</v>' }, null]
					]
				}
			]
		});
		const { db, summary } = await importText({ 'school.xlsx': bytes });
		expect(await db.query(`SELECT pupil_id, primary_need, pupil_premium, sen_start_date::VARCHAR AS start, eal FROM pupils ORDER BY 1`)).toEqual([
			{ pupil_id: 'P1', primary_need: 'SLCN', pupil_premium: true, start: '2024-09-04', eal: null },
			{ pupil_id: 'P2', primary_need: 'SEMH', pupil_premium: false, start: '2024-09-05', eal: true },
			{ pupil_id: 'P3', primary_need: 'MLD', pupil_premium: null, start: '2024-09-06', eal: null },
			{ pupil_id: 'P4', primary_need: 'MLD', pupil_premium: null, start: '2024-09-07', eal: null },
			{ pupil_id: 'P5', primary_need: null, pupil_premium: null, start: '2024-09-06', eal: null }
		]);
		expect(summary.warnings.map((w) => [w.line, w.column, w.value, w.reason])).toEqual([
			[2, 'eal', '#N/A', 'the cell G2 shows the error #N/A (a formula that could not be worked out): read as not known'],
			[6, 'primary_need', 'A & B', 'primary_need is not a DfE need code (e.g. SLCN, SEMH, SPLD, ASD); loaded as unknown']
		]);
	});

	it('reads dates of a workbook that counts from 1904 (Excel for Mac of old)', async () => {
		const bytes = xlsxOf({
			date1904: true,
			cellStyles: [0, 14],
			sheets: [
				{
					name: 'pupils',
					rows: [
						['pupil_id', 'year_group', 'sen_stage', 'sen_start_date'],
						['P1', 3, 'K', { attrs: 's="1"', raw: '<v>44077</v>' }]
					]
				}
			]
		});
		const book = await readWorkbook(bytes);
		expect(book.sheets[0].csv).toBe('pupil_id,year_group,sen_stage,sen_start_date\nP1,3,K,2024-09-04\n');
	});
});

describe('no file, sheet or column is left out without a word', () => {
	const folder = () => mkdtempSync(join(tmpdir(), 'lens-files-'));
	const oleBytes = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
	const ods = zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });

	it('takes .xlsm, .xls and .ods from a folder: the first read as a workbook, the others refused with what to do', async () => {
		const dir = folder();
		try {
			writeFileSync(join(dir, 'pupils.xlsm'), xlsxOf({ macroEnabled: true, sheets: [{ name: 'pupils', rows: pupilRows }] }));
			writeFileSync(join(dir, 'plans.xls'), oleBytes);
			writeFileSync(join(dir, 'targets.ods'), ods);
			const schools = readExportFolder(dir);
			expect(schools[0].files.map((f) => f.name)).toEqual(['plans.xls', 'pupils.xlsm', 'targets.ods']);
			const db = await openTestDb();
			const [plan] = await importSchools(db, schools);
			expect(notLoaded(plan)).toEqual([
				{
					file: 'plans.xls',
					reason: 'plans.xls: it is an Excel 97–2003 workbook (.xls), which cannot be read here; open it in Excel, save it as .xlsx (Excel Workbook) or CSV, and choose that instead'
				},
				{
					file: 'targets.ods',
					reason: 'targets.ods: it is an OpenDocument spreadsheet (.ods), which cannot be read here; open it in LibreOffice or Excel, save it as .xlsx (Excel Workbook) or CSV, and choose that instead'
				}
			]);
			expect((await importSummary(db)).tables.pupils).toEqual({ read: 2, loaded: 2, rejected: 0, warnings: 0 });
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	it('lists in `lens analyse --json` the refused files and the sheets not read, with why', async () => {
		const dir = folder();
		try {
			const book = xlsxOf({
				sheets: [
					{ name: 'Instructions', rows: [['Read me first']] },
					{ name: 'pupils', rows: pupilRows },
					{ name: 'Lists', rows: [['Stages'], ['K']] }
				]
			});
			writeFileSync(join(dir, 'school.xlsx'), book);
			writeFileSync(join(dir, 'plans.ods'), ods);
			let stdout = '';
			let stderr = '';
			const code = await lens(['analyse', dir, '--as-of', '2026-01-15', '--json', '--threads', '1'], { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
			const out = JSON.parse(stdout);
			const school = dir.split('/').pop();
			expect(out.import.refused.map((r: { file: string }) => r.file)).toEqual([`${school}/plans.ods`]);
			expect(out.import.ignored).toEqual([`${school}/school.xlsx › Instructions`, `${school}/school.xlsx › Lists`]);
			expect(out.import.not_read[0].reason).toBe('this sheet is not one of the tables (its name and headers match none of them): not read');
			expect(out.import.tables.pupils).toEqual({ read: 2, loaded: 2, rejected: 0, warnings: 0 });
			// A refused file still ends the command with its reason (exit 2), after the JSON.
			expect(code).toBe(2);
			expect(stderr).toContain('plans.ods: it is an OpenDocument spreadsheet (.ods)');
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	it('offers the same files to the folder picker and drag and drop as the command line reads', () => {
		expect(['a.xlsm', 'a.XLS', 'a.ods', 'a.xlsb', 'a.xlsx', 'a.csv', 'a.tsv', 'a.txt', 'a.docx', 'a.doc', 'a.pdf'].every((n) => importedFileName.test(n))).toBe(true);
		expect(['a.png', 'a.zip', '.DS_Store'].some((n) => importedFileName.test(n))).toBe(false);
	});

	it('names a workbook protected with a password (an encrypted .xlsx is not a zip) instead of calling it an old .xls', async () => {
		const { plan } = await importText({ 'pupils.xlsx': oleBytes });
		expect(plan.sources[0].refused).toMatch(/^pupils.xlsx: it is a workbook protected with a password, which cannot be read here; open it in Excel, remove the password/);
	});

	it('reads the column named exactly as the contract says, not an alias column before it, and says the alias column is not loaded', async () => {
		const { db, summary } = await importText({ 'pupils.csv': 'Pupil ref,pupil_id,year_group,sen_stage\nOLD1,P1,3,K\nOLD2,P2,4,K\n' });
		expect(await db.query(`SELECT pupil_id FROM pupils ORDER BY 1`)).toEqual([{ pupil_id: 'P1' }, { pupil_id: 'P2' }]);
		expect(warned(summary)).toEqual([['pupils.csv', 1, 'Pupil ref', 'the header "Pupil ref" (column A) also means pupil_id, which is read from column B ("pupil_id"): column A is not loaded']]);
	});

	it('reads every name of a header row longer than 64 KB', async () => {
		const filler = Array.from({ length: 700 }, (_, i) => `comment column number ${i} ${'x'.repeat(80)}`);
		const header = [...filler, 'pupil_id', 'year_group', 'sen_stage'];
		expect(header.join(',').length).toBeGreaterThan(64 * 1024);
		const row = [...filler.map(() => ''), 'P1', '3', 'K'];
		const { db, plan } = await importText({ 'pupils.csv': `${header.join(',')}\n${row.join(',')}\n` });
		expect(plan.sources[0].refused).toBeNull();
		expect(plan.sources[0].headers.slice(-3)).toEqual(['pupil_id', 'year_group', 'sen_stage']);
		expect(await db.query(`SELECT pupil_id, year_group FROM pupils`)).toEqual([{ pupil_id: 'P1', year_group: '3' }]);
	});

	it('reads the table of a workbook named after it and lists its other sheets (Instructions, Lists) as not read', async () => {
		const bytes = xlsxOf({
			sheets: [
				{ name: 'Instructions', rows: [['How to fill in this workbook'], [null], ['One row per pupil. Do not rename the columns.']] },
				{ name: 'Sheet1', rows: pupilRows },
				{
					name: 'Lists',
					rows: [
						['Stages', 'Needs'],
						['K', 'SEMH'],
						['E', 'SLCN']
					]
				},
				{ name: 'Blank', rows: [] }
			]
		});
		const { db, plan, summary } = await importText({ 'pupils.xlsx': bytes });
		expect(plan.sources.map((s) => [s.file, s.table, s.refused])).toEqual([
			['pupils.xlsx › Instructions', null, null],
			['pupils.xlsx › Sheet1', 'pupils', null],
			['pupils.xlsx › Lists', null, null],
			['pupils.xlsx › Blank', null, null]
		]);
		expect(summary.tables.pupils).toEqual({ read: 2, loaded: 2, rejected: 0, warnings: 0 });
		expect(await db.query(`SELECT count(*)::INTEGER AS n FROM pupils`)).toEqual([{ n: 2 }]);
		const notTable = 'this sheet is not one of the tables (its name and headers match none of them): not read';
		expect(notLoaded(plan)).toEqual([
			{ file: 'pupils.xlsx › Instructions', reason: notTable },
			{ file: 'pupils.xlsx › Lists', reason: notTable },
			{ file: 'pupils.xlsx › Blank', reason: 'the sheet is empty' }
		]);
	});

	it('still refuses a workbook named after a table whose one sheet misses a required column, naming the column', async () => {
		const bytes = xlsxOf({
			sheets: [
				{
					name: 'Sheet1',
					rows: [
						['pupil_id', 'year_group'],
						['P1', 3]
					]
				},
				{ name: 'Notes', rows: [['Exported from the MIS']] }
			]
		});
		const { plan } = await importText({ 'pupils.xlsx': bytes });
		expect(plan.sources.map((s) => s.refused)).toEqual(['pupils.xlsx › Sheet1: missing required column sen_stage for pupils', null]);
	});

	it('says which column holds data under a blank header, in a CSV file and in a workbook', async () => {
		const csv = await importText({ 'pupils.csv': 'pupil_id,year_group,sen_stage,,\nP1,3,K,,\nP2,4,K,"see notes",\nP3,4,K,more,\n' });
		expect(warned(csv.summary)).toEqual([
			['pupils.csv', 3, 'column D', 'column D has no header but holds 2 values (the first on row 3): it is not loaded; give it a header from the data dictionary if it should be']
		]);
		const book = await importText({
			'school.xlsx': xlsxOf({
				sheets: [
					{
						name: 'pupils',
						rows: [
							['pupil_id', 'year_group', null, 'sen_stage'],
							['P1', 3, 'note', 'K']
						]
					}
				]
			})
		});
		expect(warned(book.summary)).toEqual([
			['school.xlsx › pupils', 2, 'column C', 'column C has no header but holds 1 value (the first on row 2): it is not loaded; give it a header from the data dictionary if it should be']
		]);
		expect(book.summary.tables.pupils).toEqual({ read: 1, loaded: 1, rejected: 0, warnings: 1 });
	});
});

describe('the workbook reader itself', () => {
	it('reads stored (unpacked) parts, prefixed element names and a missing r on rows and cells', async () => {
		const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>pupil_id</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>year_group</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>sen_stage</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[P<1>]]></x:t></x:is></x:c><x:c><x:v>3</x:v></x:c><x:c t="inlineStr"><x:is><x:t>K</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
		const bytes = zipOf(workbookParts({ sheets: [{ name: 'pupils', xml }] }));
		expect((await readWorkbook(bytes)).sheets[0].csv).toBe('pupil_id,year_group,sen_stage\nP<1>,3,K\n');
	});

	it('places the cells of a row written without its number where their references say', async () => {
		const data =
			'<row><c r="A1" t="inlineStr"><is><t>pupil_id</t></is></c><c r="B1" t="inlineStr"><is><t>year_group</t></is></c><c r="C1" t="inlineStr"><is><t>sen_stage</t></is></c></row><row><c r="A4" t="inlineStr"><is><t>P1</t></is></c><c r="B4"><v>3</v></c><c r="C4" t="inlineStr"><is><t>K</t></is></c></row>';
		expect((await readWorkbook(xlsxOf({ sheets: [{ name: 'pupils', data }] }))).sheets[0].csv).toBe('pupil_id,year_group,sen_stage\n\n\nP1,3,K\n');
	});

	it('reads a sheet whose header is below blank rows, numbering its rows as Excel does', async () => {
		const data = sheetDataOf([[], [], ...pupilRows, [], ['P3', 'Year 20', 'K']]);
		const { summary, plan } = await importText({ 'school.xlsx': xlsxOf({ sheets: [{ name: 'pupils', data }] }) });
		expect(plan.sources[0].headers).toEqual(['pupil_id', 'year_group', 'sen_stage']);
		// The header (row 3) is not a row of data; P3 is on row 7, where Excel shows it.
		expect(summary.tables.pupils).toEqual({ read: 3, loaded: 2, rejected: 1, warnings: 0 });
		expect(summary.rejected.map((r) => [r.line, r.column, r.value])).toEqual([[7, 'year_group', 'Year 20']]);
	});

	it('reads a part split anywhere between the pieces it is unpacked in', async () => {
		// Long cells push tags and entities across the inflater's pieces.
		const rows: CellSpec[][] = [['pupil_id', 'year_group', 'sen_stage', 'primary_need']];
		for (let i = 0; i < 3000; i++) rows.push([`P${i}`, (i % 6) + 1, 'K', `A &amp; B ${'é'.repeat(i % 50)}`.replace('&amp;', '&')]);
		const bytes = xlsxOf({ sheets: [{ name: 'pupils', rows }] });
		const csv = (await readWorkbook(bytes)).sheets[0].csv.split('\n');
		expect(csv.length).toBe(3002);
		expect(csv[2999]).toBe(`P2998,5,K,A & B ${'é'.repeat(2998 % 50)}`);
	});

	it('reads an uncompressed copy of the stored part the same as a deflated one', async () => {
		const spec = { sheets: [{ name: 'pupils', rows: pupilRows }] };
		const stored = await readWorkbook(zipOf(workbookParts(spec)));
		const deflated = await readWorkbook(zipOf(workbookParts(spec), { deflate: true }));
		expect(stored).toEqual(deflated);
		expect(deflateRawSync).toBeTypeOf('function');
	});
});
