import type { Scope } from '../metrics/scope';
import { dataset } from './dataset.svelte';
import { glossary } from './leader-lists.svelte';
import { asOfOf, scopeOfPage, type AsOf } from './scope-of-page';
import { settings } from './settings.svelte';
import { undoneMatches } from './undone-matches.svelte';

/** The one place a page's Scope is built, from the URL, the settings, the glossary, the export dates loaded and the wording matches undone. Read inside `$derived`, it follows every one of them. */
export function pageScope(url: URL): Scope {
	return scopeOfPage(url, settings.value, glossary.value, dataset.exports, undoneMatches.value);
}

/** The page's as-of date and where it comes from, to say beside the figures. */
export function pageAsOf(url: URL): AsOf {
	return asOfOf(url, dataset.exports);
}
