import { z } from 'zod';
import { needAreaLabels } from '../contract/enums';
import { join, raw, sql, type Sql } from '../db/sql';
import { versus, versusRest, type Versus } from '../stats/compare';
import { SMALL_NUMBER } from '../stats/small-number';
import { wilson } from '../stats/wilson';
import { statusCountsSql, summedStatusCountsSql, targetFactsSql, keyStageSql, termOfSql } from './facts';
import { interventionNamesSql, provisionKeysSql } from './provision-runs';
import { provisionByInterventionSql } from './provision';
import { col, metric } from './registry';
import { academicYearOf, previousPeriodScope, withFilters, type Scope } from './scope';

export const statusCounts = z.object({
	reviewed: col.int,
	achieved: col.int,
	partial: col.int,
	not_achieved: col.int,
	open: col.int,
	overdue: col.int
});
export type StatusCounts = z.infer<typeof statusCounts>;

export interface Achievement extends StatusCounts {
	achievement_rate: number | null;
	progress_rate: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** Fewer than 5 reviewed targets: the rate means little. */
	small_number: boolean;
}

/** Rates of metrics.md "Target achievement" from status counts; null where nothing was reviewed. */
export function withRates<T extends StatusCounts>(row: T): T & Achievement {
	const ci = wilson(row.achieved, row.reviewed);
	return {
		...row,
		achievement_rate: row.reviewed ? row.achieved / row.reviewed : null,
		progress_rate: row.reviewed ? (row.achieved + row.partial) / row.reviewed : null,
		ci_low: ci?.low ?? null,
		ci_high: ci?.high ?? null,
		small_number: row.reviewed < SMALL_NUMBER
	};
}

const proportion = (r: { achieved: number; reviewed: number }) => ({ successes: r.achieved, n: r.reviewed });

/**
 * Rates of groups that split the whole between them (each target in one group), each with its
 * verdict against the rest (docs/verdicts-and-suppression.md): the whole is the sum of the groups.
 */
export function withVersusRest<T extends StatusCounts>(rows: T[]): (T & Achievement & { versus_rest: Versus | null })[] {
	const whole = { successes: rows.reduce((n, r) => n + r.achieved, 0), n: rows.reduce((n, r) => n + r.reviewed, 0) };
	return rows.map((r) => ({ ...withRates(r), versus_rest: versusRest(whole, proportion(r)) }));
}

const needAreaOrder = (x: string): Sql =>
	sql`CASE ${join(
		Object.keys(needAreaLabels).map((k, i) => sql`WHEN ${raw(x)} = ${k} THEN ${i}`),
		' '
	)} ELSE 99 END`;

export const targetStatus = metric({
	id: 'target_status',
	describe: 'Targets by status at the as-of date (metrics.md "Target status"), with the achievement rate and its interval',
	row: statusCounts.extend({ total: col.int }),
	sql: (s) => sql`SELECT count(*)::INTEGER AS total, ${statusCountsSql} FROM (${targetFactsSql(s)})`,
	finish: (rows) => withRates(rows[0])
});

export const achievementByNeedArea = metric({
	id: 'achievement_by_need_area',
	describe: 'Target achievement by the area of need each target names',
	row: statusCounts.extend({ need_area: col.text }),
	sql: (s) => sql`SELECT need_area, ${statusCountsSql} FROM (${targetFactsSql(s)}) GROUP BY need_area ORDER BY ${needAreaOrder('need_area')}, need_area`,
	finish: withVersusRest
});

export const pupilGroups = ['year_group', 'key_stage', 'sen_stage', 'pupil_premium', 'eal', 'looked_after', 'sex'] as const;
export type PupilGroup = (typeof pupilGroups)[number];

const groupSql: Record<PupilGroup, Sql> = {
	year_group: raw('p.year_group'),
	key_stage: keyStageSql('p.year_group'),
	sen_stage: raw('p.sen_stage'),
	pupil_premium: raw(`CASE p.pupil_premium WHEN TRUE THEN 'Pupil premium' WHEN FALSE THEN 'Not pupil premium' ELSE 'Not known' END`),
	eal: raw(`CASE p.eal WHEN TRUE THEN 'EAL' WHEN FALSE THEN 'Not EAL' ELSE 'Not known' END`),
	looked_after: raw(`CASE p.looked_after WHEN TRUE THEN 'Looked after' WHEN FALSE THEN 'Not looked after' ELSE 'Not known' END`),
	sex: raw(`CASE p.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' ELSE 'Not known' END`)
};

export const achievementByPupilGroup = metric({
	id: 'achievement_by_pupil_group',
	describe: 'Target achievement by a pupil characteristic; "Not known" is its own group, never merged',
	row: statusCounts.extend({ group: col.text, pupils: col.int }),
	// Counted per pupil first, then the pupils added up: each pupil is one row of the inner grouping.
	sql: (s, by: PupilGroup) => sql`
    SELECT "group", count(*)::INTEGER AS pupils, ${summedStatusCountsSql}
    FROM (SELECT "group", school, pupil_id, ${statusCountsSql} FROM (${targetFactsSql(s, [sql`${groupSql[by]} AS "group"`])}) GROUP BY ALL)
    GROUP BY 1 ORDER BY 1`,
	finish: withVersusRest,
	examples: [...pupilGroups]
});

export const achievementTrend = metric({
	id: 'achievement_trend',
	describe: "Achievement rate by the term targets were due in (the school's terms), across every year in the data",
	row: statusCounts.extend({ academic_year: col.text, term: z.enum(['Autumn', 'Spring', 'Summer']), order: col.int }),
	// Counted by due date first (a few hundred dates), so the term is worked out once a date, not once a target.
	sql: (s) => sql`
    WITH days AS (SELECT due, ${statusCountsSql} FROM (${targetFactsSql(withFilters(s, { academicYear: null, term: null }))}) GROUP BY due),
    termed AS (SELECT *, CASE WHEN month(due) >= 9 THEN year(due) ELSE year(due) - 1 END AS y,
      ${termOfSql('due', s.costing.termDates)} AS term FROM days)
    SELECT y || '/' || lpad(((y + 1) % 100)::VARCHAR, 2, '0') AS academic_year, term,
      (y * 3 + CASE term WHEN 'Autumn' THEN 0 WHEN 'Spring' THEN 1 ELSE 2 END)::INTEGER AS "order", ${summedStatusCountsSql}
    FROM termed GROUP BY ALL ORDER BY "order"`,
	finish: (rows) => rows.map(withRates)
});

export const NO_LINKED_PROVISION = 'No linked provision';

/**
 * Target achievement by intervention (metrics.md): a target belongs to every intervention one of
 * its provisions is a run of, once each; targets with no linked provision form their own row.
 * Costs come from the provision map, joined on the intervention key.
 */
/**
 * The costs join a subquery rather than a CTE: DuckDB binds a CTE that holds CTEs several times over.
 * Each run's intervention key is worked out once per run, not once per link; targets are counted per
 * pupil first, so a pupil is one row of the inner grouping rather than a count(DISTINCT).
 */
export function achievementByInterventionSql(s: Parameters<typeof targetFactsSql>[0]): Sql {
	return sql`
    SELECT g.key AS intervention_key, coalesce(n.name, ${NO_LINKED_PROVISION}) AS intervention,
      g.pupils, g.reviewed, g.achieved, g.partial, g.not_achieved, g.open, g.overdue,
      c.total_cost_gbp, c.cost_per_pupil_gbp, c.total_cost_gbp / nullif(g.achieved, 0) AS cost_per_achieved_target_gbp,
      w.reviewed AS school_reviewed, w.achieved AS school_achieved
    FROM (
      SELECT key, count(*)::INTEGER AS pupils, ${summedStatusCountsSql}
      FROM (
        SELECT l.key, tf.school, tf.pupil_id, ${statusCountsSql}
        FROM (${targetFactsSql(s)}) tf
        LEFT JOIN (SELECT DISTINCT tp.school, tp.target_id, pk.key FROM target_provisions tp
            JOIN (${provisionKeysSql}) pk
              ON pk.school = tp.school AND pk.provision_id = tp.provision_id) l
          ON l.school = tf.school AND l.target_id = tf.target_id
        GROUP BY l.key, tf.school, tf.pupil_id)
      GROUP BY key) g
    LEFT JOIN (${interventionNamesSql}) n ON n.key = g.key
    LEFT JOIN (${provisionByInterventionSql(s)}) c ON c.intervention_key = g.key
    -- The whole school's targets, once each: an intervention is tested against the rest of them.
    CROSS JOIN (SELECT ${statusCountsSql} FROM (${targetFactsSql(s)})) w
    ORDER BY g.key NULLS LAST`;
}

export const achievementByIntervention = metric({
	id: 'achievement_by_intervention',
	describe: 'Target achievement by intervention, with its cost, cost per pupil and cost per achieved target',
	row: statusCounts.extend({
		intervention_key: col.text.nullable(),
		intervention: col.text,
		pupils: col.int,
		total_cost_gbp: col.num.nullable(),
		cost_per_pupil_gbp: col.num.nullable(),
		cost_per_achieved_target_gbp: col.num.nullable(),
		school_reviewed: col.int,
		school_achieved: col.int
	}),
	sql: achievementByInterventionSql,
	// Targets with no linked provision are not an intervention: they are not tested.
	finish: (rows) =>
		rows.map(({ school_reviewed, school_achieved, ...r }) => ({
			...withRates(r),
			versus_rest: r.intervention_key === null ? null : versusRest({ successes: school_achieved, n: school_reviewed }, proportion(r))
		}))
});

/**
 * Targets achieved this period against the period before (the previous term, or year): two
 * separate sets of targets, so a two-proportion test between them (docs/verdicts-and-suppression.md).
 */
export const achievementAgainstPrevious = metric({
	id: 'achievement_against_previous',
	describe: 'Targets achieved in the chosen period against the period before, with the verdict of the test',
	row: z.object({ period: z.enum(['current', 'previous']), reviewed: col.int, achieved: col.int }),
	sql: (scope: Scope) => {
		// Without a chosen period, "this period" is the academic year of the as-of date, as the previous one is worked out from it.
		const s = scope.filters.academicYear || scope.filters.term ? scope : withFilters(scope, { academicYear: academicYearOf(scope.asOf) });
		return sql`
    SELECT 'current' AS period, count(*) FILTER (WHERE status IN ('achieved', 'partial', 'not_achieved'))::INTEGER AS reviewed,
      count(*) FILTER (WHERE status = 'achieved')::INTEGER AS achieved FROM (${targetFactsSql(s)})
    UNION ALL
    SELECT 'previous', count(*) FILTER (WHERE status IN ('achieved', 'partial', 'not_achieved'))::INTEGER,
      count(*) FILTER (WHERE status = 'achieved')::INTEGER FROM (${targetFactsSql(previousPeriodScope(s))})`;
	},
	finish: (rows) => {
		const of = (p: 'current' | 'previous') => rows.find((r) => r.period === p) ?? { reviewed: 0, achieved: 0 };
		const current = of('current');
		const previous = of('previous');
		return {
			current: { reviewed: current.reviewed, achieved: current.achieved },
			previous: { reviewed: previous.reviewed, achieved: previous.achieved },
			versus_previous: previous.reviewed > 0 ? versus(proportion(current), proportion(previous)) : null
		};
	}
});

export type TermAchievement = ReturnType<typeof achievementTrend.finish>[number];
export type InterventionAchievement = ReturnType<typeof achievementByIntervention.finish>[number];
export type NeedAreaAchievement = ReturnType<typeof achievementByNeedArea.finish>[number];
