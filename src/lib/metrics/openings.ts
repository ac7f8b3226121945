import { achievementByIntervention, achievementByNeedArea, achievementTrend, targetStatus } from './achievement';
import { attainmentBySubject, attainmentGap, attainmentTrend, attendanceByGroup, attendanceSummary, progressJudgements, pupilsBehindNoChange, type AttainmentGroup } from './attainment';
import { attendanceByIntervention, costProgressPoints, entryExitByIntervention, gainPoints } from './entry-exit';
import { achievementByDose, deliveryByIntervention, deliveryTotals, gainsByDose } from './delivery';
import { caseHolders, fundingStreams } from './options';
import { filterOptionsAsks, overviewFigureAsks } from './overview';
import { acronymUsage } from './plain-language';
import { coverage, plansByIndicatorsMissed, plansNeedingAttention, pupilsWithoutProgress, qualityIndicators, reviewDecisions } from './plan-quality';
import { provisionByIntervention, provisionTotals, pupilCosts, pupilsOverThreshold, staffHoursByRole, provisionGapRuns, pupilsWithoutProvision } from './provision';
import { ask, type Ask } from './registry';
import { achievementBySchool, planQualityBySchool, provisionCostBySchool, registerBySchool, trustScope } from './schools';
import type { Scope } from './scope';

/**
 * The figures each page shows as it opens, with no filter and its choices as they start: the demo's
 * are worked out ahead of time under the keys the pages ask by (src/lib/state/demo-figures.ts), so a
 * first visit to any page draws at once. The pages take their first choices and their parameters from
 * here, so that what they ask for and what was worked out ahead cannot drift apart (a browser test,
 * tests/browser/first-figures.test.ts, opens each page with the engine held back to make sure).
 */

/** How many rows a list shows before "download all". */
export const PUPIL_COSTS_SHOWN = 100;
export const PLANS_NEEDING_ATTENTION_SHOWN = 100;
export const PUPILS_WITHOUT_PROGRESS_SHOWN = 50;

/** The choices each page opens with. */
export const firstChoices = {
	/** Impact: targets by area of need. */
	impactGroup: 'need_area',
	/** Impact: cost against the achievement rate. */
	costProgressY: 'rate',
	/** Attainment: by subject only. */
	attainmentGroup: 'all' as AttainmentGroup,
	/** Attendance: by SEN stage. */
	attendanceGroup: 'sen_stage' as Exclude<AttainmentGroup, 'all'>
} as const;

export const plansNeedingAttentionAsk = (caseHolder: string | null) => ask(plansNeedingAttention, { caseHolder, limit: PLANS_NEEDING_ATTENTION_SHOWN });
export const costProgressAsk = (y: string) => ask(costProgressPoints, { y, minBase: 0 });

/** A page's opening figures, and the scope it asks them over when not the page's own (the trust's: every school). */
export interface Opening {
	asks: Ask[];
	scope?: (scope: Scope) => Scope;
}

/** Every figure of each page's opening view (the report's, which depend on its own first answers, are in src/lib/state/demo-figures.ts). */
export const openings: Record<string, Opening> = {
	'/': { asks: overviewFigureAsks },
	'/provision-map': {
		asks: [
			...Object.values(filterOptionsAsks),
			ask(fundingStreams),
			ask(provisionTotals),
			ask(provisionByIntervention),
			ask(deliveryByIntervention),
			ask(deliveryTotals),
			ask(staffHoursByRole),
			ask(pupilCosts, PUPIL_COSTS_SHOWN),
			ask(pupilsOverThreshold),
			ask(provisionGapRuns),
			ask(pupilsWithoutProvision)
		]
	},
	'/impact': {
		asks: [
			...Object.values(filterOptionsAsks),
			ask(targetStatus),
			ask(achievementByIntervention),
			ask(deliveryByIntervention),
			ask(deliveryTotals),
			ask(achievementByDose),
			ask(gainsByDose),
			ask(entryExitByIntervention),
			costProgressAsk(firstChoices.costProgressY),
			ask(gainPoints, null),
			ask(attendanceByIntervention),
			ask(achievementTrend),
			ask(achievementByNeedArea)
		]
	},
	'/quality': {
		asks: [
			...Object.values(filterOptionsAsks),
			ask(caseHolders),
			ask(qualityIndicators, null),
			ask(coverage),
			ask(plansByIndicatorsMissed, null),
			plansNeedingAttentionAsk(null),
			ask(acronymUsage),
			ask(reviewDecisions),
			ask(pupilsWithoutProgress, PUPILS_WITHOUT_PROGRESS_SHOWN)
		]
	},
	'/attainment': {
		asks: [
			...Object.values(filterOptionsAsks),
			ask(attainmentBySubject, firstChoices.attainmentGroup),
			ask(attainmentGap),
			ask(progressJudgements),
			ask(attainmentTrend),
			ask(attendanceSummary),
			ask(attendanceByGroup, firstChoices.attendanceGroup),
			ask(pupilsBehindNoChange)
		]
	},
	'/trust': {
		asks: [...Object.values(filterOptionsAsks), ask(registerBySchool), ask(achievementBySchool), ask(targetStatus), ask(provisionCostBySchool), ask(planQualityBySchool)],
		scope: trustScope
	}
};
