import { z } from 'zod';

/**
 * Term boundaries within an academic year (1 September – 31 August), as month-day. The defaults are
 * metrics.md's: autumn from 1 September, spring from 1 January, summer from 1 April. A school may set
 * its own in the costing settings; every term filter, prorated cost and trend then follows them.
 */
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
export const termDatesSchema = z
	.object({ spring_start: monthDay, summer_start: monthDay })
	.refine((t) => t.spring_start < t.summer_start && t.summer_start <= '08-31', { message: 'spring must start in the new calendar year before summer, and summer before 1 September' });
export type TermDates = z.infer<typeof termDatesSchema>;
export const defaultTermDates: TermDates = { spring_start: '01-01', summer_start: '04-01' };

const dayBefore = (year: number, md: string) => {
	const d = new Date(Date.UTC(year, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) - 86_400_000);
	return d.toISOString().slice(0, 10);
};

/** The first and last day of a term of the academic year starting in September of `startYear`. */
export function termRange(term: 'autumn' | 'spring' | 'summer', startYear: number, t: TermDates = defaultTermDates): { from: string; to: string } {
	const next = startYear + 1;
	if (term === 'autumn') return { from: `${startYear}-09-01`, to: dayBefore(next, t.spring_start) };
	if (term === 'spring') return { from: `${next}-${t.spring_start}`, to: dayBefore(next, t.summer_start) };
	return { from: `${next}-${t.summer_start}`, to: `${next}-08-31` };
}
