import { z } from 'zod';
import { join, sql, type Sql } from '../db/sql';
import type { ImfShare } from '../settings/strategy';
import { pupilKeySql } from './facts';
import { interventionNamesSql, provisionRunsSql } from './provision-runs';
import { col, metric } from './registry';
import { withFilters, type Scope } from './scope';

/**
 * The inclusion strategy's activity (docs/inclusion-strategy.md): the provision map's runs that fall
 * in one academic year, costed as the provision map costs them ("Provision cost", metrics.md),
 * prorated by the days of each run in the year. A budget looks ahead: a run with no end date is
 * taken to go on to the end of the year (31 August), not to stop at the as-of date. Pupil filters
 * and the funding-stream filter are left out: a school's strategy is about all its activity.
 */

export const layers = ['universal', 'targeted', 'not recorded'] as const;
export type Layer = (typeof layers)[number];

/** The first and last day of an academic year written `2026/27`. */
export function yearDates(year: string): { from: string; to: string } {
	const start = Number(year.slice(0, 4));
	return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** Each run in the year with its layer (wave 1 universal, 2–3 targeted) and its cost in the year (unknown stays NULL). */
export function strategyRunsSql(s: Scope, year: string): Sql {
	const base = withFilters(s, { academicYear: year, term: null, keyStage: null, yearGroup: null, senStage: null, snapshot: null });
	const budget: Scope = { ...base, asOf: yearDates(year).to, costing: { ...base.costing, fundingStream: null } };
	return sql`SELECT *, CASE WHEN wave = 1 THEN 'universal' WHEN wave IN (2, 3) THEN 'targeted' ELSE 'not recorded' END AS layer,
      run_cost * period_share AS year_cost, hours_per_week * run_weeks * period_share AS year_hours
    FROM (${provisionRunsSql(budget)}) WHERE period_share > 0`;
}

export interface StrategyParams {
	year: string;
}

const yearExamples: StrategyParams[] = [{ year: '2025/26' }, { year: '2026/27' }];

export const strategyActivities = metric({
	id: 'strategy_activities',
	describe: 'The inclusion strategy activity table: each intervention and layer in the year, its staff, pupils reached and budgeted cost',
	row: z.object({
		intervention_key: col.text,
		intervention: col.text,
		layer: z.enum(layers),
		/** The areas of need its runs are for, as codes, "; " between them. */
		need_areas: col.text,
		roles: col.text.nullable(),
		runs: col.int,
		runs_not_quantified: col.int,
		sessions_per_week: col.num.nullable(),
		minutes_per_session: col.num.nullable(),
		weeks: col.num.nullable(),
		typical_group_size: col.num.nullable(),
		/** Staff hours over the year, summed over the runs that say how often and how long. */
		staff_hours_in_year: col.num.nullable(),
		pupils: col.int,
		/** Summed over runs of known cost; null when none is known. */
		budgeted_cost_gbp: col.num.nullable(),
		runs_cost_unknown: col.int,
		funding_streams: col.text.nullable()
	}),
	sql: (s, p: StrategyParams) => sql`
    WITH runs AS (${strategyRunsSql(s, p.year)}),
    pupils AS (SELECT r.intervention_key, r.layer, count(DISTINCT ${pupilKeySql('a')})::INTEGER AS n FROM runs r
      JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id GROUP BY ALL)
    SELECT r.intervention_key, any_value(nm.name) AS intervention, r.layer,
      string_agg(DISTINCT r.need_area, '; ' ORDER BY r.need_area) AS need_areas,
      string_agg(DISTINCT trim(r.delivered_by), '; ' ORDER BY trim(r.delivered_by)) AS roles,
      count(*)::INTEGER AS runs, count(*) FILTER (WHERE r.hours_per_week IS NULL)::INTEGER AS runs_not_quantified,
      median(r.sessions_per_week) AS sessions_per_week, median(r.minutes_per_session) AS minutes_per_session,
      median(r.run_weeks * r.period_share) AS weeks, median(r.shared_by) AS typical_group_size,
      sum(r.year_hours) AS staff_hours_in_year, coalesce(any_value(pu.n), 0)::INTEGER AS pupils,
      sum(r.year_cost) AS budgeted_cost_gbp, count(*) FILTER (WHERE r.year_cost IS NULL)::INTEGER AS runs_cost_unknown,
      string_agg(DISTINCT trim(r.funding_stream), '; ' ORDER BY trim(r.funding_stream)) AS funding_streams
    FROM runs r JOIN (${interventionNamesSql}) nm ON nm.key = r.intervention_key
    LEFT JOIN pupils pu ON pu.intervention_key = r.intervention_key AND pu.layer = r.layer
    GROUP BY r.intervention_key, r.layer
    ORDER BY CASE r.layer WHEN 'universal' THEN 0 WHEN 'targeted' THEN 1 ELSE 2 END, budgeted_cost_gbp DESC NULLS LAST, intervention`,
	examples: yearExamples
});
export type StrategyActivity = z.infer<typeof strategyActivities.row>;

/** The school's word on how much of an activity the Inclusive Mainstream Fund pays for. */
export interface ImfPart {
	intervention_key: string;
	layer: string;
	share: Exclude<ImfShare, 'none'>;
	gbp: number | null;
}

export const IMF_SOURCE = 'Inclusive Mainstream Fund';
export const NOT_RECORDED_SOURCE = 'Not recorded';

export interface TotalsParams extends StrategyParams {
	imf: ImfPart[];
	/** The school's allocation from the fund, when entered: a row then says what is left to plan (negative when over). */
	allocation?: number | null;
}

function imfValues(imf: ImfPart[]): Sql {
	const rows = imf.filter((i) => i.share === 'all' || (i.gbp !== null && Number.isFinite(i.gbp) && i.gbp >= 0));
	if (!rows.length) return sql`SELECT NULL::VARCHAR AS intervention_key, NULL::VARCHAR AS layer, NULL::VARCHAR AS share, NULL::DOUBLE AS gbp WHERE FALSE`;
	const values = rows.map((i) => sql`(${i.intervention_key}, ${i.layer}, ${i.share}, ${i.share === 'part' ? Number(i.gbp) : null}::DOUBLE)`);
	return sql`SELECT * FROM (VALUES ${join(values)}) AS t(intervention_key, layer, share, gbp)`;
}

/**
 * Totals of the year's activity: by layer, by funding source and in all. The Inclusive Mainstream
 * Fund is a source of its own: an activity it pays for in full moves to it; a part it pays (capped
 * at the activity's known cost) is taken from the activity's recorded sources in proportion to their
 * cost. Pupils are the distinct pupils reached by the activity counted there; unknown costs are
 * counted apart (runs), never as £0.
 */
export const strategyTotals = metric({
	id: 'strategy_totals',
	describe: "The inclusion strategy's budgeted cost by layer, by funding source (the Inclusive Mainstream Fund apart) and in all",
	row: z.object({
		kind: z.enum(['layer', 'source', 'all', 'imf_left']),
		label: col.text,
		activities: col.int,
		pupils: col.int,
		cost_gbp: col.num.nullable(),
		runs_cost_unknown: col.int
	}),
	sql: (s, p: TotalsParams) => {
		const allocation = p.allocation != null && Number.isFinite(p.allocation) ? Number(p.allocation) : null;
		return sql`
    WITH runs AS (${strategyRunsSql(s, p.year)}),
    acts AS (SELECT intervention_key, layer, sum(year_cost) AS cost FROM runs GROUP BY ALL),
    imf AS (${imfValues(p.imf)}),
    paid AS (SELECT a.intervention_key, a.layer, i.share,
        CASE WHEN i.share = 'all' THEN a.cost ELSE least(i.gbp, coalesce(a.cost, i.gbp)) END AS imf_gbp,
        CASE WHEN i.share = 'all' THEN 0.0 WHEN a.cost > 0 THEN 1 - least(i.gbp, a.cost) / a.cost ELSE 1.0 END AS left_share
      FROM acts a JOIN imf i USING (intervention_key, layer)),
    parts AS (
      SELECT coalesce(nullif(trim(r.funding_stream), ''), ${NOT_RECORDED_SOURCE}) AS source, r.school, r.provision_id, r.intervention_key, r.layer,
        r.year_cost * coalesce(pd.left_share, 1) AS cost, r.year_cost IS NULL AS unknown
      FROM runs r LEFT JOIN paid pd USING (intervention_key, layer)
      WHERE coalesce(pd.left_share, 1) > 0
      UNION ALL
      SELECT ${IMF_SOURCE}, r.school, r.provision_id, r.intervention_key, r.layer,
        -- The fund's sum is the activity's, said once: on the first of its runs.
        CASE WHEN row_number() OVER (PARTITION BY r.intervention_key, r.layer ORDER BY r.school, r.provision_id) = 1 THEN pd.imf_gbp ELSE 0 END,
        pd.share = 'all' AND r.year_cost IS NULL
      FROM runs r JOIN paid pd USING (intervention_key, layer)),
    sources AS (
      SELECT 'source' AS kind, source AS label, count(DISTINCT intervention_key || chr(0) || layer)::INTEGER AS activities,
        sum(cost) AS cost_gbp, count(*) FILTER (WHERE unknown)::INTEGER AS runs_cost_unknown,
        (SELECT count(DISTINCT ${pupilKeySql('a')}) FROM allocations a JOIN parts q ON q.school = a.school AND q.provision_id = a.provision_id WHERE q.source = x.source)::INTEGER AS pupils
      FROM parts x GROUP BY source),
    by_layer AS (
      SELECT 'layer' AS kind, layer AS label, count(DISTINCT intervention_key)::INTEGER AS activities, sum(year_cost) AS cost_gbp,
        count(*) FILTER (WHERE year_cost IS NULL)::INTEGER AS runs_cost_unknown,
        (SELECT count(DISTINCT ${pupilKeySql('a')}) FROM allocations a JOIN runs q ON q.school = a.school AND q.provision_id = a.provision_id WHERE q.layer = x.layer)::INTEGER AS pupils
      FROM runs x GROUP BY layer),
    whole AS (
      SELECT 'all' AS kind, 'All activity' AS label, count(DISTINCT intervention_key || chr(0) || layer)::INTEGER AS activities, sum(year_cost) AS cost_gbp,
        count(*) FILTER (WHERE year_cost IS NULL)::INTEGER AS runs_cost_unknown,
        (SELECT count(DISTINCT ${pupilKeySql('a')}) FROM allocations a JOIN runs q ON q.school = a.school AND q.provision_id = a.provision_id)::INTEGER AS pupils
      FROM runs x)
    SELECT kind, label, activities, pupils, cost_gbp, runs_cost_unknown FROM (
      SELECT *, CASE label WHEN 'universal' THEN 0 WHEN 'targeted' THEN 1 ELSE 2 END AS o FROM by_layer
      UNION ALL SELECT *, CASE WHEN label = ${IMF_SOURCE} THEN 10 ELSE 11 END FROM (SELECT kind, label, activities, cost_gbp, runs_cost_unknown, pupils FROM sources)
      UNION ALL SELECT *, 20 FROM whole WHERE activities > 0
      UNION ALL SELECT 'imf_left', 'Left to plan', 0, CASE WHEN EXISTS (SELECT 1 FROM parts WHERE source = ${IMF_SOURCE}) THEN ${allocation}::DOUBLE - (SELECT sum(cost) FROM parts WHERE source = ${IMF_SOURCE})
        ELSE ${allocation}::DOUBLE END, 0, 0, 30
        WHERE ${allocation}::DOUBLE IS NOT NULL)
    ORDER BY o, cost_gbp DESC NULLS LAST, label`;
	},
	examples: [
		{ year: '2025/26', imf: [], allocation: 1000 },
		{ year: '2025/26', imf: [{ intervention_key: 'elsa', layer: 'targeted', share: 'part', gbp: 100 }] }
	]
});
export type StrategyTotal = z.infer<typeof strategyTotals.row>;

/** A trust's activity and budgeted cost in the year, by school. */
export const strategyBySchool = metric({
	id: 'strategy_by_school',
	describe: "A trust's inclusion-strategy activity in the year by school: activities, pupils reached and budgeted cost by layer",
	row: z.object({
		school: col.text,
		activities: col.int,
		pupils: col.int,
		universal_gbp: col.num.nullable(),
		targeted_gbp: col.num.nullable(),
		cost_gbp: col.num.nullable(),
		runs_cost_unknown: col.int
	}),
	sql: (s, p: StrategyParams) => sql`
    WITH runs AS (${strategyRunsSql(withFilters(s, { school: null }), p.year)})
    SELECT r.school, count(DISTINCT r.intervention_key || chr(0) || r.layer)::INTEGER AS activities,
      (SELECT count(DISTINCT a.pupil_id) FROM allocations a JOIN runs q ON q.school = a.school AND q.provision_id = a.provision_id WHERE q.school = r.school)::INTEGER AS pupils,
      sum(r.year_cost) FILTER (WHERE r.layer = 'universal') AS universal_gbp, sum(r.year_cost) FILTER (WHERE r.layer = 'targeted') AS targeted_gbp,
      sum(r.year_cost) AS cost_gbp, count(*) FILTER (WHERE r.year_cost IS NULL)::INTEGER AS runs_cost_unknown
    FROM runs r GROUP BY r.school ORDER BY r.school`,
	examples: yearExamples
});

export interface MergeParams extends StrategyParams {
	/** Activities reaching fewer pupils than this are merged, one line per layer. */
	below: number;
}

/**
 * For a published strategy: the activities of each layer that reach fewer than `below` pupils,
 * merged into one line (distinct pupils, cost only), so no line describes a handful of children.
 * When the merged line itself reaches fewer than `below` distinct pupils, the next smallest
 * activities of its layer join it until it reaches that many (or the whole layer is merged), so
 * its cost is never the cost of a few pupils and cannot be worked out from the lines shown.
 */
export const strategyMerged = metric({
	id: 'strategy_merged',
	describe: 'Activities reaching fewer pupils than the threshold, merged into one line per layer (with the next smallest until it reaches the threshold)',
	row: z.object({
		layer: z.enum(layers),
		activities: col.int,
		/** The merged activities' intervention keys, "; " between them. */
		keys: col.text,
		pupils: col.int,
		budgeted_cost_gbp: col.num.nullable(),
		runs_cost_unknown: col.int
	}),
	sql: (s, p: MergeParams) => sql`
    WITH runs AS (${strategyRunsSql(s, p.year)}),
    placed AS (SELECT DISTINCT r.intervention_key, r.layer, ${pupilKeySql('a')} AS pupil FROM runs r
      JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id),
    reach AS (SELECT r.intervention_key, r.layer, count(DISTINCT pl.pupil)::INTEGER AS n FROM (SELECT DISTINCT intervention_key, layer FROM runs) r
      LEFT JOIN placed pl USING (intervention_key, layer) GROUP BY ALL),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY layer ORDER BY n, intervention_key) AS k,
      count(*) FILTER (WHERE n < ${Number(p.below)}) OVER (PARTITION BY layer) AS small FROM reach),
    -- For each layer and each k from the number of small activities up, the distinct pupils of its k smallest activities.
    tries AS (SELECT t.layer, t.k, count(DISTINCT pl.pupil) AS pupils FROM ranked t
      JOIN ranked m ON m.layer = t.layer AND m.k <= t.k
      LEFT JOIN placed pl ON pl.intervention_key = m.intervention_key AND pl.layer = m.layer
      WHERE t.small > 0 AND t.k >= t.small GROUP BY ALL),
    -- The fewest activities that reach the threshold together, else the whole layer.
    chosen AS (SELECT layer, CASE WHEN bool_or(pupils >= ${Number(p.below)}) THEN min(k) FILTER (WHERE pupils >= ${Number(p.below)}) ELSE max(k) END AS k FROM tries GROUP BY layer),
    merged AS (SELECT r.* FROM ranked r JOIN chosen c ON c.layer = r.layer AND r.k <= c.k)
    SELECT m.layer, count(*)::INTEGER AS activities, string_agg(m.intervention_key, '; ' ORDER BY m.intervention_key) AS keys,
      (SELECT count(DISTINCT pl.pupil) FROM placed pl JOIN merged q USING (intervention_key, layer) WHERE q.layer = m.layer)::INTEGER AS pupils,
      (SELECT sum(year_cost) FROM runs q JOIN merged x USING (intervention_key, layer) WHERE x.layer = m.layer) AS budgeted_cost_gbp,
      (SELECT count(*) FILTER (WHERE year_cost IS NULL) FROM runs q JOIN merged x USING (intervention_key, layer) WHERE x.layer = m.layer)::INTEGER AS runs_cost_unknown
    FROM merged m GROUP BY m.layer ORDER BY CASE m.layer WHEN 'universal' THEN 0 WHEN 'targeted' THEN 1 ELSE 2 END`,
	examples: [
		{ year: '2025/26', below: 10 },
		{ year: '2026/27', below: 20 }
	]
});
export type StrategyBySchool = z.infer<typeof strategyBySchool.row>;
