import type * as Plot from '@observablehq/plot';
import { dot, line, ruleY, text } from '@observablehq/plot';
import type { TermAchievement } from '../metrics/achievement';
import { NARROW_WIDTH, remakeable } from './narrow';

/** Achievement rate by term, in order across academic years; terms with nothing reviewed are gaps. */
export function trendSpec(rows: TermAchievement[], width = 720): Plot.PlotOptions {
	const data = rows.filter((r) => r.achievement_rate !== null).map((r) => ({ ...r, label: `${r.term} ${r.academic_year}` }));
	// On a phone the term names slant so that they do not run into each other, and the counts are left to the table.
	const narrow = width < NARROW_WIDTH;
	return remakeable((w) => trendSpec(rows, w), {
		width,
		height: 300,
		style: { fontSize: '13px' },
		marginBottom: narrow ? 90 : 45,
		...(narrow ? { marginLeft: 44, marginRight: 16 } : {}),
		x: { domain: data.map((d) => d.label), label: null, type: 'point', padding: 0.5, ...(narrow ? { tickRotate: -40 } : {}) },
		y: { domain: [0, 100], percent: true, label: 'Targets achieved (%)', grid: true },
		marks: [
			ruleY([0]),
			line(data, { x: 'label', y: 'achievement_rate', stroke: '#1d4f91', strokeWidth: 2 }),
			dot(data, { x: 'label', y: 'achievement_rate', fill: '#1d4f91', r: 4 }),
			...(narrow ? [] : [text(data, { x: 'label', y: 'achievement_rate', text: (d: { reviewed: number }) => `${d.reviewed} reviewed`, dy: -12 })])
		]
	});
}
