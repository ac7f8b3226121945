import national from '../../../data/national.json';
import { needAreaLabels, reviewDecisionLabels } from '../contract/enums';
import type { Db } from '../db/types';
import { achievementBarsSpec } from '../charts/achievement-bars';
import { costByInterventionSpec } from '../charts/cost-by-intervention';
import { costVsProgressSpec } from '../charts/cost-vs-progress';
import { NO_LINKED_PROVISION } from '../metrics/achievement';
import { indicatorLabels } from '../metrics/plan-quality';
import type { Scope } from '../metrics/scope';
import { measureLabel } from '../contract/measures';
import {
	BEYOND_CHANCE,
	deliveryLine,
	gainWords,
	LOW_DELIVERY_RULE,
	moreNeededWords,
	NO_DELIVERY_DATA,
	NOT_IN_EXPORT,
	NOT_KNOWN,
	verdictCell,
	verdictClause,
	WITHHELD,
	WITHHELD_BECAUSE
} from '../phrasebook';
import type { Versus } from '../stats/compare';
import { countOf, formatDate, formatGbp as gbp } from '../format';
import { ASSUMED_AS_FOR, assumptionsNote } from '../assumption-words';
import { attainmentSection } from './attainment-section';
import { reportOptions, type ReportExtras } from './options';
import { reportFigures, type ReportFigures } from './figures';
import { Suppressor } from './suppress';
import type { Report, ReportOptions, ReportSection, ReportTable } from './types';

const pct = (n: number, d: number | null | undefined) => (d ? `${((n / d) * 100).toFixed(1)}%` : 'roll not entered');

/**
 * Figures that more than one section shows, suppressed once for the whole document, so that no
 * section shows what another hides (a count and its complement, a part and its total).
 */
interface Shared {
	/** Pupils on the register, those with a plan in force and those without: a total and its two parts. */
	cover: { total: string; withPlan: string; without: string };
	/** Pupils with SEN and those with attendance recorded: a total and its two parts. */
	attendance: { total: string; recorded: string };
}

function sharedFigures(f: ReportFigures, s: Suppressor): Shared {
	const { pupils_on_register: total, pupils_with_plan: withPlan } = f.cover;
	const [withText, withoutText] = s.parts([withPlan, total - withPlan]);
	const a = f.pupilAttendance;
	const [recorded] = s.parts([a.recorded, a.pupils - a.recorded]);
	return { cover: { total: s.count(total), withPlan: withText, without: withoutText }, attendance: { total: s.count(a.pupils), recorded } };
}

const shown = Suppressor.shown;

type Section = (f: ReportFigures, o: ReportOptions, s: Suppressor, d: Shared) => ReportSection;

function partsTable(caption: string, heading: string, rows: [string, number][], s: Suppressor): ReportTable {
	const texts = s.parts(rows.map((r) => r[1]));
	return { caption, columns: [heading, 'Pupils'], rows: rows.map((r, i) => [r[0], texts[i]]) };
}

const hours = (h: number | null) => (h === null ? NOT_KNOWN : h.toFixed(1));
/** Staff hours by role as cells: not in this export when no run in force records sessions and minutes (the columns absent or blank). */
function staffHoursRows(staff: ReportFigures['staff']): string[][] {
	const silent = staff.every((r) => r.provisions_not_quantified === r.provisions);
	return staff.map((r) => [r.role, silent ? NOT_IN_EXPORT : hours(r.staff_hours_per_week)]);
}

/**
 * Last period's register: from the export before the latest, when an earlier one is loaded (a
 * snapshot), else as the SENDCo entered it, else nothing.
 */
function lastRegister(f: ReportFigures, o: ReportOptions): { K: number | null; E: number | null; heading: string } {
	const history = f.registerHistory;
	if (history.length >= 2) {
		const before = history[history.length - 2];
		return { K: before.sen_support, E: before.ehc_plan, heading: `Export of ${formatDate(before.census)}` };
	}
	return { K: o.previous?.K ?? null, E: o.previous?.E ?? null, heading: 'Last period (entered)' };
}

const register: Section = (f, o, s) => {
	const { K: k, E: e } = f.stages;
	// K and E are shown beside their total, so one small part hides the other too.
	const [kText, eText] = s.parts([k, e]);
	const hidden = (text: string) => !/^[\d,]+$/.test(text);
	// A share of the roll would give away a count that is hidden, so it is hidden with it.
	const share = (n: number, text: string) => (!o.roll ? '—' : n > 0 && hidden(text) ? s.withhold() : pct(n, o.roll));
	const last = lastRegister(f, o);
	const known = last.K != null && last.E != null;
	const [lastK, lastE] = known ? s.parts([last.K!, last.E!]) : [last.K == null ? 'not entered' : s.count(last.K), last.E == null ? 'not entered' : s.count(last.E)];
	const latest = f.registerHistory.at(-1);
	return {
		id: 'register',
		title: 'The SEN register',
		paragraphs: [
			`Pupils on the register as exported${latest ? ` on ${formatDate(latest.census)}` : ''}. National figures: ${national.source}.`,
			o.roll ? `Number on roll: ${o.roll.toLocaleString('en-GB')}.` : 'Enter the number on roll to see shares of the roll.'
		],
		tables: [
			{
				caption: 'Pupils at SEN support and with EHC plans',
				columns: ['Stage', 'Pupils', 'Share of roll', last.heading, `National, January ${national.census_year}`],
				rows: [
					['SEN support (K)', kText, share(k, kText), lastK, `${national.sen_support_pct}%`],
					['EHC plan (E)', eText, share(e, eText), lastE, `${national.ehcp_pct}%`],
					['All SEN', s.count(k + e), share(k + e, s.count(k + e)), known ? s.count(last.K! + last.E!) : 'not entered', `${national.all_sen_pct}%`]
				]
			}
		],
		charts: []
	};
};

const needs: Section = (f, _o, s) => ({
	id: 'needs',
	title: 'Needs',
	paragraphs: [
		`Pupils at SEN support or with EHC plans by the broad area of their primary need, and by key stage. Nationally (January ${national.most_common_need.census_year}) the most common primary need is ${national.most_common_need.sen_support.label} at SEN support (${national.most_common_need.sen_support.pct}%) and ${national.most_common_need.ehcp.label} with EHC plans (${national.most_common_need.ehcp.pct}%).`
	],
	tables: [
		// Both tables add up to the register's total, shown above: parts are suppressed as parts of a total.
		partsTable(
			'By broad area of need',
			'Area of need',
			f.needAreas.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, r.pupils]),
			s
		),
		partsTable(
			'By key stage',
			'Key stage',
			f.keyStages.map((r) => [r.key_stage, r.pupils]),
			s
		)
	],
	charts: []
});

/** What ran and what it cost, said plainly when nothing ran or nothing could be costed. */
function costParagraphs(totals: ReportFigures['totals'], period: string): string[] {
	if (totals.interventions === 0) return [`No intervention ran in ${period}.`];
	const ran = `${countOf(totals.interventions, 'intervention')} ran in ${period}`;
	const why = 'no frequency, duration or rate recorded';
	if (totals.total_cost_gbp === null) return [`${ran}; no run could be costed (${countOf(totals.runs_cost_unknown, 'run')} with ${why}).`];
	return [
		`${ran}, costing ${gbp(totals.total_cost_gbp)} where the cost is known (staff time at the school's rates, plus resources; costs of runs that cross the edges of the period are counted in proportion to their days).`,
		totals.runs_cost_unknown === 0
			? 'Every run could be costed.'
			: `${countOf(totals.runs_cost_unknown, 'run')} could not be costed (${why}) and ${totals.runs_cost_unknown === 1 ? 'is' : 'are'} not in the totals.`
	];
}

const provision: Section = (f, o, s) => {
	const costed = f.provision.filter((r) => s.shows(r.pupils) && r.total_cost_gbp !== null);
	// A cost that rests on an assumption says which, beside it (never beside a withheld one).
	const withAssumptions = (text: string, r: ReportFigures['provision'][number], perPupil = false) => {
		const note = assumptionsNote({ runs: r.provisions, groupAssumed: r.provisions_group_assumed, toAsOf: r.provisions_to_as_of, group: r.typical_group_size, asOf: o.asOf });
		return note && /^£/.test(text) ? `${text}; ${perPupil ? ASSUMED_AS_FOR('cost') : note}` : text;
	};
	return {
		id: 'provision',
		title: 'Provision and what it cost',
		paragraphs: [...costParagraphs(f.totals, f.period.label), ...(f.staff.length ? [] : [`Staff hours a week by role: no run was in force on ${formatDate(o.asOf)}.`])],
		tables: [
			{
				caption: 'Provision by intervention',
				columns: ['Intervention', 'Pupils', 'Staff hours a week', 'Cost', 'Cost per pupil', 'EEF cost band'],
				rows: f.provision.map((r) => [
					r.intervention,
					s.count(r.pupils),
					hours(r.staff_hours_per_week),
					withAssumptions(s.money(r.total_cost_gbp, r.pupils), r),
					withAssumptions(s.money(r.cost_per_pupil_gbp, r.pupils), r, true),
					s.shows(r.pupils) ? (r.cost_band ?? '—') : s.withhold()
				])
			},
			{ caption: 'Cost by funding stream', columns: ['Funding stream', 'Pupils', 'Cost'], rows: f.funding.map((r) => [r.stream, s.count(r.pupils), s.money(r.cost, r.pupils)]) },
			...(f.staff.length ? [{ caption: 'Staff hours a week by role (runs in force)', columns: ['Role', 'Hours a week'], rows: staffHoursRows(f.staff) }] : [])
		],
		charts: costed.length
			? [
					{
						id: 'cost',
						alt: 'Bar chart of cost by intervention (interventions with fewer than the threshold of pupils are left out); the table gives the figures.',
						spec: costByInterventionSpec(costed)
					}
				]
			: []
	};
};

/** An entry/exit result in words, with its 95% interval: "the reading age rose by 4 months on average: an improvement (95% interval 1 to 7)". */
export function gainHeadline(r: ReportFigures['entryExit'][number]): string {
	const interval = r.gain_ci_low === null ? '' : ` (95% interval ${r.gain_ci_low.toFixed(1)} to ${r.gain_ci_high!.toFixed(1)})`;
	const clear = r.gain_verdict === 'improvement' || r.gain_verdict === 'decline';
	const extra =
		r.mean_ratio_gain !== null ? `; ratio gain ${r.mean_ratio_gain.toFixed(1)} (${r.ratio_gain_band})` : r.effect_size !== null && clear ? `; about ${r.eef_months} months' extra progress` : '';
	return `${gainWords(r.measure, r.mean_gain, r.gain_verdict)}${interval}${extra}`;
}

/** A verdict beside a share in a table: shown where the share is, else withheld (too few says nothing more than the count beside it). */
function verdictBeside(v: Versus | null, share: string, s: Suppressor): string {
	if (!v) return '—';
	if (v.verdict === 'too_few') return verdictCell.too_few;
	return shown(share) ? verdictCell[v.verdict] : s.withhold();
}

/**
 * Cost per achieved target, divided back into the intervention's shown cost, would give the achieved
 * count away: it is shown only where the achievement rate itself may be.
 */
function costPerAchieved(r: ReportFigures['interventions'][number], s: Suppressor): string {
	if (r.cost_per_achieved_target_gbp === null) return NOT_KNOWN;
	if (!s.rateShows(r.achieved, r.reviewed)) return s.withhold();
	return s.money(r.cost_per_achieved_target_gbp, Math.min(r.pupils, r.achieved));
}

/** How many targets were reviewed and achieved, leaving out any share that would give a small number away. */
function reviewedSentence(t: ReportFigures['targets'], s: Suppressor): string {
	const achieved = s.share(t.achieved, t.reviewed);
	const progress = s.share(t.achieved + t.partial, t.reviewed);
	if (achieved === '—') return 'No targets were reviewed in this period.';
	if (!shown(achieved)) return `${s.count(t.reviewed)} targets were reviewed; the share achieved ${WITHHELD_BECAUSE}.`;
	return `Of ${s.count(t.reviewed)} targets reviewed, ${achieved} were achieved${shown(progress) ? ` and ${progress} achieved or partly achieved` : ''}.`;
}

/** Last period's share achieved, in a sentence that never holds a hole. */
function previousSentence(prev: { reviewed: number; achieved: number }, s: Suppressor): string {
	if (!prev.reviewed) return 'The data holds no reviewed targets for the previous period.';
	const share = s.share(prev.achieved, prev.reviewed);
	return shown(share)
		? `In the previous period, ${share} of ${s.count(prev.reviewed)} reviewed targets were achieved.`
		: `In the previous period, ${s.count(prev.reviewed)} targets were reviewed; the share achieved ${WITHHELD_BECAUSE}.`;
}

const impact: Section = (f, o, s) => {
	const t = f.targets;
	const prev = f.againstPrevious.previous;
	// A bar shows a rate: drawn only where the table may show it.
	const shown = f.interventions.filter((r) => s.rateShows(r.achieved, r.reviewed));
	const overall = s.rateShows(t.achieved, t.reviewed) ? t.achievement_rate : null;
	const points = f.points.filter((p) => p.achieved !== null && p.reviewed !== null && s.rateShows(p.achieved, p.reviewed));
	return {
		id: 'impact',
		title: 'Impact',
		paragraphs: [`${reviewedSentence(t, s)} ${s.count(t.overdue)} targets are past their date with no outcome recorded; they are not counted as failures.`, previousSentence(prev, s)],
		tables: [
			{
				caption: 'Targets achieved by intervention',
				columns: ['Intervention', 'Targets reviewed', 'Achieved', 'Against the rest of the school', 'Overdue', 'Cost per achieved target'],
				rows: f.interventions.map((r) => {
					const share = s.share(r.achieved, r.reviewed);
					return [r.intervention, s.count(r.reviewed), share, verdictBeside(r.versus_rest, share, s), s.count(r.overdue), r.intervention === NO_LINKED_PROVISION ? '—' : costPerAchieved(r, s)];
				})
			},
			{
				caption: 'Targets achieved by area of need',
				columns: ['Area of need', 'Targets reviewed', 'Achieved', 'Against the rest of the school'],
				rows: f.areas.map((r) => {
					const share = s.share(r.achieved, r.reviewed);
					return [needAreaLabels[r.need_area] ?? r.need_area, s.count(r.reviewed), share, verdictBeside(r.versus_rest, share, s)];
				})
			},
			{
				caption: 'Entry and exit assessments',
				columns: ['Intervention', 'Measure', 'Pupils with data', 'What changed'],
				rows: f.entryExit.map((r) => [r.intervention, measureLabel(r.measure), s.count(r.pupils_with_data), !s.shows(r.pupils_with_data) ? s.withhold() : gainHeadline(r)])
			}
		],
		charts: [
			...(shown.some((r) => r.achievement_rate !== null)
				? [
						{
							id: 'achievement',
							alt: 'Bar chart of targets achieved by intervention with 95% intervals; groups under the threshold are left out.',
							spec: achievementBarsSpec(
								shown.map((r) => ({ ...r, label: r.intervention })),
								overall,
								680
							)
						}
					]
				: []),
			...(points.length
				? [
						{
							id: 'cost-progress',
							alt: 'Scatter chart of cost per pupil against targets achieved, one circle per intervention; the tables give the figures.',
							spec: costVsProgressSpec(points, overall, true, 680)
						}
					]
				: [])
		]
	};
};

/**
 * Was it delivered? One line per intervention (docs/delivery.md). An intervention's sessions can
 * describe one child (a 1:1 run), so its line is shown only where it has at least the threshold of
 * pupils, as its cost is; the counts of sessions are of sessions, never of pupils.
 */
const delivery: Section = (f, o, s) => {
	const pupils = new Map(f.provision.map((r) => [r.intervention_key, r.pupils]));
	const lines = f.delivery.map((r) => {
		if (!s.shows(pupils.get(r.intervention_key) ?? 0)) {
			s.withhold();
			return `${r.intervention}: how much was delivered ${WITHHELD_BECAUSE}.`;
		}
		return deliveryLine(r.intervention, {
			planned: r.sessions_planned === null ? NOT_KNOWN : r.sessions_planned.toLocaleString('en-GB'),
			share: r.delivered_share,
			low: r.low_delivery,
			runsWithout: r.runs - r.runs_with_delivery
		});
	});
	const t = f.deliveryTotals;
	return {
		id: 'delivery',
		title: 'Was it delivered?',
		paragraphs: t.runs_with_delivery === 0 ? [`${NO_DELIVERY_DATA} Costs and outcomes above assume every planned session happened.`] : [LOW_DELIVERY_RULE, ...lines],
		tables: [],
		charts: []
	};
};

/** Who took part in reviews, in a sentence that leaves out a share it may not show. */
function tookPart(a: ReportFigures['attendance'], s: Suppressor): string {
	const pupil = s.share(a.pupil_yes, a.pupil_known);
	const parent = s.share(a.parent_yes, a.parent_known);
	if (pupil === '—' && parent === '—') return 'Whether the pupil or a parent took part is not recorded for the reviews held in the period.';
	const clause = (who: string, share: string) =>
		shown(share) ? `${who} took part in ${share} of them` : share === '—' ? `whether ${who} took part is not recorded` : `how often ${who} took part ${WITHHELD_BECAUSE}`;
	return `At reviews held in the period (where recorded), ${clause('the pupil', pupil)}; ${clause('a parent', parent)}.`;
}

const quality: Section = (f, o, s, d) => ({
	id: 'quality',
	title: "Plan quality and families' involvement",
	paragraphs: [
		shown(d.cover.withPlan)
			? `${d.cover.withPlan} of ${d.cover.total} pupils at SEN support or with EHC plans had a plan in force on ${formatDate(o.asOf)}.`
			: `${d.cover.total} pupils are at SEN support or have EHC plans; the number with a plan in force on ${formatDate(o.asOf)} ${WITHHELD_BECAUSE}.`,
		tookPart(f.attendance, s)
	],
	tables: [
		{
			caption: 'Plans meeting each quality indicator',
			columns: ['Indicator', 'Plans met', 'Share', 'Not known'],
			rows: f.indicators.map((r) => {
				// Met, not met and not known are parts of the plans counted: a hidden part hides another.
				const [met, , unknown] = s.parts([r.met, r.not_met, r.unknown]);
				// No plan's indicator known (the export leaves it blank): its share is not known, not 0%.
				const share = r.share_met === null ? NOT_KNOWN : shown(met) ? s.share(r.met, r.plans) : s.withhold();
				return [indicatorLabels[r.indicator].label, met, share, unknown];
			})
		}
	],
	charts: []
});

/**
 * Requests for a needs assessment: a count only where reviews record their decisions. With none held, or
 * none recording a decision (the export has no decision column, or it is blank), the count would read as
 * "none requested" when the data is silent, so the sentence says which.
 */
function requestsSentence(f: ReportFigures, o: ReportOptions, s: Suppressor): string {
	const held = f.decisions[0]?.reviews_held ?? 0;
	const unrecorded = f.decisions.find((d) => d.decision === 'not recorded')?.plans ?? 0;
	const said = 'Requests for an EHC needs assessment decided at reviews';
	if (!held) return `${said}: none to count, as no review held by ${formatDate(o.asOf)} is recorded.`;
	if (unrecorded === held) return `${said}: ${NOT_IN_EXPORT} (none of the ${s.count(held)} reviews held records a decision).`;
	const requests = s.count(f.decisions.find((d) => d.decision === 'request_ehcna')?.plans ?? 0);
	return unrecorded ? `${said}: ${requests}, of the ${s.count(held - unrecorded)} reviews that record a decision (${s.count(unrecorded)} do not).` : `${said}: ${requests}.`;
}

const reviews: Section = (f, o, s) => ({
	id: 'reviews',
	title: 'Review decisions and needs assessment requests',
	paragraphs: [requestsSentence(f, o, s)],
	tables: f.decisions.some((d) => d.decision !== 'not recorded')
		? [{ caption: 'Decisions at reviews', columns: ['Decision', 'Plans'], rows: f.decisions.map((d) => [reviewDecisionLabels[d.decision as 'continue'] ?? d.decision, s.count(d.plans)]) }]
		: [],
	charts: []
});

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What the data says: drafted from the figures, for the SENDCo to edit. A sentence says one group
 * does better or worse than another only where the metric's verdict says so (an intervention
 * against the rest of the school; this period against the last); each figure is the document's
 * own, suppressed once, and a sentence whose figure is withheld is rewritten, never left with a hole.
 */
const summary: Section = (f, o, s, d) => {
	const t = f.targets;
	const says: string[] = [];
	if (f.plans.reviews_overdue > 0) says.push(`${s.count(f.plans.reviews_overdue)} plan reviews are overdue (more than 14 days past the date set).`);
	if (f.cover.pupils_on_register > f.cover.pupils_with_plan) {
		says.push(d.cover.without === WITHHELD ? `The number of pupils on the register with no plan in force ${WITHHELD_BECAUSE}.` : `${d.cover.without} pupils on the register have no plan in force.`);
	}
	const costly = f.points.filter(
		(p) => p.versus_rest && p.achieved !== null && p.reviewed !== null && s.rateShows(p.achieved, p.reviewed) && p.cost_side === 'more' && t.achievement_rate !== null && p.y < t.achievement_rate
	);
	for (const p of costly) {
		const v = p.versus_rest!;
		const own = s.share(p.achieved, p.reviewed);
		const rest = v.other_rate === null ? '—' : s.share(Math.round(v.other_rate * v.other_n), v.other_n);
		const against = shown(rest) ? ` against ${rest} in the rest of the school` : '';
		if (v.verdict === 'lower') {
			says.push(`${p.intervention} costs more per pupil than most and achieves less than the rest of the school (${own} of its targets${against}), ${verdictClause.lower}: worth reviewing.`);
		} else {
			const more = moreNeededWords(v);
			says.push(
				`${p.intervention} costs more per pupil than most; ${own} of its targets were achieved${against}, but on ${s.count(p.reviewed)} reviewed targets that is ${verdictClause[v.verdict]}${more ? ` (${more})` : ''}.`
			);
		}
	}
	const { current: now, previous: before, versus_previous: vp } = f.againstPrevious;
	if (vp && s.rateShows(before.achieved, before.reviewed) && s.rateShows(now.achieved, now.reviewed)) {
		const [was, is] = [s.share(before.achieved, before.reviewed), s.share(now.achieved, now.reviewed)];
		says.push(
			vp.verdict === 'higher' || vp.verdict === 'lower'
				? `Targets achieved ${vp.verdict === 'higher' ? 'rose' : 'fell'} from ${was} in the previous period to ${is}, a change ${BEYOND_CHANCE}.`
				: `Targets achieved: ${is} this period against ${was} in the previous one; ${verdictClause[vp.verdict]}.`
		);
	}
	const weakest = f.indicators.filter((r) => r.plans >= s.threshold && r.share_met !== null).sort((x, y) => x.share_met! - y.share_met!)[0];
	if (weakest) {
		const share = s.share(weakest.met, weakest.plans);
		const name = lowerFirst(indicatorLabels[weakest.indicator].label);
		says.push(shown(share) ? `The weakest part of plans is "${name}": ${share} of plans meet it.` : `The weakest part of plans is "${name}"; the share of plans meeting it ${WITHHELD_BECAUSE}.`);
	}
	return { id: 'summary', title: 'What the data says', paragraphs: [], tables: [], charts: [], points: says };
};

/** A table with nothing in it would print as a header alone: a line says there is nothing to show instead. */
function withoutEmptyTables(section: ReportSection, period: string): ReportSection {
	const empty = section.tables.filter((t) => t.rows.length === 0);
	if (!empty.length) return section;
	return { ...section, tables: section.tables.filter((t) => t.rows.length > 0), paragraphs: [...section.paragraphs, ...empty.map((t) => `${t.caption}: none in ${period}.`)] };
}

/** The governors' report as a pure function of its figures: every small number suppressed on the way. */
export function composeReport(f: ReportFigures, o: ReportOptions): Report {
	const s = new Suppressor(o.threshold);
	const d = sharedFigures(f, s);
	const body = [register, needs, provision, impact, delivery, attainmentSection, quality, reviews].map((section) => withoutEmptyTables(section(f, o, s, d), f.period.label));
	const sections = [summary(f, o, s, d), ...body];
	return {
		title: 'SEND provision report for governors',
		school: o.school ?? 'All schools',
		period: f.period.label,
		asOf: o.asOf,
		narrowedTo: o.narrowedTo ?? null,
		suppressionNote: s.note,
		sections,
		suppressed_cells: s.suppressed,
		national
	};
}

/** The report over `scope`, built as every page's is (`scopeOfPage`): its school, period, date and filters. */
export async function buildReport(db: Db, scope: Scope, extras: ReportExtras): Promise<Report> {
	return composeReport(await reportFigures(db, scope, extras.threshold), reportOptions(scope, extras));
}
