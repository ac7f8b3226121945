import type { Db } from '../lib/db/types';
import { commitImport, ImportRefused, personalMessage, prepareImport } from '../lib/import/pipeline';
import { importSummary, type ImportSummary } from '../lib/import/summary';
import { achievementByNeedArea, overview, type NeedAreaAchievement, type Overview } from '../lib/metrics/overview';
import { noFilters } from '../lib/metrics/filters';
import type { SchoolFiles } from './read-folder';

export interface Analysis {
	as_of: string;
	schools: string[];
	import: ImportSummary & { refused: { file: string; reason: string }[]; ignored: string[] };
	overview: Overview;
	achievement: { by_need_area: NeedAreaAchievement[] };
}

/** Import every school's files and work out the figures: the command line's whole job. */
export async function analyse(db: Db, schools: SchoolFiles[], asOf: string, dropPersonalColumns: boolean): Promise<Analysis> {
	const refused: { file: string; reason: string }[] = [];
	const ignored: string[] = [];
	for (const { school, files } of schools) {
		const plan = await prepareImport(db, school, files);
		const flagged = plan.sources.filter((s) => s.personal.length && !s.refused);
		if (flagged.length && !dropPersonalColumns) throw new ImportRefused(personalMessage(flagged));
		for (const s of plan.sources) {
			if (s.refused) refused.push({ file: `${school}/${s.file}`, reason: s.refused });
			else if (!s.table) ignored.push(`${school}/${s.file}`);
		}
		await commitImport(db, plan, { dropPersonalColumns });
	}
	return {
		as_of: asOf,
		schools: schools.map((s) => s.school),
		import: { ...(await importSummary(db)), refused, ignored },
		overview: await overview(db, noFilters, asOf),
		achievement: { by_need_area: await achievementByNeedArea(db, noFilters, asOf) }
	};
}
