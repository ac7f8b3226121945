import { z } from 'zod';
import { broadAreaOfCode, keyStages, needAreaLabels } from '../contract/enums';
import { empty, join, raw, sql, type Sql } from '../db/sql';
import { keyStageSql, planFactsSql, pupilWhere } from './facts';
import { registerSql } from './register-sql';
import { col, metric } from './registry';
import type { Scope } from './scope';

/** DfE code → broad area, as SQL generated from the contract's table (metrics.md). */
export const broadAreaSql = (code: string): Sql =>
	sql`CASE ${join(
		Object.entries(broadAreaOfCode).map(([c, area]) => sql`WHEN ${raw(code)} = ${c} THEN ${area}`),
		' '
	)} ELSE 'unknown' END`;
export const orderOf = (x: string, keys: readonly string[]): Sql =>
	sql`CASE ${join(
		keys.map((k, i) => sql`WHEN ${raw(x)} = ${k} THEN ${i}`),
		' '
	)} ELSE 99 END`;

export const pupilsByStage = metric({
	id: 'pupils_by_stage',
	describe: 'Pupils on the register as exported, by SEN stage (K, E, N)',
	row: z.object({ total: col.int, K: col.int, E: col.int, N: col.int }),
	sql: (s) => sql`
    SELECT count(*)::INTEGER AS total, count(*) FILTER (WHERE sen_stage = 'K')::INTEGER AS "K",
      count(*) FILTER (WHERE sen_stage = 'E')::INTEGER AS "E", count(*) FILTER (WHERE sen_stage = 'N')::INTEGER AS "N"
    FROM (${registerSql(s)}) p WHERE ${pupilWhere(s.filters)}`,
	finish: (rows) => rows[0]
});

export const pupilsByNeedArea = metric({
	id: 'pupils_by_need_area',
	describe: 'Pupils at SEN support or with an EHC plan by the broad area of their primary need',
	row: z.object({ need_area: col.text, pupils: col.int }),
	sql: (s) => sql`
    SELECT ${broadAreaSql('p.primary_need')} AS need_area, count(*)::INTEGER AS pupils
    FROM (${registerSql(s)}) p WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E') GROUP BY 1 ORDER BY ${orderOf('need_area', Object.keys(needAreaLabels))}`
});

export const pupilsByKeyStage = metric({
	id: 'pupils_by_key_stage',
	describe: 'Pupils at SEN support or with an EHC plan by key stage',
	row: z.object({ key_stage: col.text, pupils: col.int }),
	sql: (s) => sql`
    SELECT ${keyStageSql('p.year_group')} AS key_stage, count(*)::INTEGER AS pupils
    FROM (${registerSql(s)}) p WHERE ${pupilWhere(s.filters)} AND p.sen_stage IN ('K', 'E') GROUP BY 1 ORDER BY ${orderOf('key_stage', keyStages)}`
});

export const planCounts = metric({
	id: 'plan_counts',
	describe: "Plans running in the period, in force at the as-of date, reviewed, and with the review overdue (14 days' grace)",
	row: z.object({ total: col.int, in_force: col.int, reviewed: col.int, reviews_overdue: col.int }),
	sql: (s) => {
		const as = sql`DATE ${s.asOf}`;
		return sql`
    SELECT count(*)::INTEGER AS total,
      count(*) FILTER (WHERE start_date <= ${as} AND (reviewed_on IS NULL OR reviewed_on >= ${as}))::INTEGER AS in_force,
      count(*) FILTER (WHERE reviewed_on IS NOT NULL AND reviewed_on <= ${as})::INTEGER AS reviewed,
      count(*) FILTER (WHERE (reviewed_on IS NULL OR reviewed_on > ${as}) AND review_due + INTERVAL 14 DAY < ${as})::INTEGER AS reviews_overdue
    FROM (${planFactsSql(s)})`;
	},
	finish: (rows) => rows[0]
});

/** Plans in force at the as-of date whose review is overdue or due within `weeks` weeks. */
function reviewsDueSql(s: Scope, weeks: number): Sql {
	const as = sql`DATE ${s.asOf}`;
	return sql`
    SELECT pl.school, pl.plan_id, pl.pupil_id, pl.case_holder, pl.review_due,
      CASE WHEN pl.review_due + INTERVAL 14 DAY < ${as} THEN 'overdue' ELSE 'due soon' END AS status,
      date_diff('day', ${as}, pl.review_due)::INTEGER AS days
    FROM plan_facts pl
    WHERE ${pupilWhere(s.filters, 'pl')} AND pl.start_date <= ${as} AND (pl.reviewed_on IS NULL OR pl.reviewed_on > ${as})
      AND (pl.review_due + INTERVAL 14 DAY < ${as} OR pl.review_due BETWEEN ${as} - INTERVAL 14 DAY AND ${as} + INTERVAL ${Math.max(0, Math.round(Number(weeks) * 7))} DAY)`;
}

export interface DueParams {
	weeks: number;
	/** The first so many (for the screen), or null for all (for the calendar file and the CSV). */
	limit: number | null;
}

/**
 * Plan reviews that are overdue (no review by the as-of date, and the date set is more than 14 days
 * past) or due within the next weeks, by case holder: the SENDCo's list of what is due.
 */
export const reviewsDue = metric({
	id: 'reviews_due',
	describe: 'Plan reviews overdue or due in the next weeks, by case holder (plan and pupil ids only)',
	row: z.object({
		school: col.text,
		plan_id: col.text,
		pupil_id: col.text,
		case_holder: col.text.nullable(),
		review_due: col.date,
		status: z.enum(['overdue', 'due soon']),
		days: col.int
	}),
	sql: (s, p: DueParams) => sql`${reviewsDueSql(s, p.weeks)}
    ORDER BY coalesce(pl.case_holder, '~'), pl.review_due, pl.school, pl.plan_id
    ${p.limit === null ? empty : sql`LIMIT ${Math.max(0, Math.round(Number(p.limit)))}`}`,
	examples: [{ weeks: 4, limit: null }]
});

/** How many reviews each case holder has overdue and due soon. */
export const reviewsDueByHolder = metric({
	id: 'reviews_due_by_holder',
	describe: 'Plan reviews overdue and due in the next weeks, counted by case holder',
	row: z.object({ case_holder: col.text.nullable(), overdue: col.int, due_soon: col.int, reviews: col.int, all_reviews: col.int }),
	sql: (s, weeks: number) => sql`
    SELECT case_holder, count(*) FILTER (WHERE status = 'overdue')::INTEGER AS overdue,
      count(*) FILTER (WHERE status = 'due soon')::INTEGER AS due_soon, count(*)::INTEGER AS reviews,
      (sum(count(*)) OVER ())::INTEGER AS all_reviews
    FROM (${reviewsDueSql(s, weeks)}) GROUP BY case_holder ORDER BY coalesce(case_holder, '~')`,
	examples: [4]
});
