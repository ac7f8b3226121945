import type { Db } from '../db/types';
import { achievementByIntervention, achievementByNeedArea, targetStatus } from '../metrics/achievement';
import { attainmentBySubject, attainmentGap, attendanceSummary, progressJudgements, type AttainmentGroup } from '../metrics/attainment';
import { costProgressPoints, entryExitByIntervention } from '../metrics/entry-exit';
import { coverage, qualityIndicators, reviewAttendance, reviewDecisions } from '../metrics/plan-quality';
import { costByFundingStream, provisionByIntervention, provisionTotals, staffHoursByRole } from '../metrics/provision';
import { planCounts, pupilsByKeyStage, pupilsByNeedArea, pupilsByStage } from '../metrics/register';
import { registerTrend } from '../metrics/snapshots';
import { ask, runAll, type Answers } from '../metrics/registry';
import { periodOf, previousPeriodScope, type Period, type Scope } from '../metrics/scope';

/** The figures the governors' report is written from: all registered metrics over the report's scope. */
export const reportAsks = (threshold: number) => ({
	stages: ask(pupilsByStage),
	needAreas: ask(pupilsByNeedArea),
	keyStages: ask(pupilsByKeyStage),
	plans: ask(planCounts),
	targets: ask(targetStatus),
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
	registerHistory: ask(registerTrend)
});

/** The figures of the period before, over `previousPeriodScope(scope)`, that the report compares with. */
export const previousAsks = { targets: ask(targetStatus) };

export type ReportFigures = Answers<ReturnType<typeof reportAsks>> & {
	period: Period;
	previousTargets: ReturnType<typeof targetStatus.finish>;
};

/** The report's figures from the two sets of answers; the page (through `Query`) and `reportFigures` both join them here. */
export function joinFigures(scope: Scope, current: Answers<ReturnType<typeof reportAsks>>, previous: Answers<typeof previousAsks>): ReportFigures {
	return { ...current, period: periodOf(scope) as Period, previousTargets: previous.targets };
}

export async function reportFigures(db: Db, scope: Scope, threshold: number): Promise<ReportFigures> {
	const current = await runAll(db, reportAsks(threshold), scope);
	const previous = await runAll(db, previousAsks, previousPeriodScope(scope));
	return joinFigures(scope, current, previous);
}
