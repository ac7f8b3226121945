import type * as Plot from '@observablehq/plot';
import { text } from '@observablehq/plot';
import { X_TITLE_MARGIN } from './axes';

/** Below this width a chart's labels go above its bars instead of beside them (phones, WCAG 1.4.10). */
export const NARROW_WIDTH = 560;
/** Chart text never shrinks: it is drawn at this size and the chart is laid out for the width it has. */
export const CHART_FONT_PX = 13;
/**
 * Plot wraps text by its own estimate of character widths, narrower than many system faces at 13px:
 * it is given 85% of the room, and rows are sized for a generous 9px a character, so that a wrapped
 * label neither runs off the edge nor into the bar above.
 */
const WRAP_SHARE = 0.85;
const CHAR_PX = 9;
const LINE_HEIGHT = 1.25;
const LINE_PX = CHART_FONT_PX * LINE_HEIGHT;
/** The side margins of a chart whose labels are written above its bars. */
export const ABOVE_MARGIN_LEFT = 8;
export const ABOVE_MARGIN_RIGHT = 12;

const remakeKey = Symbol('remake at width');
type Remake = (width: number) => Plot.PlotOptions;

/**
 * Remember how to draw the same chart at another width, so that a component given only the
 * finished options (as pages and the report pass them) can lay it out again for its container.
 * Hidden from enumeration: snapshots, equality and JSON see only the options.
 */
export function remakeable(make: Remake, spec: Plot.PlotOptions): Plot.PlotOptions {
	Object.defineProperty(spec, remakeKey, { value: make, enumerable: false });
	return spec;
}

/** The options for this width: redrawn by the chart's own function when it has one, else as given. */
export function specAt(spec: Plot.PlotOptions, width: number): Plot.PlotOptions {
	const make = (spec as { [remakeKey]?: Remake })[remakeKey];
	return make ? make(width) : spec;
}

/** How many lines a label wraps to in `px` of room (an estimate, as Plot's own lineWidth is). */
export function linesFor(label: string, px: number): number {
	const perLine = Math.max(8, Math.floor(px / CHAR_PX));
	let lines = 1;
	let used = 0;
	for (const word of label.split(/\s+/)) {
		const w = word.length;
		if (used && used + 1 + w > perLine) {
			lines += 1;
			used = w;
		} else used += (used ? 1 : 0) + w;
	}
	return lines;
}

/**
 * A horizontal bar chart (a band y scale of `labels`) laid out for a phone: each label is written
 * above its bar across the chart's full width, wrapped if it must be, instead of in a left margin
 * that would leave no room for the bars. `labelText` may add to a label what was beside the bar.
 */
export function labelsAbove(spec: Plot.PlotOptions, labels: string[], width: number, labelText: (label: string) => string = (l) => l): Plot.PlotOptions {
	const room = width - 8;
	const maxLines = Math.max(1, ...labels.map((l) => linesFor(labelText(l), room)));
	const bar = 18;
	const step = bar + maxLines * LINE_PX + 10;
	const padding = 1 - bar / step;
	const marginTop = 8;
	const marginBottom = X_TITLE_MARGIN;
	return {
		...spec,
		width,
		height: Math.round(marginTop + marginBottom + step * (labels.length + padding)),
		marginLeft: ABOVE_MARGIN_LEFT,
		marginRight: ABOVE_MARGIN_RIGHT,
		marginTop,
		marginBottom,
		style: { fontSize: `${CHART_FONT_PX}px` },
		y: { ...(spec.y ?? {}), domain: labels, axis: null, padding, label: null },
		marks: [
			...(spec.marks ?? []),
			text(labels, {
				y: (d: string) => d,
				text: labelText,
				frameAnchor: 'left',
				textAnchor: 'start',
				lineAnchor: 'bottom',
				lineWidth: (room * WRAP_SHARE) / CHART_FONT_PX,
				lineHeight: LINE_HEIGHT,
				dy: -(bar / 2 + 3),
				fill: '#0b0c0c',
				// A white halo, so that a reference or grid line behind the words does not run through them.
				stroke: '#fff',
				strokeWidth: 3
			})
		]
	};
}
