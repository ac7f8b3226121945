import type * as Plot from '@observablehq/plot';
import national from '../../../data/national.json';
import { needAreaLabels } from '../contract/enums';
import type { Db } from '../db/types';
import { achievementBarsSpec } from '../charts/achievement-bars';
import { costByInterventionSpec } from '../charts/cost-by-intervention';
import { costVsProgressSpec } from '../charts/cost-vs-progress';
import { filtersSchema, periodOf, type Filters, type Period } from '../metrics/filters';
import { achievementByIntervention, entryExitByIntervention, NO_LINKED_PROVISION } from '../metrics/impact';
import { achievementByNeedArea, overview } from '../metrics/overview';
import { provisionByIntervention, staffHoursByRole } from '../metrics/provision';
import { provisionRunsSql } from '../metrics/provision-runs';
import { coverage, indicatorLabels, indicatorNames, qualityIndicators, reviewDecisions } from '../metrics/quality';
import type { StaffRate } from '../settings/schema';
import { Suppressor } from './suppress';
import type { TermDates } from '../metrics/terms';
import { lit } from '../validate/sql-text';

export interface ReportTable {
	caption: string;
	columns: string[];
	rows: string[][];
}
export interface ReportChart {
	id: string;
	alt: string;
	spec: Plot.PlotOptions;
}
export interface ReportSection {
	id: string;
	title: string;
	paragraphs: string[];
	tables: ReportTable[];
	charts: ReportChart[];
	/** Points the SENDCo may edit before printing. */
	points?: string[];
}
export interface Report {
	title: string;
	school: string;
	period: string;
	asOf: string;
	suppressionNote: string;
	sections: ReportSection[];
	suppressed_cells: number;
	national: typeof national;
}

export interface ReportOptions {
	school: string | null;
	academicYear: string;
	term: Filters['term'];
	asOf: string;
	rates: StaffRate[];
	threshold: number;
	/** Number on roll, when the SENDCo enters it. */
	roll?: number | null;
	/** Last period's register, when entered: pupils at SEN support (K) and with EHC plans (E). */
	previous?: { K: number | null; E: number | null };
	terms?: TermDates;
}

function previousPeriod(o: ReportOptions): Filters {
	const start = Number(o.academicYear.slice(0, 4));
	const year = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
	if (!o.term) return filtersSchema.parse({ school: o.school, academicYear: year(start - 1), terms: o.terms ?? null });
	const order = ['autumn', 'spring', 'summer'] as const;
	const i = order.indexOf(o.term);
	return filtersSchema.parse({ school: o.school, academicYear: i === 0 ? year(start - 1) : o.academicYear, term: order[(i + 2) % 3], terms: o.terms ?? null });
}

const pct = (n: number, d: number | null | undefined) => (d ? `${((n / d) * 100).toFixed(1)}%` : 'roll not entered');

/** Everything the governors' report shows, with every small number already suppressed. */
export async function buildReport(db: Db, o: ReportOptions): Promise<Report> {
	const s = new Suppressor(o.threshold);
	const filters = filtersSchema.parse({ school: o.school, academicYear: o.academicYear, term: o.term, terms: o.terms ?? null });
	const period = periodOf(filters, o.asOf) as Period;
	const cost = { asOf: o.asOf, rates: o.rates };
	const [ov, prev, areas, interventions, provision, staff, indicators, cover, decisions, entryExit] = await Promise.all([
		overview(db, filters, o.asOf),
		overview(db, previousPeriod(o), o.asOf),
		achievementByNeedArea(db, filters, o.asOf),
		achievementByIntervention(db, filters, cost),
		provisionByIntervention(db, filters, cost),
		staffHoursByRole(db, filters, cost),
		qualityIndicators(db, filters, o.asOf),
		coverage(db, filters, o.asOf),
		reviewDecisions(db, filters, o.asOf),
		entryExitByIntervention(db, filters)
	]);
	const byStage = ov.pupils.by_stage;
	const k = byStage.K;
	const e = byStage.E;
	const sections: ReportSection[] = [];
	// A share of the roll would give away a count that is hidden, so it is hidden with it.
	const share = (n: number) => (!o.roll ? '—' : n > 0 && !s.shows(n) ? s.withhold() : pct(n, o.roll));

	sections.push({
		id: 'register',
		title: 'The SEN register',
		paragraphs: [
			`Pupils on the register as exported. National figures: ${national.source}.`,
			o.roll ? `Number on roll: ${o.roll.toLocaleString('en-GB')}.` : 'Enter the number on roll to see shares of the roll.'
		],
		tables: [
			{
				caption: 'Pupils at SEN support and with EHC plans',
				columns: ['Stage', 'Pupils', 'Share of roll', 'Last period (entered)', `National, January ${national.census_year}`],
				rows: [
					['SEN support (K)', s.count(k), share(k), o.previous?.K == null ? 'not entered' : s.count(o.previous.K), `${national.sen_support_pct}%`],
					['EHC plan (E)', s.count(e), share(e), o.previous?.E == null ? 'not entered' : s.count(o.previous.E), `${national.ehcp_pct}%`],
					['All SEN', s.count(k + e), share(k + e), o.previous?.K != null && o.previous?.E != null ? s.count(o.previous.K + o.previous.E) : 'not entered', `${national.all_sen_pct}%`]
				]
			}
		],
		charts: []
	});

	const stageRows = await db.query<{ ks: string; pupils: number }>(`
    SELECT CASE WHEN year_group IN ('N1', 'N2', 'R') THEN 'EYFS' WHEN year_group IN ('1', '2') THEN 'KS1' WHEN year_group IN ('3', '4', '5', '6') THEN 'KS2'
      WHEN year_group IN ('7', '8', '9') THEN 'KS3' WHEN year_group IN ('10', '11') THEN 'KS4' ELSE 'KS5' END AS ks, count(*)::INTEGER AS pupils
    FROM pupils WHERE sen_stage IN ('K', 'E') ${o.school ? `AND school = ${lit(o.school)}` : ''} GROUP BY 1 ORDER BY 1`);
	sections.push({
		id: 'needs',
		title: 'Needs',
		paragraphs: [`Pupils at SEN support or with EHC plans by the broad area of their primary need, and by key stage. Nationally the most common primary need is ${national.most_common_need.sen_support.code} at SEN support (${national.most_common_need.sen_support.pct}%) and ${national.most_common_need.ehcp.code} with EHC plans (${national.most_common_need.ehcp.pct}%).`],
		tables: [
			{ caption: 'By broad area of need', columns: ['Area of need', 'Pupils'], rows: ov.pupils.by_need_area.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, s.count(r.pupils)]) },
			{ caption: 'By key stage', columns: ['Key stage', 'Pupils'], rows: stageRows.map((r) => [r.ks, s.count(r.pupils)]) }
		],
		charts: []
	});

	const funding = await db.query<{ stream: string; runs: number; pupils: number; cost: number | null; unknown: number }>(`
    WITH runs AS (${provisionRunsSql(filters, cost)}),
    rs AS (SELECT *, coalesce(trim(funding_stream), 'Not recorded') AS stream FROM runs),
    pupils AS (SELECT rs.stream, count(DISTINCT a.school || '/' || a.pupil_id)::INTEGER AS n FROM rs
      JOIN allocations a ON a.school = rs.school AND a.provision_id = rs.provision_id GROUP BY 1)
    SELECT rs.stream, count(*)::INTEGER AS runs, coalesce(any_value(p.n), 0)::INTEGER AS pupils,
      sum(rs.run_cost * rs.period_share) AS cost, count(*) FILTER (WHERE rs.run_cost IS NULL)::INTEGER AS unknown
    FROM rs LEFT JOIN pupils p USING (stream) GROUP BY rs.stream ORDER BY cost DESC NULLS LAST`);
	const totalCost = provision.reduce((t, r) => t + (r.total_cost_gbp ?? 0), 0);
	const costed = provision.filter((r) => s.shows(r.pupils) && r.total_cost_gbp !== null);
	sections.push({
		id: 'provision',
		title: 'Provision and what it cost',
		paragraphs: [
			`${provision.length} interventions ran in ${period.label}, costing ${totalCost.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })} where the cost is known (staff time at the school's rates, plus resources; costs of runs that cross the edges of the period are counted in proportion to their days).`,
			`${provision.reduce((t, r) => t + r.provisions_cost_unknown, 0)} runs could not be costed (no frequency, duration or rate recorded) and are not in the totals.`
		],
		tables: [
			{
				caption: 'Provision by intervention',
				columns: ['Intervention', 'Pupils', 'Staff hours a week', 'Cost', 'Cost per pupil', 'EEF cost band'],
				rows: provision.map((r) => [r.intervention, s.count(r.pupils), r.staff_hours_per_week.toFixed(1), s.money(r.total_cost_gbp, r.pupils), s.money(r.cost_per_pupil_gbp, r.pupils), s.shows(r.pupils) ? (r.cost_band ?? '—') : 'withheld'])
			},
			{ caption: 'Cost by funding stream', columns: ['Funding stream', 'Pupils', 'Cost'], rows: funding.map((f) => [f.stream, s.count(f.pupils), s.money(f.cost, f.pupils)]) },
			{ caption: 'Staff hours a week by role (runs in force)', columns: ['Role', 'Hours a week'], rows: staff.map((r) => [r.role, r.staff_hours_per_week.toFixed(1)]) }
		],
		charts: costed.length ? [{ id: 'cost', alt: 'Bar chart of cost by intervention (interventions with fewer than the threshold of pupils are left out); the table gives the figures.', spec: costByInterventionSpec(costed) }] : []
	});

	const shownInt = interventions.filter((r) => s.shows(r.reviewed));
	const points = interventions
		.filter((r) => s.shows(r.reviewed) && s.shows(r.pupils) && r.cost_per_pupil_gbp !== null && r.achievement_rate !== null)
		.map((r) => ({ intervention: r.intervention, cost_per_pupil_gbp: r.cost_per_pupil_gbp!, y: r.achievement_rate!, y_low: r.ci_low, y_high: r.ci_high, pupils: r.pupils }));
	const t = ov.targets;
	sections.push({
		id: 'impact',
		title: 'Impact',
		paragraphs: [
			`Of ${s.count(t.reviewed)} targets reviewed, ${s.rate(t.achievement_rate, t.reviewed)} were achieved and ${s.rate(t.progress_rate, t.reviewed)} achieved or partly achieved. ${s.count(t.overdue)} targets are past their date with no outcome recorded; they are not counted as failures.`,
			prev.targets.reviewed ? `In the previous period, ${s.rate(prev.targets.achievement_rate, prev.targets.reviewed)} of ${s.count(prev.targets.reviewed)} reviewed targets were achieved.` : 'The data holds no reviewed targets for the previous period.'
		],
		tables: [
			{
				caption: 'Targets achieved by intervention',
				columns: ['Intervention', 'Targets reviewed', 'Achieved', 'Overdue', 'Cost per achieved target'],
				rows: interventions.map((r) => [r.intervention, s.count(r.reviewed), s.rate(r.achievement_rate, r.reviewed), s.count(r.overdue), r.intervention === NO_LINKED_PROVISION ? '—' : s.money(r.cost_per_achieved_target_gbp, Math.min(r.pupils, r.achieved))])
			},
			{ caption: 'Targets achieved by area of need', columns: ['Area of need', 'Targets reviewed', 'Achieved'], rows: areas.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, s.count(r.reviewed), s.rate(r.achievement_rate, r.reviewed)]) },
			{
				caption: 'Entry and exit assessments',
				columns: ['Intervention', 'Measure', 'Pupils with data', 'Headline'],
				rows: entryExit.map((r) => [
					r.intervention, r.measure, s.count(r.pupils_with_data),
					!s.shows(r.pupils_with_data) ? 'withheld'
						: r.mean_ratio_gain !== null ? `ratio gain ${r.mean_ratio_gain.toFixed(1)} (${r.ratio_gain_band})`
						: r.effect_size !== null ? `mean gain ${r.mean_gain?.toFixed(1)} points, about ${r.eef_months} months' extra progress`
						: `mean gain ${r.mean_gain?.toFixed(1)}`
				])
			}
		],
		charts: [
			...(shownInt.some((r) => r.achievement_rate !== null) ? [{ id: 'achievement', alt: 'Bar chart of targets achieved by intervention with 95% intervals; groups under the threshold are left out.', spec: achievementBarsSpec(shownInt.map((r) => ({ ...r, label: r.intervention })), t.reviewed >= o.threshold ? t.achievement_rate : null, 680) }] : []),
			...(points.length ? [{ id: 'cost-progress', alt: 'Scatter chart of cost per pupil against targets achieved, one circle per intervention; the tables give the figures.', spec: costVsProgressSpec(points, t.reviewed >= o.threshold ? t.achievement_rate : null, true, 680) }] : [])
		]
	});

	const attended = await db.query<{ pupil_yes: number; pupil_known: number; parent_yes: number; parent_known: number }>(`
    SELECT count(*) FILTER (WHERE pupil_attended_review)::INTEGER AS pupil_yes, count(pupil_attended_review)::INTEGER AS pupil_known,
      count(*) FILTER (WHERE parent_attended_review)::INTEGER AS parent_yes, count(parent_attended_review)::INTEGER AS parent_known
    FROM plans WHERE reviewed_on BETWEEN DATE '${period.from}' AND DATE '${period.to}' ${o.school ? `AND school = ${lit(o.school)}` : ''}`);
	const a = attended[0];
	const plansTotal = (n: (typeof indicatorNames)[number]) => indicators[n].met + indicators[n].not_met + indicators[n].unknown;
	sections.push({
		id: 'quality',
		title: "Plan quality and families' involvement",
		paragraphs: [
			`${s.count(cover.pupils_with_plan)} of ${s.count(cover.pupils_on_register)} pupils at SEN support or with EHC plans had a plan in force on ${o.asOf}.`,
			`At reviews held in the period, the pupil took part in ${s.rate(a.pupil_known ? a.pupil_yes / a.pupil_known : null, a.pupil_known)} and a parent in ${s.rate(a.parent_known ? a.parent_yes / a.parent_known : null, a.parent_known)} (where recorded).`
		],
		tables: [
			{
				caption: 'Plans meeting each quality indicator',
				columns: ['Indicator', 'Plans met', 'Share', 'Not known'],
				rows: indicatorNames.map((n) => [indicatorLabels[n].label, s.count(indicators[n].met), s.rate(plansTotal(n) ? indicators[n].met / plansTotal(n) : null, plansTotal(n)), s.count(indicators[n].unknown)])
			}
		],
		charts: []
	});

	const ehcna = decisions.find((d) => d.decision === 'request_ehcna')?.plans ?? 0;
	sections.push({
		id: 'reviews',
		title: 'Review decisions and needs assessment requests',
		paragraphs: [`Requests for an EHC needs assessment decided at reviews: ${s.count(ehcna)}.`],
		tables: [{ caption: 'Decisions at reviews', columns: ['Decision', 'Plans'], rows: decisions.map((d) => [d.decision.replace(/_/g, ' ').replace('ehcna', 'EHC needs assessment'), s.count(d.plans)]) }],
		charts: []
	});

	// What the data says: drafted from the figures, for the SENDCo to edit.
	const says: string[] = [];
	if (ov.plans.reviews_overdue > 0) says.push(`${s.count(ov.plans.reviews_overdue)} plan reviews are overdue (more than 14 days past the date set).`);
	if (cover.pupils_on_register > cover.pupils_with_plan) says.push(`${s.count(cover.pupils_on_register - cover.pupils_with_plan)} pupils on the register have no plan in force.`);
	const medianCost = [...points].map((p) => p.cost_per_pupil_gbp).sort((x, y) => x - y)[Math.floor((points.length - 1) / 2)];
	for (const p of points.filter((p) => t.achievement_rate !== null && p.cost_per_pupil_gbp > medianCost && p.y < t.achievement_rate!)) {
		says.push(`${p.intervention} costs more per pupil than most and achieves less than the school as a whole (${Math.round(p.y * 100)}% of targets): worth reviewing.`);
	}
	if (prev.targets.reviewed >= o.threshold && t.reviewed >= o.threshold && t.achievement_rate !== null && prev.targets.achievement_rate !== null) {
		const change = Math.round((t.achievement_rate - prev.targets.achievement_rate) * 100);
		if (Math.abs(change) >= 5) says.push(`Targets achieved ${change > 0 ? 'rose' : 'fell'} by ${Math.abs(change)} percentage points on the previous period.`);
	}
	const weakest = indicatorNames.filter((n) => plansTotal(n) >= o.threshold).sort((x, y) => indicators[x].met / plansTotal(x) - indicators[y].met / plansTotal(y))[0];
	if (weakest) says.push(`The weakest part of plans is "${indicatorLabels[weakest].label.toLowerCase()}": ${s.rate(indicators[weakest].met / plansTotal(weakest), plansTotal(weakest))} of plans.`);
	sections.unshift({ id: 'summary', title: 'What the data says', paragraphs: [], tables: [], charts: [], points: says });

	return {
		title: 'SEND provision report for governors',
		school: o.school ?? 'All schools',
		period: period.label,
		asOf: o.asOf,
		suppressionNote: `To protect pupils' privacy, counts from 1 to ${o.threshold - 1} are shown as "fewer than ${o.threshold}", and rates or costs over fewer than ${o.threshold} targets or pupils are withheld. No pupil is named or identified.`,
		sections,
		suppressed_cells: s.suppressed,
		national
	};
}
