import { z } from 'zod';
import { join, raw, sql, type Sql } from '../db/sql';
import { gainVerdict, meanInterval } from '../stats/compare';
import { EEF_DOSE, LOW_DELIVERY_SHARE, type DoseBand } from '../stats/dose';
import { SMALL_NUMBER } from '../stats/small-number';
import { statusCounts, withRates, withVersusRest } from './achievement';
import { allocationGainsSql, costProgressPoints, type CostProgressParams } from './entry-exit';
import { pupilKeySql, pupilWhere, statusCountsSql, targetFactsSql } from './facts';
import { interventionNamesSql, provisionRunsSql } from './provision-runs';
import { col, metric } from './registry';
import type { Scope } from './scope';

/**
 * Was it delivered? (docs/delivery.md) Sessions planned against sessions that ran, the minutes each
 * pupil received, and the dose against the EEF's ranges. Where a run has rows in the sessions log,
 * the log decides how many sessions were planned and ran; otherwise the allocations' counts do (the
 * largest given for any of its places: a place is at most the whole run). With neither, delivery is
 * not known: null, never taken as every planned session.
 */

const band = z.enum(['below', 'within', 'above', 'not_known']);

/**
 * One part of the dose against its EEF range; a missing value is not known, never within. Each part is
 * counted to the nearest whole minute, session a week or week, as the ranges are written: a run planned
 * three times a week that ran 29 of its 30 sessions ran about three times a week.
 */
function partBandSql(x: string, range: { low: number; high: number }): Sql {
	const v = raw(`round(${x})`);
	return sql`CASE WHEN ${v} IS NULL THEN 'not_known' WHEN ${v} < ${range.low} THEN 'below' WHEN ${v} > ${range.high} THEN 'above' ELSE 'within' END`;
}

/**
 * The dose of a run from its parts: a known part below its range is enough to say below (that much is
 * certain whatever the rest); otherwise a missing part leaves it not known; then above, then within.
 */
function overallBandSql(parts: string[]): Sql {
	const list = raw(`[${parts.join(', ')}]`);
	return sql`CASE WHEN list_contains(${list}, 'below') THEN 'below' WHEN list_contains(${list}, 'not_known') THEN 'not_known'
    WHEN list_contains(${list}, 'above') THEN 'above' ELSE 'within' END`;
}

/** Each run's sessions log: sessions logged (every planned session, run or not) and those that ran. */
const logSql = sql`SELECT school, provision_id, count(*)::INTEGER AS logged, count(*) FILTER (WHERE delivered)::INTEGER AS ran FROM sessions GROUP BY ALL`;

/**
 * Each place (allocation) of the runs in scope: the sessions that ran while the pupil had it (the
 * run's log when it has one, else the place's own count), those the pupil attended (recorded, else
 * the sessions that ran × the place's attendance_pct), and the minutes received.
 */
function placesSql(s: Scope): Sql {
	return sql`SELECT a.school, a.provision_id, a.pupil_id, r.intervention_key, r.intervention, r.minutes_per_session,
      CASE WHEN l.logged IS NOT NULL THEN l.ran ELSE a.sessions_delivered END AS sessions_delivered,
      CASE WHEN a.sessions_attended IS NOT NULL THEN a.sessions_attended::DOUBLE
           WHEN a.attendance_pct IS NOT NULL THEN (CASE WHEN l.logged IS NOT NULL THEN l.ran ELSE a.sessions_delivered END) * a.attendance_pct / 100 END AS sessions_attended,
      CASE WHEN a.sessions_attended IS NOT NULL THEN 'recorded'
           WHEN a.attendance_pct IS NOT NULL AND (l.logged IS NOT NULL OR a.sessions_delivered IS NOT NULL) THEN 'attendance_pct' END AS attended_from
    FROM allocations a
    JOIN (${provisionRunsSql(s)}) r ON r.school = a.school AND r.provision_id = a.provision_id
    LEFT JOIN (${logSql}) l ON l.school = a.school AND l.provision_id = a.provision_id`;
}

const receivedSql = (s: Scope): Sql => sql`SELECT *, sessions_attended * minutes_per_session AS minutes_received FROM (${placesSql(s)})`;

/** One row per run in scope with its delivery, dose parts and bands, and its costs per session delivered and per hour received. */
export function deliveryRunsSql(s: Scope): Sql {
	// The delivered dose counts the sessions that ran a week; the planned dose, the sessions a week planned.
	const parts = (perWeek: string) => ({
		minutes: partBandSql('minutes_per_session', EEF_DOSE.minutes),
		perWeek: partBandSql(perWeek, EEF_DOSE.perWeek),
		weeks: partBandSql('dose_weeks', EEF_DOSE.weeks)
	});
	const d = parts('delivered_per_week');
	const p = parts('sessions_per_week');
	return sql`SELECT *,
      ${d.minutes} AS minutes_band, ${d.perWeek} AS per_week_band, ${d.weeks} AS weeks_band,
      ${overallBandSql([String(d.minutes), String(d.perWeek), String(d.weeks)])} AS dose_band,
      ${overallBandSql([String(p.minutes), String(p.perWeek), String(p.weeks)])} AS planned_dose_band
    FROM (SELECT *, sessions_delivered / nullif(sessions_planned, 0) AS delivered_share,
        sessions_delivered / dose_weeks AS delivered_per_week,
        run_cost / nullif(sessions_delivered, 0) AS cost_per_session_delivered,
        run_cost / nullif(hours_received, 0) AS cost_per_hour_received
      FROM (SELECT r.school, r.provision_id, r.intervention_key, r.intervention, r.run_cost, r.sessions_per_week, r.minutes_per_session,
          -- Weeks as planned: given, or from the dates of a run that has ended. An ongoing run's weeks so far are not its length.
          CASE WHEN r.weeks IS NOT NULL OR r.end_date IS NOT NULL THEN r.run_weeks END AS dose_weeks,
          CASE WHEN l.logged IS NOT NULL THEN 'sessions' WHEN pl.planned IS NOT NULL THEN 'allocations' END AS source,
          coalesce(l.logged, pl.planned) AS sessions_planned,
          CASE WHEN l.logged IS NOT NULL THEN l.ran ELSE pl.delivered END AS sessions_delivered,
          coalesce(h.places, 0)::INTEGER AS places, coalesce(h.places_received_known, 0)::INTEGER AS places_received_known,
          -- Hours received only when every place's minutes are known: a part would make the cost per hour look higher than it was.
          CASE WHEN h.places > 0 AND h.places = h.places_received_known THEN h.minutes / 60 END AS hours_received
        FROM (${provisionRunsSql(s)}) r
        LEFT JOIN (${logSql}) l ON l.school = r.school AND l.provision_id = r.provision_id
        LEFT JOIN (SELECT school, provision_id, max(sessions_planned) AS planned, max(sessions_delivered) AS delivered FROM allocations
          WHERE sessions_planned IS NOT NULL AND sessions_delivered IS NOT NULL GROUP BY ALL) pl ON pl.school = r.school AND pl.provision_id = r.provision_id
        LEFT JOIN (SELECT school, provision_id, count(*) AS places, count(minutes_received) AS places_received_known, sum(minutes_received) AS minutes
          FROM (${receivedSql(s)}) GROUP BY ALL) h ON h.school = r.school AND h.provision_id = r.provision_id
        WHERE r.period_share > 0))`;
}

const runRow = z.object({
	school: col.text,
	provision_id: col.text,
	intervention_key: col.text,
	intervention: col.text,
	/** 'sessions' (the log), 'allocations' (the places' counts) or null: no delivery data. */
	source: z.enum(['sessions', 'allocations']).nullable(),
	sessions_planned: col.int.nullable(),
	sessions_delivered: col.int.nullable(),
	delivered_share: col.num.nullable(),
	sessions_per_week: col.num.nullable(),
	minutes_per_session: col.num.nullable(),
	dose_weeks: col.num.nullable(),
	delivered_per_week: col.num.nullable(),
	minutes_band: band,
	per_week_band: band,
	weeks_band: band,
	dose_band: band,
	/** The dose as planned (sessions a week as planned): labelled planned wherever shown. */
	planned_dose_band: band,
	run_cost: col.num.nullable(),
	places: col.int,
	places_received_known: col.int,
	hours_received: col.num.nullable(),
	cost_per_session_delivered: col.num.nullable(),
	cost_per_hour_received: col.num.nullable()
});

const lowDelivery = (share: number | null) => (share === null ? null : share < LOW_DELIVERY_SHARE);

export const deliveryByRun = metric({
	id: 'delivery_by_run',
	describe: 'Each run: sessions planned and delivered, the dose against the EEF ranges (below, within, above, not known), cost per session delivered and per hour received',
	row: runRow,
	sql: (s) => sql`SELECT ${join(Object.keys(runRow.shape).map((k) => raw(k)))} FROM (${deliveryRunsSql(s)}) ORDER BY intervention, school, provision_id`,
	finish: (rows) => rows.map((r) => ({ ...r, low_delivery: lowDelivery(r.delivered_share) }))
});
export type DeliveryRun = ReturnType<typeof deliveryByRun.finish>[number];

const interventionRow = z.object({
	intervention_key: col.text,
	intervention: col.text,
	runs: col.int,
	runs_with_delivery: col.int,
	sessions_planned: col.int.nullable(),
	sessions_delivered: col.int.nullable(),
	delivered_share: col.num.nullable(),
	runs_below: col.int,
	runs_within: col.int,
	runs_above: col.int,
	runs_dose_not_known: col.int,
	/** Of the runs of known cost and delivery. */
	cost_per_session_delivered: col.num.nullable(),
	runs_cost_per_session: col.int,
	/** Of the runs of known cost whose every place's minutes received are known. */
	cost_per_hour_received: col.num.nullable(),
	runs_cost_per_hour: col.int
});

/** Delivery per intervention: its runs with delivery data added up (sessions of each run), the others counted apart. */
export const deliveryByIntervention = metric({
	id: 'delivery_by_intervention',
	describe: 'Per intervention: delivered share of planned sessions over its runs with delivery data, runs by dose band, cost per session delivered and per hour received',
	row: interventionRow,
	sql: (s) => sql`
    SELECT r.intervention_key, any_value(n.name) AS intervention, count(*)::INTEGER AS runs, count(r.source)::INTEGER AS runs_with_delivery,
      sum(r.sessions_planned)::INTEGER AS sessions_planned, sum(r.sessions_delivered)::INTEGER AS sessions_delivered,
      sum(r.sessions_delivered) / nullif(sum(r.sessions_planned), 0) AS delivered_share,
      count(*) FILTER (WHERE r.dose_band = 'below')::INTEGER AS runs_below, count(*) FILTER (WHERE r.dose_band = 'within')::INTEGER AS runs_within,
      count(*) FILTER (WHERE r.dose_band = 'above')::INTEGER AS runs_above, count(*) FILTER (WHERE r.dose_band = 'not_known')::INTEGER AS runs_dose_not_known,
      sum(r.run_cost) FILTER (WHERE r.cost_per_session_delivered IS NOT NULL) / nullif(sum(r.sessions_delivered) FILTER (WHERE r.cost_per_session_delivered IS NOT NULL), 0) AS cost_per_session_delivered,
      count(r.cost_per_session_delivered)::INTEGER AS runs_cost_per_session,
      sum(r.run_cost) FILTER (WHERE r.cost_per_hour_received IS NOT NULL) / nullif(sum(r.hours_received) FILTER (WHERE r.cost_per_hour_received IS NOT NULL), 0) AS cost_per_hour_received,
      count(r.cost_per_hour_received)::INTEGER AS runs_cost_per_hour
    FROM (${deliveryRunsSql(s)}) r JOIN (${interventionNamesSql}) n ON n.key = r.intervention_key
    GROUP BY r.intervention_key ORDER BY intervention`,
	finish: (rows) => rows.map((r) => ({ ...r, low_delivery: lowDelivery(r.delivered_share) }))
});
export type DeliveryIntervention = ReturnType<typeof deliveryByIntervention.finish>[number];

/** The whole scope: how many runs have delivery data at all (none: the pages say so and keep planned figures, labelled as planned). */
export const deliveryTotals = metric({
	id: 'delivery_totals',
	describe: 'Runs, runs with delivery data, sessions planned and delivered over those, and runs under the low-delivery line',
	row: z.object({
		runs: col.int,
		runs_with_delivery: col.int,
		sessions_planned: col.int.nullable(),
		sessions_delivered: col.int.nullable(),
		delivered_share: col.num.nullable(),
		runs_low: col.int
	}),
	sql: (s) => sql`SELECT count(*)::INTEGER AS runs, count(source)::INTEGER AS runs_with_delivery,
      sum(sessions_planned)::INTEGER AS sessions_planned, sum(sessions_delivered)::INTEGER AS sessions_delivered,
      sum(sessions_delivered) / nullif(sum(sessions_planned), 0) AS delivered_share,
      count(*) FILTER (WHERE delivered_share < ${LOW_DELIVERY_SHARE})::INTEGER AS runs_low
    FROM (${deliveryRunsSql(s)})`,
	finish: (rows) => ({ ...rows[0], low_delivery_share: LOW_DELIVERY_SHARE })
});

/** Minutes each pupil actually received of each run (their places), filtered pupils only. */
export const minutesReceived = metric({
	id: 'minutes_received',
	describe: 'Each place: sessions delivered and attended, and the minutes the pupil actually received (not known without attendance)',
	row: z.object({
		school: col.text,
		provision_id: col.text,
		pupil_id: col.text,
		intervention: col.text,
		sessions_delivered: col.int.nullable(),
		sessions_attended: col.num.nullable(),
		attended_from: z.enum(['recorded', 'attendance_pct']).nullable(),
		minutes_per_session: col.num.nullable(),
		minutes_received: col.num.nullable()
	}),
	sql: (s) => sql`SELECT r.school, r.provision_id, r.pupil_id, r.intervention, r.sessions_delivered, r.sessions_attended, r.attended_from, r.minutes_per_session, r.minutes_received
    FROM (${receivedSql(s)}) r JOIN pupils p ON p.school = r.school AND p.pupil_id = r.pupil_id
    WHERE ${pupilWhere(s.filters)} ORDER BY r.intervention, r.school, r.provision_id, r.pupil_id`
});

const bandOrder = (x: string) => raw(`CASE ${x} WHEN 'below' THEN 1 WHEN 'within' THEN 2 WHEN 'above' THEN 3 ELSE 4 END`);

/**
 * Target achievement by the dose its provision had. A target linked to several runs takes the
 * lowest: below if any was below, else not known if any was not known, else within, else above.
 * The three known bands are compared with each other (each against the rest of the known); targets
 * of runs whose dose is not known are shown apart, with no verdict.
 */
export const achievementByDose = metric({
	id: 'achievement_by_dose',
	describe: 'Target achievement by the dose band of the runs it was linked to, with Wilson intervals and verdicts against the other known bands',
	row: statusCounts.extend({ dose_band: band }),
	sql: (s) => sql`
    WITH runs AS (SELECT school, provision_id, dose_band, CASE dose_band WHEN 'below' THEN 1 WHEN 'not_known' THEN 2 WHEN 'within' THEN 3 ELSE 4 END AS rank
      FROM (${deliveryRunsSql(s)})),
    banded AS (SELECT t.school, t.target_id, any_value(t.status) AS status, arg_min(r.dose_band, r.rank) AS dose_band
      FROM (${targetFactsSql(s)}) t JOIN target_provisions tp ON tp.school = t.school AND tp.target_id = t.target_id
      JOIN runs r ON r.school = tp.school AND r.provision_id = tp.provision_id GROUP BY ALL)
    SELECT dose_band, ${statusCountsSql} FROM banded GROUP BY dose_band ORDER BY ${bandOrder('dose_band')}`,
	finish: (rows) => {
		const known = withVersusRest(rows.filter((r) => r.dose_band !== 'not_known'));
		const unknown = rows.filter((r) => r.dose_band === 'not_known').map((r) => ({ ...withRates(r), versus_rest: null }));
		return [...known, ...unknown];
	}
});
export type DoseAchievement = ReturnType<typeof achievementByDose.finish>[number];

/** Mean entry-to-exit gains by the dose band of each place's run and measure, with the interval's verdict (never a claim beyond it). */
export const gainsByDose = metric({
	id: 'gains_by_dose',
	describe: 'Mean entry-to-exit gain by dose band and measure, with 95% intervals and their verdicts',
	row: z.object({ dose_band: band, measure: col.text, allocations: col.int, pupils: col.int, mean_gain: col.num.nullable(), gain_sd: col.num.nullable() }),
	sql: (s) => sql`
    SELECT * FROM (SELECT r.dose_band, g.measure, count(*)::INTEGER AS allocations, count(DISTINCT ${pupilKeySql('g')})::INTEGER AS pupils, avg(g.gain) AS mean_gain, stddev_samp(g.gain) AS gain_sd
      FROM (${allocationGainsSql(s)}) g JOIN (${deliveryRunsSql(s)}) r ON r.school = g.school AND r.provision_id = g.provision_id
      GROUP BY r.dose_band, g.measure)
    ORDER BY measure, ${bandOrder('dose_band')}`,
	finish: (rows) =>
		rows.map((r) => {
			const ci = meanInterval(r.mean_gain, r.gain_sd, r.allocations);
			return { ...r, gain_ci_low: ci?.low ?? null, gain_ci_high: ci?.high ?? null, gain_verdict: gainVerdict(ci, r.allocations), small_number: r.allocations < SMALL_NUMBER };
		})
});
export type DoseGain = ReturnType<typeof gainsByDose.finish>[number];

/**
 * Cost against progress with the cost of what was delivered: each intervention's cost per pupil ×
 * the share of its costed runs' cost that paid for sessions that ran (each run's cost × its delivered
 * share; a cancelled session's staff time went elsewhere). An intervention with a costed run that
 * recorded no delivery drops out (its delivered cost is not known, never the planned one); "more than
 * most" is judged again among those left.
 */
export const deliveredCostProgressPoints = metric({
	id: 'delivered_cost_progress_points',
	describe: 'Cost of what was delivered per pupil against progress, one point per intervention with delivery recorded',
	row: costProgressPoints.row,
	sql: (s, p: CostProgressParams) => sql`
    SELECT * REPLACE (quantile_disc(cost_per_pupil_gbp, 0.5) OVER () AS median_cost_gbp)
    FROM (SELECT c.* REPLACE (c.cost_per_pupil_gbp * d.delivered_share AS cost_per_pupil_gbp)
      FROM (${costProgressPoints.sql(s, p)}) c
      JOIN (SELECT intervention_key, sum(run_cost * delivered_share) / nullif(sum(run_cost), 0) AS delivered_share FROM (${deliveryRunsSql(s)}) WHERE run_cost IS NOT NULL
        GROUP BY ALL HAVING count(*) FILTER (WHERE delivered_share IS NULL) = 0) d
        ON d.intervention_key = c.intervention_key
      WHERE d.delivered_share IS NOT NULL)
    ORDER BY intervention_key`,
	finish: costProgressPoints.finish,
	examples: [
		{ y: 'rate', minBase: 0 },
		{ y: 'standardised_score', minBase: 0 }
	]
});

export type { DoseBand };
