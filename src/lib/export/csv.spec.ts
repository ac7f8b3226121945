import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

describe('CSV export', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(['=SUM(A1)', '+44', '-2', '@cmd', 'plain', '12'].map(neutralise)).toEqual(["'=SUM(A1)", "'+44", "'-2", "'@cmd", 'plain', '12']);
	});
	it('quotes and escapes, and writes unknown as blank', () => {
		const csv = toCsv([{ a: 'x, "y"', b: null }, { a: '=1+1', b: 3 }], ['a', 'b']);
		expect(csv).toBe('\uFEFFa,b\r\n"x, ""y""",\r\n\'=1+1,3\r\n');
	});
});
