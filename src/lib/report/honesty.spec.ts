import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDemo, sharedFixture } from '../../../tests/unit/load';
import { makeScope } from '../metrics/scope';
import { buildReport } from './build';
import type { Report } from './types';
import { reportProblems } from './honesty';

describe('the report says no more than the data knows', () => {
	let demo: Report;
	let messy: Report;
	beforeAll(async () => {
		demo = await buildReport((await sharedDemo()).db, makeScope({ asOf: '2026-03-20', filters: { academicYear: '2025/26' } }), { threshold: 5 });
		// The rules fixture: rejected rows, blanks, unknown costs and outcomes.
		messy = await buildReport((await sharedFixture('rules')).db, makeScope({ asOf: '2026-01-15', filters: { academicYear: '2025/26' } }), { threshold: 5 });
	});

	it('on the demo: no unsupported claim, code word, raw date, small count or unknown shown as 0', () => {
		expect(reportProblems(demo, 5)).toEqual([]);
	});
	it('on messy data too', () => {
		expect(reportProblems(messy, 5)).toEqual([]);
	});
	it('finds each kind of problem when it is there (so the check can fail)', () => {
		const bad: Report = {
			...demo,
			sections: [
				{ id: 'x', title: 'x', paragraphs: ['Nurture group achieves less than the school as a whole (30%): worth reviewing.', 'Decided: request_ehcna on 2026-03-20.'], charts: [], tables: [
					{ caption: 'Targets achieved by intervention', columns: ['Intervention', 'Targets reviewed', 'Achieved'], rows: [['Play therapy', '7', '14%'], ['Lexia', '20', '50%']] },
					{ caption: 'Staff', columns: ['Role', 'Staff hours a week', 'Pupils'], rows: [['TA', '0.0', '3']] },
					{ caption: 'Entry and exit', columns: ['Intervention', 'What changed'], rows: [['Lexia', 'the standardised score rose by 2 points on average: an improvement (95% interval -1.0 to 5.0)'], ['Toe by Toe', 'the reading age rose by 4 months on average: an improvement (95% interval 1.0 to 7.0)']] }
				] }
			]
		};
		const found = reportProblems(bad, 5);
		expect(found.some((p) => p.startsWith('claims a difference'))).toBe(true);
		expect(found.some((p) => p.startsWith('code word'))).toBe(true);
		expect(found.some((p) => p.startsWith('date not written out'))).toBe(true);
		expect(found.some((p) => p.includes('14% of 7 gives away'))).toBe(true);
		expect(found.some((p) => p.includes('Lexia'))).toBe(false);
		expect(found.some((p) => p.includes('shows 0 staff hours'))).toBe(true);
		expect(found.some((p) => p.includes('shows 3 pupils'))).toBe(true);
		expect(found.filter((p) => p.startsWith('judges a change')).map((p) => p.includes('interval -1.0 to 5.0'))).toEqual([true]);
	});
});
