import type * as Plot from '@observablehq/plot';
import { dot, ruleX, tickX } from '@observablehq/plot';
import type { GainPoint } from '../metrics/entry-exit';
import { AXIS_TITLE, X_TITLE_MARGIN } from './axes';
import { labelMargin, labelsFit } from './label-margin';
import { labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

/** Gains in points or months, or ratio gains of reading and spelling ages: different scales, never one axis. */
export type GainKind = 'gain' | 'ratio';

const titles: Record<GainKind, { wide: string; narrow: string }> = {
	gain: { wide: 'Gain from entry to exit (above 0 = better)', narrow: 'Gain (above 0 = better)' },
	ratio: { wide: 'Ratio gain (months gained ÷ months passed)', narrow: 'Ratio gain' }
};

/**
 * The distribution of gains on one panel: a dot per pupil, one row per measure, the mean marked.
 * A panel shows one kind: ratio gains when every point has one (the ratio panel), else the plain
 * gains of all points; the page draws the two kinds as two panels.
 */
export function gainDotsSpec(points: GainPoint[], width = 720, kind: GainKind = points.length && points.every((p) => p.ratio_gain !== null) ? 'ratio' : 'gain'): Plot.PlotOptions {
	const data = points.filter((p) => kind === 'gain' || p.ratio_gain !== null).map((p) => ({ ...p, value: kind === 'ratio' ? p.ratio_gain! : p.gain, row: p.measure }));
	const rows = [...new Set(data.map((d) => d.row))];
	const means = rows.map((row) => {
		const vs = data.filter((d) => d.row === row).map((d) => d.value);
		return { row, value: vs.reduce((a, b) => a + b, 0) / vs.length };
	});
	const narrow = width < NARROW_WIDTH;
	const spec: Plot.PlotOptions = {
		width,
		height: X_TITLE_MARGIN + 20 + rows.length * 60,
		style: { fontSize: '13px' },
		marginLeft: labelMargin(rows),
		marginRight: 20,
		marginBottom: X_TITLE_MARGIN,
		x: { label: narrow ? titles[kind].narrow : titles[kind].wide, grid: true, inset: 10, ...AXIS_TITLE },
		y: { domain: rows, label: null },
		marks: [
			// No change: 0 for a gain, 1 (a month's progress a month) for a ratio gain.
			ruleX([kind === 'ratio' ? 1 : 0]),
			dot(data, { x: 'value', y: 'row', fill: '#1d4f91', fillOpacity: 0.6, r: 5 }),
			tickX(means, { x: 'value', y: 'row', stroke: '#b3261e', strokeWidth: 3 })
		]
	};
	const fitted = narrow || !labelsFit(rows) ? labelsAbove(spec, rows, width) : spec;
	return remakeable((w) => gainDotsSpec(points, w, kind), fitted);
}
