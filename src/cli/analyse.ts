import type { Db } from '../lib/db/types';
import { importSchools, notLoaded } from '../lib/import/pipeline';
import { importSummary, type ImportSummary } from '../lib/import/summary';
import { achievementByIntervention, achievementByNeedArea, targetStatus } from '../lib/metrics/achievement';
import { attainmentBySubject, attainmentGap, attendanceSummary, progressJudgements, pupilsBehindNoChange, type AttainmentGroup } from '../lib/metrics/attainment';
import { achievementByDose, deliveryByIntervention, deliveryByRun, deliveryTotals, gainsByDose } from '../lib/metrics/delivery';
import { entryExitByIntervention } from '../lib/metrics/entry-exit';
import { lineageByIntervention, lineageByNeedArea, lineageList, lineageSummary } from '../lib/metrics/lineage';
import { coverage, qualityIndicators, type IndicatorCounts } from '../lib/metrics/plan-quality';
import { provisionByIntervention, pupilsOverThreshold } from '../lib/metrics/provision';
import { planCounts, pupilsByNeedArea, pupilsByStage } from '../lib/metrics/register';
import { achievementBySchool, planQualityBySchool, provisionCostBySchool, registerBySchool } from '../lib/metrics/schools';
import { ask, runAll, type Answers } from '../lib/metrics/registry';
import { academicYearOf, thresholdOf, type Scope } from '../lib/metrics/scope';
import { exportDatesOf, type ExportDates } from '../lib/metrics/snapshots';
import { targetChecks } from '../lib/metrics/target-checks';
import { buildReport } from '../lib/report/build';
import { defaultGlossary } from '../lib/quality/acronyms';
import { defaultSettings } from '../lib/settings/schema';
import { asOfOf, scopeOfPage, type AsOf } from '../lib/state/scope-of-page';
import type { SchoolFiles } from './read-folder';
import type { WordOptions, WordReport } from '../lib/import/word-sources';
import { wordTables } from '../lib/import/word/types';

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
	behind: ask(pupilsBehindNoChange),
	lineage: ask(lineageSummary),
	lineageByNeedArea: ask(lineageByNeedArea),
	lineageByIntervention: ask(lineageByIntervention),
	carriedTwice: ask(lineageList, { pupil: null, carriedAtLeast: 2 }),
	deliveryTotals: ask(deliveryTotals),
	deliveryByIntervention: ask(deliveryByIntervention),
	deliveryByRun: ask(deliveryByRun),
	achievementByDose: ask(achievementByDose),
	gainsByDose: ask(gainsByDose)
};
type Figures = Answers<typeof analysisAsks>;

export interface Analysis {
	as_of: string;
	/**
	 * Where as_of comes from: `chosen` (--as-of), `export` (the latest export loaded: each school's
	 * export is dated by its files' own date, the newest of them, as on the import page), or `today`
	 * (no export date, which an import always records, so not in practice).
	 */
	as_of_from: AsOf['from'];
	/** Each school's export date, from its files' own date. */
	export_dates: ExportDates;
	schools: string[];
	/** The schools side by side, one row per school in each (a trust's or local authority's comparison). */
	by_school: { register: Figures['schoolRegister']; achievement: Figures['schoolAchievement']; provision: Figures['schoolCost']; quality: Figures['schoolQuality'] };
	/** `ignored`: the sheets not read (not a table, empty, a chart), by name; `not_read`: the same with why. */
	import: ImportSummary & {
		refused: { file: string; reason: string }[];
		ignored: string[];
		not_read: { file: string; reason: string }[];
		/** What the Word plans gave, when the folder held any (every school's together); absent otherwise. */
		word?: WordJson;
		/** Children whose names are spelt differently with the same date of birth, by id and document: never merged, never named. */
		possible_matches: { pupil_ids: string[]; documents: string[] }[];
	};
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
	/** Targets followed across plans (docs/target-lineage.md): lineages by status, by need area and intervention, and those carried two or more times without being met (ids only). */
	lineage: {
		summary: Figures['lineage'];
		by_need_area: Figures['lineageByNeedArea'];
		by_intervention: Figures['lineageByIntervention'];
		carried_twice_unmet: Figures['carriedTwice'];
	};
	/**
	 * Was it delivered? (docs/delivery.md) Sessions planned against delivered, per school total,
	 * intervention and run, the dose against the EEF ranges, and achievement and gains by dose band.
	 * No delivery data: shares null and dose not known, never 100%.
	 */
	delivery: {
		totals: Figures['deliveryTotals'];
		by_intervention: Figures['deliveryByIntervention'];
		by_run: Figures['deliveryByRun'];
		achievement_by_dose: Figures['achievementByDose'];
		gains_by_dose: Figures['gainsByDose'];
	};
}

/** The Word plans' report as `--json` prints it. */
export interface WordJson {
	documents: number;
	/** The check of the school key the pupil ids were made with (not the key). */
	key_check: string;
	found: WordReport['found'];
	problems: WordReport['problems'];
	refused: WordReport['refused'];
	no_grid: WordReport['noGrid'];
	personal_left_out: WordReport['personalLeftOut'];
	templates: WordReport['templates'];
}

/** Every school's Word report as one (the same key reads them all). */
function wordJson(reports: WordReport[]): WordJson | undefined {
	if (!reports.length) return undefined;
	const all = <K extends keyof WordReport>(k: K) => reports.flatMap((r) => r[k] as unknown[]) as WordReport[K];
	const found = Object.fromEntries(wordTables.map((t) => [t, reports.reduce((n, r) => n + r.found[t], 0)])) as WordReport['found'];
	const left = new Map<string, number>();
	for (const p of all('personalLeftOut')) left.set(p.kind, (left.get(p.kind) ?? 0) + p.count);
	return {
		documents: reports.reduce((n, r) => n + r.documents, 0),
		key_check: reports[0].keyCheck,
		found,
		problems: all('problems'),
		refused: all('refused'),
		no_grid: all('noGrid'),
		personal_left_out: [...left].map(([kind, count]) => ({ kind, count })),
		templates: all('templates')
	};
}

/** Where the command's as-of date comes from, in words, for the readable output. */
export function asOfSaid(from: AsOf['from']): string {
	if (from === 'chosen') return 'as given by --as-of';
	if (from === 'export') return "the date of the latest export loaded, from its files' own date; --as-of to change it";
	return 'today: the data holds no export date';
}

/** The command line's options as the query of a page's URL, so its scope is built by the pages' own function. */
export function cliParams(o: { asOf?: string | null; school?: string | null; year?: string | null; term?: string | null }): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, v] of [
		['as_of', o.asOf],
		['school', o.school],
		['year', o.year],
		['term', o.term]
	] as const)
		if (v) params.set(name, v);
	return params;
}

/**
 * The command line's scope, built as a page's is (`scopeOfPage`): everything loaded (or the options'
 * school and period), whole runs, the default rates, threshold and glossary, and as of `--as-of`, else
 * the date of the latest export loaded (the school's own, for one school).
 */
export const cliScope = (params: URLSearchParams, exports: ExportDates): Scope => scopeOfPage(params, defaultSettings, defaultGlossary, exports);

/** Import every school's files and work out the figures: the command line's whole job. `asOf` null: the latest export's date. */
export async function analyse(db: Db, schools: SchoolFiles[], chosenAsOf: string | null, dropPersonalColumns: boolean, word?: WordOptions): Promise<Analysis> {
	const refused: { file: string; reason: string }[] = [];
	const notRead: { file: string; reason: string }[] = [];
	const words: WordReport[] = [];
	for (const plan of await importSchools(db, schools, { dropPersonalColumns, word })) {
		if (plan.word) words.push(plan.word);
		const refusedFiles = new Set(plan.sources.filter((s) => s.refused).map((s) => s.file));
		for (const n of notLoaded(plan)) (refusedFiles.has(n.file) ? refused : notRead).push({ file: `${plan.school}/${n.file}`, reason: n.reason });
	}
	const ignored = notRead.map((n) => n.file);
	const exports = await exportDatesOf(db);
	const params = cliParams({ asOf: chosenAsOf });
	const { date: asOf, from } = asOfOf(params, exports);
	const scope = cliScope(params, exports);
	const f = await runAll(db, analysisAsks, scope);
	const { total, K, E, N } = f.stages;
	return {
		as_of: asOf,
		as_of_from: from,
		export_dates: exports,
		schools: schools.map((s) => s.school),
		by_school: { register: f.schoolRegister, achievement: f.schoolAchievement, provision: f.schoolCost, quality: f.schoolQuality },
		import: {
			...(await importSummary(db)),
			refused,
			ignored,
			not_read: notRead,
			word: wordJson(words),
			possible_matches: words.flatMap((w) => w.possibleMatches.map((m) => ({ pupil_ids: m.pupilIds, documents: m.documents })))
		},
		overview: { pupils: { total, by_stage: { K, E, N }, by_need_area: f.needAreas }, plans: f.plans, targets: f.targets },
		achievement: { by_need_area: f.byNeedArea, by_intervention: f.byIntervention },
		entry_exit: { by_intervention: f.entryExit },
		quality: {
			indicators: Object.fromEntries(f.indicators.map((r) => [r.indicator, { met: r.met, not_met: r.not_met, unknown: r.unknown }])) as IndicatorCounts,
			coverage: { pupils_on_register: f.cover.pupils_on_register, pupils_with_plan: f.cover.pupils_with_plan },
			targets: f.checks
		},
		report: await reportSummary(db, schools, asOf, exports),
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
		},
		lineage: { summary: f.lineage, by_need_area: f.lineageByNeedArea, by_intervention: f.lineageByIntervention, carried_twice_unmet: f.carriedTwice },
		delivery: {
			totals: f.deliveryTotals,
			by_intervention: f.deliveryByIntervention,
			by_run: f.deliveryByRun,
			achievement_by_dose: f.achievementByDose,
			gains_by_dose: f.gainsByDose
		}
	};
}

async function reportSummary(db: Db, schools: SchoolFiles[], asOf: string, exports: ExportDates): Promise<Analysis['report']> {
	const period = academicYearOf(asOf);
	const scope = cliScope(cliParams({ asOf, school: schools.length === 1 ? schools[0].school : null, year: period }), exports);
	const r = await buildReport(db, scope, { threshold: defaultSettings.small_number });
	return { period, suppressed_cells: r.suppressed_cells };
}
