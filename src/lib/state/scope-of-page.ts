import type { GlossaryEntry } from '../quality/acronyms';
import { makeScope, type Scope } from '../metrics/scope';
import type { Settings } from '../settings/schema';
import { asOfFromUrl, filtersFromUrl } from './url-filters';

/**
 * A page's Scope from its parts: filters, the as-of date and the funding stream from the URL; rates,
 * term dates and the threshold from the costing settings; the glossary. Pure, so the demo's figures
 * can be worked out ahead of time (data/pack-demo.ts) under exactly the key a page asks them by.
 */
export function scopeOfPage(url: URL, settings: Settings, glossary: GlossaryEntry[], defaultAsOf: string): Scope {
	return makeScope({
		asOf: asOfFromUrl(url, defaultAsOf),
		filters: filtersFromUrl(url),
		costing: { rates: settings.staff_rates, termDates: settings.term_dates, thresholdGbp: settings.threshold_gbp, fundingStream: url.searchParams.get('fund') || null },
		glossary
	});
}
