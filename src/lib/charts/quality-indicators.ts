import type * as Plot from '@observablehq/plot';
import { barX, ruleX, stackX } from '@observablehq/plot';
import { labelMargin } from './label-margin';
import { labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

export interface IndicatorRow {
	label: string;
	met: number;
	not_met: number;
	unknown: number;
}

const states = ['Met', 'Not met', 'Not known'] as const;

/** Plans meeting each indicator as a share of all plans: met, not met and not known side by side. */
export function qualityIndicatorsSpec(rows: IndicatorRow[], width = 760): Plot.PlotOptions {
	const data = rows.flatMap((r) => {
		const total = r.met + r.not_met + r.unknown || 1;
		return [
			{ label: r.label, state: 'Met', share: (r.met / total) * 100 },
			{ label: r.label, state: 'Not met', share: (r.not_met / total) * 100 },
			{ label: r.label, state: 'Not known', share: (r.unknown / total) * 100 }
		];
	});
	const spec: Plot.PlotOptions = {
		width,
		height: 70 + rows.length * 34,
		style: { fontSize: '13px' },
		marginLeft: labelMargin(rows.map((r) => r.label), 120, 420),
		x: { domain: [0, 100], label: 'Share of plans (%)', grid: true },
		y: { domain: rows.map((r) => r.label), label: null },
		color: { domain: [...states], range: ['#176a3a', '#b3261e', '#b8bcc2'], legend: true },
		marks: [barX(data, stackX({ x: 'share', y: 'label', fill: 'state', order: [...states] })), ruleX([0])]
	};
	// Labels go above the bars on a phone, and wherever the longest would not fit the left margin (it was cut).
	const cut = rows.some((r) => labelMargin([r.label], 120, 10_000) > 420);
	const fitted = width < NARROW_WIDTH || cut ? labelsAbove(spec, rows.map((r) => r.label), width) : spec;
	return remakeable((w) => qualityIndicatorsSpec(rows, w), fitted);
}
