import { makeScope, type Scope } from '../metrics/scope';
import { dataset } from './dataset.svelte';
import { glossary } from './leader-lists.svelte';
import { settings } from './settings.svelte';
import { asOfFromUrl, filtersFromUrl } from './url-filters';

/**
 * The one place a page's Scope is built: filters, the as-of date and the funding stream from the
 * URL; rates, term dates and the threshold from the costing settings; the glossary. Read inside
 * `$derived`, it follows every one of them.
 */
export function pageScope(url: URL): Scope {
	const s = settings.value;
	return makeScope({
		asOf: asOfFromUrl(url, dataset.defaultAsOf),
		filters: filtersFromUrl(url),
		costing: { rates: s.staff_rates, termDates: s.term_dates, thresholdGbp: s.threshold_gbp, fundingStream: url.searchParams.get('fund') || null },
		glossary: glossary.value
	});
}
