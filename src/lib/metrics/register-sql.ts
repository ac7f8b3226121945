import { empty, sql, type Sql } from '../db/sql';
import type { Scope } from './scope';

/**
 * The register as each school exported it. The merged tables hold every pupil seen in any snapshot
 * (their old targets need them), so the register itself is read from the snapshot it belongs to:
 * each school's latest snapshot, or its latest on or before the chosen date. A school loaded
 * without snapshots (a workspace saved by an earlier version) counts its pupils as loaded.
 */
export function registerSql(s: Pick<Scope, 'filters'>): Sql {
	const upTo = s.filters.snapshot ? sql`WHERE snapshot <= DATE ${s.filters.snapshot}` : empty;
	return sql`SELECT sp.school, sp.pupil_id, sp.year_group, sp.sen_stage, sp.primary_need
    FROM snapshot_pupils sp JOIN (SELECT school, max(snapshot) AS snapshot FROM snapshots ${upTo} GROUP BY school) c
      ON c.school = sp.school AND c.snapshot = sp.snapshot
    UNION ALL
    SELECT school, pupil_id, year_group, sen_stage, primary_need FROM pupils WHERE school NOT IN (SELECT school FROM snapshots)`;
}
