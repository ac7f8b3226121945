import type { Db } from '../db/types';
import { academicYearOf } from './filters';

export interface FilterOptions {
	schools: string[];
	academicYears: string[];
	yearGroups: string[];
}

const yearOrder = ['N1', 'N2', 'R', ...Array.from({ length: 14 }, (_, i) => String(i + 1))];

/** The choices the filter bar offers: only values present in the loaded data. */
export async function filterOptions(db: Db): Promise<FilterOptions> {
	const schools = await db.query<{ v: string }>(`SELECT DISTINCT school AS v FROM pupils ORDER BY 1`);
	const years = await db.query<{ v: string }>(`SELECT DISTINCT year_group AS v FROM pupils`);
	const dates = await db.query<{ d: string }>(`SELECT DISTINCT d FROM (SELECT start_date AS d FROM plans UNION SELECT review_due FROM plans) WHERE d IS NOT NULL`);
	const academicYears = [...new Set(dates.map((r) => academicYearOf(r.d)))].sort();
	return {
		schools: schools.map((r) => r.v),
		academicYears,
		yearGroups: years.map((r) => r.v).sort((a, b) => yearOrder.indexOf(a) - yearOrder.indexOf(b))
	};
}
