import type { Db } from '../db/types';
import { lit } from '../validate/sql-text';
import { costBand } from './cost-bands';
import { pupilWhere, type Filters } from './filters';
import { interventionNamesSql, provisionRunsSql, type CostOptions } from './provision-runs';

export interface InterventionCost {
	intervention: string;
	need_area: string;
	wave: number | null;
	delivered_by: string | null;
	provisions: number;
	pupils: number;
	typical_group_size: number | null;
	sessions_per_week: number | null;
	minutes_per_session: number | null;
	staff_hours_per_week: number;
	weeks: number | null;
	total_cost_gbp: number | null;
	cost_per_pupil_gbp: number | null;
	cost_band: string | null;
	provisions_cost_unknown: number;
	funding_streams: string | null;
}

/**
 * The whole-school provision map, one row per intervention (names grouped ignoring case and spaces).
 * Costs sum the runs of known cost (prorated to the period when one is chosen); runs of unknown
 * cost are counted apart, never as zero. Cost per pupil = that total / the pupils of those runs.
 */
export async function provisionByIntervention(db: Db, filters: Filters, opts: CostOptions): Promise<InterventionCost[]> {
	const rows = await db.query<Omit<InterventionCost, 'cost_band'>>(`
    WITH runs AS (${provisionRunsSql(filters, opts)}),
    names AS (${interventionNamesSql}),
    known_pupils AS (
      SELECT r.intervention_key, count(DISTINCT a.school || '/' || a.pupil_id)::INTEGER AS n FROM runs r
      JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id
      WHERE r.run_cost IS NOT NULL GROUP BY 1)
    SELECT any_value(nm.name) AS intervention, mode(r.need_area) AS need_area, mode(r.wave) AS wave,
      mode(r.delivered_by) AS delivered_by, count(*)::INTEGER AS provisions,
      (SELECT count(DISTINCT a.school || '/' || a.pupil_id) FROM allocations a JOIN runs r2 ON a.school = r2.school AND a.provision_id = r2.provision_id
        WHERE r2.intervention_key = r.intervention_key)::INTEGER AS pupils,
      median(r.shared_by) AS typical_group_size, median(r.sessions_per_week) AS sessions_per_week, median(r.minutes_per_session) AS minutes_per_session,
      coalesce(sum(r.hours_per_week), 0) AS staff_hours_per_week, median(r.run_weeks) AS weeks,
      sum(r.run_cost * r.period_share) AS total_cost_gbp,
      sum(r.run_cost * r.period_share) / nullif(any_value(k.n), 0) AS cost_per_pupil_gbp,
      count(*) FILTER (WHERE r.run_cost IS NULL)::INTEGER AS provisions_cost_unknown,
      string_agg(DISTINCT r.funding_stream, '; ' ORDER BY r.funding_stream) AS funding_streams
    FROM runs r LEFT JOIN known_pupils k USING (intervention_key) JOIN names nm ON nm.key = r.intervention_key
    GROUP BY r.intervention_key ORDER BY total_cost_gbp DESC NULLS LAST, intervention`);
	return rows.map((r) => ({ ...r, cost_band: costBand(r.cost_per_pupil_gbp) }));
}

export interface PupilCost {
	school: string;
	pupil_id: string;
	year_group: string;
	sen_stage: string;
	provisions: number;
	hours_per_week: number;
	cost_gbp: number;
	provisions_cost_unknown: number;
}

/**
 * Each pupil's share of the cost of every run they are allocated to (cost / group size), summed
 * over the period; runs of unknown cost are counted beside the total. Highest cost first.
 */
export async function pupilCosts(db: Db, filters: Filters, opts: CostOptions): Promise<PupilCost[]> {
	return db.query<PupilCost>(`
    WITH runs AS (${provisionRunsSql({ ...filters, keyStage: null, yearGroup: null, senStage: null }, opts)})
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage, count(*)::INTEGER AS provisions,
      coalesce(sum(r.hours_per_week), 0) AS hours_per_week,
      coalesce(sum(r.run_cost * r.period_share / r.shared_by), 0) AS cost_gbp,
      count(*) FILTER (WHERE r.run_cost IS NULL OR r.shared_by IS NULL)::INTEGER AS provisions_cost_unknown
    FROM allocations a
    JOIN runs r ON r.school = a.school AND r.provision_id = a.provision_id
    JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
    WHERE ${pupilWhere(filters)}
    GROUP BY ALL ORDER BY cost_gbp DESC, p.school, p.pupil_id`);
}

export interface StaffHours {
	role: string;
	provisions: number;
	staff_hours_per_week: number;
	provisions_not_quantified: number;
}

/** Staff hours a week by role, over the runs in force at as_of (started, not yet ended). */
export async function staffHoursByRole(db: Db, filters: Filters, opts: CostOptions): Promise<StaffHours[]> {
	return db.query<StaffHours>(`
    WITH runs AS (${provisionRunsSql(filters, opts)})
    SELECT coalesce(mode(delivered_by), 'Not recorded') AS role, count(*)::INTEGER AS provisions,
      coalesce(sum(hours_per_week), 0) AS staff_hours_per_week,
      count(*) FILTER (WHERE hours_per_week IS NULL)::INTEGER AS provisions_not_quantified
    FROM runs WHERE start_date <= DATE ${lit(opts.asOf)} AND (end_date IS NULL OR end_date >= DATE ${lit(opts.asOf)})
    GROUP BY lower(trim(coalesce(delivered_by, ''))) ORDER BY staff_hours_per_week DESC`);
}

export interface MissingRun {
	school: string;
	provision_id: string;
	intervention: string;
	problem: string;
}

export interface MissingPupil {
	school: string;
	pupil_id: string;
	year_group: string;
	sen_stage: string;
}

/** What the provision map cannot cost or place: listed, never counted as zero. */
export async function provisionGaps(db: Db, filters: Filters, opts: CostOptions): Promise<{ runs: MissingRun[]; pupilsWithout: MissingPupil[] }> {
	const runs = await db.query<MissingRun>(`
    WITH runs AS (${provisionRunsSql(filters, opts)})
    SELECT school, provision_id, intervention, problem FROM (
      SELECT *, unnest([
        CASE WHEN sessions_per_week IS NULL OR minutes_per_session IS NULL THEN 'not quantified: no ' ||
          concat_ws(' or ', CASE WHEN sessions_per_week IS NULL THEN 'sessions a week' END, CASE WHEN minutes_per_session IS NULL THEN 'minutes a session' END) END,
        CASE WHEN end_date IS NULL AND weeks IS NULL THEN 'no end date or weeks: costed to the as-of date' END,
        CASE WHEN run_cost IS NULL THEN 'cost unknown: ' || cost_unknown_reason END,
        CASE WHEN pupils_allocated = 0 THEN 'no pupils allocated' END
      ]) AS problem FROM runs)
    WHERE problem IS NOT NULL ORDER BY school, provision_id, problem`);
	const pupilsWithout = await db.query<MissingPupil>(`
    SELECT p.school, p.pupil_id, p.year_group, p.sen_stage FROM pupils p
    WHERE ${pupilWhere(filters)} AND p.sen_stage IN ('K', 'E')
      AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.school = p.school AND a.pupil_id = p.pupil_id)
    ORDER BY p.school, p.pupil_id`);
	return { runs, pupilsWithout };
}

export interface MapCell {
	intervention: string;
	column: string;
	pupils: number;
	hours_per_week: number;
}

/** The provision map laid out with interventions down and year groups, need areas or waves across. */
export async function provisionMapCells(db: Db, filters: Filters, opts: CostOptions, by: 'year_group' | 'need_area' | 'wave'): Promise<MapCell[]> {
	const column = by === 'year_group' ? 'p.year_group' : by === 'need_area' ? 'r.need_area' : `coalesce('Wave ' || r.wave, 'Wave not recorded')`;
	return db.query<MapCell>(`
    WITH runs AS (${provisionRunsSql(filters, opts)})
    SELECT any_value(nm.name) AS intervention, ${column} AS "column", count(DISTINCT a.school || '/' || a.pupil_id)::INTEGER AS pupils,
      coalesce(sum(DISTINCT r.hours_per_week), 0) AS hours_per_week
    FROM runs r JOIN allocations a ON a.school = r.school AND a.provision_id = r.provision_id
    JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id JOIN (${interventionNamesSql}) nm ON nm.key = r.intervention_key
    WHERE ${pupilWhere(filters)}
    GROUP BY r.intervention_key, ${column}`);
}

export interface PupilProvision {
	provision_id: string;
	intervention: string;
	need_area: string;
	delivered_by: string | null;
	start_date: string;
	end_date: string | null;
	hours_per_week: number | null;
	shared_by: number | null;
	share_gbp: number | null;
	plan_id: string | null;
	targets: string | null;
	measure: string | null;
	entry_value: number | null;
	exit_value: number | null;
	attendance_pct: number | null;
}

/** One pupil's provision map: each run with their share of its cost and what it is for. */
export async function pupilProvisionMap(db: Db, school: string, pupilId: string, filters: Filters, opts: CostOptions): Promise<PupilProvision[]> {
	return db.query<PupilProvision>(`
    WITH runs AS (${provisionRunsSql({ ...filters, school, keyStage: null, yearGroup: null, senStage: null }, opts)})
    SELECT r.provision_id, r.intervention, r.need_area, r.delivered_by, r.start_date, r.end_date, r.hours_per_week, r.shared_by,
      r.run_cost * r.period_share / r.shared_by AS share_gbp, a.plan_id,
      (SELECT string_agg(t.target_id, ', ' ORDER BY t.target_id) FROM target_provisions tp
        JOIN targets t ON t.school = tp.school AND t.target_id = tp.target_id
        JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
        WHERE tp.school = r.school AND tp.provision_id = r.provision_id AND pl.pupil_id = a.pupil_id) AS targets,
      a.measure, a.entry_value, a.exit_value, a.attendance_pct
    FROM allocations a JOIN runs r ON r.school = a.school AND r.provision_id = a.provision_id
    WHERE a.school = ${lit(school)} AND a.pupil_id = ${lit(pupilId)}
    ORDER BY r.start_date, r.provision_id`);
}

/** Funding streams present, for the filter. */
export async function fundingStreams(db: Db): Promise<string[]> {
	const rows = await db.query<{ v: string }>(`SELECT DISTINCT trim(funding_stream) AS v FROM provisions WHERE funding_stream IS NOT NULL ORDER BY 1`);
	return rows.map((r) => r.v);
}
