import { z } from 'zod';
import { raw, sql, type Sql } from '../db/sql';
import { costBand } from './cost-bands';
import { limitSql, pupilKeySql, pupilWhere } from './facts';
import { interventionNamesSql, provisionRunsSql } from './provision-runs';
import { col, metric } from './registry';
import { thresholdOf, withFilters, type Scope } from './scope';

/**
 * The whole-school provision map, one row per intervention (names grouped ignoring case and spaces).
 * Costs sum the runs of known cost (prorated to the period when one is chosen); runs of unknown
 * cost are counted apart, never as zero. Cost per pupil = that total / the pupils of those runs.
 */
export function provisionByInterventionSql(s: Scope): Sql {
	return sql`
    WITH runs AS (${provisionRunsSql(s)}),
    names AS (${interventionNamesSql}),
    known_pupils AS (
      SELECT r.intervention_key, count(DISTINCT ${pupilKeySql('a')})::INTEGER AS n FROM runs r
      JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id
      WHERE r.run_cost IS NOT NULL GROUP BY 1),
    all_pupils AS (
      SELECT r.intervention_key, count(DISTINCT ${pupilKeySql('a')})::INTEGER AS n FROM runs r
      JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id GROUP BY 1)
    SELECT r.intervention_key, any_value(nm.name) AS intervention, mode(r.need_area ORDER BY r.need_area) AS need_area, mode(r.wave ORDER BY r.wave) AS wave,
      mode(r.delivered_by ORDER BY r.delivered_by) AS delivered_by, count(*)::INTEGER AS provisions,
      coalesce(any_value(ap.n), 0)::INTEGER AS pupils,
      median(r.shared_by) AS typical_group_size, median(r.sessions_per_week) AS sessions_per_week, median(r.minutes_per_session) AS minutes_per_session,
      sum(r.hours_per_week) AS staff_hours_per_week, count(*) FILTER (WHERE r.hours_per_week IS NULL)::INTEGER AS provisions_not_quantified, median(r.run_weeks) AS weeks,
      sum(r.run_cost * r.period_share) AS total_cost_gbp,
      sum(r.run_cost * r.period_share) / nullif(any_value(k.n), 0) AS cost_per_pupil_gbp,
      count(*) FILTER (WHERE r.run_cost IS NULL)::INTEGER AS provisions_cost_unknown,
      count(*) FILTER (WHERE r.group_size_assumed)::INTEGER AS provisions_group_assumed,
      count(*) FILTER (WHERE r.costed_to_as_of AND r.run_cost IS NOT NULL)::INTEGER AS provisions_to_as_of,
      string_agg(DISTINCT r.funding_stream, '; ' ORDER BY r.funding_stream) AS funding_streams
    FROM runs r LEFT JOIN known_pupils k USING (intervention_key) LEFT JOIN all_pupils ap USING (intervention_key)
    JOIN names nm ON nm.key = r.intervention_key
    GROUP BY r.intervention_key ORDER BY total_cost_gbp DESC NULLS LAST, intervention`;
}

const interventionCost = z.object({
	intervention_key: col.text,
	intervention: col.text,
	need_area: col.text,
	wave: col.int.nullable(),
	delivered_by: col.text.nullable(),
	provisions: col.int,
	pupils: col.int,
	typical_group_size: col.num.nullable(),
	sessions_per_week: col.num.nullable(),
	minutes_per_session: col.num.nullable(),
	/** Unknown (null) when no run of it says how often and how long. */
	staff_hours_per_week: col.num.nullable(),
	provisions_not_quantified: col.int,
	weeks: col.num.nullable(),
	total_cost_gbp: col.num.nullable(),
	cost_per_pupil_gbp: col.num.nullable(),
	provisions_cost_unknown: col.int,
	/** Runs with no group size, their pupils taken as one group (the typical group and the costs rest on it). */
	provisions_group_assumed: col.int,
	/** Runs of known cost with no end date or weeks, costed to the as-of date. */
	provisions_to_as_of: col.int,
	funding_streams: col.text.nullable()
});

export const provisionByIntervention = metric({
	id: 'provision_by_intervention',
	describe: 'The whole-school provision map: runs, pupils, staff hours and known cost per intervention, with the EEF cost band',
	row: interventionCost,
	sql: provisionByInterventionSql,
	finish: (rows) => rows.map((r) => ({ ...r, cost_band: costBand(r.cost_per_pupil_gbp) }))
});
export type InterventionCost = ReturnType<typeof provisionByIntervention.finish>[number];

export const provisionTotals = metric({
	id: 'provision_totals',
	describe: 'Interventions, runs, the known cost of all of them and the runs of unknown cost (never counted as £0)',
	row: z.object({ interventions: col.int, runs: col.int, total_cost_gbp: col.num.nullable(), runs_cost_unknown: col.int }),
	sql: (s) => sql`
    WITH runs AS (${provisionRunsSql(s)})
    SELECT count(DISTINCT intervention_key)::INTEGER AS interventions, count(*)::INTEGER AS runs,
      sum(run_cost * period_share) AS total_cost_gbp, count(*) FILTER (WHERE run_cost IS NULL)::INTEGER AS runs_cost_unknown
    FROM runs`,
	finish: (rows) => rows[0]
});

/** Each pupil's share of the cost of every run they are allocated to (cost / group size), over the period. */
function pupilCostsSql(s: Scope): Sql {
	return sql`
    WITH runs AS (${provisionRunsSql(withFilters(s, { keyStage: null, yearGroup: null, senStage: null }))})
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage, count(*)::INTEGER AS provisions,
      sum(r.hours_per_week) AS hours_per_week,
      sum(r.run_cost * r.period_share / r.shared_by) AS cost_gbp,
      count(*) FILTER (WHERE r.run_cost IS NULL OR r.shared_by IS NULL)::INTEGER AS provisions_cost_unknown,
      count(*) FILTER (WHERE r.run_cost IS NOT NULL AND r.group_size_assumed)::INTEGER AS provisions_group_assumed,
      count(*) FILTER (WHERE r.run_cost IS NOT NULL AND r.costed_to_as_of)::INTEGER AS provisions_to_as_of,
      (sum(r.run_cost * r.period_share / r.shared_by) > ${Number(thresholdOf(s))}) IS TRUE AS over_threshold,
      (count(*) OVER ())::INTEGER AS all_pupils
    FROM allocations a
    JOIN runs r ON r.school = a.school AND r.provision_id = a.provision_id
    JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
    WHERE ${pupilWhere(s.filters)}
    GROUP BY ALL ORDER BY cost_gbp DESC NULLS LAST, p.school, p.pupil_id`;
}

export const pupilCosts = metric({
	id: 'pupil_costs',
	describe: "Each pupil's share of the cost of their provision, highest first, against the notional SEN threshold",
	row: z.object({
		school: col.text,
		pupil_id: col.text,
		year_group: col.text,
		sen_stage: col.text,
		provisions: col.int,
		hours_per_week: col.num.nullable(),
		cost_gbp: col.num.nullable(),
		provisions_cost_unknown: col.int,
		/** Runs of known cost whose share rests on an assumption: no group size (shared by all their pupils), or no end (costed to the as-of date). */
		provisions_group_assumed: col.int,
		provisions_to_as_of: col.int,
		over_threshold: col.bool,
		/** Every pupil in the list, also when only the first so many are asked for. */
		all_pupils: col.int
	}),
	// `limit` keeps the first so many (highest cost) for the screen; without it (the CSV) every pupil.
	sql: (s, limit?: number | null) => (limit == null ? pupilCostsSql(s) : sql`SELECT * FROM (${pupilCostsSql(s)}) ORDER BY cost_gbp DESC NULLS LAST, school, pupil_id ${limitSql(limit)}`),
	examples: [undefined, 2]
});

export const pupilsOverThreshold = metric({
	id: 'pupils_over_threshold',
	describe: 'Pupils whose provision costs more than the notional SEN threshold (pro rata for a term)',
	row: z.object({ school: col.text, pupil_id: col.text, cost_gbp: col.num, threshold_gbp: col.num }),
	sql: (s) => sql`SELECT school, pupil_id, cost_gbp, ${Number(thresholdOf(s))}::DOUBLE AS threshold_gbp FROM (${pupilCostsSql(s)}) WHERE over_threshold
    ORDER BY cost_gbp DESC, school, pupil_id`
});

export const staffHoursByRole = metric({
	id: 'staff_hours_by_role',
	describe: 'Staff hours a week by role, over the runs in force at the as-of date',
	row: z.object({ role: col.text, provisions: col.int, staff_hours_per_week: col.num.nullable(), provisions_not_quantified: col.int }),
	sql: (s) => sql`
    WITH runs AS (${provisionRunsSql(s)})
    SELECT coalesce(mode(delivered_by ORDER BY delivered_by), 'Not recorded') AS role, count(*)::INTEGER AS provisions,
      sum(hours_per_week) AS staff_hours_per_week,
      count(*) FILTER (WHERE hours_per_week IS NULL)::INTEGER AS provisions_not_quantified
    FROM runs WHERE start_date <= DATE ${s.asOf} AND (end_date IS NULL OR end_date >= DATE ${s.asOf})
    GROUP BY lower(trim(coalesce(delivered_by, ''))) ORDER BY staff_hours_per_week DESC NULLS LAST, role`
});

export const costByFundingStream = metric({
	id: 'cost_by_funding_stream',
	describe: 'Runs, pupils and known cost by funding stream',
	row: z.object({ stream: col.text, runs: col.int, pupils: col.int, cost: col.num.nullable(), unknown: col.int }),
	sql: (s) => sql`
    WITH runs AS (${provisionRunsSql(s)}),
    rs AS (SELECT *, coalesce(trim(funding_stream), 'Not recorded') AS stream FROM runs),
    pupils AS (SELECT rs.stream, count(DISTINCT ${pupilKeySql('a')})::INTEGER AS n FROM rs
      JOIN allocations a ON a.school = rs.school AND a.provision_id = rs.provision_id GROUP BY 1)
    SELECT rs.stream, count(*)::INTEGER AS runs, coalesce(any_value(p.n), 0)::INTEGER AS pupils,
      sum(rs.run_cost * rs.period_share) AS cost, count(*) FILTER (WHERE rs.run_cost IS NULL)::INTEGER AS unknown
    FROM rs LEFT JOIN pupils p USING (stream) GROUP BY rs.stream ORDER BY cost DESC NULLS LAST, rs.stream`
});

export const provisionGapRuns = metric({
	id: 'provision_gap_runs',
	describe: 'Runs the provision map cannot fully cost or place, with why',
	row: z.object({ school: col.text, provision_id: col.text, intervention: col.text, problem: col.text }),
	sql: (s) => sql`
    WITH runs AS (${provisionRunsSql(s)})
    SELECT school, provision_id, intervention, problem FROM (
      SELECT *, unnest([
        CASE WHEN sessions_per_week IS NULL OR minutes_per_session IS NULL THEN 'not quantified: no ' ||
          concat_ws(' or ', CASE WHEN sessions_per_week IS NULL THEN 'sessions a week' END, CASE WHEN minutes_per_session IS NULL THEN 'minutes a session' END) END,
        CASE WHEN end_date IS NULL AND weeks IS NULL THEN 'no end date or weeks: costed to the as-of date' END,
        CASE WHEN run_cost IS NULL THEN 'cost unknown: ' || cost_unknown_reason END,
        CASE WHEN pupils_allocated = 0 THEN 'no pupils allocated' END
      ]) AS problem FROM runs)
    WHERE problem IS NOT NULL ORDER BY school, provision_id, problem`
});

export const pupilsWithoutProvision = metric({
	id: 'pupils_without_provision',
	describe: 'Pupils at SEN support or with an EHC plan who have no provision allocated',
	row: z.object({ school: col.text, pupil_id: col.text, year_group: col.text, sen_stage: col.text }),
	sql: (s) => sql`
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage FROM pupils p
    WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E')
      AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.school = p.school AND a.pupil_id = p.pupil_id)
    ORDER BY p.school, p.pupil_id`
});

export const mapLayouts = ['year_group', 'need_area', 'wave'] as const;
export type MapLayout = (typeof mapLayouts)[number];

/**
 * The provision map laid out with interventions down and year groups, need areas or waves across.
 * A cell's hours are the hours of the distinct runs with a pupil in it, each run once (two runs at
 * 1 h a week are 2 h); unknown when no run in the cell is quantified. Runs not quantified add no
 * hours and are counted beside them, so a partial sum never passes for the whole.
 */
export const provisionMapCells = metric({
	id: 'provision_map_cells',
	describe: 'Pupils and staff hours a week by intervention and year group, area of need or wave',
	row: z.object({
		intervention_key: col.text,
		intervention: col.text,
		column: col.text,
		pupils: col.int,
		hours_per_week: col.num.nullable(),
		runs: col.int,
		runs_not_quantified: col.int
	}),
	sql: (s, by: MapLayout) => {
		const column = raw(by === 'year_group' ? 'p.year_group' : by === 'need_area' ? 'r.need_area' : `coalesce('Wave ' || r.wave, 'Wave not recorded')`);
		return sql`
    WITH runs AS (${provisionRunsSql(s)}),
    placed AS (
      SELECT r.intervention_key, ${column} AS "column", r.school, r.provision_id, r.hours_per_week, ${pupilKeySql('a')} AS pupil
      FROM runs r JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id
      JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
      WHERE ${pupilWhere(s.filters)}),
    cell_runs AS (SELECT DISTINCT intervention_key, "column", school, provision_id, hours_per_week FROM placed),
    hours AS (SELECT intervention_key, "column", sum(hours_per_week) AS hours_per_week, count(*)::INTEGER AS runs,
      count(*) FILTER (WHERE hours_per_week IS NULL)::INTEGER AS runs_not_quantified FROM cell_runs GROUP BY ALL),
    pupils AS (SELECT intervention_key, "column", count(DISTINCT pupil)::INTEGER AS pupils FROM placed GROUP BY ALL)
    SELECT pu.intervention_key, nm.name AS intervention, pu."column", pu.pupils, h.hours_per_week, h.runs, h.runs_not_quantified
    FROM pupils pu JOIN hours h USING (intervention_key, "column") JOIN (${interventionNamesSql}) nm ON nm.key = pu.intervention_key
    ORDER BY intervention, pu."column"`;
	},
	examples: [...mapLayouts]
});

export const pupilProvisionMap = metric({
	id: 'pupil_provision_map',
	describe: "One pupil's provision map: each run with their share of its cost and what it is for",
	row: z.object({
		provision_id: col.text,
		intervention: col.text,
		need_area: col.text,
		delivered_by: col.text.nullable(),
		start_date: col.date,
		end_date: col.date.nullable(),
		hours_per_week: col.num.nullable(),
		shared_by: col.num.nullable(),
		/** No group size recorded: shared by the pupils allocated. */
		group_size_assumed: col.bool,
		costed_to_as_of: col.bool,
		share_gbp: col.num.nullable(),
		plan_id: col.text.nullable(),
		targets: col.text.nullable(),
		measure: col.text.nullable(),
		entry_value: col.num.nullable(),
		exit_value: col.num.nullable(),
		attendance_pct: col.num.nullable()
	}),
	sql: (s, who: { school: string; pupil_id: string }) => sql`
    WITH runs AS (${provisionRunsSql(withFilters(s, { school: who.school, keyStage: null, yearGroup: null, senStage: null }))})
    SELECT r.provision_id, r.intervention, r.need_area, r.delivered_by, r.start_date, r.end_date, r.hours_per_week, r.shared_by,
      r.group_size_assumed, r.costed_to_as_of, r.run_cost * r.period_share / r.shared_by AS share_gbp, a.plan_id,
      (SELECT string_agg(t.target_id, ', ' ORDER BY t.target_id) FROM target_provisions tp
        JOIN targets t ON t.school = tp.school AND t.target_id = tp.target_id
        JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
        WHERE tp.school = r.school AND tp.provision_id = r.provision_id AND pl.pupil_id = a.pupil_id) AS targets,
      a.measure, a.entry_value, a.exit_value, a.attendance_pct
    FROM allocations a JOIN runs r ON r.school = a.school AND r.provision_id = a.provision_id
    WHERE a.school = ${who.school} AND a.pupil_id = ${who.pupil_id}
    ORDER BY r.start_date, r.provision_id`,
	examples: [{ school: 'Oakfield Primary', pupil_id: 'P0001' }]
});
