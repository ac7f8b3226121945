import type { Db } from '../db/types';
import { dateLit, pupilWhere, type Filters } from './filters';
import { planFactsSql } from './facts';
import { lit } from '../validate/sql-text';

export const indicatorNames = [
	'pupil_views', 'parent_views', 'strengths_recorded', 'three_or_four_targets', 'targets_smart',
	'targets_linked', 'provision_quantified', 'review_within_16_weeks', 'reviewed_on_time'
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
 * unknown (NULL). `targets_smart` reads the checker's verdicts from `target_checks`.
 */
export function planIndicatorsSql(filters: Filters, asOf: string): string {
	const as = dateLit(asOf);
	return `WITH pl AS (${planFactsSql(filters, asOf)}),
    t AS (SELECT t.school, t.plan_id, count(*) AS targets,
        count(*) FILTER (WHERE tc.smart = FALSE) AS not_smart,
        count(*) FILTER (WHERE tc.smart IS NULL) AS smart_unknown,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM target_provisions tp WHERE tp.school = t.school AND tp.target_id = t.target_id)) AS unlinked
      FROM targets t LEFT JOIN target_checks tc ON tc.school = t.school AND tc.target_id = t.target_id GROUP BY ALL),
    q AS (SELECT t.school, t.plan_id, count(*) AS linked,
        count(*) FILTER (WHERE pr.delivered_by IS NULL OR pr.sessions_per_week IS NULL OR pr.minutes_per_session IS NULL) AS unquantified
      FROM targets t JOIN target_provisions tp ON tp.school = t.school AND tp.target_id = t.target_id
      JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id GROUP BY ALL)
    SELECT pl.school, pl.plan_id, pl.pupil_id, pl.cycle, pl.case_holder, pl.start_date, pl.review_due, pl.reviewed_on,
      coalesce(t.targets, 0)::INTEGER AS targets,
      pl.pupil_views, pl.parent_views, pl.strengths_recorded,
      coalesce(t.targets, 0) BETWEEN 3 AND 4 AS three_or_four_targets,
      CASE WHEN coalesce(t.targets, 0) = 0 THEN NULL WHEN t.not_smart > 0 THEN FALSE WHEN t.smart_unknown > 0 THEN NULL ELSE TRUE END AS targets_smart,
      CASE WHEN coalesce(t.targets, 0) = 0 THEN NULL ELSE t.unlinked = 0 END AS targets_linked,
      CASE WHEN coalesce(q.linked, 0) = 0 THEN NULL ELSE q.unquantified = 0 END AS provision_quantified,
      date_diff('day', pl.start_date, pl.review_due) <= 112 AS review_within_16_weeks,
      CASE WHEN pl.reviewed_on IS NOT NULL AND pl.reviewed_on <= ${as} THEN pl.reviewed_on <= pl.review_due + INTERVAL 14 DAY
           WHEN pl.review_due + INTERVAL 14 DAY < ${as} THEN FALSE END AS reviewed_on_time
    FROM pl LEFT JOIN t ON t.school = pl.school AND t.plan_id = pl.plan_id
    LEFT JOIN q ON q.school = pl.school AND q.plan_id = pl.plan_id`;
}

export type IndicatorCounts = Record<IndicatorName, { met: number; not_met: number; unknown: number }>;

/** How many plans meet each indicator, with "not met" and "unknown" apart. */
export async function qualityIndicators(db: Db, filters: Filters, asOf: string, caseHolder?: string | null): Promise<IndicatorCounts> {
	const holder = caseHolder ? `WHERE case_holder = ${lit(caseHolder)}` : '';
	const cols = indicatorNames.map(
		(n) => `count(*) FILTER (WHERE ${n})::INTEGER AS "${n}_met", count(*) FILTER (WHERE NOT ${n})::INTEGER AS "${n}_not_met",
      count(*) FILTER (WHERE ${n} IS NULL)::INTEGER AS "${n}_unknown"`
	);
	const [row] = await db.query<Record<string, number>>(`SELECT ${cols.join(', ')} FROM (${planIndicatorsSql(filters, asOf)}) ${holder}`);
	return Object.fromEntries(indicatorNames.map((n) => [n, { met: row[`${n}_met`], not_met: row[`${n}_not_met`], unknown: row[`${n}_unknown`] }])) as IndicatorCounts;
}

export interface Coverage {
	pupils_on_register: number;
	pupils_with_plan: number;
}

/** Pupils at K or E with a plan in force at as_of (started, not reviewed before it), of all at K or E. */
export async function coverage(db: Db, filters: Filters, asOf: string): Promise<Coverage> {
	const as = dateLit(asOf);
	const [row] = await db.query<Coverage>(`
    SELECT count(*)::INTEGER AS pupils_on_register,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plans pl WHERE pl.school = p.school AND pl.pupil_id = p.pupil_id
        AND pl.start_date <= ${as} AND (pl.reviewed_on IS NULL OR pl.reviewed_on >= ${as})))::INTEGER AS pupils_with_plan
    FROM pupils p WHERE ${pupilWhere(filters)} AND p.sen_stage IN ('K', 'E')`);
	return row;
}

export type PlanQuality = { school: string; plan_id: string; pupil_id: string; cycle: number | null; case_holder: string | null; targets: number } & Record<IndicatorName, boolean | null>;

/** Plans ordered by how many indicators they miss (most first). */
export async function plansNeedingAttention(db: Db, filters: Filters, asOf: string, caseHolder?: string | null): Promise<(PlanQuality & { missed: number })[]> {
	const holder = caseHolder ? `WHERE case_holder = ${lit(caseHolder)}` : '';
	const missed = indicatorNames.map((n) => `(${n} IS FALSE)::INTEGER`).join(' + ');
	return db.query(`SELECT *, (${missed})::INTEGER AS missed FROM (${planIndicatorsSql(filters, asOf)}) ${holder}
    ORDER BY missed DESC, school, plan_id`);
}

export interface ReviewDecisions {
	decision: string;
	plans: number;
}

export async function reviewDecisions(db: Db, filters: Filters, asOf: string): Promise<ReviewDecisions[]> {
	return db.query(`SELECT coalesce(review_decision, 'not recorded') AS decision, count(*)::INTEGER AS plans
    FROM (${planFactsSql(filters, asOf)}) WHERE reviewed_on IS NOT NULL AND reviewed_on <= ${dateLit(asOf)} GROUP BY 1 ORDER BY plans DESC, decision`);
}

export interface StuckPupil {
	school: string;
	pupil_id: string;
	year_group: string;
	sen_stage: string;
	latest_cycle: number;
	targets_reviewed: number;
}

/** Pupils on their 3rd or later cycle with no target achieved in any of their plans. */
export async function pupilsWithoutProgress(db: Db, filters: Filters, asOf: string): Promise<StuckPupil[]> {
	return db.query(`
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage, max(pl.cycle)::INTEGER AS latest_cycle,
      count(t.outcome)::INTEGER AS targets_reviewed
    FROM pupils p JOIN plans pl ON pl.school = p.school AND pl.pupil_id = p.pupil_id
    LEFT JOIN targets t ON t.school = pl.school AND t.plan_id = pl.plan_id
    WHERE ${pupilWhere(filters)} AND pl.start_date <= ${dateLit(asOf)}
    GROUP BY ALL HAVING max(pl.cycle) >= 3 AND count(*) FILTER (WHERE t.outcome = 'achieved') = 0
    ORDER BY latest_cycle DESC, p.school, p.pupil_id`);
}

export async function caseHolders(db: Db): Promise<string[]> {
	return (await db.query<{ v: string }>(`SELECT DISTINCT case_holder AS v FROM plans WHERE case_holder IS NOT NULL ORDER BY 1`)).map((r) => r.v);
}

