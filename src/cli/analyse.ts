import type { Db } from '../lib/db/types';
import { commitImport, ImportRefused, personalMessage, prepareImport } from '../lib/import/pipeline';
import { importSummary, type ImportSummary } from '../lib/import/summary';
import { achievementByNeedArea, overview, type NeedAreaAchievement, type Overview } from '../lib/metrics/overview';
import { academicYearOf, noFilters } from '../lib/metrics/filters';
import { buildReport } from '../lib/report/build';
import type { SchoolFiles } from './read-folder';
import { provisionByIntervention, pupilCosts, type InterventionCost } from '../lib/metrics/provision';
import { defaultSettings } from '../lib/settings/schema';
import { coverage, qualityIndicators, type Coverage, type IndicatorCounts } from '../lib/metrics/quality';
import { targetChecks, type TargetCheck } from '../lib/metrics/target-checks';
import { achievementByIntervention, entryExitByIntervention, type EntryExit, type InterventionAchievement } from '../lib/metrics/impact';

export interface Analysis {
	as_of: string;
	schools: string[];
	import: ImportSummary & { refused: { file: string; reason: string }[]; ignored: string[] };
	overview: Overview;
	achievement: { by_need_area: NeedAreaAchievement[]; by_intervention: InterventionAchievement[] };
	entry_exit: { by_intervention: EntryExit[] };
	quality: { indicators: IndicatorCounts; coverage: Coverage; targets: TargetCheck[] };
	/** The governors' report for the academic year of as_of, as `lens report` would write it. */
	report: { period: string; suppressed_cells: number };
	provision: {
		by_intervention: InterventionCost[];
		pupils_over_threshold: { school: string; pupil_id: string; cost_gbp: number }[];
		threshold_gbp: number;
	};
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
		achievement: {
			by_need_area: await achievementByNeedArea(db, noFilters, asOf),
			by_intervention: await achievementByIntervention(db, noFilters, { asOf, rates: defaultSettings.staff_rates })
		},
		entry_exit: { by_intervention: await entryExitByIntervention(db, noFilters) },
		quality: {
			indicators: await qualityIndicators(db, noFilters, asOf),
			coverage: await coverage(db, noFilters, asOf),
			targets: await targetChecks(db, noFilters)
		},
		report: await reportSummary(db, schools, asOf),
		provision: await provisionSection(db, asOf)
	};
}

async function reportSummary(db: Db, schools: SchoolFiles[], asOf: string): Promise<Analysis['report']> {
	const period = academicYearOf(asOf);
	const r = await buildReport(db, {
		school: schools.length === 1 ? schools[0].school : null, academicYear: period, term: null, asOf,
		rates: defaultSettings.staff_rates, threshold: defaultSettings.small_number
	});
	return { period, suppressed_cells: r.suppressed_cells };
}

/** Whole runs, not prorated (no --period), at the default rates and threshold. */
async function provisionSection(db: Db, asOf: string): Promise<Analysis['provision']> {
	const opts = { asOf, rates: defaultSettings.staff_rates };
	const threshold = defaultSettings.threshold_gbp;
	const pupils = await pupilCosts(db, noFilters, opts);
	return {
		by_intervention: await provisionByIntervention(db, noFilters, opts),
		pupils_over_threshold: pupils.filter((p) => p.cost_gbp > threshold).map((p) => ({ school: p.school, pupil_id: p.pupil_id, cost_gbp: p.cost_gbp })),
		threshold_gbp: threshold
	};
}
