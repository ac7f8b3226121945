import type * as Plot from '@observablehq/plot';
import { barX, ruleX, text } from '@observablehq/plot';
import { AXIS_TITLE, X_TITLE_MARGIN } from './axes';
import { labelMargin, labelsFit, textWidth } from './label-margin';
import { ABOVE_MARGIN_LEFT, ABOVE_MARGIN_RIGHT, labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

export interface IndicatorRow {
	label: string;
	met: number;
	not_met: number;
	unknown: number;
}

const states = ['Met', 'Not met', 'Not known'] as const;
const colours = ['#176a3a', '#b3261e', '#b8bcc2'];
/** Text on each state's colour: white on green and red, dark on grey. */
const inks = ['#fff', '#fff', '#0b0c0c'];

/**
 * Plans meeting each indicator as a share of all plans: met, not met and not known side by side, each
 * part with its share written inside it where it fits (the table has every figure).
 */
export function qualityIndicatorsSpec(rows: IndicatorRow[], width = 760): Plot.PlotOptions {
	const labels = rows.map((r) => r.label);
	// Labels go above the bars on a phone, and wherever the longest would not fit the left margin (it was cut).
	const above = width < NARROW_WIDTH || !labelsFit(labels, 420);
	const marginLeft = above ? ABOVE_MARGIN_LEFT : labelMargin(labels, 120, 420);
	const marginRight = above ? ABOVE_MARGIN_RIGHT : 20;
	const plotWidth = width - marginLeft - marginRight;
	const data = rows.flatMap((r) => {
		const total = r.met + r.not_met + r.unknown || 1;
		let start = 0;
		return states.map((state, i) => {
			const share = ([r.met, r.not_met, r.unknown][i] / total) * 100;
			const part = { label: r.label, state, x1: start, x2: start + share, share, text: `${Math.round(share)}%`, ink: inks[i] };
			start += share;
			return part;
		});
	});
	const written = data.filter((d) => d.share > 0 && textWidth(d.text) + 8 <= (d.share / 100) * plotWidth);
	const spec: Plot.PlotOptions = {
		width,
		height: X_TITLE_MARGIN + 24 + rows.length * 34,
		style: { fontSize: '13px' },
		marginLeft,
		marginRight,
		marginBottom: X_TITLE_MARGIN,
		x: { domain: [0, 100], label: 'Share of plans (%)', grid: true, ...AXIS_TITLE },
		y: { domain: labels, label: null },
		color: { domain: [...states], range: colours, legend: true },
		marks: [
			barX(data, { x1: 'x1', x2: 'x2', y: 'label', fill: 'state' }),
			ruleX([0]),
			// Constant fills, not a channel: a channel of colours would go through the states' colour scale.
			...['#fff', '#0b0c0c'].map((ink) =>
				text(
					written.filter((d) => d.ink === ink),
					{ x: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2, y: 'label', text: 'text', fill: ink }
				)
			)
		]
	};
	const fitted = above ? { ...labelsAbove(spec, labels, width), marginRight } : spec;
	return remakeable((w) => qualityIndicatorsSpec(rows, w), fitted);
}
