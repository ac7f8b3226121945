import { describe, expect, it } from 'vitest';
import { checkCsvStructure, CleanCsvCheck, rowsAtOffsets } from './csv-structure';

const lines = (text: string, delimiter: ',' | ';' | '\t' = ',') => checkCsvStructure(text, delimiter).problems.map((p) => p.line);

describe('CSV structure check', () => {
	it('counts a quoted cell with line breaks as one spreadsheet row, with any line ending', () => {
		expect(lines('a,b\n"x\ny",1\n1,2,3\n')).toEqual([3]);
		expect(lines('a,b\r\n"x\r\ny",1\r\n1,2,3\r\n')).toEqual([3]);
		expect(lines('a,b\r"x",1\r1,2,3')).toEqual([3]);
	});

	it('keeps a clean file as it is, and blanks only the broken rows', () => {
		const clean = 'a;b\n1;"2;3"\n\n4;5\n';
		expect(checkCsvStructure(clean, ';')).toMatchObject({ problems: [], width: 2 });
		const checked = checkCsvStructure('a,b\n1,2,3\n"open,2\n4,5\n', ',');
		expect(checked.problems.map((p) => p.line)).toEqual([2, 3]);
		expect(checked.text).toBe('a,b\n,\n,\n4,5\n');
	});

	it('reads escaped quotes inside quoted cells and rejects quotes anywhere else', () => {
		expect(lines('a,b\n"say ""hi""",1\n')).toEqual([]);
		expect(lines('a,b\nsay "hi",1\n"hi" there,1\n')).toEqual([2, 3]);
	});

	it('gives the spreadsheet row of a place in the text as the check counts rows (quoted line breaks, an unclosed quote)', () => {
		const text = 'a,b\n"x\ny",1\n"open,2\nc,3\nd,4\n';
		const at = (piece: string) => text.indexOf(piece);
		expect(rowsAtOffsets(text, ',', [0, at('"x'), at('y"'), at('"open'), at('c,3'), at('d,4')])).toEqual([1, 2, 2, 3, 4, 5]);
		// The same rows as the check reports problems on: the unclosed quote loses its own row only.
		expect(lines(text)).toEqual([3]);
	});

	it('checks a text arriving in parts as the whole-text check does, wherever the parts are cut', () => {
		/** The check in parts cut at `cuts`: its findings, or null when it leaves the file to the whole-text check. */
		const inParts = (text: string, cuts: number[], delimiter: ',' | ';' = ',') => {
			const check = new CleanCsvCheck(delimiter);
			const bounds = [0, ...cuts, text.length];
			for (let i = 0; i + 1 < bounds.length; i++) if (!check.push(text.slice(bounds[i], bounds[i + 1]), i + 2 === bounds.length)) return null;
			return check.result();
		};
		const clean = ['a,b\r\n"x\r\ny",1\r\n"say ""hi""",2\r\n3,\r\n', 'a;b\n1;"2;3"\n4;5', 'a,b\r1,2\r"long, long, long",3\r'];
		for (const text of clean) {
			const delimiter = text.includes(';') ? ';' : ',';
			const whole = checkCsvStructure(text, delimiter);
			expect(whole.text).toBe(text);
			for (let a = 0; a <= text.length; a++) for (let b = a; b <= text.length; b++) expect(inParts(text, [a, b], delimiter), `cut at ${a} and ${b}`).toEqual({ ...whole, text: '' });
		}
		// Anything the whole-text check would change or reject is left to it, wherever the cut.
		for (const text of ['a,b\n1,2,3\n', 'a,b\n\n1,2\n', 'a,b\n"open,2\n4,5\n', 'a,b\nsay "hi",1\n', '"a,b\n1,2\n'])
			for (let a = 0; a <= text.length; a++) expect(inParts(text, [a]), `${JSON.stringify(text)} cut at ${a}`).toBeNull();
	});
});
