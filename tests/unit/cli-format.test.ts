import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/cli/analyse';
import { formatAnalysis, printable } from '../../src/cli/format';
import { openTestDb } from './test-db';

describe('readable command-line output', () => {
	it('shows control characters and bidirectional overrides from the data as escapes', () => {
		expect(printable('ok\u001b[2J\rgone\nnext\u202eevil\u0007')).toBe('ok\\x1b[2J\\rgone\\nnext\\u202eevil\\x07');
		expect(printable('Café £1,200 — fine')).toBe('Café £1,200 — fine');
	});

	it('never prints a raw escape sequence from a rejected value or a school name', async () => {
		const enc = new TextEncoder();
		const pupils = 'pupil_id,year_group,sen_stage\nP1,3,K\nP2,\u001b[2J15,K\n';
		const school = 'S\u001b]0;x\u0007';
		const result = await analyse(await openTestDb(), [{ school, files: [{ name: 'pupils.csv', bytes: enc.encode(pupils) }] }], '2026-01-15', false);
		expect(result.import.rejected.map((r) => r.value)).toEqual(['\u001b[2J15']);
		const text = formatAnalysis(result);
		// eslint-disable-next-line no-control-regex -- no control character may reach the terminal
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
		expect(text).toContain('\\x1b[2J15');
		expect(text).toContain('S\\x1b]0;x\\x07');
	});
});
