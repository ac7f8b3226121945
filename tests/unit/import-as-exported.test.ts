import { describe, expect, it } from 'vitest';
import { importText } from './load';

// Files as an MIS and Excel really write them: each read as the contract promises, or reported line by line.

describe('an SEN stage as SIMS writes it', () => {
	it('loads every pupil whose stage is "K - SEN Support", "E - EHC Plan" or "N - No SEN", in any case', async () => {
		const pupils = 'pupil_id,year_group,sen_stage\r\nP1,3,K - SEN Support\r\nP2,4,E - EHC Plan\r\nP3,5,N - No SEN\r\nP4,6,k - sen support\r\nP5,2,K - EHC Plan\r\n';
		const { db, summary } = await importText({ 'pupils.csv': pupils });
		expect(summary.tables.pupils).toEqual({ read: 5, loaded: 4, rejected: 1, warnings: 0 });
		expect(await db.query('SELECT pupil_id, sen_stage FROM pupils ORDER BY pupil_id')).toEqual([
			{ pupil_id: 'P1', sen_stage: 'K' },
			{ pupil_id: 'P2', sen_stage: 'E' },
			{ pupil_id: 'P3', sen_stage: 'N' },
			{ pupil_id: 'P4', sen_stage: 'K' }
		]);
		// A code and words that disagree are not guessed at.
		expect(summary.rejected.map((r) => [r.line, r.column, r.value])).toEqual([[6, 'sen_stage', 'K - EHC Plan']]);
	});
});

/** Text as UTF-16 without a byte-order mark, little- or big-endian. */
function utf16(text: string, bigEndian = false): Uint8Array {
	const bytes = new Uint8Array(text.length * 2);
	for (let i = 0; i < text.length; i++) {
		const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
		bytes.set(bigEndian ? [hi, lo] : [lo, hi], 2 * i);
	}
	return bytes;
}

/** Bytes from pieces: strings as UTF-8, arrays as the bytes they are. */
const bytesOf = (...pieces: (string | number[])[]) => new Uint8Array(pieces.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const pupils = 'pupil_id,year_group,sen_stage\r\nP1,3,K\r\n';
const plans = 'plan_id,pupil_id,start_date,review_due\r\nPL1,P1,08/09/2025,28/11/2025\r\n';

describe('UTF-16 without a byte-order mark', () => {
	// Targets written for a family in Ukrainian: most characters have no zero byte, only the ids, commas and spaces do.
	const wording = 'Учень прочитає двадцять слів із картки на чотирьох із п’яти занять';
	const targets = `target_id,plan_id,need_area,target_text\r\n${Array.from({ length: 40 }, (_, i) => `T${i},PL1,C&L,${wording}`).join('\r\n')}\r\n`;

	it.each([false, true])('reads a file mostly in another script as UTF-16 (big-endian: %s), not as binary', async (bigEndian) => {
		const { db, plan, summary } = await importText({ 'pupils.csv': pupils, 'plans.csv': plans, 'targets.csv': utf16(targets, bigEndian) });
		expect(plan.sources.find((s) => s.file === 'targets.csv')).toMatchObject({ refused: null, encoding: bigEndian ? 'utf-16be' : 'utf-16le' });
		expect(summary.tables.targets).toEqual({ read: 40, loaded: 40, rejected: 0, warnings: 0 });
		expect(await db.query('SELECT DISTINCT target_text FROM targets')).toEqual([{ target_text: wording }]);
	});

	it('still refuses binary bytes with zeros on both sides', async () => {
		const noise = new Uint8Array(4096).map((_, i) => (i % 7 === 0 || i % 11 === 0 ? 0 : (i * 37) % 251));
		const { plan } = await importText({ 'pupils.csv': noise });
		expect(plan.sources[0].refused).toMatch(/^pupils\.csv: not a CSV or \.xlsx file \(it holds binary data, not text\)/);
	});
});

describe("Excel's sep= first line", () => {
	it('reads the separator it names and does not take the line for the header: rows are numbered as Excel shows them', async () => {
		const text = 'sep=;\r\npupil_id;year_group;sen_stage\r\nP1;3;K\r\nP2;99;K\r\n';
		const { db, plan, summary } = await importText({ 'pupils.csv': text });
		expect(plan.sources[0]).toMatchObject({ refused: null, delimiter: ';', headers: ['pupil_id', 'year_group', 'sen_stage'], separatorLine: 'sep=;' });
		expect(summary.tables.pupils).toEqual({ read: 2, loaded: 1, rejected: 1, warnings: 0 });
		// Excel hides the sep= line: the header is row 1 and P2 is row 3.
		expect(summary.rejected.map((r) => [r.line, r.column, r.value])).toEqual([[3, 'year_group', '99']]);
		expect(await db.query('SELECT pupil_id FROM pupils')).toEqual([{ pupil_id: 'P1' }]);
	});

	it('honours the separator named even where another would be guessed, and a tab, and the line as Excel saves it again', async () => {
		const commas = 'sep=,\npupil_id,year_group,sen_stage\nP1,3,"K; SEN support"\n';
		const tabs = 'sep=\t\npupil_id\tyear_group\tsen_stage\nP1\t3\tK\n';
		const again = 'sep=;;;\npupil_id;year_group;sen_stage\nP1;3;K\n';
		for (const text of [commas, tabs, again]) {
			const { summary } = await importText({ 'pupils.csv': text });
			expect(summary.tables.pupils, JSON.stringify(text)).toMatchObject({ read: 1, rejected: 0 });
		}
	});

	it('refuses a file whose sep= line names a separator the import does not read, saying which', async () => {
		const { plan } = await importText({ 'pupils.csv': 'sep=|\npupil_id|year_group|sen_stage\nP1|3|K\n' });
		expect(plan.sources[0].refused).toBe('pupils.csv: its first line (sep=|) names "|"; the import reads values separated by commas, semicolons or tabs: save the file separated by one of those');
	});
});

describe('a file that mixes UTF-8 and Windows-1252 lines', () => {
	const header = 'provision_id,intervention,need_area,start_date,other_costs_gbp,funding_stream\r\n';

	it('reads each line in its own encoding and names every cell of the odd lines, with file, line, column and reason', async () => {
		// A UTF-8 export with two rows pasted in from an older Excel CSV (é = 0xE9, £ = 0xA3, ’ = 0x92 in Windows-1252).
		const file = bytesOf(
			header,
			'PR1,Café club,SEMH,08/09/2025,£45,pupil premium\r\n',
			'PR2,Caf',
			[0xe9],
			' club,SEMH,08/09/2025,',
			[0xa3],
			'30,notional SEN budget\r\n',
			'PR3,Children’s talk,C&I,08/09/2025,£12,top-up\r\n',
			'PR4,Children',
			[0x92],
			's talk,C&I,08/09/2025,20,top-up\r\n'
		);
		const { db, plan, summary } = await importText({ 'provisions.csv': file });
		expect(plan.sources[0]).toMatchObject({ encoding: 'utf-8 and windows-1252', oddRows: 2 });
		expect(await db.query('SELECT provision_id, intervention, other_costs_gbp FROM provisions ORDER BY 1')).toEqual([
			{ provision_id: 'PR1', intervention: 'Café club', other_costs_gbp: 45 },
			{ provision_id: 'PR2', intervention: 'Café club', other_costs_gbp: 30 },
			{ provision_id: 'PR3', intervention: 'Children’s talk', other_costs_gbp: 12 },
			{ provision_id: 'PR4', intervention: 'Children’s talk', other_costs_gbp: 20 }
		]);
		expect(summary.tables.provisions).toEqual({ read: 4, loaded: 4, rejected: 0, warnings: 3 });
		const reason =
			'this row is in Windows-1252 (an older Excel "CSV") while most of the file is in UTF-8: each was read in its own, so check its accents and symbols (é, £, ’) and save the file as "CSV UTF-8"';
		expect(summary.warnings.map((w) => [w.file, w.line, w.column, w.value, w.reason])).toEqual([
			['provisions.csv', 3, 'intervention', 'Café club', reason],
			['provisions.csv', 3, 'other_costs_gbp', '£30', reason],
			['provisions.csv', 5, 'intervention', 'Children’s talk', reason]
		]);
	});

	it('names the UTF-8 lines when most of the file is Windows-1252, and a line that holds both, counting quoted line breaks as one row', async () => {
		const file = bytesOf(
			header,
			'PR1,Caf',
			[0xe9],
			' club,SEMH,08/09/2025,',
			[0xa3],
			'45,pupil premium\r\n',
			'PR2,"Caf',
			[0xe9],
			'\r\nclub",SEMH,08/09/2025,30,top-up\r\n',
			'PR3,Café club,SEMH,08/09/2025,12,top-up\r\n',
			'PR4,Caf',
			[0xe9],
			' club,SEMH,08/09/2025,£20,top-up\r\n'
		);
		const { db, summary } = await importText({ 'provisions.csv': file });
		expect(await db.query('SELECT provision_id, intervention, other_costs_gbp FROM provisions ORDER BY 1')).toEqual([
			{ provision_id: 'PR1', intervention: 'Café club', other_costs_gbp: 45 },
			{ provision_id: 'PR2', intervention: 'Café\r\nclub', other_costs_gbp: 30 },
			{ provision_id: 'PR3', intervention: 'Café club', other_costs_gbp: 12 },
			{ provision_id: 'PR4', intervention: 'Café club', other_costs_gbp: 20 }
		]);
		expect(summary.warnings.map((w) => [w.line, w.column, w.value, w.reason.slice(0, 40)])).toEqual([
			[4, 'intervention', 'Café club', 'this row is in UTF-8 while most of the f'],
			[5, 'intervention', 'Café club', 'this row mixes UTF-8 and Windows-1252 (a'],
			[5, 'other_costs_gbp', '£20', 'this row mixes UTF-8 and Windows-1252 (a']
		]);
	});

	it('reads a file wholly in Windows-1252 as before, without a warning', async () => {
		const file = bytesOf(header, 'PR1,Caf', [0xe9], ' club,SEMH,08/09/2025,', [0xa3], '45,pupil premium\r\n');
		const { plan, summary } = await importText({ 'provisions.csv': file });
		expect(plan.sources[0].encoding).toBe('windows-1252');
		expect(summary.tables.provisions).toEqual({ read: 1, loaded: 1, rejected: 0, warnings: 0 });
	});
});
