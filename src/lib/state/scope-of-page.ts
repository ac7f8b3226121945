import { formatDate } from '../format';
import type { GlossaryEntry } from '../quality/acronyms';
import { makeScope, type Scope } from '../metrics/scope';
import { exportDateFor, type ExportDates } from '../metrics/snapshots';
import type { UndoneMatch } from '../settings/lineage';
import type { Settings } from '../settings/schema';
import { chosenAsOf, filtersFromUrl, today, type ViewParams } from './url-filters';

/** The date figures are worked out as of, and where it comes from (said beside them). */
export interface AsOf {
	date: string;
	/**
	 * `chosen`: picked by the user (`as_of` in the URL, `--as-of` on the command line); `export`: the
	 * latest export loaded, the chosen school's own when one is chosen; `today`: the data holds no
	 * export date (nothing loaded, or a copy kept before exports were dated).
	 */
	from: 'chosen' | 'export' | 'today';
	/** The date used when none is chosen: the latest export loaded (of `school`, when one is chosen). */
	exported: string | null;
	/** The school whose latest export that is, when one school is chosen. */
	school: string | null;
}

/** The as-of date of a view: the one chosen, else the date of the latest export loaded (the chosen school's), never silently today. */
export function asOfOf(url: ViewParams, exports: ExportDates): AsOf {
	const chosen = chosenAsOf(url);
	const filtered = filtersFromUrl(url).school;
	const school = filtered && exports[filtered] ? filtered : null;
	const exported = exportDateFor(exports, school);
	if (chosen) return { date: chosen, from: 'chosen', exported, school };
	if (!exported) return { date: today(), from: 'today', exported, school };
	return { date: exported, from: 'export', exported, school };
}

/**
 * The one function that builds a Scope, for the pages, the governors' report and the command line:
 * filters, the as-of date and the funding stream from the URL (the command line writes its options
 * as one); rates, term dates and the threshold from the costing settings; the glossary; the wording
 * matches undone; and, when no
 * date is chosen, the date of the latest export loaded (`exports`, from the `latest_exports` metric).
 * Pure, so the demo's figures can be worked out ahead of time (data/pack-demo.ts) under exactly the
 * key a page asks them by.
 */
export function scopeOfPage(url: ViewParams, settings: Settings, glossary: GlossaryEntry[], exports: ExportDates, undoneMatches: UndoneMatch[] = []): Scope {
	const params = url instanceof URL ? url.searchParams : url;
	return makeScope({
		asOf: asOfOf(url, exports).date,
		filters: filtersFromUrl(url),
		costing: { rates: settings.staff_rates, termDates: settings.term_dates, thresholdGbp: settings.threshold_gbp, fundingStream: params.get('fund') || null },
		glossary,
		undoneMatches
	});
}

/** Where the date comes from, in words, to follow "Figures as of 20 March 2026,": "the date of the latest export loaded". */
export function asOfReason(asOf: AsOf, todayIso: string = today()): string {
	const latest = asOf.school ? `${asOf.school}'s latest export` : 'the latest export loaded';
	if (asOf.from === 'export') return `the date of ${latest}`;
	if (asOf.from === 'today') return 'today: the data loaded holds no export date';
	const chosen = asOf.date === todayIso ? 'today, the date you chose' : 'the date you chose';
	return asOf.exported ? `${chosen} (${latest} is dated ${formatDate(asOf.exported)})` : chosen;
}
