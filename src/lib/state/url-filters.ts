import { filtersSchema, type Filters } from '../metrics/scope';

/** Filters and as_of live in the URL (so a view can be bookmarked); data never does. */
const keys: Record<keyof Filters, string> = {
	school: 'school',
	academicYear: 'year',
	term: 'term',
	keyStage: 'ks',
	yearGroup: 'yg',
	senStage: 'stage',
	snapshot: 'snapshot'
};

export function today(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A page's URL, or its query alone (the command line builds one from its options). */
export type ViewParams = URL | URLSearchParams;
const paramsOf = (url: ViewParams): URLSearchParams => (url instanceof URL ? url.searchParams : url);

/** The filters in the URL (the only place they live). */
export function filtersFromUrl(url: ViewParams): Filters {
	const params = paramsOf(url);
	const raw = Object.fromEntries(Object.entries(keys).map(([k, p]) => [k, params.get(p) || null]));
	const parsed = filtersSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	// Keep the valid parts of a hand-edited URL, drop the rest.
	const clean: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(raw)) {
		const one = filtersSchema.safeParse({ [k]: v });
		if (one.success) clean[k] = v;
	}
	return filtersSchema.parse(clean);
}

/** The as-of date chosen in the URL, or null when none is (or it is not a date). */
export function chosenAsOf(url: ViewParams): string | null {
	const v = paramsOf(url).get('as_of');
	return v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** The as-of date in the URL, else `fallback`. */
export function asOfFromUrl(url: ViewParams, fallback: string = today()): string {
	return chosenAsOf(url) ?? fallback;
}

/** The same page with one query parameter set (or removed when `value` is empty). */
export function urlWithParam(url: URL, name: string, value: string | null): string {
	const next = new URL(url);
	if (value) next.searchParams.set(name, value);
	else next.searchParams.delete(name);
	return `${next.pathname}${next.search}`;
}

/** The same page with these filters and as-of date; the page's own parameters (a layout, a funding stream) are kept. */
export function urlWith(url: URL, filters: Filters, asOf: string | null): string {
	const params = new URLSearchParams(url.search);
	for (const [k, p] of Object.entries(keys)) {
		const v = filters[k as keyof typeof keys];
		params.delete(p);
		if (v) params.set(p, v);
	}
	params.delete('as_of');
	if (asOf) params.set('as_of', asOf);
	const q = params.toString();
	return `${url.pathname}${q ? `?${q}` : ''}`;
}

/** What a view is narrowed by, kept on every link between pages: the date, the filters and the funding stream. */
export const keptParams: readonly string[] = ['as_of', ...Object.values(keys), 'fund'];

/**
 * A link to another page keeping the date, school and filters of the page it is on: `path` is the
 * page's resolved path (`resolve('/report')`), `from` the URL of the page the link is on. Every link
 * between pages (the menu and those within pages) is written with it.
 */
export function linkKeeping(path: string, from: URL): string {
	const params = new URLSearchParams();
	for (const k of keptParams) {
		const v = from.searchParams.get(k);
		if (v) params.set(k, v);
	}
	const q = params.toString();
	return q ? `${path}?${q}` : path;
}
