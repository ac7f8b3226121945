import type { Db } from '../db/types';
import { lowerIsBetterMeasures } from '../contract/enums';
import { brooksBand, DAYS_PER_MONTH, eefMonths, effectSize } from '../stats/impact';
import { lit } from '../validate/sql-text';
import { termOfSql } from './terms';
import { withRates, type Achievement } from './achievement';
import { statusCountsSql, targetFactsSql } from './facts';
import { pupilWhere, type Filters } from './filters';
import { provisionByIntervention } from './provision';
import { interventionKeySql, interventionNamesSql, provisionRunsSql, type CostOptions } from './provision-runs';

export const NO_LINKED_PROVISION = 'No linked provision';

export interface InterventionAchievement extends Achievement {
	intervention: string;
	pupils: number;
	total_cost_gbp: number | null;
	cost_per_pupil_gbp: number | null;
	cost_per_achieved_target_gbp: number | null;
}

/**
 * Target achievement by intervention (metrics.md): a target belongs to every intervention one of
 * its provisions is a run of, once each; targets with no linked provision form their own row.
 */
export async function achievementByIntervention(db: Db, filters: Filters, opts: CostOptions): Promise<InterventionAchievement[]> {
	const rows = await db.query<Omit<InterventionAchievement, keyof Achievement | 'total_cost_gbp' | 'cost_per_pupil_gbp' | 'cost_per_achieved_target_gbp'> & Achievement & { key: string | null }>(`
    WITH tf AS (${targetFactsSql(filters, opts.asOf)}),
    links AS (SELECT DISTINCT tp.school, tp.target_id, ${interventionKeySql('pr.intervention')} AS key
      FROM target_provisions tp JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id),
    names AS (${interventionNamesSql}),
    attributed AS (SELECT tf.*, l.key FROM tf LEFT JOIN links l ON l.school = tf.school AND l.target_id = tf.target_id)
    SELECT a.key, coalesce(any_value(n.name), ${lit(NO_LINKED_PROVISION)}) AS intervention,
      count(DISTINCT a.school || '/' || a.pupil_id)::INTEGER AS pupils, ${statusCountsSql}
    FROM attributed a LEFT JOIN names n ON n.key = a.key
    GROUP BY a.key ORDER BY a.key NULLS LAST`);
	const costs = await provisionByIntervention(db, { ...filters }, opts);
	const costOf = new Map(costs.map((c) => [c.intervention.toLowerCase().replace(/\s+/g, ' ').trim(), c]));
	return rows.map(({ key, ...r }) => {
		const cost = key ? costOf.get(key) : undefined;
		const total = cost?.total_cost_gbp ?? null;
		return {
			...withRates(r),
			total_cost_gbp: total,
			cost_per_pupil_gbp: cost?.cost_per_pupil_gbp ?? null,
			cost_per_achieved_target_gbp: total !== null && r.achieved > 0 ? total / r.achieved : null
		};
	});
}

export type PupilGroup = 'year_group' | 'key_stage' | 'sen_stage' | 'pupil_premium' | 'eal' | 'looked_after' | 'sex';

const groupSql: Record<PupilGroup, string> = {
	year_group: 'p.year_group',
	key_stage: `CASE WHEN p.year_group IN ('N1', 'N2', 'R') THEN 'EYFS' WHEN p.year_group IN ('1', '2') THEN 'KS1'
    WHEN p.year_group IN ('3', '4', '5', '6') THEN 'KS2' WHEN p.year_group IN ('7', '8', '9') THEN 'KS3'
    WHEN p.year_group IN ('10', '11') THEN 'KS4' ELSE 'KS5' END`,
	sen_stage: 'p.sen_stage',
	pupil_premium: `CASE p.pupil_premium WHEN TRUE THEN 'Pupil premium' WHEN FALSE THEN 'Not pupil premium' ELSE 'Not known' END`,
	eal: `CASE p.eal WHEN TRUE THEN 'EAL' WHEN FALSE THEN 'Not EAL' ELSE 'Not known' END`,
	looked_after: `CASE p.looked_after WHEN TRUE THEN 'Looked after' WHEN FALSE THEN 'Not looked after' ELSE 'Not known' END`,
	sex: `CASE p.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' ELSE 'Not known' END`
};

export interface GroupAchievement extends Achievement {
	group: string;
	pupils: number;
}

/** Target achievement by a pupil characteristic; "Not known" is its own group, never merged. */
export async function achievementByPupilGroup(db: Db, filters: Filters, asOf: string, by: PupilGroup): Promise<GroupAchievement[]> {
	const rows = await db.query<GroupAchievement>(`
    WITH tf AS (${targetFactsSql(filters, asOf)})
    SELECT ${groupSql[by]} AS "group", count(DISTINCT tf.school || '/' || tf.pupil_id)::INTEGER AS pupils, ${statusCountsSql}
    FROM tf JOIN pupils p ON p.school = tf.school AND p.pupil_id = tf.pupil_id
    GROUP BY 1 ORDER BY 1`);
	return rows.map(withRates);
}

export interface TermAchievement extends Achievement {
	academic_year: string;
	term: 'Autumn' | 'Spring' | 'Summer';
	order: number;
}

/** Achievement rate by the term targets were due in (default terms), across the years in the data. */
export async function achievementTrend(db: Db, filters: Filters, asOf: string): Promise<TermAchievement[]> {
	const rows = await db.query<TermAchievement>(`
    WITH tf AS (${targetFactsSql({ ...filters, academicYear: null, term: null }, asOf)}),
    termed AS (SELECT *, CASE WHEN month(due) >= 9 THEN year(due) ELSE year(due) - 1 END AS y,
      ${termOfSql('due', filters.terms ?? undefined)} AS term FROM tf)
    SELECT y || '/' || lpad(((y + 1) % 100)::VARCHAR, 2, '0') AS academic_year, term,
      (y * 3 + CASE term WHEN 'Autumn' THEN 0 WHEN 'Spring' THEN 1 ELSE 2 END)::INTEGER AS "order", ${statusCountsSql}
    FROM termed GROUP BY ALL ORDER BY "order"`);
	return rows.map(withRates);
}

export interface EntryExit {
	intervention: string;
	measure: string;
	pupils_with_data: number;
	allocations: number;
	mean_gain: number | null;
	effect_size: number | null;
	eef_months: number | null;
	mean_ratio_gain: number | null;
	pupils_with_dates: number;
	ratio_gain_band: string | null;
}

const lowerIsBetter = lowerIsBetterMeasures.map(lit).join(', ');

/** The gain of each allocation with both values: sign flipped for lower-is-better measures. */
export function allocationGainsSql(filters: Filters): string {
	return `SELECT *, CASE WHEN regexp_matches(measure, '_age_months$') AND exit_date > entry_date
        THEN gain / (date_diff('day', entry_date, exit_date) / ${DAYS_PER_MONTH}) END AS ratio_gain
    FROM (SELECT a.school, a.pupil_id, a.provision_id, ${interventionKeySql('pr.intervention')} AS key, pr.intervention,
        lower(trim(a.measure)) AS measure, a.entry_value, a.exit_value, a.entry_date, a.exit_date,
        CASE WHEN coalesce(a.higher_is_better, lower(trim(a.measure)) NOT IN (${lowerIsBetter})) THEN 1 ELSE -1 END
          * (a.exit_value - a.entry_value) AS gain
      FROM allocations a
      JOIN provisions pr ON pr.school = a.school AND pr.provision_id = a.provision_id
      JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
      WHERE a.measure IS NOT NULL AND a.entry_value IS NOT NULL AND a.exit_value IS NOT NULL AND ${pupilWhere(filters)})`;
}

/** Entry and exit data by intervention and measure: only allocations with both values count. */
export async function entryExitByIntervention(db: Db, filters: Filters): Promise<EntryExit[]> {
	const rows = await db.query<Omit<EntryExit, 'effect_size' | 'eef_months' | 'ratio_gain_band'>>(`
    WITH g AS (${allocationGainsSql(filters)}),
    names AS (${interventionNamesSql})
    SELECT any_value(n.name) AS intervention, g.measure, count(DISTINCT g.school || '/' || g.pupil_id)::INTEGER AS pupils_with_data,
      count(*)::INTEGER AS allocations, avg(g.gain) AS mean_gain,
      avg(g.ratio_gain) AS mean_ratio_gain, count(g.ratio_gain)::INTEGER AS pupils_with_dates
    FROM g JOIN names n ON n.key = g.key GROUP BY g.key, g.measure ORDER BY intervention, g.measure`);
	return rows.map((r) => {
		const effect = r.measure === 'standardised_score' ? effectSize(r.mean_gain) : null;
		return { ...r, effect_size: effect, eef_months: eefMonths(effect), ratio_gain_band: brooksBand(r.mean_ratio_gain) };
	});
}

export interface GainPoint {
	school: string;
	pupil_id: string;
	intervention: string;
	measure: string;
	entry_value: number;
	exit_value: number;
	gain: number;
	ratio_gain: number | null;
}

/** One dot per allocation with entry and exit data, for the distribution charts. */
export async function gainPoints(db: Db, filters: Filters, interventionKey?: string): Promise<GainPoint[]> {
	const only = interventionKey ? `WHERE key = ${lit(interventionKey)}` : '';
	return db.query<GainPoint>(`SELECT school, pupil_id, intervention, measure, entry_value, exit_value, gain, ratio_gain
    FROM (${allocationGainsSql(filters)}) ${only} ORDER BY measure, gain`);
}

export interface InterventionTarget {
	school: string;
	target_id: string;
	pupil_id: string;
	need_area: string;
	due: string;
	status: string;
	target_text: string | null;
}

export interface InterventionRun {
	school: string;
	provision_id: string;
	delivered_by: string | null;
	start_date: string;
	end_date: string | null;
	pupils_allocated: number;
	hours_per_week: number | null;
	run_cost: number | null;
}

/** Everything behind one intervention's figures: its runs, its targets with outcomes, its gains. */
export async function interventionDetail(db: Db, name: string, filters: Filters, opts: CostOptions) {
	const key = lit(name.toLowerCase().replace(/\s+/g, ' ').trim());
	const runs = await db.query<InterventionRun>(`SELECT school, provision_id, delivered_by, start_date, end_date, pupils_allocated, hours_per_week, run_cost
    FROM (${provisionRunsSql(filters, opts)}) WHERE intervention_key = ${key} ORDER BY start_date, provision_id`);
	const targets = await db.query<InterventionTarget>(`
    WITH tf AS (${targetFactsSql(filters, opts.asOf)})
    SELECT DISTINCT tf.school, tf.target_id, tf.pupil_id, tf.need_area, tf.due, tf.status, t.target_text
    FROM tf JOIN targets t ON t.school = tf.school AND t.target_id = tf.target_id
    JOIN target_provisions tp ON tp.school = tf.school AND tp.target_id = tf.target_id
    JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id
    WHERE ${interventionKeySql('pr.intervention')} = ${key} ORDER BY tf.school, tf.pupil_id, tf.target_id`);
	const gains = await gainPoints(db, filters, name.toLowerCase().replace(/\s+/g, ' ').trim());
	return { runs, targets, gains };
}
