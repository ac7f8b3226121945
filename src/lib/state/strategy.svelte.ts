import { draftKey, emptyStrategyParts, type StrategyDrafts, type StrategyParts } from '../settings/strategy';

/**
 * The school's own parts of each inclusion strategy, one draft per school and academic year. They live
 * in the open page's memory only, like the data: kept on this device only when the user turns keeping on
 * (then inside the encrypted kept copy, kept.svelte.ts), or as a file the user downloads and opens again.
 * Nothing here is worked out from the data.
 */
class Drafts {
	value = $state<StrategyDrafts>({});
}

export const strategyDrafts = new Drafts();

export function draftOf(school: string, year: string): StrategyParts {
	return strategyDrafts.value[draftKey(school, year)] ?? emptyStrategyParts();
}

export function saveDraft(school: string, year: string, parts: StrategyParts) {
	strategyDrafts.value = { ...$state.snapshot(strategyDrafts.value), [draftKey(school, year)]: parts };
}
