import { writeFileSync } from 'node:fs';
import type { Db } from '../lib/db/types';
import { importSchools } from '../lib/import/pipeline';
import { buildReport } from '../lib/report/build';
import type { Report } from '../lib/report/types';
import { renderReportHtml } from '../lib/report/html';
import { defaultSettings } from '../lib/settings/schema';
import { drawChart } from './draw-chart';
import type { SchoolFiles } from './read-folder';

export interface ReportRun {
	out: string;
	report: Report;
}

/** `lens report`: import, build the governors' report as the page does, write it as one HTML file. */
export async function writeReport(
	db: Db,
	schools: SchoolFiles[],
	o: { asOf: string; period: string; term: 'autumn' | 'spring' | 'summer' | null; school: string | null; out: string; drop: boolean }
): Promise<ReportRun> {
	await importSchools(db, schools, { dropPersonalColumns: o.drop });
	const report = await buildReport(db, {
		school: o.school ?? (schools.length === 1 ? schools[0].school : null),
		academicYear: o.period,
		term: o.term,
		asOf: o.asOf,
		threshold: defaultSettings.small_number
	});
	writeFileSync(o.out, renderReportHtml(report, drawChart));
	return { out: o.out, report };
}
