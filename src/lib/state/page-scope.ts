import type { Scope } from '../metrics/scope';
import { dataset } from './dataset.svelte';
import { glossary } from './leader-lists.svelte';
import { scopeOfPage } from './scope-of-page';
import { settings } from './settings.svelte';

/** The one place a page's Scope is built, from the URL, the settings and the glossary. Read inside `$derived`, it follows every one of them. */
export function pageScope(url: URL): Scope {
	return scopeOfPage(url, settings.value, glossary.value, dataset.defaultAsOf);
}
