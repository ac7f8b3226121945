import { z } from 'zod';
import { yearGroup, senStage, keyStages } from '../contract/enums';
import { lit } from '../validate/sql-text';
import { defaultTermDates, termDatesSchema, termRange } from './terms';

/** What every dashboard can be narrowed by; lives in the URL, never any data. */
export const filtersSchema = z.object({
	school: z.string().min(1).nullable().default(null),
	academicYear: z.string().regex(/^\d{4}\/\d{2}$/).nullable().default(null),
	term: z.enum(['autumn', 'spring', 'summer']).nullable().default(null),
	keyStage: z.enum(keyStages).nullable().default(null),
	yearGroup: yearGroup.nullable().default(null),
	senStage: senStage.nullable().default(null),
	/** The school's term dates (from settings, never the URL); null = the defaults. */
	terms: termDatesSchema.nullable().default(null)
});
export type Filters = z.infer<typeof filtersSchema>;
export const noFilters: Filters = filtersSchema.parse({});

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
export function periodOf(filters: Filters, asOf: string): Period | null {
	if (!filters.academicYear && !filters.term) return null;
	const year = filters.academicYear ?? academicYearOf(asOf);
	const start = Number(year.slice(0, 4));
	if (!filters.term) return { from: `${start}-09-01`, to: `${start + 1}-08-31`, label: year };
	const { from, to } = termRange(filters.term, start, filters.terms ?? defaultTermDates);
	const label = `${filters.term[0].toUpperCase()}${filters.term.slice(1)} ${year}`;
	return { from, to, label };
}

/** Year groups of a key stage (metrics.md). */
export const yearsOfKeyStage: Record<(typeof keyStages)[number], string[]> = {
	EYFS: ['N1', 'N2', 'R'],
	KS1: ['1', '2'],
	KS2: ['3', '4', '5', '6'],
	KS3: ['7', '8', '9'],
	KS4: ['10', '11'],
	KS5: ['12', '13', '14']
};

/** SQL condition on a pupils alias `p` for the school, key stage, year group and SEN stage filters. */
export function pupilWhere(filters: Filters, p = 'p'): string {
	const parts = ['TRUE'];
	if (filters.school) parts.push(`${p}.school = ${lit(filters.school)}`);
	if (filters.keyStage) parts.push(`${p}.year_group IN (${yearsOfKeyStage[filters.keyStage].map(lit).join(', ')})`);
	if (filters.yearGroup) parts.push(`${p}.year_group = ${lit(filters.yearGroup)}`);
	if (filters.senStage) parts.push(`${p}.sen_stage = ${lit(filters.senStage)}`);
	return parts.join(' AND ');
}

export function dateLit(iso: string): string {
	return `DATE ${lit(iso)}`;
}
