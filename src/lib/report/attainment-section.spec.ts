import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { drawChart } from '../../cli/draw-chart';
import { makeScope } from '../metrics/scope';
import { buildReport, composeReport } from './build';
import { reportFigures } from './figures';
import { reportOptions } from './options';
import type { Report } from './types';
import { renderReportHtml } from './html';

// tests/fixtures/attainment (figures worked out by hand in src/lib/metrics/attainment.spec.ts), the year 2025/26 as of 20 March 2026.
describe("governors' report: attainment and attendance", () => {
	let db: Db;
	const scope = makeScope({ asOf: '2026-03-20', filters: { school: 'attainment', academicYear: '2025/26' } });
	const build = (threshold: number) => buildReport(db, scope, { threshold });
	const section = (r: Report) => r.sections.find((s) => s.id === 'attainment')!;
	const table = (r: Report, caption: string) => section(r).tables.find((t) => t.caption === caption)!.rows;
	beforeAll(async () => {
		db = (await sharedFixture('attainment')).db;
	});

	it('shows shares against the school and says "lower" only where the test does', async () => {
		const r = await build(2);
		// Reading 2 of 6 against 70% (rest 124 of 174 = 71%): z = −1.99 → lower. Maths 2 of 4: too few to test. Writing: no
		// school figure, and 0 of 2 is none of a group under 4 × 2 = 8: it would say every one of them is behind, so withheld.
		expect(table(r, 'Pupils with SEN at or above the expected standard')).toEqual([
			['Reading', '6', '33%', '70%', 'Clearly lower'],
			['Writing', '2', 'withheld', 'not entered', 'withheld'],
			['Maths', '4', '50%', '65%', 'Too few to tell yet']
		]);
		const text = section(r).paragraphs.join('\n');
		expect(text).toContain('Reading: 33% of pupils with SEN were at or above the expected standard against 71% of the rest of the school; lower, by more than chance would explain.');
		// Maths rest: 130 − 2 = 128 of 196 = 65%.
		expect(text).toContain('Maths: 50% of pupils with SEN were at or above the expected standard against 65% of the rest of the school; too few to tell yet.');
		// Attendance: 5 of 6 recorded would give away the 1 not recorded, so the 5 is hidden with it; the mean (87.7) stays, but
		// the share persistently absent (4 of 5: A4 at exactly 90% counts) would give the 5 away again, so it is withheld too.
		expect(text).toContain('Attendance was recorded for some of the 6 pupils with SEN; how many is withheld, as it would give a small number away. On average they attended 87.7% of sessions');
		expect(text).toContain('The share persistently absent is withheld, as it would give a small number away.');
	});

	it('says what persistently absent means: missing 10% or more of sessions', async () => {
		// The fixture's own figures (6 pupils, 5 recorded, 4 persistently absent) with two more pupils, one recorded above 90%
		// and one not recorded, so that nothing is withheld at 2: 8 pupils, 6 recorded (2 not), 4 of 6 = 67% absent (2 not)
		// against 16 of 194 (8%) in the rest of the school.
		const f = await reportFigures(db, scope, 2);
		const a = f.pupilAttendance;
		expect(a).toMatchObject({ pupils: 6, recorded: 5, persistently_absent: 4, versus_rest: 'higher' });
		const pupilAttendance = { ...a, pupils: 8, recorded: 6, share: 4 / 6, rest_share: 16 / 194 };
		const text = composeReport({ ...f, pupilAttendance }, reportOptions(scope, { threshold: 2 }))
			.sections.find((x) => x.id === 'attainment')!
			.paragraphs.join('\n');
		expect(text).toContain("67% of them were persistently absent (missed 10% or more of sessions) (the school's figure for all pupils: 10%). Against 8% in the rest of the school:");
	});

	it('suppresses stage and progress counts as parts of each subject', async () => {
		const r = await build(2);
		// Reading by stage: E 2 (0 at expected: none of a group under 8, withheld), K 4 (2 at expected).
		expect(table(r, 'At or above expected by stage')[0]).toEqual(['Reading', 'EHC plan', '2', 'withheld']);
		// Reading progress 2, 2, 1, 1: the two 1s read "fewer than 2" (two parts hidden, so no third is needed).
		expect(table(r, 'Progress judged at the latest assessment')[0]).toEqual(['Reading', '2', '2', 'fewer than 2', 'fewer than 2']);
	});

	it('withholds every share and verdict that would give a small number away at a threshold of 5', async () => {
		const r = await build(5);
		// Reading: 2 at expected and 4 not are both under 5 → share and verdict withheld; maths 4 pupils → fewer than 5.
		expect(table(r, 'Pupils with SEN at or above the expected standard').map((row) => row.slice(0, 3).concat(row[4]))).toEqual([
			['Reading', '6', 'withheld', 'withheld'],
			['Writing', 'fewer than 5', 'withheld', 'withheld'],
			['Maths', 'fewer than 5', 'withheld', 'withheld']
		]);
		const text = section(r).paragraphs.join('\n');
		expect(text).not.toMatch(/lower, by more than chance|higher than the/);
		expect(text).toContain('The share persistently absent is withheld');
		expect(renderReportHtml(r, drawChart)).toContain('Attainment and attendance');
	});

	it('says so when the export has no assessments or attendance', async () => {
		const other = (await sharedFixture('impact')).db;
		const r = await buildReport(other, makeScope({ asOf: '2026-01-15', filters: { school: 'impact', academicYear: '2025/26' } }), { threshold: 5 });
		expect(section(r)).toMatchObject({ tables: [], paragraphs: ['The data holds no assessments or attendance for pupils with SEN in this period.'] });
	});
});
