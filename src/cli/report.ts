import { writeFileSync } from 'node:fs';
import type { Db } from '../lib/db/types';
import { importSchools } from '../lib/import/pipeline';
import { exportDatesOf } from '../lib/metrics/snapshots';
import { buildReport } from '../lib/report/build';
import type { Report } from '../lib/report/types';
import { renderReportHtml } from '../lib/report/html';
import { defaultSettings } from '../lib/settings/schema';
import { asOfOf, type AsOf } from '../lib/state/scope-of-page';
import { cliParams, cliScope } from './analyse';
import { drawChart } from './draw-chart';
import type { SchoolFiles } from './read-folder';
import type { WordOptions } from '../lib/import/word-sources';

export interface ReportRun {
	out: string;
	/** Where the report's date comes from: --as-of (`chosen`), or the school's latest export (`export`), dated by its files. */
	as_of_from: AsOf['from'];
	report: Report;
}

/** `lens report`: import, build the governors' report as the page does (its scope by the pages' own function), write it as one HTML file. */
export async function writeReport(
	db: Db,
	schools: SchoolFiles[],
	o: { asOf: string | null; period: string; term: 'autumn' | 'spring' | 'summer' | null; school: string | null; out: string; drop: boolean; word?: WordOptions }
): Promise<ReportRun> {
	await importSchools(db, schools, { dropPersonalColumns: o.drop, word: o.word });
	const exports = await exportDatesOf(db);
	const params = cliParams({ asOf: o.asOf, school: o.school ?? (schools.length === 1 ? schools[0].school : null), year: o.period, term: o.term });
	const report = await buildReport(db, cliScope(params, exports), { threshold: defaultSettings.small_number });
	writeFileSync(o.out, renderReportHtml(report, drawChart));
	return { out: o.out, as_of_from: asOfOf(params, exports).from, report };
}
