import type * as Plot from '@observablehq/plot';
import { dot, line, ruleX, ruleY } from '@observablehq/plot';
import type { TermAchievement } from '../metrics/achievement';
import { formatCount } from '../format';
import { AXIS_TITLE, Y_TITLE_MARGIN } from './axes';
import { NARROW_WIDTH, remakeable } from './narrow';

/**
 * Achievement rate by term, in order across academic years, each term with its 95% interval and (under
 * its name) how many targets were reviewed; terms with nothing reviewed are gaps.
 */
export function trendSpec(rows: TermAchievement[], width = 720): Plot.PlotOptions {
	const data = rows.filter((r) => r.achievement_rate !== null).map((r) => ({ ...r, label: `${r.term} ${r.academic_year}` }));
	const reviewed = new Map(data.map((d) => [d.label, d.reviewed]));
	// On a phone the term names slant so that they do not run into each other, and the counts are left to the table.
	const narrow = width < NARROW_WIDTH;
	const ci = data.filter((d) => d.ci_low !== null && d.ci_high !== null);
	const whisker = (stroke: string, strokeWidth: number) => ruleX(ci, { x: 'label', y1: 'ci_low', y2: 'ci_high', stroke, strokeWidth });
	return remakeable((w) => trendSpec(rows, w), {
		width,
		height: 320,
		style: { fontSize: '13px' },
		marginTop: 16,
		marginBottom: narrow ? 90 : 50,
		marginLeft: Y_TITLE_MARGIN,
		marginRight: narrow ? 16 : 40,
		x: {
			domain: data.map((d) => d.label),
			label: null,
			type: 'point',
			padding: 0.5,
			...(narrow ? { tickRotate: -40 } : { tickFormat: (l: string) => `${l}\n${formatCount(reviewed.get(l))} reviewed` })
		},
		y: { domain: [0, 100], percent: true, label: 'Targets achieved (%)', grid: true, ...AXIS_TITLE },
		marks: [
			ruleY([0]),
			line(data, { x: 'label', y: 'achievement_rate', stroke: '#1d4f91', strokeWidth: 2 }),
			// Each interval dark over a white halo, so that it shows over the line and the grid alike.
			whisker('#fff', 5),
			whisker('#222', 1.75),
			dot(data, { x: 'label', y: 'achievement_rate', fill: '#1d4f91', stroke: '#fff', r: 4.5 })
		]
	});
}
