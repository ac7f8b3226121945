import { z } from 'zod';
import { empty, sql, type Sql } from '../db/sql';
import { versus } from '../stats/compare';
import { statusCounts, withRates } from './achievement';
import { pupilWhere, statusCountsSql, targetFactsSql } from './facts';
import { hasPlanInForceSql, indicatorsMissedSql, planIndicatorsSql } from './plan-quality';
import { provisionRunsSql } from './provision-runs';
import { registerSql } from './register-sql';
import { col, metric } from './registry';
import { withFilters, type Scope } from './scope';

/**
 * Figures side by side, one row per school, for a trust or local authority. Every school in the
 * data has a row even where a figure has nothing to count, so a school never drops out of the
 * comparison; its zero is a real zero and its unknown (a cost, a rate) stays unknown.
 */
const schoolsSql = (s: Scope): Sql => sql`SELECT DISTINCT school FROM pupils ${s.filters.school ? sql`WHERE school = ${s.filters.school}` : empty}`;

export const registerBySchool = metric({
	id: 'register_by_school',
	describe: 'Pupils at SEN support (K) and with an EHC plan (E) in each school',
	row: z.object({ school: col.text, sen_support: col.int, ehc_plan: col.int, pupils: col.int }),
	sql: (s) => sql`
    WITH sc AS (${schoolsSql(s)})
    SELECT sc.school, count(p.pupil_id) FILTER (WHERE p.sen_stage = 'K')::INTEGER AS sen_support,
      count(p.pupil_id) FILTER (WHERE p.sen_stage = 'E')::INTEGER AS ehc_plan,
      count(p.pupil_id) FILTER (WHERE p.sen_stage IN ('K', 'E'))::INTEGER AS pupils
    FROM sc LEFT JOIN (${registerSql(s)}) p ON p.school = sc.school AND ${pupilWhere(s.filters)}
    GROUP BY sc.school ORDER BY sc.school`
});
export type SchoolRegister = z.infer<typeof registerBySchool.row>;

/**
 * Target achievement in each school, and in the other schools together (its targets taken out), so
 * that a school's rate is tested against an independent group: `versus_rest` is the two-proportion
 * test's verdict, the only ground on which a page may say a school achieves more or less.
 */
export const achievementBySchool = metric({
	id: 'achievement_by_school',
	describe: 'Target achievement in each school, with its rate and 95% interval, against the other schools together',
	row: statusCounts.extend({ school: col.text, total: col.int, rest_reviewed: col.int, rest_achieved: col.int }),
	sql: (s) => sql`
    WITH sc AS (${schoolsSql(s)}), tf AS (${targetFactsSql(s)}),
    counts AS (SELECT sc.school, count(tf.target_id)::INTEGER AS total, ${statusCountsSql}
      FROM sc LEFT JOIN tf ON tf.school = sc.school GROUP BY sc.school)
    SELECT *, (sum(reviewed) OVER () - reviewed)::INTEGER AS rest_reviewed, (sum(achieved) OVER () - achieved)::INTEGER AS rest_achieved
    FROM counts ORDER BY school`,
	finish: (rows) =>
		rows.map((r) => ({
			...withRates(r),
			rest_rate: r.rest_reviewed ? r.rest_achieved / r.rest_reviewed : null,
			versus_rest: versus({ successes: r.achieved, n: r.reviewed }, { successes: r.rest_achieved, n: r.rest_reviewed })
		}))
});
export type SchoolAchievement = ReturnType<typeof achievementBySchool.finish>[number];

/**
 * The known cost of each school's provision (prorated to the period, as the provision map is) and
 * the cost per pupil with provision: that cost over the pupils allocated to runs of known cost.
 * Runs of unknown cost are counted beside it, never as £0; runs of known cost with no end date or
 * weeks (costed up to the as-of date) are counted too, so the figure can say what it assumes.
 */
export const provisionCostBySchool = metric({
	id: 'provision_cost_by_school',
	describe: 'Runs, pupils with provision, known cost and cost per pupil with provision in each school',
	row: z.object({
		school: col.text,
		runs: col.int,
		runs_cost_unknown: col.int,
		runs_to_as_of: col.int,
		pupils_with_provision: col.int,
		pupils_costed: col.int,
		total_cost_gbp: col.num.nullable(),
		cost_per_pupil_gbp: col.num.nullable()
	}),
	sql: (s) => sql`
    WITH sc AS (${schoolsSql(s)}), runs AS (${provisionRunsSql(s)}),
    cost AS (SELECT school, count(*)::INTEGER AS runs, count(*) FILTER (WHERE run_cost IS NULL)::INTEGER AS runs_cost_unknown,
      count(*) FILTER (WHERE run_cost IS NOT NULL AND costed_to_as_of)::INTEGER AS runs_to_as_of,
      sum(run_cost * period_share) AS total_cost_gbp FROM runs GROUP BY school),
    pupils AS (SELECT r.school, count(DISTINCT a.pupil_id)::INTEGER AS pupils_with_provision,
        count(DISTINCT a.pupil_id) FILTER (WHERE r.run_cost IS NOT NULL)::INTEGER AS pupils_costed
      FROM runs r JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id GROUP BY r.school)
    SELECT sc.school, coalesce(c.runs, 0)::INTEGER AS runs, coalesce(c.runs_cost_unknown, 0)::INTEGER AS runs_cost_unknown, coalesce(c.runs_to_as_of, 0)::INTEGER AS runs_to_as_of,
      coalesce(p.pupils_with_provision, 0)::INTEGER AS pupils_with_provision, coalesce(p.pupils_costed, 0)::INTEGER AS pupils_costed,
      c.total_cost_gbp, c.total_cost_gbp / nullif(p.pupils_costed, 0) AS cost_per_pupil_gbp
    FROM sc LEFT JOIN cost c ON c.school = sc.school LEFT JOIN pupils p ON p.school = sc.school
    ORDER BY sc.school`
});
export type SchoolCost = z.infer<typeof provisionCostBySchool.row>;

/**
 * Plan quality in each school: plans missing none of the quality indicators (an indicator not
 * known is not missed), and coverage, the pupils at K or E with a plan in force at as_of.
 */
export const planQualityBySchool = metric({
	id: 'plan_quality_by_school',
	describe: 'Plans missing no quality indicator, and pupils at SEN support or with an EHC plan who have a plan in force, in each school',
	row: z.object({
		school: col.text,
		plans: col.int,
		plans_missing_none: col.int,
		share_missing_none: col.num.nullable(),
		pupils_on_register: col.int,
		pupils_with_plan: col.int,
		coverage: col.num.nullable()
	}),
	sql: (s) => sql`
    WITH sc AS (${schoolsSql(s)}),
    q AS (SELECT school, count(*)::INTEGER AS plans, count(*) FILTER (WHERE ${indicatorsMissedSql} = 0)::INTEGER AS plans_missing_none
      FROM (${planIndicatorsSql(s, null)}) GROUP BY school),
    cov AS (SELECT p.school, count(*)::INTEGER AS pupils_on_register,
        count(*) FILTER (WHERE ${hasPlanInForceSql('p', s.asOf)})::INTEGER AS pupils_with_plan
      FROM (${registerSql(s)}) p WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E') GROUP BY p.school)
    SELECT sc.school, coalesce(q.plans, 0)::INTEGER AS plans, coalesce(q.plans_missing_none, 0)::INTEGER AS plans_missing_none,
      q.plans_missing_none / nullif(q.plans, 0) AS share_missing_none,
      coalesce(cov.pupils_on_register, 0)::INTEGER AS pupils_on_register, coalesce(cov.pupils_with_plan, 0)::INTEGER AS pupils_with_plan,
      cov.pupils_with_plan / nullif(cov.pupils_on_register, 0) AS coverage
    FROM sc LEFT JOIN q ON q.school = sc.school LEFT JOIN cov ON cov.school = sc.school
    ORDER BY sc.school`
});
export type SchoolQuality = z.infer<typeof planQualityBySchool.row>;

/** The trust page's scope: every school side by side, whatever school the other pages are filtered to. */
export const trustScope = (scope: Scope): Scope => withFilters(scope, { school: null });
