import { draftKey, emptyStrategyParts, strategyDraftsSchema, type StrategyParts } from '../settings/strategy';
import { LocalStore } from './local-store.svelte';

/**
 * The school's own parts of each inclusion strategy, one draft per school and academic year: kept
 * with the settings in this browser's local storage and, while keeping is on, in the kept workspace
 * (kept.svelte.ts). Nothing here is worked out from the data.
 */
export const strategyDrafts = new LocalStore('provision-lens:strategy', strategyDraftsSchema, {});

export function draftOf(school: string, year: string): StrategyParts {
	return strategyDrafts.value[draftKey(school, year)] ?? emptyStrategyParts();
}

export function saveDraft(school: string, year: string, parts: StrategyParts) {
	strategyDrafts.save({ ...$state.snapshot(strategyDrafts.value), [draftKey(school, year)]: parts });
}
