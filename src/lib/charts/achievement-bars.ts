import type * as Plot from '@observablehq/plot';
import { barX, ruleX, ruleY, text, tickX } from '@observablehq/plot';
import type { Achievement } from '../metrics/achievement';
import { labelMargin } from './label-margin';

export type LabelledAchievement = Achievement & { label: string };

/**
 * Achievement rate by group (area of need, intervention, pupil group): a bar per group with its 95%
 * interval as a whisker, how many were reviewed as a label, paler bars for small numbers, and the
 * whole-school rate as a dashed line. Groups with nothing reviewed are left to the table.
 */
export function achievementBarsSpec(rows: LabelledAchievement[], overall: number | null, width = 720): Plot.PlotOptions {
	const data = rows
		.filter((r) => r.achievement_rate !== null)
		.map((r) => ({ ...r, note: `${r.reviewed} reviewed${r.small_number ? ' (small number)' : ''}` }));
	return {
		width,
		style: { fontSize: '13px' },
		height: 60 + data.length * 40,
		marginLeft: labelMargin(data.map((d) => d.label)),
		marginRight: 170,
		x: { domain: [0, 100], percent: true, label: 'Targets achieved (%)', grid: true },
		y: { label: null, domain: data.map((d) => d.label) },
		marks: [
			barX(data, { x: 'achievement_rate', y: 'label', fill: '#1d4f91', fillOpacity: (d: { small_number: boolean }) => (d.small_number ? 0.45 : 1) }),
			ruleY(data, { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: '#222', strokeWidth: 1.5 }),
			tickX(data, { y: 'label', x: 'ci_low', stroke: '#222' }),
			tickX(data, { y: 'label', x: 'ci_high', stroke: '#222' }),
			text(data, { y: 'label', x: 1, text: 'note', textAnchor: 'start', dx: 8, fill: '#333' }),
			...(overall === null ? [] : [ruleX([overall], { stroke: '#b3261e', strokeDasharray: '4,3', strokeWidth: 2 })]),
			ruleX([0])
		]
	};
}
