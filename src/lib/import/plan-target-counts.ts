import type { Db } from '../db/types';
import { lit } from '../validate/sql-text';

/**
 * After-load step of the import (and of opening a saved workspace): each plan's target counts, kept in
 * `plan_target_counts`. How many targets a plan has, how many the SMART checker found not SMART or
 * could not check (`target_checks`), how many have no link to provision, its links to provision and
 * those not quantified: they depend on the data alone, not on any scope, so the plan-quality figures
 * read one row per plan instead of joining every target to its verdict and its links again for each
 * figure (at a million targets, about a second a figure). One pass over the targets: each joined to its
 * verdict and to its links counted beforehand (per target, so a target's links never multiply its rows).
 */
function planTargetCountsSql(school: string | null): string {
	const of = (alias: string) => (school === null ? '' : `WHERE ${alias}.school = ${lit(school)}`);
	return `SELECT t.school, t.plan_id, count(*) AS targets,
    count(*) FILTER (WHERE tc.smart = FALSE) AS not_smart,
    count(*) FILTER (WHERE tc.smart IS NULL) AS smart_unknown,
    count(*) FILTER (WHERE l.target_id IS NULL) AS unlinked,
    sum(l.linked)::BIGINT AS linked, sum(l.unquantified)::BIGINT AS unquantified
  FROM targets t
  LEFT JOIN target_checks tc ON tc.school = t.school AND tc.target_id = t.target_id
  LEFT JOIN (
    SELECT tp.school, tp.target_id, count(pr.provision_id) AS linked,
      count(pr.provision_id) FILTER (WHERE pr.delivered_by IS NULL OR pr.sessions_per_week IS NULL OR pr.minutes_per_session IS NULL) AS unquantified
    FROM target_provisions tp LEFT JOIN provisions pr ON pr.school = tp.school AND pr.provision_id = tp.provision_id
    ${of('tp')} GROUP BY tp.school, tp.target_id) l ON l.school = t.school AND l.target_id = t.target_id
  ${of('t')} GROUP BY t.school, t.plan_id`;
}

/** The statements that work the counts out again for one school's plans, or for every school's. */
export function refreshPlanTargetCountsSql(school: string | null = null): string[] {
	return [`DELETE FROM plan_target_counts ${school === null ? '' : `WHERE school = ${lit(school)}`}`, `INSERT INTO plan_target_counts ${planTargetCountsSql(school)}`];
}

export async function refreshPlanTargetCounts(db: Db, school: string | null = null): Promise<void> {
	for (const sql of refreshPlanTargetCountsSql(school)) await db.exec(sql);
}
