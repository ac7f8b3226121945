import { achievementByNeedArea, targetStatus } from './achievement';
import { filterOptions } from './options';
import { planCounts, pupilsByNeedArea, pupilsByStage, reviewsDue, reviewsDueByHolder } from './register';
import { ask } from './registry';
import { needsTrend, registerTrend } from './snapshots';

/**
 * The figures the Overview asks for, declared once: the page draws them, and the demo's are worked
 * out ahead of time under the same keys (data/pack-demo.ts), so its first charts need no engine.
 */
export const overviewAsks = {
	stages: ask(pupilsByStage),
	needAreas: ask(pupilsByNeedArea),
	plans: ask(planCounts),
	targets: ask(targetStatus),
	byArea: ask(achievementByNeedArea)
};

export const filterOptionsAsks = { options: ask(filterOptions) };

export const registerTrendAsks = { trend: ask(registerTrend), needs: ask(needsTrend) };

/** Reviews due within this many weeks, and how many of them are listed on the page. */
export const REVIEWS_DUE_WEEKS = 4;
export const REVIEWS_DUE_SHOWN = 25;
export const reviewsDueAsks = {
	holders: ask(reviewsDueByHolder, REVIEWS_DUE_WEEKS),
	first: ask(reviewsDue, { weeks: REVIEWS_DUE_WEEKS, limit: REVIEWS_DUE_SHOWN })
};

/** Every figure of the Overview, as the demo's figures worked out ahead of time hold them. */
export const overviewFigureAsks = [overviewAsks, filterOptionsAsks, registerTrendAsks, reviewsDueAsks].flatMap((asks) => Object.values(asks));
