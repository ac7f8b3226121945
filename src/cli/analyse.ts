import type { Db } from '../lib/db/types';
import { importSchools, notLoaded } from '../lib/import/pipeline';
import { importSummary, type ImportSummary } from '../lib/import/summary';
import { achievementByIntervention, achievementByNeedArea, targetStatus } from '../lib/metrics/achievement';
import { attainmentBySubject, attainmentGap, attendanceSummary, progressJudgements, pupilsBehindNoChange, type AttainmentGroup } from '../lib/metrics/attainment';
import { entryExitByIntervention } from '../lib/metrics/entry-exit';
import { coverage, qualityIndicators, type IndicatorCounts } from '../lib/metrics/plan-quality';
import { provisionByIntervention, pupilsOverThreshold } from '../lib/metrics/provision';
import { planCounts, pupilsByNeedArea, pupilsByStage } from '../lib/metrics/register';
import { achievementBySchool, planQualityBySchool, provisionCostBySchool, registerBySchool } from '../lib/metrics/schools';
import { ask, runAll, type Answers } from '../lib/metrics/registry';
import { academicYearOf, makeScope, thresholdOf, type Scope } from '../lib/metrics/scope';
import { targetChecks } from '../lib/metrics/target-checks';
import { buildReport } from '../lib/report/build';
import { defaultSettings } from '../lib/settings/schema';
import type { SchoolFiles } from './read-folder';

/** Every figure `lens analyse --json` prints: registered metrics over the whole data, whole runs, default rates. */
const analysisAsks = {
	stages: ask(pupilsByStage),
	needAreas: ask(pupilsByNeedArea),
	plans: ask(planCounts),
	targets: ask(targetStatus),
	byNeedArea: ask(achievementByNeedArea),
	byIntervention: ask(achievementByIntervention),
	entryExit: ask(entryExitByIntervention),
	indicators: ask(qualityIndicators, null),
	cover: ask(coverage),
	checks: ask(targetChecks, null),
	provision: ask(provisionByIntervention),
	overThreshold: ask(pupilsOverThreshold),
	schoolRegister: ask(registerBySchool),
	schoolAchievement: ask(achievementBySchool),
	schoolCost: ask(provisionCostBySchool),
	schoolQuality: ask(planQualityBySchool),
	attainment: ask(attainmentBySubject, 'all' as AttainmentGroup),
	attainmentGap: ask(attainmentGap),
	progress: ask(progressJudgements),
	attendance: ask(attendanceSummary),
	behind: ask(pupilsBehindNoChange)
};
type Figures = Answers<typeof analysisAsks>;

export interface Analysis {
	as_of: string;
	schools: string[];
	/** The schools side by side, one row per school in each (a trust's or local authority's comparison). */
	by_school: { register: Figures['schoolRegister']; achievement: Figures['schoolAchievement']; provision: Figures['schoolCost']; quality: Figures['schoolQuality'] };
	/** `ignored`: the sheets not read (not a table, empty, a chart), by name; `not_read`: the same with why. */
	import: ImportSummary & { refused: { file: string; reason: string }[]; ignored: string[]; not_read: { file: string; reason: string }[] };
	overview: {
		pupils: { total: number; by_stage: { K: number; E: number; N: number }; by_need_area: Figures['needAreas'] };
		plans: Figures['plans'];
		targets: Figures['targets'];
	};
	achievement: { by_need_area: Figures['byNeedArea']; by_intervention: Figures['byIntervention'] };
	entry_exit: { by_intervention: Figures['entryExit'] };
	quality: { indicators: IndicatorCounts; coverage: { pupils_on_register: number; pupils_with_plan: number }; targets: Figures['checks'] };
	/** The governors' report for the academic year of as_of, as `lens report` would write it. */
	report: { period: string; suppressed_cells: number };
	provision: {
		by_intervention: Figures['provision'];
		pupils_over_threshold: { school: string; pupil_id: string; cost_gbp: number }[];
		threshold_gbp: number;
	};
	/** Pupils with SEN (K or E): attainment by subject at their latest point, against the school's own figures, progress, attendance. */
	attainment: {
		by_subject: Figures['attainment'];
		against_school: Figures['attainmentGap'];
		progress: Figures['progress'];
		attendance: Figures['attendance'];
		behind_twice_no_change: Figures['behind'];
	};
}

/** The command line's scope: everything loaded, whole runs, the default rates, threshold and glossary. */
export const cliScope = (asOf: string): Scope => makeScope({ asOf });

/** Import every school's files and work out the figures: the command line's whole job. */
export async function analyse(db: Db, schools: SchoolFiles[], asOf: string, dropPersonalColumns: boolean): Promise<Analysis> {
	const refused: { file: string; reason: string }[] = [];
	const notRead: { file: string; reason: string }[] = [];
	for (const plan of await importSchools(db, schools, { dropPersonalColumns })) {
		const refusedFiles = new Set(plan.sources.filter((s) => s.refused).map((s) => s.file));
		for (const n of notLoaded(plan)) (refusedFiles.has(n.file) ? refused : notRead).push({ file: `${plan.school}/${n.file}`, reason: n.reason });
	}
	const ignored = notRead.map((n) => n.file);
	const scope = cliScope(asOf);
	const f = await runAll(db, analysisAsks, scope);
	const { total, K, E, N } = f.stages;
	return {
		as_of: asOf,
		schools: schools.map((s) => s.school),
		by_school: { register: f.schoolRegister, achievement: f.schoolAchievement, provision: f.schoolCost, quality: f.schoolQuality },
		import: { ...(await importSummary(db)), refused, ignored, not_read: notRead },
		overview: { pupils: { total, by_stage: { K, E, N }, by_need_area: f.needAreas }, plans: f.plans, targets: f.targets },
		achievement: { by_need_area: f.byNeedArea, by_intervention: f.byIntervention },
		entry_exit: { by_intervention: f.entryExit },
		quality: {
			indicators: Object.fromEntries(f.indicators.map((r) => [r.indicator, { met: r.met, not_met: r.not_met, unknown: r.unknown }])) as IndicatorCounts,
			coverage: { pupils_on_register: f.cover.pupils_on_register, pupils_with_plan: f.cover.pupils_with_plan },
			targets: f.checks
		},
		report: await reportSummary(db, schools, asOf),
		provision: {
			by_intervention: f.provision,
			pupils_over_threshold: f.overThreshold.map(({ school, pupil_id, cost_gbp }) => ({ school, pupil_id, cost_gbp })),
			threshold_gbp: thresholdOf(scope)
		},
		attainment: {
			by_subject: f.attainment,
			against_school: f.attainmentGap,
			progress: f.progress,
			attendance: f.attendance,
			behind_twice_no_change: f.behind
		}
	};
}

async function reportSummary(db: Db, schools: SchoolFiles[], asOf: string): Promise<Analysis['report']> {
	const period = academicYearOf(asOf);
	const r = await buildReport(db, { school: schools.length === 1 ? schools[0].school : null, academicYear: period, term: null, asOf, threshold: defaultSettings.small_number });
	return { period, suppressed_cells: r.suppressed_cells };
}
