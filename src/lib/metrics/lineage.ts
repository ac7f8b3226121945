import { z } from 'zod';
import { empty, join, raw, sql, type Sql } from '../db/sql';
import type { UndoneMatch } from '../settings/lineage';
import { limitSql, pupilWhere } from './facts';
import { interventionNamesSql, provisionKeysSql } from './provision-runs';
import { col, metric } from './registry';
import type { Scope } from './scope';

/**
 * Target lineage (docs/target-lineage.md): a target keeps its identity across a pupil's plans.
 * A target continues an earlier one when its `carried_from` names a target of an earlier plan of
 * the same pupil; where it is blank, when its wording matches a target of the same area of need in
 * the pupil's plan just before (word overlap at least WORDING_THRESHOLD, each the other's only best
 * match), unless the SENDCo undid that match (`scope.undoneMatches`). A lineage runs from a target
 * nothing continues from to a target nothing continues.
 */

/** Share of distinct words two targets must have in common (Jaccard: shared / all) to be matched by wording. */
export const WORDING_THRESHOLD = 0.5;
/** Words that say nothing about what a target is: the name placeholder and small joining words. */
export const WORDING_STOP_WORDS = ['pupil', 'child', 'a', 'an', 'the', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'will', 'be', 'able', 'is', 'out'];

export const lineageStatuses = ['met', 'carried', 'changed', 'dropped', 'open'] as const;
export type LineageStatus = (typeof lineageStatuses)[number];

const stopList = raw(`[${WORDING_STOP_WORDS.map((w) => `'${w}'`).join(', ')}]`);
const wordsOf = (text: string): Sql =>
	sql`list_sort(list_distinct(list_filter(string_split(trim(regexp_replace(lower(coalesce(${raw(text)}, '')), '[^a-z0-9]+', ' ', 'g')), ' '), w -> w <> '' AND NOT list_contains(${stopList}, w))))`;

/** The wording matches undone, as rows (school, target_id, prev). They are dropped after matching, so undoing one never makes another. */
function undoneSql(undone: UndoneMatch[]): Sql {
	if (!undone.length) return sql`SELECT NULL::VARCHAR AS school, NULL::VARCHAR AS target_id, NULL::VARCHAR AS prev WHERE FALSE`;
	return sql`SELECT * FROM (VALUES ${join(undone.map((u) => sql`(${u.school}, ${u.target_id}, ${u.prev})`))}) u(school, target_id, prev)`;
}

/**
 * `WITH RECURSIVE … lineage AS (…) <tail>`: one row per lineage (from its first target to its
 * latest), for the filtered pupils' plans started by as_of (one pupil's with `pupil`). `steps` lists
 * its targets in order for the pupil page. The tail selects from `lineage`.
 */
export function lineageSql(scope: Scope, pupil: string | null, tail: Sql): Sql {
	const onePupil = pupil === null ? empty : sql`AND pl.pupil_id = ${pupil}`;
	return sql`WITH RECURSIVE
    pl AS (SELECT pl.school, pl.plan_id, pl.pupil_id, pl.start_date, pl.reviewed_on,
        row_number() OVER (PARTITION BY pl.school, pl.pupil_id ORDER BY pl.start_date, pl.plan_id) AS seq,
        count(*) OVER (PARTITION BY pl.school, pl.pupil_id) AS plans_of_pupil
      FROM plans pl JOIN pupils p ON p.school = pl.school AND p.pupil_id = pl.pupil_id
      WHERE pl.start_date <= DATE ${scope.asOf} AND ${pupilWhere(scope.filters)} ${onePupil}),
    tg AS (SELECT t.school, t.target_id, t.plan_id, t.need_area, t.outcome, t.carried_from, pl.pupil_id, pl.seq, pl.plans_of_pupil,
        pl.start_date, pl.reviewed_on, ${wordsOf('t.target_text')} AS words
      FROM targets t JOIN pl ON pl.school = t.school AND pl.plan_id = t.plan_id),
    given AS (SELECT c.school, c.target_id, e.target_id AS prev FROM tg c
      JOIN tg e ON e.school = c.school AND e.target_id = c.carried_from AND e.pupil_id = c.pupil_id AND e.seq < c.seq),
    candidates AS (SELECT c.school, c.target_id, e.target_id AS prev,
        len(list_intersect(c.words, e.words)) / len(list_distinct(list_concat(c.words, e.words)))::DOUBLE AS likeness
      FROM tg c JOIN tg e ON e.school = c.school AND e.pupil_id = c.pupil_id AND e.seq = c.seq - 1 AND e.need_area = c.need_area
      WHERE len(c.words) > 0 AND len(e.words) > 0
        AND NOT EXISTS (SELECT 1 FROM given g WHERE g.school = c.school AND (g.target_id = c.target_id OR g.prev = e.target_id))),
    best AS (SELECT *, max(likeness) OVER (PARTITION BY school, target_id) AS best_of_later, max(likeness) OVER (PARTITION BY school, prev) AS best_of_earlier
      FROM candidates WHERE likeness >= ${WORDING_THRESHOLD}),
    ties AS (SELECT *, count(*) FILTER (WHERE likeness = best_of_later) OVER (PARTITION BY school, target_id) AS later_ties,
        count(*) FILTER (WHERE likeness = best_of_earlier) OVER (PARTITION BY school, prev) AS earlier_ties FROM best),
    undone AS (${undoneSql(scope.undoneMatches)}),
    links AS (SELECT school, target_id, prev, FALSE AS by_wording FROM given
      UNION ALL SELECT school, target_id, prev, TRUE FROM ties
        WHERE likeness = best_of_later AND likeness = best_of_earlier AND later_ties = 1 AND earlier_ties = 1
          AND NOT EXISTS (SELECT 1 FROM undone u WHERE u.school = ties.school AND u.target_id = ties.target_id AND u.prev = ties.prev)),
    chain AS (SELECT tg.school, tg.target_id, tg.target_id AS first_target, 0 AS carried, FALSE AS changed, FALSE AS by_wording, [tg.target_id] AS steps,
        []::VARCHAR[] AS wording_links
        FROM tg WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.school = tg.school AND l.target_id = tg.target_id)
      UNION ALL
      SELECT l.school, l.target_id, c.first_target, c.carried + 1, c.changed OR n.words <> o.words, c.by_wording OR l.by_wording, list_append(c.steps, l.target_id),
        CASE WHEN l.by_wording THEN list_append(c.wording_links, l.target_id) ELSE c.wording_links END
        FROM chain c JOIN links l ON l.school = c.school AND l.prev = c.target_id
        JOIN tg n ON n.school = l.school AND n.target_id = l.target_id
        JOIN tg o ON o.school = c.school AND o.target_id = c.target_id),
    lineage AS (SELECT c.school, last.pupil_id, first.need_area AS need_area, c.first_target, c.target_id AS last_target, c.carried::INTEGER AS carried,
        c.changed, c.by_wording, c.steps, c.wording_links, last.outcome AS last_outcome,
        CASE WHEN last.outcome = 'achieved' THEN 'met'
             WHEN last.seq < last.plans_of_pupil THEN 'dropped'
             WHEN c.carried = 0 THEN 'open'
             WHEN c.changed THEN 'changed' ELSE 'carried' END AS status,
        strftime(first.start_date, '%Y-%m-%d') AS first_set,
        CASE WHEN last.outcome = 'achieved' THEN strftime(last.reviewed_on, '%Y-%m-%d') END AS met_on,
        CASE WHEN last.outcome = 'achieved' THEN date_diff('day', first.start_date, last.reviewed_on)::INTEGER END AS days_to_met
      FROM chain c
      JOIN tg last ON last.school = c.school AND last.target_id = c.target_id
      JOIN tg first ON first.school = c.school AND first.target_id = c.first_target
      WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.school = c.school AND l.prev = c.target_id))
    ${tail}`;
}

const statusCountsSql = raw(
	[...lineageStatuses.map((s) => `count(*) FILTER (WHERE status = '${s}')::INTEGER AS ${s}`), `count(*) FILTER (WHERE carried >= 2 AND status <> 'met')::INTEGER AS carried_twice_unmet`].join(', ')
);
const timeToMetSql = raw(`count(days_to_met)::INTEGER AS met_with_dates, median(days_to_met)::DOUBLE AS median_days_to_met, avg(days_to_met)::DOUBLE AS mean_days_to_met`);

const lineageCounts = z.object({
	lineages: col.int,
	met: col.int,
	carried: col.int,
	changed: col.int,
	dropped: col.int,
	open: col.int,
	carried_twice_unmet: col.int,
	met_with_dates: col.int,
	median_days_to_met: col.num.nullable(),
	mean_days_to_met: col.num.nullable()
});
export type LineageCounts = z.infer<typeof lineageCounts>;

export const lineageSummary = metric({
	id: 'lineage_summary',
	describe: 'Target lineages by status (met, carried, changed, dropped, open), those carried two or more times without being met, and the days from first set to met',
	row: lineageCounts.extend({ by_wording: col.int }),
	sql: (s) => lineageSql(s, null, sql`SELECT count(*)::INTEGER AS lineages, ${statusCountsSql}, ${timeToMetSql}, count(*) FILTER (WHERE by_wording)::INTEGER AS by_wording FROM lineage`),
	finish: (rows) => rows[0]
});

export const lineageByNeedArea = metric({
	id: 'lineage_by_need_area',
	describe: 'Target lineages by the area of need they were first set in: status, carried two or more times without being met, days to met',
	row: lineageCounts.extend({ need_area: col.text }),
	sql: (s) => lineageSql(s, null, sql`SELECT need_area, count(*)::INTEGER AS lineages, ${statusCountsSql}, ${timeToMetSql} FROM lineage GROUP BY need_area ORDER BY need_area`)
});

/** The group of lineages none of whose targets is linked to a provision. */
export const NO_LINKED_PROVISION_KEY = null;

export const lineageByIntervention = metric({
	id: 'lineage_by_intervention',
	describe: 'Target lineages by intervention (a lineage counts for every intervention any of its targets is linked to, once each)',
	row: lineageCounts.extend({ intervention_key: col.text.nullable(), intervention: col.text.nullable() }),
	sql: (s) =>
		lineageSql(
			s,
			null,
			sql`SELECT k.key AS intervention_key, n.name AS intervention, count(*)::INTEGER AS lineages, ${statusCountsSql}, ${timeToMetSql}
      FROM lineage
      LEFT JOIN (SELECT DISTINCT x.school, x.last_target, pk.key FROM (SELECT school, last_target, unnest(steps) AS target_id FROM lineage) x
          JOIN target_provisions tp ON tp.school = x.school AND tp.target_id = x.target_id
          JOIN (${provisionKeysSql}) pk ON pk.school = tp.school AND pk.provision_id = tp.provision_id) k
        ON k.school = lineage.school AND k.last_target = lineage.last_target
      LEFT JOIN (${interventionNamesSql}) n ON n.key = k.key
      GROUP BY k.key, n.name ORDER BY k.key NULLS LAST`
		)
});

export const lineageRow = z.object({
	school: col.text,
	pupil_id: col.text,
	need_area: col.text,
	first_target: col.text,
	last_target: col.text,
	steps: z.array(col.text),
	/** The steps linked to the step before them by wording only (each can be undone). */
	wording_links: z.array(col.text),
	carried: col.int,
	changed: col.bool,
	by_wording: col.bool,
	status: z.enum(lineageStatuses),
	last_outcome: col.text.nullable(),
	first_set: col.date,
	met_on: col.date.nullable(),
	days_to_met: col.int.nullable()
});
export type Lineage = z.infer<typeof lineageRow>;

export interface LineageListParams {
	/** One pupil's lineages (the pupil page), or every filtered pupil's. */
	pupil: string | null;
	/** Only lineages carried at least this many times and not met (the "carried twice" list); null for all. */
	carriedAtLeast: number | null;
	limit?: number | null;
}

export const lineageList = metric({
	id: 'lineage_list',
	describe: "Target lineages one by one (ids only): a pupil's, or those carried two or more times without being met",
	row: lineageRow,
	sql: (s, p: LineageListParams) =>
		lineageSql(
			s,
			p.pupil,
			sql`SELECT school, pupil_id, need_area, first_target, last_target, steps, wording_links, carried, changed, by_wording, status, last_outcome, first_set, met_on, days_to_met
      FROM lineage ${p.carriedAtLeast === null ? empty : sql`WHERE carried >= ${p.carriedAtLeast} AND status <> 'met'`}
      ORDER BY carried DESC, school, pupil_id, first_set, first_target ${limitSql(p.limit)}`
		),
	examples: [
		{ pupil: null, carriedAtLeast: null },
		{ pupil: null, carriedAtLeast: 2, limit: 10 }
	]
});

/** Each status in words (docs/target-lineage.md), for the pupil page and the lists. */
export const lineageStatusLabels: Record<LineageStatus, string> = {
	met: 'Met',
	carried: 'Carried over, same words',
	changed: 'Carried over, reworded',
	dropped: 'Dropped without being met',
	open: 'Set once, not yet met'
};
