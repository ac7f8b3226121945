import type { Db } from '../db/types';
import { achievementAgainstPrevious, achievementByIntervention, achievementByNeedArea, targetStatus } from '../metrics/achievement';
import { attainmentBySubject, attainmentGap, attendanceSummary, progressJudgements, type AttainmentGroup } from '../metrics/attainment';
import { deliveryByIntervention, deliveryTotals } from '../metrics/delivery';
import { costProgressPoints, entryExitByIntervention } from '../metrics/entry-exit';
import { coverage, qualityIndicators, reviewAttendance, reviewDecisions } from '../metrics/plan-quality';
import { costByFundingStream, provisionByIntervention, provisionTotals, staffHoursByRole } from '../metrics/provision';
import { planCounts, pupilsByKeyStage, pupilsByNeedArea, pupilsByStage } from '../metrics/register';
import { registerTrend } from '../metrics/snapshots';
import { filterOptions, latestPeriodWithData } from '../metrics/options';
import { ask, runAll, type Answers } from '../metrics/registry';
import { academicYearOf, periodOf, type Period, type Scope } from '../metrics/scope';

/** What the report page asks first: the choices it offers, and the latest period with data (its year until one is chosen). */
export const reportChoiceAsks = { available: ask(filterOptions), latest: ask(latestPeriodWithData) };

/** The report's URL: until a year is chosen, the latest one with data (a report of this year is empty before any target falls due). */
export function reportUrl(url: URL, base: Scope, latest: string | null): URL {
	if (base.filters.academicYear) return url;
	const out = new URL(url);
	out.searchParams.set('year', latest ?? academicYearOf(base.asOf));
	return out;
}

/** The figures the governors' report is written from: all registered metrics over the report's scope. */
export const reportAsks = (threshold: number) => ({
	stages: ask(pupilsByStage),
	needAreas: ask(pupilsByNeedArea),
	keyStages: ask(pupilsByKeyStage),
	plans: ask(planCounts),
	targets: ask(targetStatus),
	againstPrevious: ask(achievementAgainstPrevious),
	areas: ask(achievementByNeedArea),
	interventions: ask(achievementByIntervention),
	points: ask(costProgressPoints, { y: 'rate', minBase: threshold }),
	provision: ask(provisionByIntervention),
	totals: ask(provisionTotals),
	funding: ask(costByFundingStream),
	staff: ask(staffHoursByRole),
	indicators: ask(qualityIndicators, null),
	cover: ask(coverage),
	decisions: ask(reviewDecisions),
	attendance: ask(reviewAttendance),
	entryExit: ask(entryExitByIntervention),
	attainmentGap: ask(attainmentGap),
	attainmentStages: ask(attainmentBySubject, 'sen_stage' as AttainmentGroup),
	progress: ask(progressJudgements),
	pupilAttendance: ask(attendanceSummary),
	registerHistory: ask(registerTrend),
	delivery: ask(deliveryByIntervention),
	deliveryTotals: ask(deliveryTotals)
});

export type ReportFigures = Answers<ReturnType<typeof reportAsks>> & { period: Period };

/** The report's figures with its period; the page (through `Query`) and `reportFigures` both join them here. */
export function joinFigures(scope: Scope, current: Answers<ReturnType<typeof reportAsks>>): ReportFigures {
	return { ...current, period: periodOf(scope) as Period };
}

export async function reportFigures(db: Db, scope: Scope, threshold: number): Promise<ReportFigures> {
	return joinFigures(scope, await runAll(db, reportAsks(threshold), scope));
}
