import type { Db } from '../db/types';
import { achievementByIntervention } from '../metrics/achievement';
import { attendanceByIntervention, entryExitByIntervention } from '../metrics/entry-exit';
import { pupilsByNeedArea, pupilsByStage } from '../metrics/register';
import { ask, runAll, type Answers } from '../metrics/registry';
import { academicYearOf, withFilters, type Scope } from '../metrics/scope';
import { strategyActivities, strategyMerged, strategyTotals, type ImfPart } from '../metrics/strategy';
import { imfShares, type StrategyParts } from '../settings/strategy';
import { publicThresholdUsed } from '../stats/small-number';

/** What the school said the Inclusive Mainstream Fund pays for, as the totals metric takes it. */
export function imfParts(parts: StrategyParts): ImfPart[] {
	return Object.entries(parts.activities).flatMap(([key, a]) => {
		const [intervention_key, layer] = key.split('\u0000');
		if (a.imf === 'none' || !imfShares.includes(a.imf) || layer === undefined) return [];
		if (a.imf === 'part' && a.imf_gbp === null) return [];
		return [{ intervention_key, layer, share: a.imf, gbp: a.imf === 'part' ? a.imf_gbp : null }];
	});
}

/** The strategy's own figures over the page's scope (its school and as-of date): the year's activity and the register. */
export const strategyAsks = (year: string, threshold: number, parts: StrategyParts) => ({
	activities: ask(strategyActivities, { year }),
	merged: ask(strategyMerged, { year, below: publicThresholdUsed(threshold) }),
	totals: ask(strategyTotals, { year, imf: imfParts(parts), allocation: parts.imf_allocation_gbp }),
	stages: ask(pupilsByStage),
	needAreas: ask(pupilsByNeedArea)
});

/** The evidence the data holds for each activity, over the evidence year (`evidenceScope`). */
export const evidenceAsks = () => ({
	achievement: ask(achievementByIntervention),
	entryExit: ask(entryExitByIntervention),
	attendance: ask(attendanceByIntervention)
});

/**
 * Evidence comes from the latest year the data describes: the academic year of the as-of date, or the
 * strategy's own year when that is earlier (a strategy for next year rests on this year's evidence).
 */
export function evidenceYear(year: string, asOf: string): string {
	const now = academicYearOf(asOf);
	return year < now ? year : now;
}

export function evidenceScope(scope: Scope, year: string): Scope {
	return withFilters(scope, { academicYear: evidenceYear(year, scope.asOf), term: null, keyStage: null, yearGroup: null, senStage: null });
}

/** The register as the strategy reads it: its school, as exported, no pupil filters. */
export function strategyScope(scope: Scope): Scope {
	return { ...withFilters(scope, { academicYear: null, term: null, keyStage: null, yearGroup: null, senStage: null }), costing: { ...scope.costing, fundingStream: null } };
}

export type StrategyFigures = Answers<ReturnType<typeof strategyAsks>> & Answers<ReturnType<typeof evidenceAsks>>;

export async function strategyFigures(db: Db, scope: Scope, year: string, threshold: number, parts: StrategyParts): Promise<StrategyFigures> {
	const own = strategyScope(scope);
	const [mine, evidence] = await Promise.all([runAll(db, strategyAsks(year, threshold, parts), own), runAll(db, evidenceAsks(), evidenceScope(own, year))]);
	return { ...mine, ...evidence };
}
