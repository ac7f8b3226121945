import { z } from 'zod';
import { lowerIsBetterMeasures } from '../contract/enums';
import { empty, sql, type Sql } from '../db/sql';
import { gainVerdict, meanInterval, versusRest } from '../stats/compare';
import { brooksBand, DAYS_PER_MONTH, eefMonths, effectSize } from '../stats/gains';
import { SMALL_NUMBER } from '../stats/small-number';
import { withRates, statusCounts } from './achievement';
import { achievementByInterventionSql } from './achievement';
import { pupilKeySql, pupilWhere, targetFactsSql } from './facts';
import { interventionKeySql, interventionNamesSql, provisionKeysSql, provisionRunsSql } from './provision-runs';
import { provisionByInterventionSql } from './provision';
import { col, metric } from './registry';
import type { Scope } from './scope';

/** The gain of each allocation with both values: sign flipped for lower-is-better measures. */
export function allocationGainsSql(s: Scope): Sql {
	return sql`SELECT *, CASE WHEN regexp_matches(measure, '_age_months$') AND exit_date > entry_date
        THEN gain / (date_diff('day', entry_date, exit_date) / ${DAYS_PER_MONTH}) END AS ratio_gain
    FROM (SELECT a.school, a.pupil_id, a.provision_id, pr.key, pr.intervention,
        lower(trim(a.measure)) AS measure, a.entry_value, a.exit_value, a.entry_date, a.exit_date,
        CASE WHEN coalesce(a.higher_is_better, lower(trim(a.measure)) NOT IN (${lowerIsBetterMeasures})) THEN 1 ELSE -1 END
          * (a.exit_value - a.entry_value) AS gain
      FROM allocations a
      JOIN (${provisionKeysSql}) pr ON pr.school = a.school AND pr.provision_id = a.provision_id
      JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
      WHERE a.measure IS NOT NULL AND a.entry_value IS NOT NULL AND a.exit_value IS NOT NULL AND ${pupilWhere(s.filters)})`;
}

function entryExitSql(s: Scope): Sql {
	return sql`
    WITH g AS (${allocationGainsSql(s)}),
    names AS (${interventionNamesSql})
    SELECT g.key AS intervention_key, any_value(n.name) AS intervention, g.measure, count(DISTINCT ${pupilKeySql('g')})::INTEGER AS pupils_with_data,
      count(*)::INTEGER AS allocations, avg(g.gain) AS mean_gain, stddev_samp(g.gain) AS gain_sd,
      avg(g.ratio_gain) AS mean_ratio_gain, count(g.ratio_gain)::INTEGER AS pupils_with_dates
    FROM g JOIN names n ON n.key = g.key GROUP BY g.key, g.measure ORDER BY intervention, g.measure`;
}

/** Entry and exit data by intervention and measure: only allocations with both values count. */
export const entryExitByIntervention = metric({
	id: 'entry_exit_by_intervention',
	describe: 'Mean entry-to-exit gain by intervention and measure, with effect size, EEF months and ratio gain',
	row: z.object({
		intervention_key: col.text,
		intervention: col.text,
		measure: col.text,
		pupils_with_data: col.int,
		allocations: col.int,
		mean_gain: col.num.nullable(),
		gain_sd: col.num.nullable(),
		mean_ratio_gain: col.num.nullable(),
		pupils_with_dates: col.int
	}),
	sql: entryExitSql,
	finish: (rows) =>
		rows.map((r) => {
			const effect = r.measure === 'standardised_score' ? effectSize(r.mean_gain) : null;
			const ci = meanInterval(r.mean_gain, r.gain_sd, r.allocations);
			return {
				...r,
				gain_ci_low: ci?.low ?? null,
				gain_ci_high: ci?.high ?? null,
				gain_verdict: gainVerdict(ci, r.allocations),
				small_number: r.allocations < SMALL_NUMBER,
				effect_size: effect,
				eef_months: eefMonths(effect),
				ratio_gain_band: brooksBand(r.mean_ratio_gain)
			};
		})
});
export type EntryExit = ReturnType<typeof entryExitByIntervention.finish>[number];

/**
 * Attendance at each intervention's sessions, from the allocations that record it: the mean and the
 * share of pupils under 80% (a pupil who misses one session in five gets much less of it).
 */
export const attendanceByIntervention = metric({
	id: 'attendance_by_intervention',
	describe: "Pupils' attendance at each intervention's sessions: mean and share under 80%, where recorded",
	row: z.object({
		intervention_key: col.text,
		intervention: col.text,
		allocations: col.int,
		with_attendance: col.int,
		mean_attendance_pct: col.num.nullable(),
		under_80: col.int,
		share_under_80: col.num.nullable()
	}),
	sql: (s) => sql`
    WITH a AS (SELECT pr.key, a.attendance_pct
      FROM allocations a JOIN (${provisionKeysSql}) pr ON pr.school = a.school AND pr.provision_id = a.provision_id
      JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id WHERE ${pupilWhere(s.filters)}),
    names AS (${interventionNamesSql})
    SELECT a.key AS intervention_key, any_value(n.name) AS intervention, count(*)::INTEGER AS allocations,
      count(a.attendance_pct)::INTEGER AS with_attendance, avg(a.attendance_pct) AS mean_attendance_pct,
      count(*) FILTER (WHERE a.attendance_pct < 80)::INTEGER AS under_80,
      count(*) FILTER (WHERE a.attendance_pct < 80) / nullif(count(a.attendance_pct), 0) AS share_under_80
    FROM a JOIN names n ON n.key = a.key GROUP BY a.key ORDER BY intervention`
});

/** One dot per allocation with entry and exit data, for the distribution charts (one intervention's, or all). */
export const gainPoints = metric({
	id: 'gain_points',
	describe: 'Each allocation with entry and exit values: its gain and ratio gain',
	row: z.object({
		school: col.text,
		pupil_id: col.text,
		intervention: col.text,
		measure: col.text,
		entry_value: col.num,
		exit_value: col.num,
		gain: col.num,
		ratio_gain: col.num.nullable()
	}),
	sql: (s, interventionKey: string | null) => sql`SELECT school, pupil_id, intervention, measure, entry_value, exit_value, gain, ratio_gain
    FROM (${allocationGainsSql(s)}) ${interventionKey ? sql`WHERE key = ${interventionKey}` : empty} ORDER BY measure, gain, school, pupil_id`,
	examples: [null, 'lexia']
});

export const interventionRuns = metric({
	id: 'intervention_runs',
	describe: "One intervention's runs with their pupils, hours and cost",
	row: z.object({
		school: col.text,
		provision_id: col.text,
		delivered_by: col.text.nullable(),
		start_date: col.date,
		end_date: col.date.nullable(),
		pupils_allocated: col.int,
		hours_per_week: col.num.nullable(),
		run_cost: col.num.nullable()
	}),
	sql: (s, key: string) => sql`SELECT school, provision_id, delivered_by, start_date, end_date, pupils_allocated, hours_per_week, run_cost
    FROM (${provisionRunsSql(s)}) WHERE intervention_key = ${key} ORDER BY start_date, school, provision_id`,
	examples: ['lexia']
});

export const interventionTargets = metric({
	id: 'intervention_targets',
	describe: "One intervention's targets with their outcomes",
	row: z.object({
		school: col.text,
		target_id: col.text,
		pupil_id: col.text,
		need_area: col.text,
		due: col.date,
		status: col.text,
		target_text: col.text.nullable()
	}),
	sql: (s, key: string) => sql`
    WITH tf AS (${targetFactsSql(s)})
    SELECT DISTINCT tf.school, tf.target_id, tf.pupil_id, tf.need_area, tf.due, tf.status, t.target_text
    FROM tf JOIN targets t ON t.school = tf.school AND t.target_id = tf.target_id
    JOIN target_provisions tp ON tp.school = tf.school AND tp.target_id = tf.target_id
    JOIN (SELECT school, provision_id FROM provisions WHERE ${interventionKeySql('intervention')} = ${key}) pr
      ON pr.school = tp.school AND pr.provision_id = tp.provision_id
    ORDER BY tf.school, tf.pupil_id, tf.target_id`,
	examples: ['lexia']
});

export interface CostProgressParams {
	/** 'rate' for the achievement rate of targets, or a measure for its mean gain. */
	y: string;
	/** Leave out interventions with fewer reviewed targets (or pupils with data) and fewer pupils than this. */
	minBase: number;
}

/**
 * Cost per pupil against progress, one point per intervention of known cost: progress is the
 * achievement rate (with its interval) or a measure's mean gain. Joined on the intervention key.
 */
export const costProgressPoints = metric({
	id: 'cost_progress_points',
	describe: 'Cost per pupil against progress (achievement rate or mean gain on a measure), one point per intervention',
	row: statusCounts.extend({
		intervention_key: col.text,
		intervention: col.text,
		cost_per_pupil_gbp: col.num,
		pupils: col.int,
		mean_gain: col.num.nullable(),
		gain_sd: col.num.nullable(),
		allocations: col.int.nullable(),
		median_cost_gbp: col.num,
		school_reviewed: col.int.nullable(),
		school_achieved: col.int.nullable()
	}),
	sql: (s, p: CostProgressParams) => {
		const base = Number(p.minBase);
		if (p.y === 'rate') {
			// A subquery, not a CTE: DuckDB 1.4 binds a CTE that itself holds CTEs several times over (0.3 s, not 0.07 s).
			return sql`SELECT * EXCLUDE (total_cost_gbp, cost_per_achieved_target_gbp), NULL::DOUBLE AS mean_gain, NULL::DOUBLE AS gain_sd,
          NULL::INTEGER AS allocations,
          quantile_disc(cost_per_pupil_gbp, 0.5) OVER () AS median_cost_gbp
        FROM (${achievementByInterventionSql(s)}) a WHERE intervention_key IS NOT NULL AND cost_per_pupil_gbp IS NOT NULL AND reviewed > 0
          AND reviewed >= ${base} AND pupils >= ${base}
        ORDER BY intervention_key`;
		}
		return sql`SELECT e.intervention_key, e.intervention, c.cost_per_pupil_gbp, e.pupils_with_data AS pupils, e.mean_gain, e.gain_sd, e.allocations,
        0 AS reviewed, 0 AS achieved, 0 AS partial, 0 AS not_achieved, 0 AS open, 0 AS overdue,
        NULL::INTEGER AS school_reviewed, NULL::INTEGER AS school_achieved,
        quantile_disc(c.cost_per_pupil_gbp, 0.5) OVER () AS median_cost_gbp
      FROM (${entryExitSql(s)}) e JOIN (${provisionByInterventionSql(s)}) c ON c.intervention_key = e.intervention_key
      WHERE e.measure = ${p.y} AND e.mean_gain IS NOT NULL AND c.cost_per_pupil_gbp IS NOT NULL AND e.pupils_with_data >= ${base}
      ORDER BY e.intervention`;
	},
	finish: (rows, _s, p) =>
		rows.map((r) => {
			const rated = withRates(r);
			// A mean gain's 95% interval (t), as in entry_exit_by_intervention, so its whisker shows how sure it is.
			const gainCi = p.y === 'rate' ? null : meanInterval(r.mean_gain, r.gain_sd, r.allocations ?? 0);
			const cost_side: 'more' | 'less' | 'median' = r.cost_per_pupil_gbp > r.median_cost_gbp ? 'more' : r.cost_per_pupil_gbp < r.median_cost_gbp ? 'less' : 'median';
			const common = { intervention_key: r.intervention_key, intervention: r.intervention, cost_per_pupil_gbp: r.cost_per_pupil_gbp, pupils: r.pupils, median_cost_gbp: r.median_cost_gbp, cost_side };
			return p.y === 'rate'
				? {
						...common,
						y: rated.achievement_rate!,
						y_low: rated.ci_low,
						y_high: rated.ci_high,
						reviewed: r.reviewed,
						achieved: r.achieved,
						versus_rest: versusRest({ successes: r.school_achieved ?? 0, n: r.school_reviewed ?? 0 }, { successes: r.achieved, n: r.reviewed }),
						gain_verdict: null
					}
				: {
						...common,
						y: r.mean_gain!,
						y_low: gainCi?.low ?? null,
						y_high: gainCi?.high ?? null,
						reviewed: null,
						achieved: null,
						versus_rest: null,
						gain_verdict: gainVerdict(gainCi, r.allocations ?? 0)
					};
		}),
	examples: [
		{ y: 'rate', minBase: 0 },
		{ y: 'rate', minBase: 5 },
		{ y: 'standardised_score', minBase: 0 }
	]
});
export type GainPoint = z.infer<typeof gainPoints.row>;
export type CostProgressPoint = ReturnType<typeof costProgressPoints.finish>[number];
