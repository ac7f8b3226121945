import national from '../../../data/national.json';
import { needAreaLabels, reviewDecisionLabels } from '../contract/enums';
import type { Db } from '../db/types';
import { achievementBarsSpec } from '../charts/achievement-bars';
import { costByInterventionSpec } from '../charts/cost-by-intervention';
import { costVsProgressSpec } from '../charts/cost-vs-progress';
import { NO_LINKED_PROVISION } from '../metrics/achievement';
import { indicatorLabels } from '../metrics/plan-quality';
import type { Scope } from '../metrics/scope';
import { compareRates, moreNeeded, restOf } from '../stats/compare';
import { describeGain, measureLabel } from '../contract/measures';
import { formatDate } from '../format';
import { attainmentSection } from './attainment-section';
import { reportOptions, type ReportExtras } from './options';
import { reportFigures, type ReportFigures } from './figures';
import { Suppressor } from './suppress';
import type { Report, ReportOptions, ReportSection, ReportTable } from './types';

const pct = (n: number, d: number | null | undefined) => (d ? `${((n / d) * 100).toFixed(1)}%` : 'roll not entered');
const gbp = (n: number) => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

type Section = (f: ReportFigures, o: ReportOptions, s: Suppressor) => ReportSection;

function partsTable(caption: string, heading: string, rows: [string, number][], s: Suppressor): ReportTable {
	const texts = s.parts(rows.map((r) => r[1]));
	return { caption, columns: [heading, 'Pupils'], rows: rows.map((r, i) => [r[0], texts[i]]) };
}

const hours = (h: number | null) => (h === null ? 'not known' : h.toFixed(1));

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
		partsTable('By broad area of need', 'Area of need', f.needAreas.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, r.pupils]), s),
		partsTable('By key stage', 'Key stage', f.keyStages.map((r) => [r.key_stage, r.pupils]), s)
	],
	charts: []
});

const provision: Section = (f, _o, s) => {
	const costed = f.provision.filter((r) => s.shows(r.pupils) && r.total_cost_gbp !== null);
	return {
		id: 'provision',
		title: 'Provision and what it cost',
		paragraphs: [
			`${f.totals.interventions} interventions ran in ${f.period.label}, costing ${f.totals.total_cost_gbp === null ? 'an amount not known' : gbp(f.totals.total_cost_gbp)} where the cost is known (staff time at the school's rates, plus resources; costs of runs that cross the edges of the period are counted in proportion to their days).`,
			`${f.totals.runs_cost_unknown} runs could not be costed (no frequency, duration or rate recorded) and are not in the totals.`
		],
		tables: [
			{
				caption: 'Provision by intervention',
				columns: ['Intervention', 'Pupils', 'Staff hours a week', 'Cost', 'Cost per pupil', 'EEF cost band'],
				rows: f.provision.map((r) => [r.intervention, s.count(r.pupils), hours(r.staff_hours_per_week), s.money(r.total_cost_gbp, r.pupils), s.money(r.cost_per_pupil_gbp, r.pupils), s.shows(r.pupils) ? (r.cost_band ?? '—') : 'withheld'])
			},
			{ caption: 'Cost by funding stream', columns: ['Funding stream', 'Pupils', 'Cost'], rows: f.funding.map((r) => [r.stream, s.count(r.pupils), s.money(r.cost, r.pupils)]) },
			{ caption: 'Staff hours a week by role (runs in force)', columns: ['Role', 'Hours a week'], rows: f.staff.map((r) => [r.role, hours(r.staff_hours_per_week)]) }
		],
		charts: costed.length ? [{ id: 'cost', alt: 'Bar chart of cost by intervention (interventions with fewer than the threshold of pupils are left out); the table gives the figures.', spec: costByInterventionSpec(costed) }] : []
	};
};

/** An entry/exit result in words, with its 95% interval: "the reading age rose by 4 months on average: an improvement (95% interval 1 to 7)". */
function gainHeadline(r: ReportFigures['entryExit'][number]): string {
	// An interval that takes in no change cannot back "an improvement" or "months' extra progress": the change is stated, not judged.
	const unclear = r.gain_ci_low === null || (r.gain_ci_low <= 0 && r.gain_ci_high! >= 0);
	const interval = r.gain_ci_low === null ? '' : ` (95% interval ${r.gain_ci_low.toFixed(1)} to ${r.gain_ci_high!.toFixed(1)}${unclear ? ', so no clear change yet' : ''})`;
	const extra = r.mean_ratio_gain !== null ? `; ratio gain ${r.mean_ratio_gain.toFixed(1)} (${r.ratio_gain_band})` : r.effect_size !== null && !unclear ? `; about ${r.eef_months} months' extra progress` : '';
	const change = describeGain(r.measure, r.mean_gain);
	return `${unclear ? change.replace(/: (?:an improvement|a decline)$/, '') : change}${interval}${extra}`;
}

/**
 * Cost per achieved target, divided back into the intervention's shown cost, would give the achieved
 * count away: it is shown only where the achievement rate itself may be.
 */
function costPerAchieved(r: ReportFigures['interventions'][number], s: Suppressor): string {
	if (r.cost_per_achieved_target_gbp === null) return 'not known';
	if (!s.rateShows(r.achieved, r.reviewed)) return s.withhold();
	return s.money(r.cost_per_achieved_target_gbp, Math.min(r.pupils, r.achieved));
}

/** How many targets were reviewed and achieved, leaving out any share that would give a small number away. */
function reviewedSentence(t: ReportFigures['targets'], s: Suppressor): string {
	const achieved = s.share(t.achieved, t.reviewed);
	const progress = s.share(t.achieved + t.partial, t.reviewed);
	if (achieved === '—') return 'No targets were reviewed in this period.';
	if (achieved === 'withheld') return `${s.count(t.reviewed)} targets were reviewed; the share achieved is withheld, as it would give a small number away.`;
	return `Of ${s.count(t.reviewed)} targets reviewed, ${achieved} were achieved${progress === 'withheld' ? '' : ` and ${progress} achieved or partly achieved`}.`;
}

const impact: Section = (f, o, s) => {
	const t = f.targets;
	const prev = f.previousTargets;
	// A bar shows a rate: drawn only where the table may show it.
	const shown = f.interventions.filter((r) => s.rateShows(r.achieved, r.reviewed));
	const overall = s.rateShows(t.achieved, t.reviewed) ? t.achievement_rate : null;
	const points = f.points.filter((p) => p.achieved !== null && p.reviewed !== null && s.rateShows(p.achieved, p.reviewed));
	return {
		id: 'impact',
		title: 'Impact',
		paragraphs: [
			`${reviewedSentence(t, s)} ${s.count(t.overdue)} targets are past their date with no outcome recorded; they are not counted as failures.`,
			prev.reviewed ? `In the previous period, ${s.share(prev.achieved, prev.reviewed)} of ${s.count(prev.reviewed)} reviewed targets were achieved.` : 'The data holds no reviewed targets for the previous period.'
		],
		tables: [
			{
				caption: 'Targets achieved by intervention',
				columns: ['Intervention', 'Targets reviewed', 'Achieved', 'Overdue', 'Cost per achieved target'],
				rows: f.interventions.map((r) => [r.intervention, s.count(r.reviewed), s.share(r.achieved, r.reviewed), s.count(r.overdue), r.intervention === NO_LINKED_PROVISION ? '—' : costPerAchieved(r, s)])
			},
			{ caption: 'Targets achieved by area of need', columns: ['Area of need', 'Targets reviewed', 'Achieved'], rows: f.areas.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, s.count(r.reviewed), s.share(r.achieved, r.reviewed)]) },
			{
				caption: 'Entry and exit assessments',
				columns: ['Intervention', 'Measure', 'Pupils with data', 'What changed'],
				rows: f.entryExit.map((r) => [
					r.intervention, measureLabel(r.measure), s.count(r.pupils_with_data),
					!s.shows(r.pupils_with_data) ? 'withheld' : gainHeadline(r)
				])
			}
		],
		charts: [
			...(shown.some((r) => r.achievement_rate !== null) ? [{ id: 'achievement', alt: 'Bar chart of targets achieved by intervention with 95% intervals; groups under the threshold are left out.', spec: achievementBarsSpec(shown.map((r) => ({ ...r, label: r.intervention })), overall, 680) }] : []),
			...(points.length ? [{ id: 'cost-progress', alt: 'Scatter chart of cost per pupil against targets achieved, one circle per intervention; the tables give the figures.', spec: costVsProgressSpec(points, overall, true, 680) }] : [])
		]
	};
};

const quality: Section = (f, o, s) => ({
	id: 'quality',
	title: "Plan quality and families' involvement",
	paragraphs: [
		`${s.count(f.cover.pupils_with_plan)} of ${s.count(f.cover.pupils_on_register)} pupils at SEN support or with EHC plans had a plan in force on ${formatDate(o.asOf)}.`,
		`At reviews held in the period, the pupil took part in ${s.share(f.attendance.pupil_yes, f.attendance.pupil_known)} and a parent in ${s.share(f.attendance.parent_yes, f.attendance.parent_known)} (where recorded).`
	],
	tables: [
		{
			caption: 'Plans meeting each quality indicator',
			columns: ['Indicator', 'Plans met', 'Share', 'Not known'],
			rows: f.indicators.map((r) => [indicatorLabels[r.indicator].label, s.count(r.met), s.share(r.met, r.plans), s.count(r.unknown)])
		}
	],
	charts: []
});

const reviews: Section = (f, _o, s) => ({
	id: 'reviews',
	title: 'Review decisions and needs assessment requests',
	paragraphs: [`Requests for an EHC needs assessment decided at reviews: ${s.count(f.decisions.find((d) => d.decision === 'request_ehcna')?.plans ?? 0)}.`],
	tables: [{ caption: 'Decisions at reviews', columns: ['Decision', 'Plans'], rows: f.decisions.map((d) => [reviewDecisionLabels[d.decision as 'continue'] ?? d.decision, s.count(d.plans)]) }],
	charts: []
});

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * What the data says: drafted from the figures, for the SENDCo to edit. A sentence says one group
 * does better or worse than another only when a two-proportion test at 95% says so (an
 * intervention against the rest of the school; this period against the last); otherwise it says
 * there is no clear difference yet, and how many more reviewed targets would show one.
 */
const summary: Section = (f, o, s) => {
	const t = f.targets;
	const prev = f.previousTargets;
	const says: string[] = [];
	if (f.plans.reviews_overdue > 0) says.push(`${s.count(f.plans.reviews_overdue)} plan reviews are overdue (more than 14 days past the date set).`);
	if (f.cover.pupils_on_register > f.cover.pupils_with_plan) says.push(`${s.count(f.cover.pupils_on_register - f.cover.pupils_with_plan)} pupils on the register have no plan in force.`);
	const school = { successes: t.achieved, n: t.reviewed };
	const costly = f.points.filter((p) => p.achieved !== null && p.reviewed !== null && s.rateShows(p.achieved, p.reviewed) && t.achievement_rate !== null && p.cost_per_pupil_gbp > p.median_cost_gbp && p.y < t.achievement_rate);
	for (const p of costly) {
		const group = { successes: p.achieved!, n: p.reviewed! };
		const rest = restOf(school, group);
		if (compareRates(group, rest) === 'lower') {
			says.push(`${p.intervention} costs more per pupil than most and achieves less than the rest of the school (${percent(p.y)} of its targets against ${percent(rest.successes / rest.n)}), a gap larger than chance would explain: worth reviewing.`);
		} else {
			const more = moreNeeded(group, rest);
			says.push(`${p.intervention} costs more per pupil than most; ${percent(p.y)} of its targets were achieved against ${percent(rest.successes / rest.n)} in the rest of the school, but on ${p.reviewed} reviewed targets that is no clear difference yet${more ? ` (about ${more} more reviewed targets at this rate would show whether it is real)` : ''}.`);
		}
	}
	if (s.rateShows(prev.achieved, prev.reviewed) && s.rateShows(t.achieved, t.reviewed)) {
		const now = { successes: t.achieved, n: t.reviewed };
		const before = { successes: prev.achieved, n: prev.reviewed };
		const verdict = compareRates(now, before);
		says.push(
			verdict === 'no clear difference'
				? `Targets achieved: ${percent(t.achieved / t.reviewed)} this period against ${percent(prev.achieved / prev.reviewed)} in the previous one, no clear difference.`
				: `Targets achieved ${verdict === 'higher' ? 'rose' : 'fell'} from ${percent(prev.achieved / prev.reviewed)} in the previous period to ${percent(t.achieved / t.reviewed)}, a change larger than chance would explain.`
		);
	}
	const weakest = f.indicators.filter((r) => r.plans >= s.threshold && r.share_met !== null).sort((x, y) => x.share_met! - y.share_met!)[0];
	if (weakest) says.push(`The weakest part of plans is "${lowerFirst(indicatorLabels[weakest.indicator].label)}": ${s.share(weakest.met, weakest.plans)} of plans.`);
	return { id: 'summary', title: 'What the data says', paragraphs: [], tables: [], charts: [], points: says };
};

/** The governors' report as a pure function of its figures: every small number suppressed on the way. */
export function composeReport(f: ReportFigures, o: ReportOptions): Report {
	const s = new Suppressor(o.threshold);
	const body = [register, needs, provision, impact, attainmentSection, quality, reviews].map((section) => section(f, o, s));
	const sections = [summary(f, o, s), ...body];
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
