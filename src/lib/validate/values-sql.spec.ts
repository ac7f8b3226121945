import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../db/node';
import type { Db } from '../db/types';
import type { ValueKind } from '../contract/tables';
import { lit } from './sql-text';
import { cleanSql, kindSql } from './values-sql';

// Each raw cell → the value loaded (null = refused). Run on real DuckDB: this is the SQL the import uses.
const cases: Partial<Record<ValueKind, [string, unknown][]>> = {
	date: [
		['2025-09-08', '2025-09-08'], ['08/09/2025', '2025-09-08'], ['8/9/25', '2025-09-08'], ['8 Sep 2025', '2025-09-08'],
		['8 September 2025', '2025-09-08'], ['1st Sept 2025', '2025-09-01'], ['08.09.2025', '2025-09-08'], ['45908', '2025-09-08'],
		['2025-09-08 00:00:00', '2025-09-08'], ['  08/09/2025 ', '2025-09-08'],
		['31/02/2026', null], ['09/25/2025', null], ['tomorrow', null], ['2025-13-01', null], ['01/01/0025', null]
	],
	money: [['1200', 1200], ['1,200.50', 1200.5], ['£1,200.50', 1200.5], ['£ 45', 45], ['0', 0], ['-5', null], ['twelve', null]],
	bool: [['Y', true], ['yes', true], ['TRUE', true], ['1', true], ['n', false], ['No', false], ['false', false], ['0', false], ['Maybe', null]],
	year: [
		['3', '3'], ['Y3', '3'], ['Year 3', '3'], ['year 10', '10'], ['YR', 'R'], ['Reception', 'R'], ['R', 'R'], ['Nursery 2', 'N2'],
		['N1', 'N1'], ['03', '3'], ['14', '14'], ['15', null], ['0', null], ['Year 20', null]
	],
	sen_stage: [['K', 'K'], ['SEN Support', 'K'], ['EHCP', 'E'], ['EHC plan', 'E'], ['Monitoring', 'N'], ['n', 'N'], ['Maybe', null]],
	need_area: [
		['C&I', 'communication_interaction'], ['C&L', 'cognition_learning'], ['S&P', 'sensory_physical'], ['C and L', 'cognition_learning'],
		['SEMH', 'semh'], ['Sensory and/or Physical', 'sensory_physical'], ['Communication and Interaction', 'communication_interaction'],
		['Independence and self-help', 'independence_self_help'], ['Medical', 'medical'], ['Feelings', null]
	],
	need_code: [['SLCN', 'SLCN'], ['SpLD', 'SPLD'], ['Autism', 'ASD'], ['Social, Emotional and Mental Health', 'SEMH'], ['Moderate learning difficulty', 'MLD'], ['Dyspraxia', null]],
	outcome: [
		['achieved', 'achieved'], ['YES', 'achieved'], ['Progress', 'partial'], ['Partially achieved', 'partial'], ['Some progress', 'partial'],
		['NO', 'not_achieved'], ['not achieved', 'not_achieved'], ['Partly?', null]
	],
	decision: [['continue', 'continue'], ['Increase support', 'increase_support'], ['EHCNA', 'request_ehcna'], ['Exit SEN support', 'exit_sen_support'], ['maybe', null]],
	positive: [['2', 2], ['2.5', 2.5], ['0', null], ['-20', null]],
	count: [['1', 1], ['6', 6], ['0', null], ['2.5', null]],
	percent: [['85', 85], ['85%', 85], ['0', 0], ['105', null]],
	wave: [['1', 1], ['Wave 3', 3], ['4', null]],
	id: [['P0001', 'P0001'], ['pupil_7-b', 'pupil_7-b'], ['P 7', null], ['P#1', null]],
	id_list: [['PR1', ['PR1']], ['PR1;PR2', ['PR1', 'PR2']], ['PR1; PR2;', ['PR1', 'PR2']], ['PR1,PR2', ['PR1', 'PR2']], ['PR 1', null]],
	sex: [['F', 'F'], ['male', 'M'], ['X', null]]
};

describe('reading raw cells as contract values (SQL)', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openNodeDb();
	});

	for (const [kind, list] of Object.entries(cases) as [ValueKind, [string, unknown][]][]) {
		it(`reads ${kind}`, async () => {
			const select = list.map(([raw], i) => `${kindSql[kind].parse(cleanSql(lit(raw)))} AS v${i}`).join(', ');
			const [row] = await db.query<Record<string, unknown>>(`SELECT ${select}`);
			expect(list.map(([raw], i) => [raw, row[`v${i}`]])).toEqual(list);
		});
	}

	it('treats blank and space-only cells as unknown', async () => {
		const [row] = await db.query(`SELECT ${cleanSql("'   '")} AS a, ${cleanSql("''")} AS b, ${cleanSql("' x '")} AS c`);
		expect(row).toEqual({ a: null, b: null, c: 'x' });
	});
});
