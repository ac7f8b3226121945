import type { Db } from '../db/types';
import { broadAreaOfCode, needAreaLabels } from '../contract/enums';
import { lit } from '../validate/sql-text';
import { withRates, type Achievement } from './achievement';
import { planFactsSql, statusCountsSql, targetFactsSql } from './facts';
import { dateLit, pupilWhere, type Filters } from './filters';

export interface Overview {
	pupils: {
		total: number;
		by_stage: { K: number; E: number; N: number };
		/** Pupils at K or E by the broad area of their primary need; `unknown` when not recorded. */
		by_need_area: { need_area: string; pupils: number }[];
	};
	plans: { total: number; in_force: number; reviewed: number; reviews_overdue: number };
	targets: Achievement & { total: number };
}

export interface NeedAreaAchievement extends Achievement {
	need_area: string;
}

/** DfE code → broad area, as SQL generated from the contract's table (metrics.md). */
const broadAreaSql = (code: string) =>
	`CASE ${Object.entries(broadAreaOfCode).map(([c, area]) => `WHEN ${code} = ${lit(c)} THEN ${lit(area)}`).join(' ')} ELSE 'unknown' END`;

/** Headline figures of the overview page (metrics.md). */
export async function overview(db: Db, filters: Filters, asOf: string): Promise<Overview> {
	const where = pupilWhere(filters);
	const [stage] = await db.query<{ total: number; K: number; E: number; N: number }>(`
    SELECT count(*)::INTEGER AS total, count(*) FILTER (WHERE sen_stage = 'K')::INTEGER AS "K",
      count(*) FILTER (WHERE sen_stage = 'E')::INTEGER AS "E", count(*) FILTER (WHERE sen_stage = 'N')::INTEGER AS "N"
    FROM pupils p WHERE ${where}`);
	const areaOrder = Object.keys(needAreaLabels);
	const byArea = await db.query<{ need_area: string; pupils: number }>(`
    SELECT ${broadAreaSql('p.primary_need')} AS need_area, count(*)::INTEGER AS pupils
    FROM pupils p WHERE ${where} AND p.sen_stage IN ('K', 'E') GROUP BY 1`);
	byArea.sort((a, b) => areaOrder.indexOf(a.need_area) - areaOrder.indexOf(b.need_area));
	const as = dateLit(asOf);
	const [plans] = await db.query<Overview['plans']>(`
    SELECT count(*)::INTEGER AS total,
      count(*) FILTER (WHERE start_date <= ${as} AND (reviewed_on IS NULL OR reviewed_on >= ${as}))::INTEGER AS in_force,
      count(*) FILTER (WHERE reviewed_on IS NOT NULL AND reviewed_on <= ${as})::INTEGER AS reviewed,
      count(*) FILTER (WHERE (reviewed_on IS NULL OR reviewed_on > ${as}) AND review_due + INTERVAL 14 DAY < ${as})::INTEGER AS reviews_overdue
    FROM (${planFactsSql(filters, asOf)})`);
	const [targets] = await db.query<Overview['targets']>(`
    SELECT count(*)::INTEGER AS total, ${statusCountsSql} FROM (${targetFactsSql(filters, asOf)})`);
	return {
		pupils: { total: stage.total, by_stage: { K: stage.K, E: stage.E, N: stage.N }, by_need_area: byArea },
		plans,
		targets: withRates(targets)
	};
}

/** Target achievement by the area of need each target names. */
export async function achievementByNeedArea(db: Db, filters: Filters, asOf: string): Promise<NeedAreaAchievement[]> {
	const rows = await db.query<NeedAreaAchievement>(`
    SELECT need_area, ${statusCountsSql} FROM (${targetFactsSql(filters, asOf)}) GROUP BY need_area`);
	const order = Object.keys(needAreaLabels);
	return rows.sort((a, b) => order.indexOf(a.need_area) - order.indexOf(b.need_area)).map(withRates);
}
