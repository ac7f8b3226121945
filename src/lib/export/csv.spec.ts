import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

describe('CSV export', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(['=SUM(A1)', '+44', '@cmd', 'plain', '12'].map(neutralise)).toEqual(["'=SUM(A1)", "'+44", "'@cmd", 'plain', '12']);
		expect(['\t=1', '\r=1', '-', '-x', '-2+3', '-2-3', '-1+cmd|x', '-A1', '-1,2', '--1', '-.', '-e5', '-1e', '-SUM(A1)'].map(neutralise)).toEqual([
			"'\t=1",
			"'\r=1",
			"'-",
			"'-x",
			"'-2+3",
			"'-2-3",
			"'-1+cmd|x",
			"'-A1",
			"'-1,2",
			"'--1",
			"'-.",
			"'-e5",
			"'-1e",
			"'-SUM(A1)"
		]);
	});
	it("leaves a negative number a number, so a spreadsheet can sum it (not the text '-13)", () => {
		expect(['-13', '-0.5', '-.5', '-1,200.50', '-1e-7', '-2'].map(neutralise)).toEqual(['-13', '-0.5', '-.5', '-1,200.50', '-1e-7', '-2']);
		expect(toCsv([{ gap: -13, change: -0.5, label: '-x' }], ['gap', 'change', 'label'])).toBe("\uFEFFgap,change,label\r\n-13,-0.5,'-x\r\n");
	});
	it('quotes and escapes, and writes unknown as blank', () => {
		const csv = toCsv(
			[
				{ a: 'x, "y"', b: null },
				{ a: '=1+1', b: 3 }
			],
			['a', 'b']
		);
		expect(csv).toBe('\uFEFFa,b\r\n"x, ""y""",\r\n\'=1+1,3\r\n');
	});
});
