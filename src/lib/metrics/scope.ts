import { z } from 'zod';
import { keyStages, senStage, yearGroup } from '../contract/enums';
import { defaultGlossary, type GlossaryEntry } from '../quality/acronyms';
import type { UndoneMatch } from '../settings/lineage';
import { defaultSettings, type StaffRate } from '../settings/schema';
import { defaultTermDates, termRange, type TermDates } from '../settings/terms';

/** What every page can be narrowed by; lives in the URL, never any data. */
export const filtersSchema = z.object({
	school: z.string().min(1).nullable().default(null),
	academicYear: z
		.string()
		.regex(/^\d{4}\/\d{2}$/)
		.nullable()
		.default(null),
	term: z.enum(['autumn', 'spring', 'summer']).nullable().default(null),
	keyStage: z.enum(keyStages).nullable().default(null),
	yearGroup: yearGroup.nullable().default(null),
	senStage: senStage.nullable().default(null),
	/** The register as exported on this date (each school's latest snapshot on or before it); null = the latest. */
	snapshot: z.iso.date().nullable().default(null)
});
export type Filters = z.infer<typeof filtersSchema>;
export const noFilters: Filters = filtersSchema.parse({});

/** How provision is costed: the school's rates, terms, the notional SEN threshold and a funding stream to keep. */
export interface Costing {
	rates: StaffRate[];
	termDates: TermDates;
	/** The notional SEN threshold, a sum a year. */
	thresholdGbp: number;
	/** Funding stream to keep (matched ignoring case and spaces), or null for all. */
	fundingStream: string | null;
}

/**
 * Everything a figure depends on besides the data: filters, the as-of date, costing, the
 * glossary and the wording matches undone. Every metric is a function of one Scope (and its own parameters), so a figure's cache
 * key is its id, its parameters and the whole scope: nothing else can make it stale.
 */
export interface Scope {
	filters: Filters;
	asOf: string;
	costing: Costing;
	glossary: GlossaryEntry[];
	/** Target links "matched by wording" that the SENDCo undid: the lineage metrics treat them as not linked. */
	undoneMatches: UndoneMatch[];
}

const defaultCosting: Costing = {
	rates: defaultSettings.staff_rates,
	termDates: defaultTermDates,
	thresholdGbp: defaultSettings.threshold_gbp,
	fundingStream: null
};

export function makeScope(parts: { asOf: string; filters?: Partial<Filters>; costing?: Partial<Costing>; glossary?: GlossaryEntry[]; undoneMatches?: UndoneMatch[] }): Scope {
	return {
		filters: filtersSchema.parse(parts.filters ?? {}),
		asOf: parts.asOf,
		costing: { ...defaultCosting, ...parts.costing },
		glossary: parts.glossary ?? defaultGlossary,
		undoneMatches: parts.undoneMatches ?? []
	};
}

/** The same scope with other filters (e.g. another period, one school). */
export function withFilters(scope: Scope, filters: Partial<Filters>): Scope {
	return { ...scope, filters: { ...scope.filters, ...filters } };
}

export const scopeKey = (scope: Scope): string => JSON.stringify(scope);

export interface Period {
	from: string;
	to: string;
	label: string;
}

/** The academic year (1 September – 31 August) a date falls in, as `2025/26`. */
export function academicYearOf(isoDate: string): string {
	const [y, m] = isoDate.split('-').map(Number);
	const start = m >= 9 ? y : y - 1;
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Dates of the chosen academic year and term (the school's term dates); a term alone means this year's. */
export function periodOf(scope: Pick<Scope, 'filters' | 'asOf'> & { costing: Pick<Costing, 'termDates'> }): Period | null {
	const { filters, asOf } = scope;
	if (!filters.academicYear && !filters.term) return null;
	const year = filters.academicYear ?? academicYearOf(asOf);
	const start = Number(year.slice(0, 4));
	if (!filters.term) return { from: `${start}-09-01`, to: `${start + 1}-08-31`, label: year };
	const { from, to } = termRange(filters.term, start, scope.costing.termDates);
	const label = `${filters.term[0].toUpperCase()}${filters.term.slice(1)} ${year}`;
	return { from, to, label };
}

/** The period before the scope's: the previous term, or the previous year. */
export function previousPeriodScope(scope: Scope): Scope {
	const year = scope.filters.academicYear ?? academicYearOf(scope.asOf);
	const start = Number(year.slice(0, 4));
	const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
	const term = scope.filters.term;
	if (!term) return withFilters(scope, { academicYear: label(start - 1) });
	const order = ['autumn', 'spring', 'summer'] as const;
	const i = order.indexOf(term);
	return withFilters(scope, { academicYear: i === 0 ? label(start - 1) : year, term: order[(i + 2) % 3] });
}

/**
 * The notional SEN threshold is a sum a year. For a year (or whole runs) it applies as it is;
 * for a term it is taken pro rata by days, so a term's costs are not set against a year's budget.
 */
export function thresholdOf(scope: Scope): number {
	const period = periodOf(scope);
	const perYear = scope.costing.thresholdGbp;
	if (!period) return perYear;
	const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
	return days >= 365 ? perYear : (perYear * days) / 365;
}
