import type * as Plot from '@observablehq/plot';
import { dot, ruleX, tickX } from '@observablehq/plot';
import type { GainPoint } from '../metrics/entry-exit';
import { labelMargin } from './label-margin';
import { labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

/** The distribution of gains: a dot per pupil, one row per measure, with the mean marked. */
export function gainDotsSpec(points: GainPoint[], width = 720): Plot.PlotOptions {
	const useRatio = (p: GainPoint) => p.ratio_gain !== null;
	const data = points.map((p) => ({ ...p, value: useRatio(p) ? p.ratio_gain! : p.gain, row: useRatio(p) ? `${p.measure} (ratio gain)` : `${p.measure} (gain)` }));
	const rows = [...new Set(data.map((d) => d.row))];
	const means = rows.map((row) => {
		const vs = data.filter((d) => d.row === row).map((d) => d.value);
		return { row, value: vs.reduce((a, b) => a + b, 0) / vs.length };
	});
	const spec: Plot.PlotOptions = {
		width,
		height: 60 + rows.length * 60,
		style: { fontSize: '13px' },
		marginLeft: labelMargin(rows),
		x: { label: 'Gain (ratio gain for reading and spelling ages)', grid: true },
		y: { domain: rows, label: null },
		marks: [
			ruleX([0]),
			dot(data, { x: 'value', y: 'row', fill: '#1d4f91', fillOpacity: 0.6, r: 5 }),
			tickX(means, { x: 'value', y: 'row', stroke: '#b3261e', strokeWidth: 3 })
		]
	};
	const fitted = width < NARROW_WIDTH ? labelsAbove({ ...spec, x: { ...(spec.x ?? {}), label: 'Gain (ratio gain for ages)' } }, rows, width) : spec;
	return remakeable((w) => gainDotsSpec(points, w), fitted);
}
