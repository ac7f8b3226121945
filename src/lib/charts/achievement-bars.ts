import type * as Plot from '@observablehq/plot';
import { barX, ruleX, ruleY, text, tickX } from '@observablehq/plot';
import type { Achievement } from '../metrics/achievement';
import { labelMargin } from './label-margin';
import { labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

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
 * Achievement rate by group (area of need, intervention, pupil group): a bar per group with its 95%
 * interval as a whisker, how many were reviewed as a label, paler bars for small numbers, and the
 * whole-school rate as a dashed line. Groups with nothing reviewed are left to the table.
 */
export function achievementBarsSpec(rows: LabelledShare[], overall: number | null, width = 720, words: BarWords = targetWords): Plot.PlotOptions {
	const data = rows
		.filter((r) => r.achievement_rate !== null)
		.map((r) => ({ ...r, note: `${r.reviewed} ${words.counted}${r.small_number ? ' (small number)' : ''}` }));
	const narrow = width < NARROW_WIDTH;
	const spec: Plot.PlotOptions = {
		width,
		style: { fontSize: '13px' },
		height: 60 + data.length * 40,
		marginLeft: labelMargin(data.map((d) => d.label)),
		marginRight: 170,
		x: { domain: [0, 100], percent: true, label: words.axis, grid: true },
		y: { label: null, domain: data.map((d) => d.label) },
		marks: [
			barX(data, { x: 'achievement_rate', y: 'label', fill: '#1d4f91', fillOpacity: (d: { small_number: boolean }) => (d.small_number ? 0.45 : 1) }),
			ruleY(data, { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: '#222', strokeWidth: 1.5 }),
			tickX(data, { y: 'label', x: 'ci_low', stroke: '#222' }),
			tickX(data, { y: 'label', x: 'ci_high', stroke: '#222' }),
			// On a phone the note joins the label above the bar (there is no margin beside it).
			...(narrow ? [] : [text(data, { y: 'label', x: 1, text: 'note', textAnchor: 'start', dx: 8, fill: '#333' })]),
			...(overall === null ? [] : [ruleX([overall], { stroke: '#b3261e', strokeDasharray: '4,3', strokeWidth: 2 })]),
			ruleX([0])
		]
	};
	const notes = new Map(data.map((d) => [d.label, d.note]));
	const fitted = narrow ? labelsAbove(spec, data.map((d) => d.label), width, (l) => `${l} · ${notes.get(l)}`) : spec;
	return remakeable((w) => achievementBarsSpec(rows, overall, w, words), fitted);
}
