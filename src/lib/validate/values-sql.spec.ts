import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../tests/unit/test-db';
import type { Db } from '../db/types';
import type { ValueKind } from '../contract/tables';
import { lit } from './sql-text';
import { cleanSql, kindSql } from './values-sql';
import { dataDictionary } from '../contract/dictionary';

// Each raw cell → the value loaded (null = refused). Run on real DuckDB: this is the SQL the import uses.
const cases: Partial<Record<ValueKind, [string, unknown][]>> = {
	date: [
		['2025-09-08', '2025-09-08'],
		['08/09/2025', '2025-09-08'],
		['8/9/25', '2025-09-08'],
		['8 Sep 2025', '2025-09-08'],
		['8 September 2025', '2025-09-08'],
		['1st Sept 2025', '2025-09-01'],
		['08.09.2025', '2025-09-08'],
		['45908', '2025-09-08'],
		['2025-09-08 00:00:00', '2025-09-08'],
		['  08/09/2025 ', '2025-09-08'],
		['31/02/2026', null],
		['09/25/2025', null],
		['31/12/1989', null],
		['01/01/2101', null],
		['01/01/89', null],
		['25000', null],
		['75000', null],
		['1 Jan 2101', null],
		['tomorrow', null],
		['2025-13-01', null],
		['01/01/0025', null]
	],
	money: [
		['1200', 1200],
		['1,200.50', 1200.5],
		['£1,200.50', 1200.5],
		['£ 45', 45],
		[' 1 200 ', 1200],
		['0', 0],
		['.5', 0.5],
		['-5', null],
		['twelve', null],
		['1.200,50', null],
		['12,50', null],
		['1,2,3', null],
		['NaN', null],
		['nan', null],
		['Infinity', null],
		['-Infinity', null],
		['inf', null],
		['1e3', null],
		['9'.repeat(400), null],
		['£', null],
		['.', null],
		['1,20', null]
	],
	number: [
		['98', 98],
		['-3.5', -3.5],
		['1,234', 1234],
		['1 234.5', 1234.5],
		['NaN', null],
		['Infinity', null],
		['12,5', null],
		['1.2.3', null],
		['', null]
	],
	bool: [
		['Y', true],
		['yes', true],
		['TRUE', true],
		['1', true],
		['n', false],
		['No', false],
		['false', false],
		['0', false],
		['Maybe', null]
	],
	year: [
		['3', '3'],
		['Y3', '3'],
		['Year 3', '3'],
		['year 10', '10'],
		['YR', 'R'],
		['Reception', 'R'],
		['R', 'R'],
		['Nursery 2', 'N2'],
		['N1', 'N1'],
		['03', '3'],
		['14', '14'],
		['15', null],
		['0', null],
		['Year 20', null]
	],
	sen_stage: [
		['K', 'K'],
		['SEN Support', 'K'],
		['EHCP', 'E'],
		['EHC plan', 'E'],
		['Monitoring', 'N'],
		['n', 'N'],
		['Maybe', null],
		// As SIMS and other MIS write it: the code, a dash and the words (the code and the words must agree).
		['K - SEN Support', 'K'],
		['k - sen support', 'K'],
		['E - EHC Plan', 'E'],
		['e - ehc plan', 'E'],
		['E - Education, Health and Care Plan', 'E'],
		['N - No SEN', 'N'],
		['n - no sen', 'N'],
		['N - No Special Educational Need', 'N'],
		['SEN Support (K)', 'K'],
		['EHCP (E)', 'E'],
		['K - EHC Plan', null],
		['E - SEN Support', null],
		['N - SEN Support', null],
		['K - Maybe', null]
	],
	need_area: [
		['C&I', 'communication_interaction'],
		['C&L', 'cognition_learning'],
		['S&P', 'sensory_physical'],
		['C and L', 'cognition_learning'],
		['SEMH', 'semh'],
		['Sensory and/or Physical', 'sensory_physical'],
		['Communication and Interaction', 'communication_interaction'],
		['Independence and self-help', 'independence_self_help'],
		['Medical', 'medical'],
		['Feelings', null]
	],
	need_code: [
		['SLCN', 'SLCN'],
		['SpLD', 'SPLD'],
		['Autism', 'ASD'],
		['Social, Emotional and Mental Health', 'SEMH'],
		['Moderate learning difficulty', 'MLD'],
		['Dyspraxia', null]
	],
	outcome: [
		['achieved', 'achieved'],
		['YES', 'achieved'],
		['Progress', 'partial'],
		['Partially achieved', 'partial'],
		['Some progress', 'partial'],
		['NO', 'not_achieved'],
		['not achieved', 'not_achieved'],
		['Partly?', null]
	],
	decision: [
		['continue', 'continue'],
		['Increase support', 'increase_support'],
		['EHCNA', 'request_ehcna'],
		['Exit SEN support', 'exit_sen_support'],
		['maybe', null]
	],
	positive: [
		['2', 2],
		['2.5', 2.5],
		['0', null],
		['-20', null],
		['NaN', null],
		['Infinity', null],
		['1,5', null]
	],
	count: [
		['1', 1],
		['6', 6],
		['007', 7],
		['3.0', 3],
		['1,200', 1200],
		['000000000012', 12],
		['0000', null],
		['-3', null],
		['0', null],
		['2.5', null],
		['2147483647', 2147483647],
		['2147483648', null],
		['99999999999', null],
		['3000000000', null],
		['NaN', null]
	],
	tally: [
		['0', 0],
		['0000', 0],
		['12', 12],
		['3.0', 3],
		['1,200', 1200],
		['-1', null],
		['2.5', null],
		['2147483648', null],
		['many', null],
		['NaN', null]
	],
	percent: [
		['85', 85],
		['85%', 85],
		['0', 0],
		['105', null],
		['NaN', null],
		['NaN%', null],
		['85,5', null]
	],
	wave: [
		['1', 1],
		['Wave 3', 3],
		['4', null]
	],
	id: [
		['P0001', 'P0001'],
		['pupil_7-b', 'pupil_7-b'],
		['P 7', null],
		['P#1', null]
	],
	id_list: [
		['PR1', ['PR1']],
		['PR1;PR2', ['PR1', 'PR2']],
		['PR1; PR2;', ['PR1', 'PR2']],
		['PR1,PR2', ['PR1', 'PR2']],
		['PR 1', null]
	],
	sex: [
		['F', 'F'],
		['male', 'M'],
		['X', null]
	],
	assessed_on: [
		['2025-12-08', '2025-12-08'],
		['08/12/2025', '2025-12-08'],
		['Autumn 2025', '2025-12-15'],
		['Spring 2026', '2026-03-15'],
		['Summer term 2025/26', '2026-07-15'],
		['2025/26 Spr', '2026-03-15'],
		['aut 2025-26', '2025-12-15'],
		['Autumn', null],
		['Winter 2025', null],
		['Spring 0025', null]
	],
	attainment: [
		['WTS', 'working_towards'],
		['EXS', 'expected'],
		['GDS', 'greater_depth'],
		['PKS', 'pre_key_stage'],
		['Working towards', 'working_towards'],
		['Greater depth', 'greater_depth'],
		['Expected standard', 'expected'],
		['Top set', null]
	],
	progress: [
		['less than expected', 'less_than_expected'],
		['Expected', 'expected'],
		['MTE', 'more_than_expected'],
		['Accelerated', 'more_than_expected'],
		['Good', null]
	],
	comparator: [
		['on roll', 'on_roll'],
		['NOR', 'on_roll'],
		['% at expected', 'expected_pct'],
		['Attendance %', 'attendance_pct'],
		['PA', 'persistent_absence_pct'],
		['exclusions', null]
	]
};

describe('reading raw cells as contract values (SQL)', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openTestDb();
	});

	for (const [kind, list] of Object.entries(cases) as [ValueKind, [string, unknown][]][]) {
		it(`reads ${kind}`, async () => {
			const select = list.map(([raw], i) => `${kindSql[kind].parse(cleanSql(lit(raw)))} AS v${i}`).join(', ');
			const [row] = await db.query<Record<string, unknown>>(`SELECT ${select}`);
			expect(list.map(([raw], i) => [raw, row[`v${i}`]])).toEqual(list);
		});
	}

	it('reads every form of the SEN stage that the data dictionary names', async () => {
		const { description } = dataDictionary()
			.find((t) => t.table === 'pupils')!
			.columns.find((c) => c.name === 'sen_stage')!;
		const named = [...description.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
		expect(named).toContain('K - SEN Support');
		const [row] = await db.query<Record<string, unknown>>(`SELECT ${named.map((raw, i) => `${kindSql.sen_stage.parse(cleanSql(lit(raw)))} AS v${i}`).join(', ')}`);
		expect(named.filter((_, i) => row[`v${i}`] === null)).toEqual([]);
	});

	it('treats blank and space-only cells as unknown', async () => {
		const [row] = await db.query(`SELECT ${cleanSql("'   '")} AS a, ${cleanSql("''")} AS b, ${cleanSql("' x '")} AS c`);
		expect(row).toEqual({ a: null, b: null, c: 'x' });
	});

	it('trims every kind of space, the same on the quick path (plain ASCII) and the full one', async () => {
		const cells: [string, string | null][] = [
			['x', 'x'],
			['a b', 'a b'],
			['\tx', 'x'],
			['x\t', 'x'],
			['a\tb', 'a b'],
			['\u00a0x\u00a0', 'x'],
			['\u2003x', 'x'],
			['x\u3000', 'x'],
			['José ', 'José'],
			['José', 'José'],
			['\u00a0', null],
			['\t \t', null],
			['a\u00a0b', 'a b'],
			['\nx', '\nx']
		];
		const [row] = await db.query<Record<string, unknown>>(`SELECT ${cells.map(([raw], i) => `${cleanSql(lit(raw))} AS v${i}`).join(', ')}`);
		expect(cells.map(([raw], i) => [raw, row[`v${i}`]])).toEqual(cells);
	});
});
