import { z } from 'zod';
import { empty, join, raw, sql, type Sql } from '../db/sql';
import { limitSql, planFactsSql, pupilWhere } from './facts';
import { registerSql } from './register-sql';
import { col, metric } from './registry';
import { periodOf, type Scope } from './scope';

export const indicatorNames = [
	'pupil_views',
	'parent_views',
	'strengths_recorded',
	'three_or_four_targets',
	'targets_smart',
	'targets_linked',
	'provision_quantified',
	'review_within_16_weeks',
	'reviewed_on_time'
] as const;
export type IndicatorName = (typeof indicatorNames)[number];

export const indicatorLabels: Record<IndicatorName, { label: string; notMet: string; unknown: string }> = {
	pupil_views: { label: "The child's views are recorded", notMet: "the child's views are not recorded", unknown: "not known whether the child's views are recorded" },
	parent_views: { label: "The parents' views are recorded", notMet: "the parents' views are not recorded", unknown: "not known whether the parents' views are recorded" },
	strengths_recorded: { label: 'Strengths are recorded as well as needs', notMet: 'no strengths recorded', unknown: 'not known whether strengths are recorded' },
	three_or_four_targets: { label: 'Has 3 or 4 targets', notMet: 'not 3 or 4 targets', unknown: '' },
	targets_smart: { label: 'Every target is SMART', notMet: 'a target is not SMART', unknown: 'a target has no text to check' },
	targets_linked: { label: 'Every target is linked to provision', notMet: 'a target has no linked provision', unknown: 'the plan has no targets' },
	provision_quantified: { label: 'Linked provision is quantified (who, how often, how long, from when)', notMet: 'a linked provision is not quantified', unknown: 'no linked provision to check' },
	review_within_16_weeks: { label: 'Review set within 16 weeks of the start', notMet: 'review set more than 16 weeks after the start', unknown: '' },
	reviewed_on_time: { label: 'Reviewed on time (within 14 days of the date set)', notMet: 'review late or overdue', unknown: 'review not yet due' }
};

/**
 * Every plan with each indicator of metrics.md "Plan quality" as met (TRUE), not met (FALSE) or
 * unknown (NULL). Each plan's target counts (and `targets_smart`, from the checker's verdicts) are
 * in `plan_facts`, kept after every change of the data (src/lib/import/derived-tables.ts).
 * Subqueries, not CTEs: DuckDB binds a CTE that holds CTEs several times over.
 */
export function planIndicatorsSql(s: Scope, caseHolder: string | null): Sql {
	const as = sql`DATE ${s.asOf}`;
	return sql`SELECT pl.school, pl.plan_id, pl.pupil_id, pl.cycle, pl.case_holder, pl.start_date, pl.review_due, pl.reviewed_on,
      coalesce(pl.targets, 0)::INTEGER AS targets,
      pl.pupil_views, pl.parent_views, pl.strengths_recorded,
      coalesce(pl.targets, 0) BETWEEN 3 AND 4 AS three_or_four_targets,
      CASE WHEN coalesce(pl.targets, 0) = 0 THEN NULL WHEN pl.not_smart > 0 THEN FALSE WHEN pl.smart_unknown > 0 THEN NULL ELSE TRUE END AS targets_smart,
      CASE WHEN coalesce(pl.targets, 0) = 0 THEN NULL ELSE pl.unlinked = 0 END AS targets_linked,
      CASE WHEN coalesce(pl.linked, 0) = 0 THEN NULL ELSE pl.unquantified = 0 END AS provision_quantified,
      date_diff('day', pl.start_date, pl.review_due) <= 112 AS review_within_16_weeks,
      CASE WHEN pl.reviewed_on IS NOT NULL AND pl.reviewed_on <= ${as} THEN pl.reviewed_on <= pl.review_due + INTERVAL 14 DAY
           WHEN pl.review_due + INTERVAL 14 DAY < ${as} THEN FALSE END AS reviewed_on_time
    FROM (${planFactsSql(s)}) pl
    ${caseHolder ? sql`WHERE pl.case_holder = ${caseHolder}` : empty}`;
}

/**
 * How many plans meet each indicator, with "not met" and "not known" apart, and the share met of all plans:
 * none (not 0) when no plan's indicator is known, as then nothing was found either way.
 */
export const qualityIndicators = metric({
	id: 'quality_indicators',
	describe: 'Plans meeting each plan-quality indicator, not meeting it, and not known',
	row: z.object({ indicator: z.enum(indicatorNames), met: col.int, not_met: col.int, unknown: col.int, plans: col.int, share_met: col.num.nullable() }),
	sql: (s, caseHolder: string | null) => sql`
    WITH q AS (${planIndicatorsSql(s, caseHolder)})
    ${join(
			indicatorNames.map(
				(name, i) => sql`SELECT ${name} AS indicator, ${i} AS ord, count(*) FILTER (WHERE ${raw(name)})::INTEGER AS met,
      count(*) FILTER (WHERE NOT ${raw(name)})::INTEGER AS not_met, count(*) FILTER (WHERE ${raw(name)} IS NULL)::INTEGER AS unknown,
      count(*)::INTEGER AS plans, CASE WHEN count(${raw(name)}) > 0 THEN count(*) FILTER (WHERE ${raw(name)}) / count(*) END AS share_met FROM q`
			),
			'\nUNION ALL '
		)}
    ORDER BY ord`,
	examples: [null, 'Mrs A']
});
export type IndicatorCounts = Record<IndicatorName, { met: number; not_met: number; unknown: number }>;

const planQuality = z.object({
	school: col.text,
	plan_id: col.text,
	pupil_id: col.text,
	cycle: col.int.nullable(),
	case_holder: col.text.nullable(),
	targets: col.int,
	missed: col.int,
	...Object.fromEntries(indicatorNames.map((n) => [n, col.bool.nullable()]))
} as Record<string, z.ZodType>) as unknown as z.ZodType<
	{ school: string; plan_id: string; pupil_id: string; cycle: number | null; case_holder: string | null; targets: number; missed: number } & Record<IndicatorName, boolean | null>
>;

export interface AttentionParams {
	caseHolder: string | null;
	/** The first so many plans that miss an indicator (for the screen), or null for every plan (for the CSV). */
	limit: number | null;
}

/** Plans ordered by how many indicators they miss (most first). */
export const plansNeedingAttention = metric({
	id: 'plans_needing_attention',
	describe: 'Every plan with its indicators, ordered by how many it misses (or the first so many that miss one)',
	row: planQuality,
	sql: (s, p: AttentionParams) => sql`SELECT * FROM (SELECT school, plan_id, pupil_id, cycle, case_holder, targets, ${raw(indicatorNames.join(', '))},
      ${indicatorsMissedSql}::INTEGER AS missed
    FROM (${planIndicatorsSql(s, p.caseHolder)}))
    ${p.limit === null ? empty : raw('WHERE missed > 0')} ORDER BY missed DESC, school, plan_id ${limitSql(p.limit)}`,
	examples: [
		{ caseHolder: null, limit: null },
		{ caseHolder: null, limit: 2 }
	]
});

/** How many plans miss 0, 1, 2, or 3 or more indicators. */
export const plansByIndicatorsMissed = metric({
	id: 'plans_by_indicators_missed',
	describe: 'Plans by how many quality indicators they miss: none, 1, 2, 3 or more',
	row: z.object({ missed: z.enum(['0', '1', '2', '3+']), plans: col.int, all_plans: col.int }),
	sql: (s, caseHolder: string | null) => sql`
    WITH m AS (SELECT ${indicatorsMissedSql} AS missed FROM (${planIndicatorsSql(s, caseHolder)})),
    bands AS (SELECT * FROM (VALUES ('0', 0), ('1', 1), ('2', 2), ('3+', 3)) b(missed, ord))
    SELECT b.missed, count(m.missed)::INTEGER AS plans, (SELECT count(*) FROM m)::INTEGER AS all_plans
    FROM bands b LEFT JOIN m ON least(m.missed, 3) = b.ord GROUP BY b.missed, b.ord ORDER BY b.ord`,
	examples: [null]
});

/** SQL condition: the pupil (alias `p`) has a plan in force at as_of: started by it and not reviewed before it. */
export function hasPlanInForceSql(alias: string, asOf: string): Sql {
	const as = sql`DATE ${asOf}`;
	const p = raw(alias);
	return sql`EXISTS (SELECT 1 FROM plans pl WHERE pl.school = ${p}.school AND pl.pupil_id = ${p}.pupil_id
        AND pl.start_date <= ${as} AND (pl.reviewed_on IS NULL OR pl.reviewed_on >= ${as}))`;
}

/** How many indicators a plan row of `planIndicatorsSql` misses (unknown is not missed). */
export const indicatorsMissedSql = raw(`(${indicatorNames.map((n) => `(${n} IS FALSE)::INTEGER`).join(' + ')})`);

export const coverage = metric({
	id: 'coverage',
	describe: 'Pupils at SEN support or with an EHC plan who have a plan in force at the as-of date',
	row: z.object({ pupils_on_register: col.int, pupils_with_plan: col.int, share: col.num.nullable() }),
	sql: (s) => sql`SELECT *, pupils_with_plan / nullif(pupils_on_register, 0) AS share FROM (
    SELECT count(*)::INTEGER AS pupils_on_register,
      count(*) FILTER (WHERE ${hasPlanInForceSql('p', s.asOf)})::INTEGER AS pupils_with_plan
    FROM (${registerSql(s)}) p WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E'))`,
	finish: (rows) => rows[0]
});

export const reviewDecisions = metric({
	id: 'review_decisions',
	describe: 'Decisions recorded at reviews held by the as-of date',
	row: z.object({ decision: col.text, plans: col.int, reviews_held: col.int }),
	sql: (s) => sql`SELECT coalesce(review_decision, 'not recorded') AS decision, count(*)::INTEGER AS plans, (sum(count(*)) OVER ())::INTEGER AS reviews_held
    FROM (${planFactsSql(s)}) WHERE reviewed_on IS NOT NULL AND reviewed_on <= DATE ${s.asOf} GROUP BY 1 ORDER BY plans DESC, decision`
});

/** Who took part in the reviews held in the period (or all reviews, with no period). */
export const reviewAttendance = metric({
	id: 'review_attendance',
	describe: 'Share of reviews held in the period that the pupil, and a parent, took part in (where recorded)',
	row: z.object({ pupil_yes: col.int, pupil_known: col.int, parent_yes: col.int, parent_known: col.int, pupil_share: col.num.nullable(), parent_share: col.num.nullable() }),
	sql: (s) => {
		const period = periodOf(s);
		// Only reviews held by the as-of date: a report re-run for a past date gives the same figures.
		const held = sql`reviewed_on <= DATE ${s.asOf}${period ? sql` AND reviewed_on BETWEEN DATE ${period.from} AND DATE ${period.to}` : empty}`;
		return sql`SELECT *, pupil_yes / nullif(pupil_known, 0) AS pupil_share, parent_yes / nullif(parent_known, 0) AS parent_share FROM (
      SELECT count(*) FILTER (WHERE pupil_attended_review)::INTEGER AS pupil_yes, count(pupil_attended_review)::INTEGER AS pupil_known,
        count(*) FILTER (WHERE parent_attended_review)::INTEGER AS parent_yes, count(parent_attended_review)::INTEGER AS parent_known
      FROM plans p WHERE ${held} AND ${pupilWhere({ ...s.filters, keyStage: null, yearGroup: null, senStage: null })})`;
	},
	finish: (rows) => rows[0]
});

/**
 * Pupils on a third or later plan with nothing achieved. `limit` keeps the first so many for the
 * screen (a local authority has tens of thousands); `all_pupils` still counts the whole list, and
 * without a limit (the CSV) every pupil is listed.
 */
export const pupilsWithoutProgress = metric({
	id: 'pupils_without_progress',
	describe: 'Pupils on the register, on their third or later plan, with targets reviewed and none of them achieved',
	row: z.object({ school: col.text, pupil_id: col.text, year_group: col.text, sen_stage: col.text, latest_cycle: col.int, targets_reviewed: col.int, all_pupils: col.int }),
	sql: (s, limit?: number | null) => sql`
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage, max(pl.cycle)::INTEGER AS latest_cycle,
      sum(pl.reviewed)::INTEGER AS targets_reviewed, (count(*) OVER ())::INTEGER AS all_pupils
    FROM (${registerSql(s)}) p JOIN plan_facts pl ON pl.school = p.school AND pl.pupil_id = p.pupil_id
    WHERE ${pupilWhere(s.filters)} AND pl.start_date <= DATE ${s.asOf}
    -- A pupil none of whose targets has been reviewed yet shows no lack of progress, only no review.
    GROUP BY ALL HAVING max(pl.cycle) >= 3 AND sum(pl.reviewed) > 0 AND sum(pl.achieved) = 0
    ORDER BY latest_cycle DESC, p.school, p.pupil_id ${limitSql(limit)}`,
	examples: [undefined, 1]
});
export type Coverage = ReturnType<typeof coverage.finish>;
export type ReviewDecisions = z.infer<typeof reviewDecisions.row>;
export type IndicatorRow = z.infer<typeof qualityIndicators.row>;
