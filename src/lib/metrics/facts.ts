import { yearsOfKeyStage } from '../contract/enums';
import { empty, join, raw, sql, type Sql } from '../db/sql';
import type { TermDates } from '../settings/terms';
import { periodOf, type Filters, type Scope } from './scope';

/** SQL condition on a pupils alias `p` for the school, key stage, year group and SEN stage filters. */
export function pupilWhere(filters: Filters, alias = 'p'): Sql {
	const p = raw(alias);
	const parts = [raw('TRUE')];
	if (filters.school) parts.push(sql`${p}.school = ${filters.school}`);
	if (filters.keyStage) parts.push(sql`${p}.year_group IN (${yearsOfKeyStage[filters.keyStage]})`);
	if (filters.yearGroup) parts.push(sql`${p}.year_group = ${filters.yearGroup}`);
	if (filters.senStage) parts.push(sql`${p}.sen_stage = ${filters.senStage}`);
	return join(parts, ' AND ');
}

/** Whether the filters ask about the pupil (not only the school): a figure over targets then needs each target's pupil. */
export const byPupil = (filters: Filters): boolean => !!(filters.keyStage || filters.yearGroup || filters.senStage);

/** SQL: the key stage of a year group, from the one rule in the contract. */
export function keyStageSql(yearGroup: string): Sql {
	const whens = Object.entries(yearsOfKeyStage).map(([ks, years]) => sql`WHEN ${raw(yearGroup)} IN (${years}) THEN ${ks}`);
	return sql`CASE ${join(whens, ' ')} END`;
}

/** SQL: the term ('Autumn', 'Spring', 'Summer') a date falls in, by the school's term dates. */
export function termOfSql(date: string, t: TermDates): Sql {
	const md = sql`strftime(${raw(date)}, '%m-%d')`;
	return sql`CASE WHEN month(${raw(date)}) >= 9 OR ${md} < ${t.spring_start} THEN 'Autumn' WHEN ${md} < ${t.summer_start} THEN 'Spring' ELSE 'Summer' END`;
}

/**
 * The target facts every achievement figure starts from: each target with its pupil, its
 * effective due date (its own, else the plan's review_due) and its status at `as_of`
 * (metrics.md "Target status"). The period filter keeps targets due within it. The scope-free part
 * (targets joined to plans and pupils) is kept in `target_facts` by the import; `extra` columns may
 * read its pupil characteristics under the alias `p`.
 */
export function targetFactsSql(scope: Scope, extra: Sql[] = []): Sql {
	const period = periodOf(scope);
	const inPeriod = period ? sql`AND p.due BETWEEN DATE ${period.from} AND DATE ${period.to}` : empty;
	return sql`SELECT p.school, p.target_id, p.plan_id, p.need_area, p.outcome, p.pupil_id, p.year_group, p.sen_stage,${join(
		extra.map((x) => sql` ${x},`),
		''
	)}
      p.due,
      CASE WHEN p.outcome IS NOT NULL THEN p.outcome WHEN p.due >= DATE ${scope.asOf} THEN 'open' ELSE 'overdue' END AS status
    FROM target_facts p
    WHERE ${pupilWhere(scope.filters)} ${inPeriod}`;
}

/**
 * Plans of filtered pupils whose span (start to review due) overlaps the period: every plan column,
 * its pupil's year group and SEN stage, and its target counts (kept in `plan_facts` by the import).
 */
export function planFactsSql(scope: Scope): Sql {
	const period = periodOf(scope);
	const inPeriod = period ? sql`AND p.start_date <= DATE ${period.to} AND p.review_due >= DATE ${period.from}` : empty;
	return sql`SELECT * FROM plan_facts p WHERE ${pupilWhere(scope.filters)} ${inPeriod}`;
}

/** Counting by status: the columns every achievement table shares. */
export const statusCountsSql = raw(`count(*) FILTER (WHERE status IN ('achieved', 'partial', 'not_achieved'))::INTEGER AS reviewed,
  count(*) FILTER (WHERE status = 'achieved')::INTEGER AS achieved,
  count(*) FILTER (WHERE status = 'partial')::INTEGER AS partial,
  count(*) FILTER (WHERE status = 'not_achieved')::INTEGER AS not_achieved,
  count(*) FILTER (WHERE status = 'open')::INTEGER AS open,
  count(*) FILTER (WHERE status = 'overdue')::INTEGER AS overdue`);

/**
 * The status counts of rows already counted with `statusCountsSql` (one per pupil, say), added up
 * (every group has rows, so no sum is NULL): counting pupils as rows of a grouped subquery is far
 * cheaper than count(DISTINCT) over targets.
 */
export const summedStatusCountsSql = raw(['reviewed', 'achieved', 'partial', 'not_achieved', 'open', 'overdue'].map((c) => `sum(${c})::INTEGER AS ${c}`).join(', '));

/** `LIMIT n` for a list capped on screen; nothing for the whole list (null, or no limit given). */
export const limitSql = (limit: number | null | undefined): Sql => (limit == null ? empty : sql`LIMIT ${Math.max(0, Math.round(Number(limit)))}`);

/** A pupil counted once across schools. */
export const pupilKeySql = (alias: string): Sql => raw(`${alias}.school || '/' || ${alias}.pupil_id`);
