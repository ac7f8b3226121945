import type { Db } from '../db/types';
import { ident, lit } from '../validate/sql-text';

/**
 * Tables worked out from the loaded ones, scope-free, after every import and when a saved workspace
 * is opened (never saved; emptied with the data): figures then read them instead of doing the same
 * joins again for every figure.
 */

/**
 * Each plan with its pupil's year group and SEN stage and its target counts, kept in `plan_facts`:
 * how many targets it has, how many the SMART checker found not SMART (`target_checks`) or could not
 * check (no text), how many have no link to provision, its links to provision and those not
 * quantified, how many have an outcome and how many were achieved (all NULL for a plan with no
 * targets). Every plan figure reads one row per plan instead of joining each plan to its pupil and
 * its targets again (at a million targets, a quarter to half a second a figure). One pass over the
 * targets: each joined to its verdict and to its links counted beforehand (per target, so a target's
 * links never multiply its rows).
 */
function planFactsSql(school: string | null): string {
	const of = (alias: string) => (school === null ? '' : `WHERE ${alias}.school = ${lit(school)}`);
	return `SELECT pl.*, p.year_group, p.sen_stage, c.* EXCLUDE (school, plan_id)
  FROM plans pl
  JOIN pupils p ON p.school = pl.school AND p.pupil_id = pl.pupil_id
  LEFT JOIN (SELECT t.school, t.plan_id, count(*) AS targets,
    count(*) FILTER (WHERE tc.smart = FALSE) AS not_smart,
    count(*) FILTER (WHERE t.target_text IS NULL) AS smart_unknown,
    count(*) FILTER (WHERE l.target_id IS NULL) AS unlinked,
    count(t.outcome) AS reviewed, count(*) FILTER (WHERE t.outcome = 'achieved') AS achieved,
    sum(l.linked)::BIGINT AS linked, sum(l.unquantified)::BIGINT AS unquantified
  FROM targets t
  LEFT JOIN target_checks tc ON tc.school = t.school AND tc.target_id = t.target_id
  LEFT JOIN (
    SELECT tp.school, tp.target_id, count(pr.provision_id) AS linked,
      count(pr.provision_id) FILTER (WHERE pr.delivered_by IS NULL OR pr.sessions_per_week IS NULL OR pr.minutes_per_session IS NULL) AS unquantified
    FROM target_provisions tp LEFT JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id
    ${of('tp')} GROUP BY tp.school, tp.target_id) l ON l.school = t.school AND l.target_id = t.target_id
  ${of('t')} GROUP BY t.school, t.plan_id) c ON c.school = pl.school AND c.plan_id = pl.plan_id
  ${of('pl')}`;
}

/**
 * Each target with its pupil and its effective due date (its own, else its plan's review date), kept
 * in `target_facts`: every achievement figure starts from these (metrics/facts.ts adds the status at
 * the as-of date and the scope's filters), and at a million targets joining targets to plans to
 * pupils again for each figure was most of its time.
 */
function targetFactsSql(school: string | null): string {
	return `SELECT t.school, t.target_id, t.plan_id, t.need_area, t.outcome, p.pupil_id, p.year_group, p.sen_stage,
      p.pupil_premium, p.eal, p.looked_after, p.sex, coalesce(t.due_date, pl.review_due) AS due
    FROM targets t
    JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    JOIN pupils p ON p.school = pl.school AND p.pupil_id = pl.pupil_id
    ${school === null ? '' : `WHERE t.school = ${lit(school)}`}`;
}

const whereSchool = (school: string | null) => (school === null ? '' : `WHERE school = ${lit(school)}`);

/** `plan_facts` worked out again: after the SMART checker, whose verdicts it counts. */
export function refreshPlanFactsSql(school: string | null = null): string[] {
	return [`DELETE FROM ${ident('plan_facts')} ${whereSchool(school)}`, `INSERT INTO ${ident('plan_facts')} BY NAME ${planFactsSql(school)}`];
}

/** `target_facts` worked out again: it needs no verdict, so the import runs it while the checker works. */
export function refreshTargetFactsSql(school: string | null = null): string[] {
	return [`DELETE FROM ${ident('target_facts')} ${whereSchool(school)}`, `INSERT INTO ${ident('target_facts')} ${targetFactsSql(school)}`];
}

/** The statements that work the derived tables out again for one school, or for every school. */
export function refreshDerivedTablesSql(school: string | null = null): string[] {
	return [...refreshPlanFactsSql(school), ...refreshTargetFactsSql(school)];
}

async function run(db: Db, statements: string[]): Promise<void> {
	for (const sql of statements) await db.exec(sql);
}

export const refreshPlanFacts = (db: Db, school: string | null = null) => run(db, refreshPlanFactsSql(school));
export const refreshTargetFacts = (db: Db, school: string | null = null) => run(db, refreshTargetFactsSql(school));
export const refreshDerivedTables = (db: Db, school: string | null = null) => run(db, refreshDerivedTablesSql(school));
