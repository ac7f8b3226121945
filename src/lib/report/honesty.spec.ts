import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDemo, sharedFixture } from '../../../tests/unit/load';
import { makeScope } from '../metrics/scope';
import { buildReport } from './build';
import type { Report } from './types';
import { reportProblems } from './honesty';
import { importSchools } from '../import/pipeline';
import { NOT_KNOWN } from '../phrasebook';
import { syntheticExport } from '../../../tests/bench/synthetic-export';
import { openTestDb } from '../../../tests/unit/test-db';

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
	it('on an export that leaves every plan’s views blank: their share is not known, never 0%', async () => {
		const db = await openTestDb();
		await importSchools(db, [{ school: 'Trust', files: syntheticExport(1_000) }], { snapshot: '2026-01-15' });
		const report = await buildReport(db, makeScope({ asOf: '2026-01-15', filters: { academicYear: '2025/26' } }), { threshold: 5 });
		const table = report.sections.flatMap((s) => s.tables).find((t) => t.caption === 'Plans meeting each quality indicator')!;
		const views = table.rows.find((r) => r[0] === "The child's views are recorded")!;
		expect(views.slice(1)).toEqual(['0', NOT_KNOWN, '250']);
		expect(reportProblems(report, 5)).toEqual([]);
		// The export has no provision: said plainly, not as "0 interventions … costing an amount not known".
		expect(report.sections.find((s) => s.id === 'provision')!.paragraphs.slice(0, 2)).toEqual([
			'No intervention ran in 2025/26.',
			'Staff hours a week by role: no run was in force on 15 January 2026.'
		]);
	});
	it('says what ran and what it cost, with the runs that could not be costed counted', () => {
		const [ran, uncosted] = demo.sections.find((s) => s.id === 'provision')!.paragraphs;
		expect(ran).toMatch(/^\d+ interventions ran in 2025\/26, costing £[\d,]+ where the cost is known \(/);
		expect(uncosted).toMatch(
			/^(Every run could be costed\.|1 run could not be costed \(no frequency, duration or rate recorded\) and is not in the totals\.|[\d,]+ runs could not be costed \(no frequency, duration or rate recorded\) and are not in the totals\.)$/
		);
		const [, messyUncosted] = messy.sections.find((s) => s.id === 'provision')!.paragraphs;
		expect(messyUncosted).toMatch(/could not be costed/);
	});

	it('finds each kind of problem when it is there (so the check can fail)', () => {
		const bad: Report = {
			...demo,
			sections: [
				{
					id: 'x',
					title: 'x',
					paragraphs: ['Nurture group achieves less than the school as a whole (30%): worth reviewing.', 'Decided: request_ehcna on 2026-03-20.'],
					charts: [],
					tables: [
						{
							caption: 'Targets achieved by intervention',
							columns: ['Intervention', 'Targets reviewed', 'Achieved'],
							rows: [
								['Play therapy', '7', '14%'],
								['Lexia', '20', '50%']
							]
						},
						{ caption: 'Staff', columns: ['Role', 'Staff hours a week', 'Pupils'], rows: [['TA', '0.0', '3']] },
						{
							caption: 'Entry and exit',
							columns: ['Intervention', 'What changed'],
							rows: [
								['Lexia', 'the standardised score rose by 2 points on average: an improvement (95% interval -1.0 to 5.0)'],
								['Toe by Toe', 'the reading age rose by 4 months on average: an improvement (95% interval 1.0 to 7.0)']
							]
						}
					]
				}
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

	it('reads the report as one document: each leak a governor found is caught', () => {
		const leaky: Report = {
			...demo,
			sections: [
				{
					id: 'summary',
					title: 'What the data says',
					paragraphs: [],
					tables: [],
					charts: [],
					points: ['fewer than 5 pupils on the register have no plan in force.', 'The weakest part of plans is "targets are specific": withheld of plans.']
				},
				{
					id: 'quality',
					title: 'Plan quality',
					charts: [],
					paragraphs: [
						'48 of 52 pupils at SEN support or with EHC plans had a plan in force on 20 March 2026.',
						'At reviews held in the period, the pupil took part in withheld and a parent in withheld (where recorded).',
						'Attendance was recorded for 50 of 52 pupils with SEN.'
					],
					tables: [
						{
							caption: 'Pupils with SEN at or above the expected standard',
							columns: ['Subject', 'Pupils assessed', 'At or above expected'],
							rows: [
								['Writing', '12', '0%'],
								['Reading', '40', '0%']
							]
						}
					]
				}
			]
		};
		const found = reportProblems(leaky, 5);
		// The hidden "fewer than 5" is 52 − 48 = 4, worked out from a sentence in another section.
		expect(found.some((p) => p.includes('"48 of 52" gives away'))).toBe(true);
		expect(found.some((p) => p.includes('"50 of 52" gives away'))).toBe(true);
		expect(found.filter((p) => p.startsWith('a withheld figure leaves a hole')).length).toBe(2);
		// 0% of 12 tells a governor every one of the 12 is behind; 0% of 40 (over 4 × 5) may be shown.
		expect(found.some((p) => p.includes('Writing — 0% of 12 gives away'))).toBe(true);
		expect(found.some((p) => p.includes('Reading'))).toBe(false);
		// A sentence that leaves a figure out with its reason has no hole.
		const rewritten: Report = {
			...leaky,
			sections: [{ ...leaky.sections[0], points: ['The number of pupils on the register with no plan in force is withheld, as it would give a small number away.'] }]
		};
		expect(reportProblems(rewritten, 5)).toEqual([]);
	});

	it('holds at the thresholds of public documents and above, where most figures are hidden', async () => {
		const db = (await sharedDemo()).db;
		for (const threshold of [10, 20]) {
			for (const school of [null, 'Oakfield Primary']) {
				const r = await buildReport(db, makeScope({ asOf: '2026-03-20', filters: { school, academicYear: '2025/26' } }), { threshold });
				expect(reportProblems(r, threshold), `${school ?? 'all schools'} at ${threshold}`).toEqual([]);
			}
		}
		const rules = (await sharedFixture('rules')).db;
		expect(reportProblems(await buildReport(rules, makeScope({ asOf: '2026-01-15', filters: { academicYear: '2025/26' } }), { threshold: 10 }), 10)).toEqual([]);
	});
});
