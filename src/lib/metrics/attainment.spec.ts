import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { attainmentBySubject, attainmentGap, attainmentTrend, attendanceByGroup, attendanceSummary, compareWithRest, progressJudgements, pupilsBehindNoChange } from './attainment';
import { tables } from '../contract/tables';
import { runMetric } from './registry';
import { makeScope, type Filters } from './scope';

// tests/fixtures/attainment: one school ("attainment"), as of 20 March 2026. Pupils with SEN: A1 (Y3, K, SPLD),
// A2 (Y4, K, MLD), A3 (Y5, E, ASD), A4 (Y2, K, SLCN), A5 (Y6, K, SEMH), A7 (Y1, E, SLD); A6 is on the monitoring list (N)
// and never counted. Terms are read as 15 Dec (Autumn 2025) and 15 Mar (Spring 2026). A7's Maths row ("Top set"), a
// comparator of 140% and one with no subject are rejected at import. Every figure below is worked out by hand from those files.
const asOf = '2026-03-20';
const scope = (filters: Partial<Filters> = {}, at = asOf) => makeScope({ asOf: at, filters });
const near = (x: number | null, y: number) => expect(x).toBeCloseTo(y, 3);

describe('attainment figures', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('attainment')).db;
	});

	it('rejects a band it cannot read, a share above 100% and a share with no subject', async () => {
		const rejected = await db.query<{ tbl: string; line: number; column_name: string; value: string }>(`SELECT tbl, line, column_name, value FROM import_rejected ORDER BY tbl, line`);
		expect(rejected).toEqual([
			{ tbl: 'assessments', line: 24, column_name: 'attainment', value: 'Top set' },
			{ tbl: 'comparators', line: 10, column_name: 'value', value: '140' },
			{ tbl: 'comparators', line: 11, column_name: 'subject', value: '' }
		]);
	});

	it('loads only rows the zod contract accepts, terms read as dates', async () => {
		for (const table of ['pupils', 'assessments', 'comparators'] as const) {
			const rows = await db.query<Record<string, unknown>>(`SELECT * EXCLUDE (school, source_file, source_line) FROM ${table}`);
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) expect(tables[table].safeParse(row).error).toBeUndefined();
		}
		// "Autumn 2025" → 15 Dec 2025, "Spring 2026" → 15 Mar 2026; "20/09/2025" is a UK date.
		const a1 = await db.query<{ on: string }>(`SELECT strftime(assessed_on, '%Y-%m-%d') AS on FROM assessments WHERE pupil_id = 'A1' AND subject = 'Reading' ORDER BY 1`);
		expect(a1.map((r) => r.on)).toEqual(['2025-12-15', '2026-03-15']);
	});

	it('counts each pupil once per subject at their latest point, with the share at or above expected', async () => {
		const rows = await runMetric(db, attainmentBySubject, scope(), 'all');
		// Reading, latest by 20 Mar: A1 EXS, A2 WTS ("reading" is the same subject), A3 PKS, A4 GDS, A5 WTS, A7 PKS → 6 pupils,
		// at or above expected A1 + A4 = 2. At their own expected band: A1, A4 and A3 (expected PKS) = 3.
		// Wilson 2/6: centre (1/3 + 3.8415/12) = 0.6535, margin 1.96·√(0.2222/6 + 3.8415/144) = 0.4947, ÷ 1.6402 → 0.097–0.700.
		const reading = rows.find((r) => r.subject_key === 'reading')!;
		expect(reading).toMatchObject({ subject: 'Reading', pupils: 6, pre_key_stage: 2, working_towards: 2, expected: 1, greater_depth: 1, at_expected: 2, at_own_expected: 3, small_number: false });
		near(reading.share, 2 / 6);
		near(reading.ci_low, 0.0968);
		near(reading.ci_high, 0.7);
		// Maths: A1 WTS, A2 EXS, A4 EXS, A5 WTS (its April EXS is after as_of; A7's row was rejected) → 2 of 4, a small number.
		expect(rows.find((r) => r.subject_key === 'maths')).toMatchObject({ pupils: 4, at_expected: 2, share: 0.5, small_number: true });
		// Writing: A1 WTS, A4 WTS (expected WTS for A4) → 0 of 2 at expected, 1 at own expected. Subjects in reading, writing, maths order.
		expect(rows.map((r) => [r.subject, r.pupils, r.at_expected, r.at_own_expected])).toEqual([
			['Reading', 6, 2, 3],
			['Writing', 2, 0, 1],
			['Maths', 4, 2, 2]
		]);
	});

	it('breaks reading down by stage, need area and key stage', async () => {
		const reading = async (by: 'sen_stage' | 'need_area' | 'key_stage') =>
			(await runMetric(db, attainmentBySubject, scope(), by)).filter((r) => r.subject_key === 'reading').map((r) => [r.group, r.pupils, r.at_expected]);
		// E: A3 PKS, A7 PKS → 0 of 2; K: A1 EXS, A2 WTS, A4 GDS, A5 WTS → 2 of 4.
		expect(await reading('sen_stage')).toEqual([
			['E', 2, 0],
			['K', 4, 2]
		]);
		// SPLD, MLD, SLD → cognition (A1 yes, A2, A7) 1 of 3; ASD, SLCN → C&I (A3, A4 yes) 1 of 2; SEMH (A5) 0 of 1.
		expect(await reading('need_area')).toEqual([
			['cognition_learning', 3, 1],
			['communication_interaction', 2, 1],
			['semh', 1, 0]
		]);
		// KS1: A4 (Y2) yes, A7 (Y1) → 1 of 2; KS2: A1 yes, A2, A3, A5 → 1 of 4.
		expect(await reading('key_stage')).toEqual([
			['KS1', 2, 1],
			['KS2', 4, 1]
		]);
	});

	it("sets the share against the school's figure and tests it against the rest of the school", async () => {
		const rows = await runMetric(db, attainmentGap, scope(), undefined);
		const reading = rows.find((r) => r.subject_key === 'reading')!;
		// School: 70% of 180 = 126 (the 2024/25 row is another year). Gap 33.3 − 70 = −36.7 points.
		// Rest of school 124 of 174 = 71.3%. Pooled 126/180 = 0.7; se = √(0.21 × (1/6 + 1/174)) = 0.1903;
		// z = (0.3333 − 0.7126) / 0.1903 = −1.99 < −1.96 → lower.
		expect(reading).toMatchObject({ pupils: 6, at_expected: 2, school_pct: 70, school_pupils: 180, versus_rest: 'lower' });
		near(reading.gap_pp, -36.667);
		near(reading.rest_share, 124 / 174);
		// Maths: 65% with no base given → the number on roll, 200: 130; rest 128 of 196. Only 4 pupils → too few to test.
		expect(rows.find((r) => r.subject_key === 'maths')).toMatchObject({ school_pct: 65, school_pupils: 200, gap_pp: -15, versus_rest: 'too_few' });
		// Writing: no comparator → no gap, no test (unknown, not zero).
		expect(rows.find((r) => r.subject_key === 'writing')).toMatchObject({ school_pct: null, gap_pp: null, versus_rest: null });
	});

	it('uses the year-group comparators the filters pick', async () => {
		// KS2: rows for Y3 (80% of 30 = 24) and Y4 (60% of 20 = 12) → 36 of 50 = 72%. SEN KS2 reading 1 of 4 (A1).
		const ks2 = await runMetric(db, attainmentGap, scope({ keyStage: 'KS2' }), undefined);
		expect(ks2.find((r) => r.subject_key === 'reading')).toMatchObject({ pupils: 4, at_expected: 1, school_pct: 72, school_pupils: 50, gap_pp: -47 });
		// No year-group rows for maths → no comparator for KS2.
		expect(ks2.find((r) => r.subject_key === 'maths')).toMatchObject({ school_pct: null, versus_rest: null });
		// Year 3 alone: A1 EXS → 1 of 1 against 80% of 30.
		const y3 = await runMetric(db, attainmentGap, scope({ yearGroup: '3' }), undefined);
		expect(y3.map((r) => [r.subject, r.pupils, r.at_expected, r.school_pct])).toEqual([
			['Reading', 1, 1, 80],
			['Writing', 1, 0, null],
			['Maths', 1, 0, null]
		]);
	});

	it('counts progress judgements, a blank being not recorded rather than less than expected', async () => {
		const rows = await runMetric(db, progressJudgements, scope(), undefined);
		// Reading latest: A1 more, A2 less, A3 expected, A4 expected, A5 less, A7 blank → expected or more 3 of 5 judged.
		expect(rows.find((r) => r.subject_key === 'reading')).toMatchObject({ pupils: 6, less_than_expected: 2, expected: 2, more_than_expected: 1, not_recorded: 1, judged: 5, share: 0.6 });
		// Maths latest: A1 expected, A2 more, A4 expected, A5 (autumn, blank) → 3 of 3.
		expect(rows.find((r) => r.subject_key === 'maths')).toMatchObject({ pupils: 4, less_than_expected: 0, expected: 2, more_than_expected: 1, not_recorded: 1, judged: 3, share: 1 });
	});

	it('follows the share term by term', async () => {
		const rows = await runMetric(db, attainmentTrend, scope(), undefined);
		// Autumn reading: A1 WTS, A2 WTS, A3 PKS, A5 EXS → 1 of 4; spring: as the latest figures, 2 of 6.
		// Autumn maths: A5's two autumn points (20 Sep, 15 Dec) count once: A1, A2, A5 all WTS → 0 of 3; spring A1 WTS, A2 EXS, A4 EXS → 2 of 3.
		expect(rows.map((r) => [r.subject, r.term, r.pupils, r.at_expected])).toEqual([
			['Reading', 'Autumn', 4, 1],
			['Reading', 'Spring', 6, 2],
			['Writing', 'Autumn', 1, 0],
			['Writing', 'Spring', 2, 0],
			['Maths', 'Autumn', 3, 0],
			['Maths', 'Spring', 3, 2]
		]);
	});

	it('gives attendance and persistent absence against the school, counting attendance of exactly 90% as persistently absent', async () => {
		const a = await runMetric(db, attendanceSummary, scope(), undefined);
		// Recorded for A1 95, A2 88, A3 80.5, A4 90, A7 85 (A5 blank: unknown, not 0) → mean 438.5 / 5 = 87.7.
		// At or below 90 (missing 10% or more of sessions): A2, A3, A4 (exactly 90: one session in ten missed), A7 = 4 of 5.
		// School: 95% attendance; 10% of 200 on roll (no base given) = 20 persistently absent; rest 20 − 4 = 16 of 195 = 8.2%.
		// Pooled 20/200 = 0.1; se = √(0.1 × 0.9 × (1/5 + 1/195)) = 0.1359; z = (0.8 − 0.0821)/0.1359 = 5.28 → higher.
		expect(a).toMatchObject({ pupils: 6, recorded: 5, persistently_absent: 4, school_attendance_pct: 95, school_pa_pct: 10, school_pupils: 200, share: 0.8, versus_rest: 'higher' });
		near(a.mean_pct, 87.7);
		near(a.gap_pp, -7.3);
		near(a.rest_share, 16 / 195);
		// By stage: E A3 80.5, A7 85 → mean 82.75, both at or below 90; K A1 95, A2 88, A4 90 → mean 91, two at or below 90 (A5 unknown).
		expect((await runMetric(db, attendanceByGroup, scope(), 'sen_stage')).map((r) => [r.group, r.pupils, r.recorded, r.mean_pct, r.persistently_absent])).toEqual([
			['E', 2, 2, 82.75, 2],
			['K', 4, 3, 91, 2]
		]);
	});

	it('lists pupils at SEN support behind expected twice in a row with no change of provision', async () => {
		// A2 reading: WTS on 10 Dec and 10 Mar; Toe by Toe in place at both (a new run, "toe by  toe", is the same intervention) → listed.
		// A5 maths: WTS on 20 Sep and 15 Dec, no provision at either → listed. A1 maths: WTS twice but Precision Teaching then
		// Numicon → changed, not listed. A4 writing: WTS twice but WTS is A4's expected band → not behind. A3 and A7 have EHC plans.
		const rows = await runMetric(db, pupilsBehindNoChange, scope(), undefined);
		expect(rows.map((r) => [r.pupil_id, r.subject, r.previous_on, r.latest_on, r.interventions])).toEqual([
			['A2', 'Reading', '2025-12-10', '2026-03-10', 1],
			['A5', 'Maths', '2025-09-20', '2025-12-15', 0]
		]);
		// On 1 May A5's latest maths point is EXS (20 Apr): no longer behind.
		expect((await runMetric(db, pupilsBehindNoChange, scope({}, '2026-05-01'), undefined)).map((r) => r.pupil_id)).toEqual(['A2']);
	});

	it('never tests against a comparator that cannot hold the group', () => {
		// 3 of 5 against a school figure of 1% of 100 (1 pupil): the rest would be −2 pupils → no comparison.
		expect(compareWithRest({ successes: 3, n: 5 }, 1, 100)).toEqual({ rest_share: null, versus_rest: null });
		expect(compareWithRest({ successes: 3, n: 5 }, null, 100)).toEqual({ rest_share: null, versus_rest: null });
	});
});
