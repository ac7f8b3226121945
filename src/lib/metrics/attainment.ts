import { z } from 'zod';
import { yearsOfKeyStage } from '../contract/enums';
import { empty, raw, sql, type Sql } from '../db/sql';
import { compareRates, restOf, type Proportion, type Verdict } from '../stats/compare';
import { SMALL_NUMBER } from '../stats/small-number';
import { wilson } from '../stats/wilson';
import { keyStageSql, pupilWhere, termOfSql } from './facts';
import { registerSql } from './register-sql';
import { interventionKeySql } from './provision-runs';
import { broadAreaSql } from './register';
import { col, metric } from './registry';
import { academicYearOf, periodOf, withFilters, type Scope } from './scope';

/**
 * Attainment, progress and attendance of pupils with SEN (stage K or E) against the school's own
 * whole-school figures (the comparators table). A pupil counts once per subject, at their latest
 * assessment point on or before the as-of date (within the period when one is chosen). "At or
 * above expected" is the expected standard or greater depth; "at their own expected" compares with
 * the pupil's expected band where the school gives one.
 */

/** Bands in order, so "behind" and "at or above" are comparisons of ranks. */
const rankSql = (x: string): Sql => raw(`(CASE ${x} WHEN 'pre_key_stage' THEN 0 WHEN 'working_towards' THEN 1 WHEN 'expected' THEN 2 WHEN 'greater_depth' THEN 3 END)`);
/** Subjects are one subject whatever their case or spacing ("Maths", "maths "), like interventions. */
const subjectKeySql = interventionKeySql;
const subjectOrderSql = (k: string): Sql =>
	raw(`CASE ${k} WHEN 'reading' THEN 0 WHEN 'writing' THEN 1 WHEN 'english' THEN 2 WHEN 'maths' THEN 3 WHEN 'mathematics' THEN 3 WHEN 'science' THEN 4 ELSE 9 END, ${k}`);
/** The name shown for a subject: its most common spelling, capitals first among equals. */
const subjectNamesSql = sql`SELECT key, arg_max(name, n * 2 + CASE WHEN name <> lower(name) THEN 1 ELSE 0 END) AS name
  FROM (SELECT ${subjectKeySql('subject')} AS key, regexp_replace(trim(subject), '\\s+', ' ', 'g') AS name, count(*) AS n FROM assessments GROUP BY 1, 2) GROUP BY key`;

/** Assessments of pupils with SEN in the filters, up to the as-of date; `period` keeps those in the chosen period. */
function assessmentFactsSql(scope: Scope, period = true): Sql {
	const p = period ? periodOf(scope) : null;
	const inPeriod = p ? sql`AND a.assessed_on BETWEEN DATE ${p.from} AND DATE ${p.to}` : empty;
	return sql`SELECT a.school, a.pupil_id, ${subjectKeySql('a.subject')} AS subject_key, a.assessed_on, a.attainment,
      coalesce(a.expected_attainment, 'expected') AS expected_band, a.progress, p.year_group, p.sen_stage, p.primary_need
    FROM assessments a JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
    WHERE ${pupilWhere(scope.filters)} AND p.sen_stage IN ('K', 'E') AND a.assessed_on <= DATE ${scope.asOf} ${inPeriod}`;
}

/** Each pupil's latest assessment in each subject. */
const latestSql = (scope: Scope): Sql => sql`SELECT * FROM (${assessmentFactsSql(scope)})
  QUALIFY row_number() OVER (PARTITION BY school, pupil_id, subject_key ORDER BY assessed_on DESC, ${rankSql('attainment')} DESC) = 1`;

export const attainmentGroups = ['all', 'sen_stage', 'need_area', 'key_stage'] as const;
export type AttainmentGroup = (typeof attainmentGroups)[number];
export const ALL_WITH_SEN = 'All pupils with SEN';
/** The group of a pupil's row; `t` is the table alias ('p.') where the columns need one. */
const groupSql = (by: AttainmentGroup, t = ''): Sql =>
	({ all: sql`${ALL_WITH_SEN}`, sen_stage: raw(`${t}sen_stage`), need_area: broadAreaSql(`${t}primary_need`), key_stage: keyStageSql(`${t}year_group`) })[by];

/** A share of pupils with its 95% Wilson interval; null where there is nobody to count. */
export interface Share {
	share: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** Fewer than 5 pupils: the share means little. */
	small_number: boolean;
}
export function shareOf(part: number, n: number): Share {
	const ci = wilson(part, n);
	return { share: n ? part / n : null, ci_low: ci?.low ?? null, ci_high: ci?.high ?? null, small_number: n < SMALL_NUMBER };
}

const bandCounts = {
	pupils: col.int,
	pre_key_stage: col.int,
	working_towards: col.int,
	expected: col.int,
	greater_depth: col.int,
	at_expected: col.int,
	at_own_expected: col.int
};
const bandCountsSql = sql`count(*)::INTEGER AS pupils,
  count(*) FILTER (WHERE attainment = 'pre_key_stage')::INTEGER AS pre_key_stage,
  count(*) FILTER (WHERE attainment = 'working_towards')::INTEGER AS working_towards,
  count(*) FILTER (WHERE attainment = 'expected')::INTEGER AS expected,
  count(*) FILTER (WHERE attainment = 'greater_depth')::INTEGER AS greater_depth,
  count(*) FILTER (WHERE ${rankSql('attainment')} >= 2)::INTEGER AS at_expected,
  count(*) FILTER (WHERE ${rankSql('attainment')} >= ${rankSql('expected_band')})::INTEGER AS at_own_expected`;

export const attainmentBySubject = metric({
	id: 'attainment_by_subject',
	describe: 'Pupils with SEN at or above the expected standard by subject (latest assessment), overall or by stage, need area or key stage',
	row: z.object({ subject_key: col.text, subject: col.text, group: col.text, ...bandCounts }),
	sql: (s, by: AttainmentGroup) => sql`
    WITH latest AS (${latestSql(s)}), names AS (${subjectNamesSql})
    SELECT l.subject_key, any_value(n.name) AS subject, ${groupSql(by)} AS "group", ${bandCountsSql}
    FROM latest l JOIN names n ON n.key = l.subject_key
    GROUP BY l.subject_key, 3 ORDER BY ${subjectOrderSql('l.subject_key')}, 3`,
	finish: (rows) => rows.map((r) => ({ ...r, ...shareOf(r.at_expected, r.pupils) })),
	examples: [...attainmentGroups]
});

/** The academic year a scope's figures are for: the chosen one, else the as-of date's. */
const startYearOf = (s: Scope) => Number((s.filters.academicYear ?? academicYearOf(s.asOf)).slice(0, 4));

/**
 * The school's comparator rows for the scope: its school(s), the scope's academic year (a row with
 * none counts for any year), and whole-school rows, or the year groups the filters pick. A share's
 * base is its `pupils`, else for a whole-school row the number on roll.
 */
function comparatorRowsSql(s: Scope, measure: 'expected_pct' | 'attendance_pct' | 'persistent_absence_pct'): Sql {
	const f = s.filters;
	const school = f.school ? sql`AND c.school = ${f.school}` : empty;
	const years = f.yearGroup ? sql`c.year_group = ${f.yearGroup}` : f.keyStage && measure === 'expected_pct' ? sql`c.year_group IN (${yearsOfKeyStage[f.keyStage]})` : raw('c.year_group IS NULL');
	const yearOk = sql`coalesce(try_cast(regexp_extract(c.academic_year, '(\\d{4})', 1) AS INTEGER), ${startYearOf(s)}) = ${startYearOf(s)}`;
	return sql`WITH c AS (SELECT * FROM comparators c WHERE ${yearOk} ${school}),
    roll AS (SELECT school, max(value) AS on_roll FROM c WHERE measure = 'on_roll' GROUP BY school)
    SELECT c.school, ${subjectKeySql('c.subject')} AS subject_key, c.value, coalesce(c.pupils, CASE WHEN c.year_group IS NULL THEN r.on_roll END) AS base, r.on_roll
    FROM c LEFT JOIN roll r ON r.school = c.school
    WHERE c.measure = ${measure} AND ${measure === 'expected_pct' ? years : raw('c.year_group IS NULL')}`;
}

/** Several comparator rows make one figure only when each has a base to weight it by. */
const pooledPctOf = (base: string): Sql => raw(`CASE WHEN count(*) = 1 THEN any_value(value) WHEN count(${base}) = count(*) THEN sum(value * ${base}) / sum(${base}) END`);
const pooledPctSql = pooledPctOf('base');
const pooledBaseSql = raw(`CASE WHEN count(base) = count(*) THEN sum(base)::INTEGER END`);

export interface Comparison {
	/** Share of the rest of the school (the school's figure with these pupils taken out). */
	rest_share: number | null;
	/** The verdict of the two-proportion test at 95% against the rest of the school; null when there is no school figure to compare with. */
	versus_rest: Verdict | null;
}

/** The school's figure as a count out of a base, with these pupils taken out: the independent group to compare with. */
export function compareWithRest(group: Proportion, schoolPct: number | null, schoolBase: number | null): Comparison {
	if (schoolPct === null || schoolBase === null || group.n === 0) return { rest_share: null, versus_rest: null };
	const rest = restOf({ successes: Math.round((schoolPct * schoolBase) / 100), n: schoolBase }, group);
	if (rest.n <= 0 || rest.successes < 0 || rest.successes > rest.n) return { rest_share: null, versus_rest: null };
	return { rest_share: rest.successes / rest.n, versus_rest: compareRates(group, rest) };
}

export const attainmentGap = metric({
	id: 'attainment_gap',
	describe: "Pupils with SEN at or above expected by subject against the school's own figure (comparators), the gap in points and a test against the rest of the school",
	row: z.object({
		subject_key: col.text,
		subject: col.text,
		pupils: col.int,
		at_expected: col.int,
		school_pct: col.num.nullable(),
		school_pupils: col.int.nullable()
	}),
	sql: (s) => sql`
    WITH latest AS (${latestSql(s)}), names AS (${subjectNamesSql}),
    sen AS (SELECT subject_key, count(*)::INTEGER AS pupils, count(*) FILTER (WHERE ${rankSql('attainment')} >= 2)::INTEGER AS at_expected,
      list(DISTINCT school) AS schools FROM latest GROUP BY 1),
    cmp AS (SELECT subject_key, ${pooledPctSql} AS pct, ${pooledBaseSql} AS base, list(DISTINCT school) AS schools
      FROM (${comparatorRowsSql(s, 'expected_pct')}) GROUP BY 1)
    SELECT sen.subject_key, n.name AS subject, sen.pupils, sen.at_expected,
      -- Only a comparator for every school whose pupils are counted: one school's figure is no benchmark for a trust.
      CASE WHEN list_has_all(cmp.schools, sen.schools) THEN cmp.pct END AS school_pct,
      CASE WHEN list_has_all(cmp.schools, sen.schools) THEN cmp.base END AS school_pupils
    FROM sen JOIN names n ON n.key = sen.subject_key LEFT JOIN cmp ON cmp.subject_key = sen.subject_key
    ORDER BY ${subjectOrderSql('sen.subject_key')}`,
	finish: (rows) =>
		rows.map((r) => {
			const own = shareOf(r.at_expected, r.pupils);
			return {
				...r,
				...own,
				gap_pp: own.share !== null && r.school_pct !== null ? own.share * 100 - r.school_pct : null,
				...compareWithRest({ successes: r.at_expected, n: r.pupils }, r.school_pct, r.school_pupils)
			};
		})
});

export const progressJudgements = metric({
	id: 'progress_judgements',
	describe: 'Progress judged at the latest assessment point of pupils with SEN by subject: less than, as or more than expected',
	row: z.object({
		subject_key: col.text,
		subject: col.text,
		pupils: col.int,
		less_than_expected: col.int,
		expected: col.int,
		more_than_expected: col.int,
		not_recorded: col.int
	}),
	sql: (s) => sql`
    WITH latest AS (${latestSql(s)}), names AS (${subjectNamesSql})
    SELECT l.subject_key, any_value(n.name) AS subject, count(*)::INTEGER AS pupils,
      count(*) FILTER (WHERE progress = 'less_than_expected')::INTEGER AS less_than_expected,
      count(*) FILTER (WHERE progress = 'expected')::INTEGER AS expected,
      count(*) FILTER (WHERE progress = 'more_than_expected')::INTEGER AS more_than_expected,
      count(*) FILTER (WHERE progress IS NULL)::INTEGER AS not_recorded
    FROM latest l JOIN names n ON n.key = l.subject_key GROUP BY l.subject_key ORDER BY ${subjectOrderSql('l.subject_key')}`,
	// The share is of pupils with a judgement: not recorded is unknown, never "less than expected".
	finish: (rows) => rows.map((r) => ({ ...r, judged: r.pupils - r.not_recorded, ...shareOf(r.expected + r.more_than_expected, r.pupils - r.not_recorded) }))
});

export const attainmentTrend = metric({
	id: 'attainment_trend',
	describe: 'Pupils with SEN at or above expected by subject and the term of the assessment point (latest in each term), every term up to the as-of date',
	row: z.object({ subject_key: col.text, subject: col.text, academic_year: col.text, term: z.enum(['Autumn', 'Spring', 'Summer']), order: col.int, pupils: col.int, at_expected: col.int }),
	sql: (s) => sql`
    WITH f AS (${assessmentFactsSql(withFilters(s, { academicYear: null, term: null }), false)}),
    termed AS (SELECT *, CASE WHEN month(assessed_on) >= 9 THEN year(assessed_on) ELSE year(assessed_on) - 1 END AS y,
      ${termOfSql('assessed_on', s.costing.termDates)} AS term FROM f),
    latest AS (SELECT * FROM termed QUALIFY row_number() OVER (PARTITION BY school, pupil_id, subject_key, y, term ORDER BY assessed_on DESC, ${rankSql('attainment')} DESC) = 1),
    names AS (${subjectNamesSql})
    SELECT l.subject_key, any_value(n.name) AS subject, l.y || '/' || lpad(((l.y + 1) % 100)::VARCHAR, 2, '0') AS academic_year, l.term,
      (l.y * 3 + CASE l.term WHEN 'Autumn' THEN 0 WHEN 'Spring' THEN 1 ELSE 2 END)::INTEGER AS "order",
      count(*)::INTEGER AS pupils, count(*) FILTER (WHERE ${rankSql('attainment')} >= 2)::INTEGER AS at_expected
    FROM latest l JOIN names n ON n.key = l.subject_key
    GROUP BY l.subject_key, l.y, l.term ORDER BY ${subjectOrderSql('l.subject_key')}, "order"`,
	finish: (rows) => rows.map((r) => ({ ...r, ...shareOf(r.at_expected, r.pupils) }))
});

/** At or below this share of sessions (missing 10% or more) a pupil is persistently absent (DfE definition). */
export const PERSISTENT_ABSENCE_AT_MOST = 90;

const attendanceCounts = { pupils: col.int, recorded: col.int, mean_pct: col.num.nullable(), persistently_absent: col.int };
const attendanceCountsSql = sql`count(*)::INTEGER AS pupils, count(p.attendance_pct)::INTEGER AS recorded, avg(p.attendance_pct) AS mean_pct,
  count(*) FILTER (WHERE p.attendance_pct <= ${PERSISTENT_ABSENCE_AT_MOST})::INTEGER AS persistently_absent`;
/** Pupils on the register as exported (a pupil who has left is not), with their attendance. */
const senPupilsSql = (s: Scope): Sql => sql`FROM (SELECT r.*, pu.attendance_pct FROM (${registerSql(s)}) r
    JOIN pupils pu ON pu.school = r.school AND pu.pupil_id = r.pupil_id) p WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E')`;

export const attendanceSummary = metric({
	id: 'attendance_summary',
	describe: "Attendance of pupils with SEN: mean, share persistently absent (90% or below), against the school's figures (comparators)",
	row: z.object({
		...attendanceCounts,
		school_attendance_pct: col.num.nullable(),
		school_pa_pct: col.num.nullable(),
		school_pupils: col.int.nullable()
	}),
	sql: (s) => sql`
    WITH sen AS (SELECT ${attendanceCountsSql}, list(DISTINCT p.school) FILTER (WHERE p.attendance_pct IS NOT NULL) AS schools ${senPupilsSql(s)}),
    att AS (SELECT ${pooledPctOf('on_roll')} AS pct, list(DISTINCT school) AS schools FROM (${comparatorRowsSql(s, 'attendance_pct')})),
    pa AS (SELECT ${pooledPctSql} AS pct, ${pooledBaseSql} AS base, list(DISTINCT school) AS schools FROM (${comparatorRowsSql(s, 'persistent_absence_pct')}))
    SELECT sen.pupils, sen.recorded, sen.mean_pct, sen.persistently_absent,
      CASE WHEN list_has_all(att.schools, coalesce(sen.schools, [])) THEN att.pct END AS school_attendance_pct,
      CASE WHEN list_has_all(pa.schools, coalesce(sen.schools, [])) THEN pa.pct END AS school_pa_pct,
      CASE WHEN list_has_all(pa.schools, coalesce(sen.schools, [])) THEN pa.base END AS school_pupils
    FROM sen, att, pa`,
	finish: ([r]) => {
		const pa = shareOf(r.persistently_absent, r.recorded);
		return {
			...r,
			...pa,
			gap_pp: r.mean_pct !== null && r.school_attendance_pct !== null ? r.mean_pct - r.school_attendance_pct : null,
			...compareWithRest({ successes: r.persistently_absent, n: r.recorded }, r.school_pa_pct, r.school_pupils)
		};
	}
});

export const attendanceByGroup = metric({
	id: 'attendance_by_group',
	describe: 'Attendance of pupils with SEN by stage, need area or key stage: mean and share persistently absent',
	row: z.object({ group: col.text, ...attendanceCounts }),
	sql: (s, by: AttainmentGroup) => sql`
    SELECT ${groupSql(by, 'p.')} AS "group", ${attendanceCountsSql}
    ${senPupilsSql(s)} GROUP BY 1 ORDER BY 1`,
	finish: (rows) => rows.map((r) => ({ ...r, ...shareOf(r.persistently_absent, r.recorded) })),
	examples: [...attainmentGroups]
});

/**
 * Pupils at SEN support behind their expected band (the expected standard unless the school gives
 * another) at their last two assessment points in a subject, with the same interventions in place
 * at both (none at both counts: nothing changed). A new run of the same intervention is no change.
 * For the SENDCo: ids only.
 */
export const pupilsBehindNoChange = metric({
	id: 'pupils_behind_no_change',
	describe: 'Pupils at SEN support behind expected at two assessment points in a row with no change of provision (ids only)',
	row: z.object({
		school: col.text,
		pupil_id: col.text,
		subject: col.text,
		previous_on: col.date,
		latest_on: col.date,
		attainment: col.text,
		expected_band: col.text,
		interventions: col.int
	}),
	sql: (s) => sql`
    WITH f AS (${assessmentFactsSql(withFilters(s, { academicYear: null, term: null }), false)} AND p.sen_stage = 'K'),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY school, pupil_id, subject_key ORDER BY assessed_on DESC, ${rankSql('attainment')} DESC) AS k FROM f),
    pairs AS (SELECT l.school, l.pupil_id, l.subject_key, pr.assessed_on AS previous_on, l.assessed_on AS latest_on, l.attainment, l.expected_band
      FROM ranked l JOIN ranked pr ON pr.school = l.school AND pr.pupil_id = l.pupil_id AND pr.subject_key = l.subject_key AND pr.k = 2
      WHERE l.k = 1 AND ${rankSql('l.attainment')} < ${rankSql('l.expected_band')} AND ${rankSql('pr.attainment')} < ${rankSql('pr.expected_band')}),
    runs AS (SELECT al.school, al.pupil_id, pv.key, pv.start_date, pv.end_date FROM allocations al
      JOIN (SELECT school, provision_id, start_date, end_date, ${interventionKeySql('intervention')} AS key FROM provisions) pv
        ON pv.school = al.school AND pv.provision_id = al.provision_id),
    sets AS (SELECT pa.school, pa.pupil_id, pa.subject_key,
      coalesce(list_sort(list_distinct(list(r.key) FILTER (WHERE r.start_date <= pa.previous_on AND (r.end_date IS NULL OR r.end_date >= pa.previous_on)))), []::VARCHAR[]) AS before,
      coalesce(list_sort(list_distinct(list(r.key) FILTER (WHERE r.start_date <= pa.latest_on AND (r.end_date IS NULL OR r.end_date >= pa.latest_on)))), []::VARCHAR[]) AS after
      FROM pairs pa LEFT JOIN runs r ON r.school = pa.school AND r.pupil_id = pa.pupil_id GROUP BY 1, 2, 3),
    names AS (${subjectNamesSql})
    SELECT pa.school, pa.pupil_id, n.name AS subject, strftime(pa.previous_on, '%Y-%m-%d') AS previous_on, strftime(pa.latest_on, '%Y-%m-%d') AS latest_on,
      pa.attainment, pa.expected_band, len(st.after)::INTEGER AS interventions
    FROM pairs pa JOIN sets st USING (school, pupil_id, subject_key) JOIN names n ON n.key = pa.subject_key
    WHERE st.before = st.after
    ORDER BY pa.school, pa.pupil_id, ${subjectOrderSql('pa.subject_key')}`
});

export type SubjectAttainment = ReturnType<typeof attainmentBySubject.finish>[number];
export type SubjectGap = ReturnType<typeof attainmentGap.finish>[number];
export type SubjectProgress = ReturnType<typeof progressJudgements.finish>[number];
export type AttendanceSummary = ReturnType<typeof attendanceSummary.finish>;
