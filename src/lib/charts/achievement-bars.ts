import type * as Plot from '@observablehq/plot';
import { barX, ruleX, ruleY, text, tickX } from '@observablehq/plot';
import type { Achievement } from '../metrics/achievement';
import { formatCount } from '../format';
import { AXIS_TITLE, percent, X_TITLE_MARGIN } from './axes';
import { placeValues, valueMargin, type BarValue } from './bar-values';
import { labelMargin, labelsFit } from './label-margin';
import { ABOVE_MARGIN_LEFT, ABOVE_MARGIN_RIGHT, labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

export type LabelledAchievement = Achievement & { label: string };
/** What a bar needs: a share with its interval and its base. */
export type LabelledShare = Pick<Achievement, 'achievement_rate' | 'ci_low' | 'ci_high' | 'small_number' | 'reviewed'> & { label: string };
/** The words of the axis and the note beside each bar: targets by default; attainment uses pupils. */
export interface BarWords {
	axis: string;
	counted: string;
}
const targetWords: BarWords = { axis: 'Targets achieved (%)', counted: 'reviewed' };

/**
 * A mid blue the interval's dark line shows on (3.8:1) and white text inside a bar reads on (5.1:1): the
 * interval needs no white halo, which cut every bar in two on screen and on paper.
 */
export const BAR = '#336fb5';
export const INK = '#0b0c0c';

/**
 * Achievement rate by group (area of need, intervention, pupil group): a bar per group with its 95%
 * interval as a whisker, its rate and base printed at its end, paler bars for small numbers, and the
 * whole-school rate as a dashed line. Groups with nothing reviewed are left to the table.
 */
export function achievementBarsSpec(rows: LabelledShare[], overall: number | null, width = 720, words: BarWords = targetWords): Plot.PlotOptions {
	const shown = rows.filter((r): r is LabelledShare & { achievement_rate: number } => r.achievement_rate !== null);
	const narrow = width < NARROW_WIDTH;
	const labels = shown.map((r) => r.label);
	// Labels go above the bars on a phone, and wherever the longest would not fit the left margin (it was cut).
	const above = narrow || !labelsFit(labels);
	const base = (r: LabelledShare) => `${formatCount(r.reviewed)} ${words.counted}${r.small_number ? ' (small number)' : ''}`;
	// On a phone the base joins the name above the bar and the bar's end carries just the rate.
	const values: BarValue[] = shown.map((r) => ({
		text: narrow ? percent(r.achievement_rate) : `${percent(r.achievement_rate)} of ${base(r)}`,
		after: Math.max(r.achievement_rate, r.ci_high ?? 0),
		room: Math.min(r.achievement_rate, r.ci_low ?? r.achievement_rate)
	}));
	const marginLeft = above ? ABOVE_MARGIN_LEFT : labelMargin(labels);
	const marginRight = narrow ? ABOVE_MARGIN_RIGHT : valueMargin(values, width, marginLeft, false);
	const places = placeValues(values, width - marginLeft - marginRight, marginRight, false);
	const data = shown.map((r, i) => ({ ...r, value: values[i].text, after: values[i].after, place: places[i] }));
	const at = (place: string) => data.filter((d) => d.place === place);
	const ci = data.filter((d) => d.ci_low !== null && d.ci_high !== null);
	const spec: Plot.PlotOptions = {
		width,
		style: { fontSize: '13px' },
		height: X_TITLE_MARGIN + 20 + data.length * 40,
		marginLeft,
		marginRight,
		marginBottom: X_TITLE_MARGIN,
		x: { domain: [0, 100], percent: true, label: words.axis, grid: true, ...AXIS_TITLE },
		y: { label: null, domain: labels },
		marks: [
			barX(data, { x: 'achievement_rate', y: 'label', fill: BAR, fillOpacity: (d: { small_number: boolean }) => (d.small_number ? 0.45 : 1) }),
			ruleY(ci, { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: INK, strokeWidth: 1.75 }),
			tickX(ci, { y: 'label', x: 'ci_low', stroke: INK, strokeWidth: 1.75 }),
			tickX(ci, { y: 'label', x: 'ci_high', stroke: INK, strokeWidth: 1.75 }),
			...(overall === null ? [] : [ruleX([overall], { stroke: '#b3261e', strokeDasharray: '4,3', strokeWidth: 2 })]),
			ruleX([0]),
			// Beside the bar, after the end of the bar or of its interval, whichever is further.
			text(at('outside'), { x: 'after', y: 'label', text: 'value', textAnchor: 'start', dx: 6, fill: INK }),
			// Inside a pale (small-number) bar the text stays dark: white on it would be too faint.
			text(at('inside'), { x: 0, y: 'label', text: 'value', textAnchor: 'start', dx: 6, fill: (d: { small_number: boolean }) => (d.small_number ? INK : '#fff') })
		]
	};
	if (!above) return remakeable((w) => achievementBarsSpec(rows, overall, w, words), spec);
	const byLabel = new Map(data.map((d) => [d.label, d]));
	const note = (l: string) => {
		const d = byLabel.get(l)!;
		if (!narrow) return l;
		return d.place === 'label' ? `${l} · ${d.value} of ${base(d)}` : `${l} · ${base(d)}`;
	};
	const fitted = { ...labelsAbove(spec, labels, width, note), marginRight };
	return remakeable((w) => achievementBarsSpec(rows, overall, w, words), fitted);
}
