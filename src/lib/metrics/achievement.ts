import { z } from 'zod';
import { needAreaLabels } from '../contract/enums';
import { lit } from '../db/sql';
import { SMALL_NUMBER, wilson } from '../stats/wilson';
import { pupilKeySql, statusCountsSql, targetFactsSql, keyStageSql } from './facts';
import { interventionKeySql, interventionNamesSql } from './provision-runs';
import { provisionByInterventionSql } from './provision';
import { col, metric } from './registry';
import { withFilters } from './scope';
import { termOfSql } from '../settings/terms';

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

const needAreaOrder = (x: string) => `CASE ${Object.keys(needAreaLabels).map((k, i) => `WHEN ${x} = ${lit(k)} THEN ${i}`).join(' ')} ELSE 99 END`;

export const targetStatus = metric({
	id: 'target_status',
	describe: 'Targets by status at the as-of date (metrics.md "Target status"), with the achievement rate and its interval',
	row: statusCounts.extend({ total: col.int }),
	sql: (s) => `SELECT count(*)::INTEGER AS total, ${statusCountsSql} FROM (${targetFactsSql(s)})`,
	finish: (rows) => withRates(rows[0])
});

export const achievementByNeedArea = metric({
	id: 'achievement_by_need_area',
	describe: 'Target achievement by the area of need each target names',
	row: statusCounts.extend({ need_area: col.text }),
	sql: (s) => `SELECT need_area, ${statusCountsSql} FROM (${targetFactsSql(s)}) GROUP BY need_area ORDER BY ${needAreaOrder('need_area')}, need_area`,
	finish: (rows) => rows.map(withRates)
});

export const pupilGroups = ['year_group', 'key_stage', 'sen_stage', 'pupil_premium', 'eal', 'looked_after', 'sex'] as const;
export type PupilGroup = (typeof pupilGroups)[number];

const groupSql: Record<PupilGroup, string> = {
	year_group: 'p.year_group',
	key_stage: keyStageSql('p.year_group'),
	sen_stage: 'p.sen_stage',
	pupil_premium: `CASE p.pupil_premium WHEN TRUE THEN 'Pupil premium' WHEN FALSE THEN 'Not pupil premium' ELSE 'Not known' END`,
	eal: `CASE p.eal WHEN TRUE THEN 'EAL' WHEN FALSE THEN 'Not EAL' ELSE 'Not known' END`,
	looked_after: `CASE p.looked_after WHEN TRUE THEN 'Looked after' WHEN FALSE THEN 'Not looked after' ELSE 'Not known' END`,
	sex: `CASE p.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' ELSE 'Not known' END`
};

export const achievementByPupilGroup = metric({
	id: 'achievement_by_pupil_group',
	describe: 'Target achievement by a pupil characteristic; "Not known" is its own group, never merged',
	row: statusCounts.extend({ group: col.text, pupils: col.int }),
	sql: (s, by: PupilGroup) => `
    WITH tf AS (${targetFactsSql(s)})
    SELECT ${groupSql[by]} AS "group", count(DISTINCT ${pupilKeySql('tf')})::INTEGER AS pupils, ${statusCountsSql}
    FROM tf JOIN pupils p ON p.school = tf.school AND p.pupil_id = tf.pupil_id
    GROUP BY 1 ORDER BY 1`,
	finish: (rows) => rows.map(withRates),
	examples: [...pupilGroups]
});

export const achievementTrend = metric({
	id: 'achievement_trend',
	describe: 'Achievement rate by the term targets were due in (the school\'s terms), across every year in the data',
	row: statusCounts.extend({ academic_year: col.text, term: z.enum(['Autumn', 'Spring', 'Summer']), order: col.int }),
	sql: (s) => `
    WITH tf AS (${targetFactsSql(withFilters(s, { academicYear: null, term: null }))}),
    termed AS (SELECT *, CASE WHEN month(due) >= 9 THEN year(due) ELSE year(due) - 1 END AS y,
      ${termOfSql('due', s.costing.termDates)} AS term FROM tf)
    SELECT y || '/' || lpad(((y + 1) % 100)::VARCHAR, 2, '0') AS academic_year, term,
      (y * 3 + CASE term WHEN 'Autumn' THEN 0 WHEN 'Spring' THEN 1 ELSE 2 END)::INTEGER AS "order", ${statusCountsSql}
    FROM termed GROUP BY ALL ORDER BY "order"`,
	finish: (rows) => rows.map(withRates)
});

export const NO_LINKED_PROVISION = 'No linked provision';

/**
 * Target achievement by intervention (metrics.md): a target belongs to every intervention one of
 * its provisions is a run of, once each; targets with no linked provision form their own row.
 * Costs come from the provision map, joined on the intervention key.
 */
/** The costs join a subquery rather than a CTE: DuckDB binds a CTE that holds CTEs several times over. */
export function achievementByInterventionSql(s: Parameters<typeof targetFactsSql>[0]): string {
	return `
    WITH tf AS (${targetFactsSql(s)}),
    links AS (SELECT DISTINCT tp.school, tp.target_id, ${interventionKeySql('pr.intervention')} AS key
      FROM target_provisions tp JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id),
    names AS (${interventionNamesSql}),
    attributed AS (SELECT tf.*, l.key FROM tf LEFT JOIN links l ON l.school = tf.school AND l.target_id = tf.target_id)
    SELECT a.key AS intervention_key, coalesce(any_value(n.name), ${lit(NO_LINKED_PROVISION)}) AS intervention,
      count(DISTINCT ${pupilKeySql('a')})::INTEGER AS pupils, ${statusCountsSql},
      any_value(c.total_cost_gbp) AS total_cost_gbp, any_value(c.cost_per_pupil_gbp) AS cost_per_pupil_gbp,
      any_value(c.total_cost_gbp) / nullif(count(*) FILTER (WHERE a.status = 'achieved'), 0) AS cost_per_achieved_target_gbp
    FROM attributed a LEFT JOIN names n ON n.key = a.key LEFT JOIN (${provisionByInterventionSql(s)}) c ON c.intervention_key = a.key
    GROUP BY a.key ORDER BY a.key NULLS LAST`;
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
