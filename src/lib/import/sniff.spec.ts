import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from './sniff';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('sniffCsv', () => {
	it('reads the header and the first rows', () => {
		const s = sniffCsv('id;text\n1;"a; b"\n2;c\n');
		expect(s).toEqual({
			delimiter: ';',
			headers: ['id', 'text'],
			preview: [
				['1', 'a; b'],
				['2', 'c']
			]
		});
	});

	it('keeps nothing of the file once the text is dropped (a cell cut from it would hold it all)', () => {
		const row = 'T1,PL1,"[Pupil] will read 100 words in class, on 4 out of 5 occasions"\n';
		gc();
		const before = process.memoryUsage().heapUsed;
		// The text lives only inside this function, as a chosen file's text does inside the import.
		const sniffed = (() => {
			// Decoded from bytes, as a chosen file is: one flat string of about 37 MB.
			const text = new TextDecoder().decode(new TextEncoder().encode(`target_id,plan_id,target_text\n${row.repeat(500_000)}`));
			return sniffCsv(text);
		})();
		// The last regular expression's subject is kept by the engine (RegExp.input): point it elsewhere.
		/./.test('.');
		gc();
		expect(sniffed.preview[0][2]).toBe('[Pupil] will read 100 words in class, on 4 out of 5 occasions');
		// With the text released the heap is back where it was before the text was made.
		expect(process.memoryUsage().heapUsed - before).toBeLessThan(10e6);
	});
});
