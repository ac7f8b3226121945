import { z } from 'zod';
import { needAreaLabels } from '../contract/enums';
import { empty, sql, type Sql } from '../db/sql';
import { pupilWhere } from './facts';
import { broadAreaSql, orderOf } from './register';
import type { Db } from '../db/types';
import { col, metric, runMetric } from './registry';
import { makeScope, type Filters } from './scope';

/**
 * The register on every snapshot date: for each date any school in the filters exported on, each
 * school's latest snapshot on or before it (a school that exported less often is counted as it last
 * stood). The snapshot filter does not narrow the trend; the other filters do.
 */
function registerOverTimeSql(filters: Filters): Sql {
	const ofSchool = filters.school ? sql`WHERE school = ${filters.school}` : empty;
	return sql`SELECT c.census, sp.school, sp.pupil_id, sp.year_group, sp.sen_stage, sp.primary_need
    FROM (SELECT d.census, s.school, max(s.snapshot) AS snapshot
          FROM (SELECT DISTINCT snapshot AS census FROM snapshots ${ofSchool}) d JOIN snapshots s ON s.snapshot <= d.census
          GROUP BY d.census, s.school) c
    JOIN snapshot_pupils sp ON sp.school = c.school AND sp.snapshot = c.snapshot
    WHERE ${pupilWhere(filters, 'sp')}`;
}

export const snapshotsBySchool = metric({
	id: 'snapshots_by_school',
	describe: "Each school's snapshots (exports by date), with the pupils at SEN support or with an EHC plan on each",
	row: z.object({ school: col.text, snapshot: col.date, pupils: col.int }),
	sql: (s) => sql`
    SELECT s.school, strftime(s.snapshot, '%Y-%m-%d') AS snapshot,
      count(sp.pupil_id) FILTER (WHERE sp.sen_stage IN ('K', 'E'))::INTEGER AS pupils
    FROM snapshots s LEFT JOIN snapshot_pupils sp ON sp.school = s.school AND sp.snapshot = s.snapshot
    ${s.filters.school ? sql`WHERE s.school = ${s.filters.school}` : empty}
    GROUP BY s.school, s.snapshot ORDER BY s.school, s.snapshot`
});

export const registerTrend = metric({
	id: 'register_trend',
	describe: 'Pupils at SEN support and with an EHC plan on each snapshot date, and how many of them had a plan in force then',
	row: z.object({ census: col.date, sen_support: col.int, ehc_plan: col.int, pupils: col.int, with_plan: col.int, coverage: col.num.nullable() }),
	sql: (s) => sql`
    SELECT strftime(census, '%Y-%m-%d') AS census, sen_support, ehc_plan, pupils, with_plan, with_plan / nullif(pupils, 0) AS coverage FROM (
      SELECT r.census, count(*) FILTER (WHERE r.sen_stage = 'K')::INTEGER AS sen_support, count(*) FILTER (WHERE r.sen_stage = 'E')::INTEGER AS ehc_plan,
        count(*) FILTER (WHERE r.sen_stage IN ('K', 'E'))::INTEGER AS pupils,
        count(*) FILTER (WHERE r.sen_stage IN ('K', 'E') AND EXISTS (SELECT 1 FROM plans pl WHERE pl.school = r.school AND pl.pupil_id = r.pupil_id
          AND pl.start_date <= r.census AND (pl.reviewed_on IS NULL OR pl.reviewed_on >= r.census)))::INTEGER AS with_plan
      FROM (${registerOverTimeSql(s.filters)}) r GROUP BY r.census)
    ORDER BY census`
});

export const needsTrend = metric({
	id: 'needs_trend',
	describe: 'Pupils at SEN support or with an EHC plan by the broad area of their primary need, on each snapshot date',
	row: z.object({ census: col.date, need_area: col.text, pupils: col.int }),
	sql: (s) => sql`
    SELECT strftime(r.census, '%Y-%m-%d') AS census, ${broadAreaSql('r.primary_need')} AS need_area, count(*)::INTEGER AS pupils
    FROM (${registerOverTimeSql(s.filters)}) r WHERE r.sen_stage IN ('K', 'E')
    GROUP BY 1, 2 ORDER BY census, ${orderOf('need_area', Object.keys(needAreaLabels))}`
});

/** Each loaded school's latest export date (YYYY-MM-DD), by school. */
export type ExportDates = Record<string, string>;

/**
 * The date of each school's latest export (its latest snapshot; each import is a snapshot dated by
 * its export, the files' own date unless changed). Figures are worked out as of it unless another
 * date is chosen, so an export opened months later still reads as it stood on the day it was taken.
 * Reads no scope: it says what the scope's date is by default.
 */
export const latestExports = metric({
	id: 'latest_exports',
	describe: "Each school's latest export date (its latest snapshot): the date figures are worked out as of unless another is chosen",
	row: z.object({ school: col.text, exported: col.date }),
	sql: () => sql`SELECT school, strftime(max(snapshot), '%Y-%m-%d') AS exported FROM snapshots GROUP BY school ORDER BY school`,
	finish: (rows): ExportDates => Object.fromEntries(rows.map((r) => [r.school, r.exported]))
});

/**
 * The default as-of date: the chosen school's latest export, else the latest export loaded of any
 * school; null when the data holds no export date (nothing loaded, or a copy kept before snapshots).
 */
export function exportDateFor(exports: ExportDates, school: string | null): string | null {
	if (school && exports[school]) return exports[school];
	const dates = Object.values(exports).sort();
	return dates.at(-1) ?? null;
}

/** The export dates of what `db` holds, read before any page's scope exists (the metric reads none). */
export const exportDatesOf = (db: Db): Promise<ExportDates> => runMetric(db, latestExports, makeScope({ asOf: '1970-01-01' }), undefined);
