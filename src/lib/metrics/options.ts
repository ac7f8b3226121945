import { z } from 'zod';
import { yearGroupOrder } from '../contract/enums';
import { sql } from '../db/sql';
import { col, metric } from './registry';
import { academicYearOf } from './scope';

// School order (N1, N2, R, 1 … 14). Not zod's `yearGroup.options`, which puts number-like values before N1, N2 and R.
const yearOrder: readonly string[] = yearGroupOrder;

/** The choices the filter bar offers: only values present in the loaded data. */
export const filterOptions = metric({
	id: 'filter_options',
	describe: "Schools, academic years and year groups present in the data (the filter bar's choices)",
	row: z.object({ kind: z.enum(['school', 'year_group', 'date', 'snapshot']), v: col.text }),
	sql: () => sql`SELECT DISTINCT 'school' AS kind, school AS v FROM pupils
    UNION ALL SELECT DISTINCT 'year_group', year_group FROM pupils
    UNION ALL SELECT DISTINCT 'date', strftime(d, '%Y-%m-%d') FROM (SELECT start_date AS d FROM plans UNION SELECT review_due FROM plans) WHERE d IS NOT NULL
    UNION ALL SELECT DISTINCT 'snapshot', strftime(snapshot, '%Y-%m-%d') FROM snapshots`,
	finish: (rows) => ({
		schools: rows
			.filter((r) => r.kind === 'school')
			.map((r) => r.v)
			.sort(),
		academicYears: [...new Set(rows.filter((r) => r.kind === 'date').map((r) => academicYearOf(r.v)))].sort(),
		snapshots: rows
			.filter((r) => r.kind === 'snapshot')
			.map((r) => r.v)
			.sort(),
		yearGroups: rows
			.filter((r) => r.kind === 'year_group')
			.map((r) => r.v)
			.sort((a, b) => yearOrder.indexOf(a) - yearOrder.indexOf(b))
	})
});
export type FilterOptions = ReturnType<typeof filterOptions.finish>;

export const fundingStreams = metric({
	id: 'funding_streams',
	describe: "Funding streams present in the provisions (the provision map's choices)",
	row: z.object({ v: col.text }),
	sql: () => sql`SELECT DISTINCT trim(funding_stream) AS v FROM provisions WHERE funding_stream IS NOT NULL ORDER BY 1`,
	finish: (rows) => rows.map((r) => r.v)
});

export const caseHolders = metric({
	id: 'case_holders',
	describe: "Case holders named on plans (the plan-quality page's choices)",
	row: z.object({ v: col.text }),
	sql: () => sql`SELECT DISTINCT case_holder AS v FROM plans WHERE case_holder IS NOT NULL ORDER BY 1`,
	finish: (rows) => rows.map((r) => r.v)
});

/** The latest academic year with targets due, for the report's default period. */
export const latestPeriodWithData = metric({
	id: 'latest_period_with_data',
	describe: 'The latest academic year, up to the as-of date, in which any target was due',
	row: z.object({ due: col.date.nullable() }),
	// Each target's effective due date (its own, else its plan's review date) is kept in target_facts.
	sql: (s) => sql`SELECT strftime(max(due), '%Y-%m-%d') AS due FROM target_facts WHERE due <= DATE ${s.asOf}`,
	finish: (rows) => (rows[0]?.due ? academicYearOf(rows[0].due) : null)
});
