import { z } from 'zod';
import { needAreaLabels } from '../contract/enums';
import { join, raw, sql, type Sql } from '../db/sql';
import { SMALL_NUMBER, wilson } from '../stats/wilson';
import { statusCountsSql, summedStatusCountsSql, targetFactsSql, keyStageSql, termOfSql } from './facts';
import { interventionNamesSql, provisionKeysSql } from './provision-runs';
import { provisionByInterventionSql } from './provision';
import { col, metric } from './registry';
import { withFilters } from './scope';

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

const needAreaOrder = (x: string): Sql => sql`CASE ${join(Object.keys(needAreaLabels).map((k, i) => sql`WHEN ${raw(x)} = ${k} THEN ${i}`), ' ')} ELSE 99 END`;

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
	finish: (rows) => rows.map(withRates)
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
	finish: (rows) => rows.map(withRates),
	examples: [...pupilGroups]
});

export const achievementTrend = metric({
	id: 'achievement_trend',
	describe: 'Achievement rate by the term targets were due in (the school\'s terms), across every year in the data',
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
      c.total_cost_gbp, c.cost_per_pupil_gbp, c.total_cost_gbp / nullif(g.achieved, 0) AS cost_per_achieved_target_gbp
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
		cost_per_achieved_target_gbp: col.num.nullable()
	}),
	sql: achievementByInterventionSql,
	finish: (rows) => rows.map(withRates)
});

export type TermAchievement = ReturnType<typeof achievementTrend.finish>[number];
export type InterventionAchievement = ReturnType<typeof achievementByIntervention.finish>[number];
export type NeedAreaAchievement = ReturnType<typeof achievementByNeedArea.finish>[number];
