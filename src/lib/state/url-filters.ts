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

/** The filters in the URL (the only place they live). */
export function filtersFromUrl(url: URL): Filters {
	const raw = Object.fromEntries(Object.entries(keys).map(([k, p]) => [k, url.searchParams.get(p) || null]));
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

/** The as-of date in the URL, else `fallback` (today, or the demo's own date while the demo is shown). */
export function asOfFromUrl(url: URL, fallback: string = today()): string {
	const v = url.searchParams.get('as_of');
	return v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : fallback;
}

/** The same page with one query parameter set (or removed when `value` is empty). */
export function urlWithParam(url: URL, name: string, value: string | null): string {
	const next = new URL(url);
	if (value) next.searchParams.set(name, value);
	else next.searchParams.delete(name);
	return `${next.pathname}${next.search}`;
}

export function urlWith(url: URL, filters: Filters, asOf: string | null): string {
	const params = new URLSearchParams();
	for (const [k, p] of Object.entries(keys)) {
		const v = filters[k as keyof typeof keys];
		if (v) params.set(p, v);
	}
	if (asOf) params.set('as_of', asOf);
	const q = params.toString();
	return `${url.pathname}${q ? `?${q}` : ''}`;
}
