import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importText, storedZip } from './load';

// Exports shaped as schools really produce them when something goes wrong: each case is one of the
// silent losses found by trying the import as a new user would (issue 11).
const pupils = 'pupil_id,year_group,sen_stage\nP1,3,K\nP2,4,K\n';
const plans = 'plan_id,pupil_id,cycle,start_date,review_due\nPL1,P1,1,08/09/2025,12/12/2025\nPL2,P2,1,08/09/2025,12/12/2025\n';
const targetsHeader = 'target_id,plan_id,need_area,target_text,outcome,due_date,provision_ids,next_steps\n';

const lines = (problems: { table: string; line: number | null; reason: string }[], table: string) => problems.filter((p) => p.table === table).map((p) => [p.line, p.reason]);

describe('CSV structure is validated, not guessed', () => {
	it('rejects a row with more cells than the header (an unquoted "read, write") instead of shifting its values', async () => {
		const targets = `${targetsHeader}T1,PL1,C&L,[Pupil] will read, write and spell 5 words,YES,,,\nT2,PL2,C&L,[Pupil] will count to 20,NO,,,\n`;
		const { db, summary } = await importText({ 'pupils.csv': pupils, 'plans.csv': plans, 'targets.csv': targets });
		expect(summary.tables.targets).toEqual({ read: 2, loaded: 1, rejected: 1, warnings: 0 });
		expect(lines(summary.rejected, 'targets')).toEqual([[2, 'this row has 9 cells but the header has 8: is there an unquoted comma in a value (put the value in quotes)?']]);
		expect(summary.rejected[0]).toMatchObject({ file: 'targets.csv', column: '(whole row)', value: '' });
		expect(await db.query(`SELECT target_id, outcome FROM targets`)).toEqual([{ target_id: 'T2', outcome: 'not_achieved' }]);
	});

	it('rejects a cost written £1,200.50 without quotes in a comma file rather than loading £1', async () => {
		const provisions = 'provision_id,intervention,need_area,start_date,other_costs_gbp\nPR1,ELSA,SEMH,08/09/2025,£1,200.50\nPR2,Lego,SEMH,08/09/2025,"£1,200.50"\n';
		const { db, summary } = await importText({ 'provisions.csv': provisions });
		expect(lines(summary.rejected, 'provisions')).toEqual([[2, expect.stringContaining('this row has 6 cells but the header has 5')]]);
		expect(await db.query(`SELECT provision_id, other_costs_gbp FROM provisions`)).toEqual([{ provision_id: 'PR2', other_costs_gbp: 1200.5 }]);
	});

	it('rejects a row with fewer cells than the header', async () => {
		const { summary } = await importText({ 'pupils.csv': 'pupil_id,year_group,sen_stage,sex\nP1,3,K,F\nP2,4\nP3,5,K,M\n' });
		expect(summary.tables.pupils).toEqual({ read: 3, loaded: 2, rejected: 1, warnings: 0 });
		expect(lines(summary.rejected, 'pupils')).toEqual([[3, 'this row has 2 cells but the header has 4: is a value missing, or a line broken in two?']]);
	});

	it('loses only the row of an unterminated quote: 4 targets are read as 4, not 2', async () => {
		const targets = `${targetsHeader}T1,PL1,C&L,"[Pupil] will read,YES,,,\nT2,PL1,C&L,[Pupil] will count,NO,,,\nT3,PL2,C&L,[Pupil] will spell,YES,,,\nT4,PL2,C&L,[Pupil] will write,NO,,,\n`;
		const { summary } = await importText({ 'pupils.csv': pupils, 'plans.csv': plans, 'targets.csv': targets });
		expect(summary.tables.targets).toEqual({ read: 4, loaded: 3, rejected: 1, warnings: 0 });
		expect(lines(summary.rejected, 'targets')).toEqual([[2, expect.stringContaining('is never closed')]]);
	});

	it('rejects a cell that starts with a quoted part ("Big Talk" sessions weekly) instead of storing it altered', async () => {
		const provisions = 'provision_id,intervention,need_area,start_date\nPR1,"Big Talk" sessions weekly,C&I,08/09/2025\nPR2,"Talk ""Boost""",C&I,08/09/2025\n';
		const { db, summary } = await importText({ 'provisions.csv': provisions });
		expect(lines(summary.rejected, 'provisions')).toEqual([[2, expect.stringContaining('goes on after the closing quote')]]);
		expect(await db.query(`SELECT intervention FROM provisions`)).toEqual([{ intervention: 'Talk "Boost"' }]);
	});

	it('rejects a quote mark inside an unquoted cell', async () => {
		const provisions = 'provision_id,intervention,need_area,start_date\nPR1,Read "aloud",C&I,08/09/2025\nPR2,Lego,C&I,08/09/2025\n';
		const { summary } = await importText({ 'provisions.csv': provisions });
		expect(lines(summary.rejected, 'provisions')).toEqual([[2, expect.stringContaining('does not start with one')]]);
	});

	it('keeps line numbers on the spreadsheet row after a stray quote followed by a blank line', async () => {
		const text = 'pupil_id,year_group,sen_stage\nP1,3,K\nP"2,4,K\n\nP3,Year 20,K\nP4,5,K\n';
		const { summary } = await importText({ 'pupils.csv': text });
		expect(summary.rejected.map((r) => [r.line, r.column])).toEqual([
			[3, '(whole row)'],
			[5, 'year_group']
		]);
		expect(summary.tables.pupils).toEqual({ read: 4, loaded: 2, rejected: 2, warnings: 0 });
	});

	it('refuses a file whose header row itself cannot be read, naming the file', async () => {
		const { plan } = await importText({ 'pupils.csv': 'pupil_id,"year_group,sen_stage\nP1,3,K\n' });
		expect(plan.sources[0].refused).toMatch(/^pupils\.csv: the header row cannot be read/);
	});
});

describe('numbers are read one way, and never as NaN', () => {
	it('warns about continental and non-numbers in optional columns and loads them as unknown', async () => {
		const provisions =
			'provision_id,intervention,need_area,start_date,other_costs_gbp,total_cost_gbp\nPR1,A,SEMH,08/09/2025,"1.200,50",NaN\nPR2,B,SEMH,08/09/2025,"12,50",Infinity\nPR3,C,SEMH,08/09/2025,"1,2,3",1 200\n';
		const { db, summary } = await importText({ 'provisions.csv': provisions });
		expect(summary.warnings.map((w) => [w.line, w.column, w.value])).toEqual([
			[2, 'other_costs_gbp', '1.200,50'],
			[2, 'total_cost_gbp', 'NaN'],
			[3, 'other_costs_gbp', '12,50'],
			[3, 'total_cost_gbp', 'Infinity'],
			[4, 'other_costs_gbp', '1,2,3']
		]);
		expect(await db.query(`SELECT provision_id, other_costs_gbp, total_cost_gbp FROM provisions ORDER BY 1`)).toEqual([
			{ provision_id: 'PR1', other_costs_gbp: null, total_cost_gbp: null },
			{ provision_id: 'PR2', other_costs_gbp: null, total_cost_gbp: null },
			{ provision_id: 'PR3', other_costs_gbp: null, total_cost_gbp: 1200 }
		]);
	});

	it('never loads NaN scores (they would count as "with data" and give no mean)', async () => {
		const files = {
			'pupils.csv': pupils,
			'provisions.csv': 'provision_id,intervention,need_area,start_date\nPR1,A,SEMH,08/09/2025\n',
			'allocations.csv': 'provision_id,pupil_id,entry_value,exit_value,attendance_pct\nPR1,P1,NaN,90,NaN\nPR1,P2,80,-Infinity,50\n'
		};
		const { db, summary } = await importText(files);
		expect(summary.warnings.map((w) => [w.line, w.column])).toEqual([
			[2, 'attendance_pct'],
			[2, 'entry_value'],
			[3, 'exit_value']
		]);
		const [n] = await db.query(`SELECT count(*) FILTER (WHERE isnan(entry_value) OR isnan(exit_value) OR isinf(entry_value) OR isinf(exit_value))::INTEGER AS bad FROM allocations`);
		expect(n).toEqual({ bad: 0 });
	});
});

describe('wide files, huge cells and engine limits', () => {
	it('reads a file of 500 columns, scanning every column for personal data', async () => {
		const extra = Array.from({ length: 497 }, (_, i) => `note ${i}`);
		const row = (id: string, last: string) => [id, '3', 'K', ...extra.map((_, i) => (i === 496 ? last : `x${i}`))].join(',');
		const text = `pupil_id,year_group,sen_stage,${extra.join(',')}\n${row('P1', 'fine')}\n${row('P2', 'call 020 7946 0958')}\n`;
		const { plan, summary } = await importText({ 'pupils.csv': text }, { drop: true });
		expect(plan.sources[0].headers).toHaveLength(500);
		expect(plan.sources[0].personal).toEqual([{ header: 'note 496', kind: 'phone number', count: 1, example: 'c••••••••••' }]);
		expect(summary.tables.pupils).toEqual({ read: 2, loaded: 2, rejected: 0, warnings: 1 });
		expect(summary.warnings.map((w) => [w.line, w.column, w.value, w.reason])).toEqual([
			[1, 'note 496', '', 'not loaded, none of its values: it looks like personal data (1 value shaped like a phone number) and you chose to drop such columns']
		]);
	});

	it('warns about an optional whole number too large for its column instead of stopping the import', async () => {
		const plansBig = 'plan_id,pupil_id,cycle,start_date,review_due\nPL1,P1,99999999999,08/09/2025,12/12/2025\nPL2,P2,2,08/09/2025,12/12/2025\n';
		const provisions = 'provision_id,intervention,need_area,start_date,group_size\nPR1,A,SEMH,08/09/2025,3000000000\n';
		const { db, summary } = await importText({ 'pupils.csv': pupils, 'plans.csv': plansBig, 'provisions.csv': provisions });
		expect(summary.warnings.map((w) => [w.table, w.line, w.column, w.value])).toEqual([
			['plans', 2, 'cycle', '99999999999'],
			['provisions', 2, 'group_size', '3000000000']
		]);
		expect(await db.query(`SELECT plan_id, cycle FROM plans ORDER BY 1`)).toEqual([
			{ plan_id: 'PL1', cycle: null },
			{ plan_id: 'PL2', cycle: 2 }
		]);
	});

	it('loads a row over 2 MB, and rejects one too long to read without echoing it', async () => {
		const long = `[Pupil] will ${'read '.repeat(600_000)}`; // 3 MB: over DuckDB's default line size
		const tooLong = `[Pupil] Amy Smith 020 7946 0958 ${'x'.repeat(4_100_000)}`;
		const targets = `${targetsHeader}T1,PL1,C&L,${long},YES,,,\nT2,PL2,C&L,${tooLong},NO,,,\n`;
		const { db, summary } = await importText({ 'pupils.csv': pupils, 'plans.csv': plans, 'targets.csv': targets }, { drop: true });
		expect(summary.tables.targets).toEqual({ read: 2, loaded: 1, rejected: 1, warnings: 0 });
		expect(lines(summary.rejected, 'targets')).toEqual([[3, 'this row is longer than 4,000,000 characters, more than the import can read']]);
		const [t] = await db.query<{ n: number }>(`SELECT length(target_text)::INTEGER AS n FROM targets`);
		expect(t.n).toBe(long.trim().length);
		expect(JSON.stringify(summary)).not.toContain('Amy');
	});
});

describe('files that would vanish get one clear message', () => {
	it('refuses a zip that is not a workbook, named .xlsx', async () => {
		const { plan } = await importText({ 'pupils.xlsx': storedZip({ 'readme.txt': 'hello' }) });
		expect(plan.sources.map((s) => s.refused)).toEqual(['pupils.xlsx: not a CSV or .xlsx file (it is a zip file but not an Excel workbook); export the table as CSV or .xlsx and choose it again']);
	});

	it('refuses a workbook whose only sheet is empty', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Sheet1');
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const { plan } = await importText({ 'school.xlsx': bytes });
		expect(plan.sources.map((s) => s.refused)).toEqual(['school.xlsx: the workbook has no sheet with any data']);
	});

	it('says when a header is repeated and its second column is not loaded', async () => {
		const { summary } = await importText({ 'pupils.csv': 'pupil_id,year_group,sen_stage,year_group\nP1,3,K,4\n' });
		expect(summary.warnings.map((w) => [w.file, w.line, w.column, w.reason])).toEqual([
			['pupils.csv', 1, 'year_group', 'the header "year_group" appears twice (columns B and D): only column B is read, column D is not loaded']
		]);
	});

	it('names a PNG renamed .csv as an image, not as a file missing a column', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
		const { plan } = await importText({ 'pupils.csv': png });
		expect(plan.sources[0].refused).toBe('pupils.csv: not a CSV or .xlsx file (it is a PNG image); export the table as CSV or .xlsx and choose it again');
	});
});
