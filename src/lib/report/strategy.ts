import national from '../../../data/national.json';
import { needAreaLabels } from '../contract/enums';
import { measureLabel } from '../contract/measures';
import { formatDate, formatGbp as gbp } from '../format';
import { IMF_SOURCE, type Layer, type StrategyActivity } from '../metrics/strategy';
import { fewerThan, otherSupport, toComplete, TO_COMPLETE, WITHHELD_BECAUSE } from '../phrasebook';
import { principleLabel, activityKey, yearsCovered, type StrategyParts } from '../settings/strategy';
import { publicThresholdUsed } from '../stats/small-number';
import { gainHeadline } from './build';
import type { StrategyFigures } from './strategy-figures';
import { evidenceYear } from './strategy-figures';
import { ShowAll, Suppressor, type FigureWriter } from './suppress';
import type { Report, ReportSection, ReportTable } from './types';

/** The inclusion strategy as a document: a governors'-report shape (so the honesty reader reads it), with what is still to write. */
export interface StrategyDocument extends Report {
	year: string;
	/** What the school must still write before publishing, in words. */
	toComplete: string[];
}

export interface StrategyOptions {
	school: string;
	year: string;
	asOf: string;
	threshold: number;
	parts: StrategyParts;
}

const layerWords: Record<Layer, string> = { universal: 'Universal', targeted: 'Targeted', 'not recorded': 'Layer not recorded' };

/** Staff roles as the provision map writes them, in words a parent reads (acronyms spelled out). */
const roleWords: Record<string, string> = {
	ta: 'teaching assistant',
	hlta: 'higher-level teaching assistant',
	teacher: 'teacher',
	sendco: 'special educational needs and disabilities coordinator (SENDCo)',
	senco: 'special educational needs coordinator (SENCo)',
	external: 'external specialist'
};
/** Abbreviations in the school's own names for its funding, spelled out for parents. */
const plainSource = (name: string) => name.replace(/\bSEND\b/g, 'special educational needs and disabilities').replace(/\bSEN\b/g, 'special educational needs');
const andList = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : (xs[0] ?? ''));
const roleText = (roles: string | null) => {
	const words = roles ? andList(roles.split('; ').map((r) => roleWords[r.toLowerCase().replace(/[^a-z]/g, '')] ?? r)) : 'staff not recorded';
	return words.charAt(0).toUpperCase() + words.slice(1);
};

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Who, how often and how long: from the runs' typical values, unknown said as unknown. */
function staffAndTime(a: StrategyActivity): string {
	const quantified = a.sessions_per_week !== null && a.minutes_per_session !== null;
	const weeks = a.weeks === null ? '' : quantified ? ` for about ${whole(a.weeks)} weeks` : `; about ${whole(a.weeks)} weeks`;
	const often = quantified
		? `usually ${whole(a.sessions_per_week!)} ${a.sessions_per_week === 1 ? 'session' : 'sessions'} a week of ${whole(a.minutes_per_session!)} minutes`
		: 'how often and for how long is not recorded';
	const group = a.typical_group_size === null ? '' : a.typical_group_size <= 1 ? ', one to one' : `, in groups of about ${whole(a.typical_group_size)}`;
	const hours = a.staff_hours_in_year === null ? '' : `; ${whole(a.staff_hours_in_year)} staff hours in the year${a.runs_not_quantified ? ' (not counting runs with no time recorded)' : ''}`;
	return `${roleText(a.roles)}: ${often}${weeks}${group}${hours}`;
}

const needText = (codes: string) =>
	codes
		.split('; ')
		.map((c) => needAreaLabels[c] ?? c)
		.join('; ');

/** The fund's part of an activity and the rest of its recorded sources, in words. */
function fundingText(a: StrategyActivity, parts: StrategyParts): string {
	const recorded = a.funding_streams ? plainSource(a.funding_streams) : 'source not recorded';
	const own = parts.activities[activityKey(a.intervention_key, a.layer)];
	if (!own || own.imf === 'none') return recorded;
	if (own.imf === 'all') return IMF_SOURCE;
	if (own.imf_gbp === null) return `${IMF_SOURCE} (part: ${toComplete('how much').toLowerCase()}); the rest: ${recorded}`;
	return `${IMF_SOURCE} (${gbp(own.imf_gbp)}); the rest: ${recorded}`;
}

function principleText(a: StrategyActivity, parts: StrategyParts): string {
	const chosen = principleLabel(parts.activities[activityKey(a.intervention_key, a.layer)]?.principle);
	if (chosen) return chosen;
	const suggested = a.layer === 'universal' ? principleLabel('adaptive-teaching') : principleLabel('early-support');
	return `${TO_COMPLETE} (suggested: ${suggested})`;
}

function barrierText(a: StrategyActivity, parts: StrategyParts): string {
	const numbers = (parts.activities[activityKey(a.intervention_key, a.layer)]?.barriers ?? []).filter((n) => n <= parts.barriers.length && parts.barriers[n - 1]?.trim());
	const need = needText(a.need_areas);
	return numbers.length ? `${numbers.map((n) => `Barrier ${n}`).join(', ')} (${need})` : need;
}

function partsTable(caption: string, heading: string, rows: [string, number][], w: FigureWriter): ReportTable {
	const texts = w.parts(rows.map((r) => r[1]));
	return { caption, columns: [heading, 'Pupils'], rows: rows.map((r, i) => [r[0], texts[i]]) };
}

/**
 * The inclusion strategy, composed from its figures and the school's own parts. With `publish`
 * (the default) every figure goes through one Suppressor at a threshold never below 10: counts
 * under it read "fewer than 10", no share on a base under it, activities reaching fewer pupils
 * merged into one line per layer (cost only), money tied to fewer pupils withheld, and where one
 * part of a total is hidden another is hidden with it. Without, it shows everything (for staff, and
 * as the deliberately bad document the honesty test must catch).
 */
export function composeStrategy(f: StrategyFigures, o: StrategyOptions, publish = true): StrategyDocument {
	const t = publicThresholdUsed(o.threshold);
	const s = new Suppressor(t);
	const w: FigureWriter = publish ? s : new ShowAll();
	const p = o.parts;
	const todo: string[] = [];
	const need = (value: string | null | undefined, what: string): string => {
		if (value && value.trim()) return value.trim();
		todo.push(what);
		return toComplete(what);
	};

	const all = f.totals.find((r) => r.kind === 'all');
	const imf = f.totals.find((r) => r.kind === 'source' && r.label === IMF_SOURCE);
	const left = f.totals.find((r) => r.kind === 'imf_left');
	const merged = publish ? f.merged : [];
	const mergedKeys = new Set(merged.flatMap((m) => m.keys.split('; ').map((k) => activityKey(k, m.layer))));
	const shownActivities = f.activities.filter((a) => !mergedKeys.has(activityKey(a.intervention_key, a.layer)));
	// A merged line still reaching fewer than t pupils is a whole layer (the metric adds activities until it reaches t): its cost is
	// withheld, and with it every total it is part of (the layer's, the whole's, each funding source's), else a total less the lines shown gives it away.
	const hiddenMerged = new Set(merged.filter((m) => m.pupils < t && m.budgeted_cost_gbp !== null).map((m) => m.layer));
	const hideTotals = hiddenMerged.size > 0;
	const total = () => (!all ? gbp(0) : hideTotals ? s.withhold() : w.money(all.cost_gbp, all.pupils));

	// Overview
	const years = yearsCovered(o.year, p.years);
	const overview: ReportSection = {
		id: 'overview',
		title: 'Overview',
		paragraphs: [
			p.years > 1
				? `This is a strategy for ${p.years} years (${years}). It is reviewed every year; this edition gives the activity and budgeted costs for ${o.year}.`
				: `This strategy is for the academic year ${o.year}.`
		],
		tables: [
			{
				caption: 'About this strategy',
				columns: ['Detail', 'For this strategy'],
				rows: [
					['School', o.school],
					['Academic years covered', years],
					['Approved by', need(p.approved_by, 'who approved it (the governing board or trust)')],
					['Date approved and published', p.approved_on ? formatDate(p.approved_on) : need(null, 'the date it was approved')],
					['Next review', p.review_date ? formatDate(p.review_date) : need(null, 'the date of its next review')],
					['Inclusive Mainstream Fund allocation', p.imf_allocation_gbp !== null ? gbp(p.imf_allocation_gbp) : need(null, 'the Inclusive Mainstream Fund allocation')],
					['Total budgeted cost of the activity in this strategy', total()]
				]
			}
		],
		charts: []
	};

	const intent: ReportSection = {
		id: 'intent',
		title: 'Statement of intent',
		paragraphs: p.statement_of_intent.trim() ? paragraphsOf(p.statement_of_intent) : [need(null, 'the statement of intent (about 500 words, for parents)')],
		tables: [],
		charts: []
	};

	// Needs: the register by stage and broad area (two tables that each add up to the total: parts suppressed as parts).
	const { K: k, E: e } = f.stages;
	const [kText, eText] = w.parts([k, e]);
	const hidden = (text: string) => !/^[\d,]+$/.test(text);
	const ofRoll = (n: number, text: string) => (!p.roll ? '—' : n > 0 && hidden(text) ? s.withhold() : `${((n / p.roll) * 100).toFixed(1)}%`);
	const needs: ReportSection = {
		id: 'needs',
		title: "Our pupils' needs",
		paragraphs: [
			`Pupils on the special educational needs register as exported on ${formatDate(o.asOf)}, by stage and by the broad area of their main need. National shares are of all pupils in England (${national.source}); this app holds no figures by phase, so they are for all phases together.`,
			p.roll ? `Number on roll: ${p.roll.toLocaleString('en-GB')}.` : need(null, 'the number on roll (to show shares of the roll)')
		],
		tables: [
			{
				caption: 'Pupils by stage',
				columns: ['Stage', 'Pupils', 'Share of roll', `National share of pupils, January ${national.census_year}`],
				rows: [
					['Special educational needs support', kText, ofRoll(k, kText), `${national.sen_support_pct}%`],
					['Education, health and care plan', eText, ofRoll(e, eText), `${national.ehcp_pct}%`],
					['All with special educational needs', w.count(k + e), ofRoll(k + e, w.count(k + e)), `${national.all_sen_pct}%`]
				]
			},
			partsTable(
				'Pupils by broad area of main need',
				'Area of need',
				f.needAreas.map((r) => [needAreaLabels[r.need_area] ?? r.need_area, r.pupils]),
				w
			)
		],
		charts: []
	};

	const barriers: ReportSection = {
		id: 'barriers',
		title: 'Barriers to learning and participation',
		paragraphs: p.barriers.some((b) => b.trim()) ? [] : [need(null, 'the barriers to learning and participation the activity works on, numbered')],
		points: p.barriers.map((b, i) => `Barrier ${i + 1}: ${b.trim() || toComplete('this barriers wording')}`),
		tables: [],
		charts: []
	};

	// Activity this year
	const activityRows = shownActivities.map((a) => [
		a.intervention,
		staffAndTime(a),
		barrierText(a, p),
		layerWords[a.layer],
		principleText(a, p),
		w.count(a.pupils),
		a.budgeted_cost_gbp === null ? toComplete('cost') : w.money(a.budgeted_cost_gbp, a.pupils),
		fundingText(a, p)
	]);
	for (const m of merged) {
		const cost = m.budgeted_cost_gbp === null ? toComplete('cost') : hiddenMerged.has(m.layer) ? s.withhold() : gbp(m.budgeted_cost_gbp);
		const unknown = m.runs_cost_unknown ? ` (and ${m.runs_cost_unknown} ${m.runs_cost_unknown === 1 ? 'run' : 'runs'} whose cost is to complete)` : '';
		activityRows.push([otherSupport(layerWords[m.layer].toLowerCase(), m.activities), '—', '—', layerWords[m.layer], '—', '—', `${cost}${m.budgeted_cost_gbp !== null ? unknown : ''}`, '—']);
	}
	activityRows.push([
		'Whole-school activity not in the provision map',
		toComplete('training, adaptive teaching, the building, work with families, and their cost'),
		'—',
		'Universal',
		'—',
		'—',
		TO_COMPLETE,
		'—'
	]);
	const unknownCost = f.activities.filter((a) => a.budgeted_cost_gbp === null || a.runs_cost_unknown > 0).length;
	if (unknownCost) todo.push(`the cost of ${unknownCost} ${unknownCost === 1 ? 'activity' : 'activities'} the provision map cannot cost (add the sessions, minutes or rate to the provision map)`);
	const principlesMissing = shownActivities.filter((a) => !principleLabel(p.activities[activityKey(a.intervention_key, a.layer)]?.principle)).length;
	if (principlesMissing) todo.push(`the principle of inclusion each activity serves (${principlesMissing} not chosen)`);
	const activity: ReportSection = {
		id: 'activity',
		title: `Activity in ${o.year}`,
		paragraphs: [
			`Each activity is an intervention or group in the school's provision map, as recorded on ${formatDate(o.asOf)}. Universal activity is for all pupils (wave 1); targeted activity is extra support for some pupils (waves 2 and 3). The budgeted cost is staff time at the school's hourly rates plus resources, counting each run for the days it falls in ${o.year}; a run with no end date is taken to continue to 31 August. A cost the provision map cannot work out is to complete, never counted as £0.`,
			publish
				? `To protect pupils' privacy, activities reaching ${fewerThan(t)} pupils are shown together, one line for each layer, with their cost only (with the next smallest, where together they would still reach ${fewerThan(t)}).`
				: 'Every activity is shown, however few pupils it reaches: for staff only, not for publishing.'
		],
		tables: [
			{
				caption: `Activity funded in ${o.year}`,
				columns: ['Activity', 'What it is', 'Need or barrier', 'Layer', 'Principle of inclusion', 'Pupils reached', 'Budgeted cost', 'Funding source'],
				rows: activityRows
			}
		],
		charts: []
	};

	// Totals: layers and sources are each parts of the total shown; a hidden part hides another.
	const layerRows = f.totals.filter((r) => r.kind === 'layer');
	const layerMoney = publish
		? s.moneyParts(layerRows.map((r) => ({ gbp: r.cost_gbp, pupils: r.pupils, force: hiddenMerged.has(r.label as Layer) })))
		: layerRows.map((r) => w.money(r.cost_gbp, r.pupils));
	const sourceRows = f.totals.filter((r) => r.kind === 'source');
	const sourceMoney = publish ? s.moneyParts(sourceRows.map((r) => ({ gbp: r.cost_gbp, pupils: r.pupils, force: hideTotals }))) : sourceRows.map((r) => w.money(r.cost_gbp, r.pupils));
	const imfShown = imf ? sourceMoney[sourceRows.indexOf(imf)] : null;
	const unknownRuns = all?.runs_cost_unknown ?? 0;
	const imfSentence = (() => {
		if (p.imf_allocation_gbp === null) return `${need(null, 'the Inclusive Mainstream Fund allocation')}, to set the spending against it.`;
		if (!imf) {
			todo.push('which activity the Inclusive Mainstream Fund pays for (all or part)');
			return `The Inclusive Mainstream Fund allocation is ${gbp(p.imf_allocation_gbp)}. ${toComplete('which activity it pays for (all or part)')}.`;
		}
		if (imfShown === null || !Suppressor.shown(imfShown)) return `The Inclusive Mainstream Fund allocation is ${gbp(p.imf_allocation_gbp)}; the part of it planned above ${WITHHELD_BECAUSE}.`;
		const rest = left?.cost_gbp ?? null;
		const restText = rest === null ? '' : rest >= 0 ? `, leaving ${gbp(rest)} still to plan` : `, ${gbp(-rest)} more than the allocation`;
		return `The Inclusive Mainstream Fund allocation is ${gbp(p.imf_allocation_gbp)}; the activity above plans ${imfShown} of it${restText}${imf.runs_cost_unknown ? ', not counting runs whose cost is to complete' : ''}.`;
	})();
	const totals: ReportSection = {
		id: 'totals',
		title: 'Budgeted costs',
		paragraphs: [
			imfSentence,
			unknownRuns
				? `The cost of ${unknownRuns} ${unknownRuns === 1 ? 'run' : 'runs'} of provision is not yet known and is not in these totals.`
				: 'Every run of provision in the year has a known cost.'
		],
		tables: [
			{
				caption: 'Budgeted cost by layer',
				columns: ['Layer', 'Activities', 'Budgeted cost'],
				rows: [...layerRows.map((r, i) => [layerWords[r.label as Layer] ?? r.label, whole(r.activities), layerMoney[i]]), ['All activity', whole(all?.activities ?? 0), total()]]
			},
			{
				caption: 'Budgeted cost by funding source',
				columns: ['Funding source', 'Budgeted cost'],
				rows: [...sourceRows.map((r, i) => [plainSource(r.label), sourceMoney[i]]), ['All sources', total()]]
			}
		],
		charts: []
	};

	// Evidence: for the activities shown, what the data already holds, worded by the same rule.
	const fromYear = evidenceYear(o.year, o.asOf);
	const evidenceRows = shownActivities.map((a) => {
		const ach = f.achievement.find((r) => r.intervention_key === a.intervention_key);
		const share = ach ? w.share(ach.achieved, ach.reviewed) : '—';
		const interval = ach && Suppressor.shown(share) && ach.ci_low !== null && ach.ci_high !== null ? `${Math.round(ach.ci_low * 100)}% to ${Math.round(ach.ci_high * 100)}%` : '—';
		const gains = f.entryExit
			.filter((r) => r.intervention_key === a.intervention_key)
			.map(
				(r) =>
					`${measureLabel(r.measure)}: ${publish && r.pupils_with_data < t ? `${w.count(r.pupils_with_data)} pupils with both scores` : `${gainHeadline(r)} (${w.count(r.pupils_with_data)} pupils with both scores)`}`
			);
		const att = f.attendance.find((r) => r.intervention_key === a.intervention_key);
		const attendance =
			!att || att.with_attendance === 0 || att.mean_attendance_pct === null
				? 'not recorded'
				: publish && att.with_attendance < t
					? `recorded for ${w.count(att.with_attendance)} places`
					: `${Math.round(att.mean_attendance_pct)}% of sessions on average (${w.count(att.with_attendance)} places recorded)`;
		return [a.intervention, ach ? w.count(ach.reviewed) : '0', share, interval, gains.length ? gains.join('; ') : 'none recorded', attendance];
	});
	const evidence: ReportSection = {
		id: 'evidence',
		title: 'Evidence of impact so far',
		paragraphs: [
			`What the school's data holds for each activity in ${fromYear}, as of ${formatDate(o.asOf)}: the targets in pupils' support plans linked to it and how many were achieved (with the 95% interval, the range the true share is likely to lie in), the change between assessments at the start and end, and attendance at its sessions. A gain is claimed only when its whole 95% interval is above no change.`
		],
		tables: [
			{
				caption: `Evidence by activity, ${fromYear}`,
				columns: ['Activity', 'Targets reviewed', 'Achieved', '95% interval', 'Entry and exit assessments', 'Attendance at sessions'],
				rows: evidenceRows
			}
		],
		charts: []
	};

	const written = p.outcomes.filter((x) => x.outcome.trim() || x.success_criteria.trim());
	const outcomes: ReportSection = {
		id: 'outcomes',
		title: 'Intended outcomes',
		paragraphs: written.length ? [] : [need(null, 'the intended outcomes and how success will be judged')],
		tables: written.length
			? [
					{
						caption: 'Intended outcomes and success criteria',
						columns: ['Intended outcome', 'Success criteria'],
						rows: written.map((x) => [x.outcome.trim() || toComplete('the outcome'), x.success_criteria.trim() || toComplete('its success criteria')])
					}
				]
			: [],
		charts: []
	};

	const further: ReportSection = {
		id: 'further',
		title: 'Further information',
		paragraphs: p.further_information.trim() ? paragraphsOf(p.further_information) : [need(null, 'further information (for example a link to the special educational needs (SEN) information report)')],
		tables: [],
		charts: []
	};

	const sections = [overview, intent, needs, barriers, activity, totals, evidence, outcomes, further];
	return {
		title: 'Inclusion strategy',
		school: o.school,
		period: years,
		year: o.year,
		asOf: o.asOf,
		narrowedTo: null,
		suppressionNote: publish
			? `${s.note.replace('the report is checked', 'the document is checked').replace('anywhere in the report', 'anywhere in the document')} Activities reaching ${fewerThan(t)} pupils are shown together, one line for each layer, with their cost only.`
			: 'For staff only: every figure is shown, however small. Do not publish this version.',
		sections,
		suppressed_cells: s.suppressed,
		national,
		toComplete: [...new Set(todo)]
	};
}

/** The school's own text, one paragraph per blank-line-separated block. */
function paragraphsOf(text: string): string[] {
	return text
		.trim()
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
		.filter(Boolean);
}
