import { measureWords } from './contract/measures';
import type { GainVerdict, Verdict, Versus } from './stats/compare';
import { EEF_DOSE, LOW_DELIVERY_SHARE, type DoseBand } from './stats/dose';
import { SMALL_NUMBER } from './stats/small-number';

/**
 * Every word the app says about a verdict, a withheld figure or an unknown one: pages, the
 * governors' report and the command line all read them here, so the same case reads the same
 * everywhere. Metrics decide (typed fields such as `versus_rest`); this module only words.
 */

/** A figure hidden because it, or something it can be combined with, would give a small number away. */
export const WITHHELD = 'withheld';
/** A value the data does not hold: never shown as 0. */
export const NOT_KNOWN = 'not known';
/**
 * A figure whose source the export does not hold (a column absent, or blank in every row in scope):
 * said instead of a count, which would read as "none" (0 requests when no decision was recorded).
 */
export const NOT_IN_EXPORT = 'not in this export';
/** A count from 1 to t − 1 in a printed document. */
export const fewerThan = (t: number): string => `fewer than ${t}`;
/** Beside a rate on fewer than SMALL_NUMBER: one more or one fewer would change it a lot. */
export const SMALL_NUMBER_MARK = 'small number';
/** Why a figure is withheld, at the end of a sentence that leaves it out. */
export const WITHHELD_BECAUSE = 'is withheld, as it would give a small number away';

/** A verdict as a table cell reads it; `—` where there is nothing to compare. */
export const verdictCell: Record<Verdict, string> = {
	higher: 'Clearly higher',
	lower: 'Clearly lower',
	no_clear_difference: 'No clear difference yet',
	too_few: 'Too few to tell yet'
};
export const versusCell = (v: Versus | null | undefined): string => (v ? verdictCell[v.verdict] : '—');

/** What a difference the test supports is said to be: larger than chance alone would make. */
export const BEYOND_CHANCE = 'by more than chance would explain';
/** The same, of a gap between two rates. */
export const GAP_BEYOND_CHANCE = 'a gap larger than chance would explain';

/** A verdict inside a sentence ("…: that is <clause>."). */
export const verdictClause: Record<Verdict, string> = {
	higher: `higher, ${BEYOND_CHANCE}`,
	lower: `lower, ${BEYOND_CHANCE}`,
	no_clear_difference: 'no clear difference yet',
	too_few: 'too few to tell yet'
};

/** How a page or the report explains when it calls a difference. */
export const DIFFERENCE_RULE = `A difference is called higher or lower only when a two-proportion test at 95% finds ${GAP_BEYOND_CHANCE}, and never with fewer than ${SMALL_NUMBER} on either side.`;

/** How the small-number rule reads where a page explains its tests. */
export const NO_TEST_UNDER = `With fewer than ${SMALL_NUMBER} on either side no test is made: the figure says "${verdictCell.too_few.toLowerCase()}".`;

/** Beyond this many more, "how many more" is not a useful number: the gap is simply small. */
const MANY = 200;

/** "about 40 more … at this rate would show a clear difference"; null where a difference is shown. */
export function moreNeededWords(v: Versus | null, counted = 'reviewed target'): string | null {
	if (!v || v.verdict === 'higher' || v.verdict === 'lower') return null;
	if (v.more_needed === null || v.more_needed > MANY) return `the gap is small: hundreds more ${counted}s would be needed to show it clearly`;
	return `about ${v.more_needed.toLocaleString('en-GB')} more ${counted}${v.more_needed === 1 ? '' : 's'} at this rate would show a clear difference`;
}

const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : xs[0]);

/** Which of a set of groups (interventions, pupil groups) the test says differ from the rest, in one sentence. */
export function differingSentence(higher: string[], lower: string[], what: 'intervention' | 'group'): string {
	if (!higher.length && !lower.length) {
		return `No ${what} achieves clearly more or fewer of its targets than the rest of the school: with this many targets every gap here may be chance.`;
	}
	const said = (xs: string[], more: 'more' | 'fewer') =>
		`${list(xs)} ${xs.length === 1 ? 'achieves' : 'achieve'} clearly ${more} of ${xs.length === 1 ? 'its' : 'their'} targets than the rest of the school`;
	const parts = [higher.length ? said(higher, 'more') : null, lower.length ? said(lower, 'fewer') : null].filter(Boolean);
	return `${parts.join('; ')}. For every other ${what} the gap from the rest of the school may be chance.`;
}

/** A rate against another in a sentence: "42% against 60% in the rest of the school: no clear difference yet." */
export function versusSentence(subject: string, v: Versus, other: string, pct: (x: number) => string): string {
	const otherRate = v.other_rate === null ? '' : ` against ${pct(v.other_rate)} ${other}`;
	if (v.verdict === 'too_few') return `${subject}: ${pct(v.rate)}${otherRate}; ${verdictClause.too_few}.`;
	if (v.verdict === 'no_clear_difference') {
		const more = moreNeededWords(v);
		return `${subject}: ${pct(v.rate)}${otherRate}; ${verdictClause.no_clear_difference}${more ? ` (${more})` : ''}.`;
	}
	return `${subject}: ${pct(v.rate)}${otherRate}; ${verdictClause[v.verdict]}.`;
}

/** A mean gain judged by its interval. */
export const gainCell: Record<GainVerdict, string> = {
	improvement: 'Clear improvement',
	decline: 'Clearly worse',
	no_clear_change: 'No clear change yet',
	too_few: 'Too few to tell yet'
};

/** Attainment or attendance against the rest of the school, when there is no school figure to compare with. */
export const NOT_COMPARED = 'Not compared (no school figure)';

/** The verdict of a gain inside a sentence, after the change itself. */
const gainClause: Record<GainVerdict, string> = {
	improvement: 'an improvement',
	decline: 'a decline',
	no_clear_change: 'no clear change yet',
	too_few: 'too few to tell yet'
};

/**
 * A mean gain in words ("the reading age rose by 4 months on average"), with what its interval
 * says when `verdict` is given: "…: an improvement" only when the interval leaves out no change.
 * `gain` is already turned round for measures where lower is better (positive = better).
 */
export function gainWords(measure: string, gain: number | null, verdict: GainVerdict | null = null, digits = 1): string {
	if (gain === null || !Number.isFinite(gain)) return NOT_KNOWN;
	const { label, unit, lowerIsBetter } = measureWords(measure);
	const change = lowerIsBetter ? -gain : gain;
	const size = Math.abs(change).toLocaleString('en-GB', { maximumFractionDigits: digits });
	const said = Number(size) === 0 ? `the ${label} did not change on average` : `the ${label} ${change > 0 ? 'rose' : 'fell'} by ${size}${unit} on average`;
	return verdict ? `${said}: ${gainClause[verdict]}` : said;
}

/**
 * What a point of "cost against progress" asks of the reader: a question that holds whatever its
 * verdict, never a judgement of where its circle sits. `versus_rest` for targets, `gain_verdict` for a measure.
 */
export function costQuestion(p: { cost_side: 'more' | 'less' | 'median'; versus_rest: Versus | null; gain_verdict: GainVerdict | null }): string {
	const dear = p.cost_side === 'more';
	if (p.gain_verdict) {
		switch (p.gain_verdict) {
			case 'too_few':
				return `Too few pupils with both values: ${verdictClause.too_few}.`;
			case 'improvement':
				return dear ? 'Pupils clearly improved, at more cost than most: is the gain worth the extra cost?' : 'Pupils clearly improved, at no more cost than most: could more pupils have it?';
			case 'decline':
				return 'Pupils clearly fell back on this measure: what is getting in the way?';
			default:
				return `${dear ? 'Is it worth what it costs? ' : ''}The interval of its mean gain includes no change: ${gainClause.no_clear_change}.`;
		}
	}
	const v = p.versus_rest;
	switch (v?.verdict ?? 'too_few') {
		case 'higher':
			return dear
				? 'Clearly more targets achieved than in the rest of the school, at more cost than most: is the difference worth the extra cost?'
				: 'Clearly more targets achieved than in the rest of the school, at no more cost than most: could more pupils have it?';
		case 'lower':
			return dear
				? 'Clearly fewer targets achieved than in the rest of the school, at more cost than most: is it worth what it costs?'
				: 'Clearly fewer targets achieved than in the rest of the school: could it be run differently, or replaced?';
		case 'too_few':
			return `Fewer than ${SMALL_NUMBER} reviewed targets: ${verdictClause.too_few}.`;
		default: {
			const more = moreNeededWords(v);
			return `${dear ? 'Is it worth what it costs? ' : ''}No clear difference from the rest of the school yet${more ? ` (${more})` : ''}.`;
		}
	}
}

/** How a page explains when it calls a gain an improvement. */
export const GAIN_RULE = `A mean gain is called "${gainCell.improvement.toLowerCase()}" only when its whole 95% interval (t distribution) is above no change, "${gainCell.decline.toLowerCase()}" only when it is all below, and with fewer than ${SMALL_NUMBER} pupils with both values nothing is claimed.`;

/** A part of the inclusion strategy only the school can write, not yet written. */
export const TO_COMPLETE = 'To complete';
/** "To complete: the statement of intent". */
export const toComplete = (what: string): string => `${TO_COMPLETE}: ${what}`;
/** The one line a published strategy gives the activities of a layer that reach too few pupils to show one by one. */
export const otherSupport = (layer: string, activities: number): string => `Other ${layer} support (${activities} ${activities === 1 ? 'activity' : 'activities'} shown together)`;

/** A dose band as a table cell reads it (docs/delivery.md). */
export const doseCell: Record<DoseBand, string> = {
	below: 'Below the EEF range',
	within: 'Within the EEF range',
	above: 'Above the EEF range',
	not_known: 'Not known'
};

const pctWhole = (share: number) => `${Math.round(share * 100)}%`;

/** How the pages and the report explain the dose rule and the low-delivery line. */
export const DOSE_RULE = `The EEF puts the working dose of a targeted intervention at about ${EEF_DOSE.minutes.low}–${EEF_DOSE.minutes.high} minutes a session, ${EEF_DOSE.perWeek.low}–${EEF_DOSE.perWeek.high} sessions a week, for ${EEF_DOSE.weeks.low}–${EEF_DOSE.weeks.high} weeks. A run is below the range when any part it records is below (sessions a week counts the sessions that actually ran), not known when a part is missing and none is below, and within only when every part is known and within. Each part is counted to the nearest whole minute, session or week.`;
export const LOW_DELIVERY_RULE = `An intervention that delivered less than ${pctWhole(LOW_DELIVERY_SHARE)} of its planned sessions is marked before its outcomes: outcomes of provision that mostly did not happen say little about the provision.`;

/** Beside an intervention that delivered less than the low-delivery share. */
export const READ_WITH_CARE = 'read the outcomes with care';

/** Said before the outcomes of an intervention that delivered less than the low-delivery share. */
export const lowDeliveryWarning = (share: number): string => `delivered ${pctWhole(share)} of planned sessions: ${READ_WITH_CARE}`;

/** Where nothing says what was delivered: the planned figures stay, labelled as planned. */
export const NO_DELIVERY_DATA = 'No delivery recorded: the figures are as planned, not as delivered.';

/** A delivered share as a table cell reads it: "42 of 48 (88%)", or not known (never 100%). */
export function deliveredCell(r: { sessions_delivered: number | null; sessions_planned: number | null; delivered_share: number | null }): string {
	if (r.delivered_share === null || r.sessions_delivered === null || r.sessions_planned === null) return NOT_KNOWN;
	return `${r.sessions_delivered.toLocaleString('en-GB')} of ${r.sessions_planned.toLocaleString('en-GB')} (${pctWhole(r.delivered_share)})`;
}

/**
 * One line of the governors' report on an intervention's delivery: the share and the sessions planned,
 * never "n of m" (a count of sessions not delivered is not a count of pupils, but reads like one).
 */
export function deliveryLine(intervention: string, r: { planned: string; share: number | null; low: boolean | null; runsWithout: number }): string {
	if (r.share === null) return `${intervention}: ${NOT_KNOWN} how many of its planned sessions were delivered (none recorded).`;
	const without = r.runsWithout > 0 ? ` Runs that recorded nothing (${r.runsWithout}) are not counted.` : '';
	const care = r.low ? `: ${READ_WITH_CARE}` : '';
	return `${intervention}: delivered ${pctWhole(r.share)} of planned sessions (${r.planned} planned)${care}.${without}`;
}

/** An intervention's runs by dose band, in words: "1 within, 2 below, 1 not known". */
export function doseRunsWords(r: { runs_below: number; runs_within: number; runs_above: number; runs_dose_not_known: number }): string {
	const parts: [number, string][] = [
		[r.runs_within, 'within'],
		[r.runs_below, 'below'],
		[r.runs_above, 'above'],
		[r.runs_dose_not_known, NOT_KNOWN]
	];
	return parts
		.filter(([n]) => n > 0)
		.map(([n, w]) => `${n} ${w}`)
		.join(', ');
}
