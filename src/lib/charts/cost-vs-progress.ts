import type * as Plot from '@observablehq/plot';
import { dot, ruleX, ruleY, text } from '@observablehq/plot';
import { AXIS_TITLE, pounds, X_TITLE_MARGIN, Y_TITLE_MARGIN } from './axes';
import { textWidth, wrapLines } from './label-margin';
import { NARROW_WIDTH, remakeable } from './narrow';

export interface CostProgressPoint {
	intervention: string;
	cost_per_pupil_gbp: number;
	/** Achievement rate (0–1) or mean gain, as the user chose. */
	y: number;
	y_low: number | null;
	y_high: number | null;
	pupils: number;
}

/** A rectangle in the chart's pixels: left, top, width, height. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}
export type Side = 'above' | 'below' | 'right' | 'left' | 'above right' | 'above left' | 'below right' | 'below left';
export interface ScatterLayout {
	/** The plot area: every printed label stays inside it. */
	frame: Box;
	/** Each point's circle as drawn (the r scale below), in the chart's pixels. */
	dots: { point: CostProgressPoint; cx: number; cy: number; r: number }[];
	/** The printed labels and the box each takes. */
	labels: { point: CostProgressPoint; side: Side; box: Box }[];
	/** Points whose name would touch another label or a mark anywhere around them: named in the tooltip and the table. */
	unlabelled: CostProgressPoint[];
	/** 'log' when every cost is above £0, else 'symlog' (which can show £0). */
	xType: 'log' | 'symlog';
	xDomain: [number, number];
	xTicks: number[];
	/** The progress axis, in the points' units (a share of 0–1 for a rate). */
	yDomain: [number, number];
	/** Room kept inside the plot area's edges so that no circle crosses them. */
	inset: number;
	rRange: [number, number];
	midCost: number | null;
	marginTop: number;
	marginBottom: number;
	height: number;
	/** Each caption's lines, wrapped to its half of the chart. */
	captions: { above: [string[], string[]]; below: [string[], string[]]; unlabelled: string[] };
}

export const UNLABELLED_NOTE = 'Some interventions are not labelled to keep the chart readable; the table lists them all.';
const QUESTIONS = {
	above: ['Lower cost, above the line: is the gap real?', 'Higher cost, above the line: worth what it costs?'],
	below: ['Lower cost, below the line: is the gap real?', 'Higher cost, below the line: worth a closer look?']
} as const;
const FONT = 13;
const LINE = 16;
const LABEL_H = 16;
const MARGIN_LEFT = Y_TITLE_MARGIN;
const MARGIN_RIGHT = 16;

const overlaps = (a: Box, b: Box, pad = 2) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
/** Whether a box comes within `pad` pixels of a circle. */
function touchesCircle(b: Box, c: { cx: number; cy: number; r: number }, pad = 2): boolean {
	const nx = Math.max(b.x, Math.min(c.cx, b.x + b.w));
	const ny = Math.max(b.y, Math.min(c.cy, b.y + b.h));
	return (nx - c.cx) ** 2 + (ny - c.cy) ** 2 < (c.r + pad) ** 2;
}
const within = (b: Box, f: Box) => b.x >= f.x && b.y >= f.y && b.x + b.w <= f.x + f.w && b.y + b.h <= f.y + f.h;

/** Round figures for a log axis, as many as fit side by side without their labels touching. */
function costTicks(domain: [number, number], toX: (v: number) => number, zero: boolean): number[] {
	const pick = (mantissas: number[]) => {
		const out: number[] = zero ? [0] : [];
		for (let k = -1; 10 ** k <= domain[1]; k++) for (const m of mantissas) if (m * 10 ** k >= domain[0] && m * 10 ** k <= domain[1] && m * 10 ** k >= 1) out.push(m * 10 ** k);
		return out;
	};
	let candidates = pick([1, 2, 5]);
	if (candidates.length < 3) candidates = pick([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	const kept: number[] = [];
	let lastRight = -Infinity;
	for (const t of candidates) {
		const half = textWidth(pounds(t)) / 2;
		if (toX(t) - half >= lastRight + 10) {
			kept.push(t);
			lastRight = toX(t) + half;
		}
	}
	return kept;
}

/**
 * Where everything goes, in the chart's pixels, so that the spec can be drawn and a test can check it.
 * Labels are placed largest group first, each trying above, below, right and left of its circle; a
 * place is taken only if the label stays inside the plot area and touches no other label, circle or
 * interval line. A point with no such place is left unlabelled (its tooltip and the table name it).
 */
export function costVsProgressLayout(points: CostProgressPoint[], reference: number | null, yIsRate: boolean, width = 760): ScatterLayout {
	const narrow = width < NARROW_WIDTH;
	const plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
	const frameHeight = narrow ? 280 : 360;
	const [rMin, rMax] = narrow ? [3, 11] : [4, 18];
	const maxPupils = Math.max(1, ...points.map((p) => p.pupils));
	const radius = (pupils: number) => rMin + (rMax - rMin) * Math.sqrt(Math.max(0, pupils) / maxPupils);
	const inset = rMax + 4;

	// Costs are skewed (most runs £0–200, a few near £900): a log axis spreads the crowded low end.
	const costs = points.map((p) => p.cost_per_pupil_gbp);
	const xType = costs.every((c) => c > 0) ? 'log' : 'symlog';
	const lo = Math.min(...costs, Infinity);
	const hi = Math.max(...costs, -Infinity);
	const xDomain: [number, number] = !points.length ? [1, 1000] : xType === 'symlog' ? [0, Math.max(hi, 1) * 1.2] : lo === hi ? [lo / 2, hi * 2] : [lo, hi];
	const f = xType === 'log' ? Math.log : (v: number) => Math.sign(v) * Math.log1p(Math.abs(v));
	const toX = (v: number) => MARGIN_LEFT + inset + ((f(v) - f(xDomain[0])) / (f(xDomain[1]) - f(xDomain[0]))) * (plotWidth - 2 * inset);

	const ys = points.flatMap((p) => [p.y, p.y_low ?? p.y, p.y_high ?? p.y]);
	const yDomain: [number, number] = yIsRate ? [0, 1] : [Math.min(0, ...ys) - 1, Math.max(1, ...ys) + 1];

	// The corner questions go above and below the plot area, each wrapped within its half of it.
	const costsSorted = [...costs].sort((a, b) => a - b);
	const midCost = costsSorted.length ? costsSorted[Math.floor((costsSorted.length - 1) / 2)] : null;
	const leftRoom = plotWidth / 2 - 8;
	const rightRoom = plotWidth / 2 - 8;
	const wrapPair = ([l, r]: readonly [string, string]): [string[], string[]] => [wrapLines(l, leftRoom), wrapLines(r, rightRoom)];
	const above = wrapPair(QUESTIONS.above);
	const below = wrapPair(QUESTIONS.below);
	const linesOf = (pair: [string[], string[]]) => Math.max(pair[0].length, pair[1].length);
	const marginTop = 8 + linesOf(above) * LINE + 8;
	const frame: Box = { x: MARGIN_LEFT, y: marginTop, w: plotWidth, h: frameHeight };
	const toY = (v: number) => frame.y + frame.h - inset - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (frame.h - 2 * inset);

	const dots = points.map((point) => ({ point, cx: toX(point.cost_per_pupil_gbp), cy: toY(point.y), r: radius(point.pupils) }));
	const whiskers = dots
		.filter((d) => d.point.y_low !== null && d.point.y_high !== null)
		.map((d) => ({ box: { x: d.cx - 1.5, y: toY(d.point.y_high!), w: 3, h: toY(d.point.y_low!) - toY(d.point.y_high!) } }));
	/**
	 * A label may cross an interval line only well inside it, so that both of the line's ends stay in
	 * sight (a hidden end would make the interval look shorter).
	 */
	const clearOfLines = (box: Box, crossing: boolean) => whiskers.every(({ box: line }) => !overlaps(box, line, 1) || (crossing && box.y >= line.y + 6 && box.y + box.h <= line.y + line.h - 6));

	const labels: ScatterLayout['labels'] = [];
	const unlabelled: CostProgressPoint[] = [];
	for (const d of [...dots].sort((a, b) => b.point.pupils - a.point.pupils || a.cx - b.cx)) {
		const w = textWidth(d.point.intervention);
		const h = LABEL_H;
		const g = d.r * Math.SQRT1_2 + 3;
		const places: [Side, Box][] = [
			['above', { x: d.cx - w / 2, y: d.cy - d.r - 3 - h, w, h }],
			['below', { x: d.cx - w / 2, y: d.cy + d.r + 3, w, h }],
			['right', { x: d.cx + d.r + 4, y: d.cy - h / 2, w, h }],
			['left', { x: d.cx - d.r - 4 - w, y: d.cy - h / 2, w, h }],
			['above right', { x: d.cx + g, y: d.cy - g - h, w, h }],
			['above left', { x: d.cx - g - w, y: d.cy - g - h, w, h }],
			['below right', { x: d.cx + g, y: d.cy + g, w, h }],
			['below left', { x: d.cx - g - w, y: d.cy + g, w, h }]
		];
		const fits = (box: Box, crossing: boolean) => within(box, frame) && labels.every((l) => !overlaps(box, l.box)) && dots.every((c) => !touchesCircle(box, c)) && clearOfLines(box, crossing);
		// A place clear of every line first; failing that, one crossing a line in its middle.
		const free = places.find(([, box]) => fits(box, false)) ?? places.find(([, box]) => fits(box, true));
		if (free) labels.push({ point: d.point, side: free[0], box: free[1] });
		else unlabelled.push(d.point);
	}

	const note = unlabelled.length ? wrapLines(UNLABELLED_NOTE, plotWidth) : [];
	const marginBottom = X_TITLE_MARGIN + 6 + linesOf(below) * LINE + (note.length ? 6 + note.length * LINE : 0) + 6;
	return {
		frame,
		dots,
		labels,
		unlabelled,
		xType,
		xDomain,
		xTicks: costTicks(xDomain, toX, xType === 'symlog'),
		yDomain,
		inset,
		rRange: [rMin, rMax],
		midCost,
		marginTop,
		marginBottom,
		height: marginTop + frameHeight + marginBottom,
		captions: { above, below, unlabelled: note }
	};
}

/**
 * Cost against progress: one circle per intervention (cost per pupil across, on a log scale; progress
 * up), sized by pupils, with its interval as a line, its name where it fits and the whole-school line.
 * The corners ask questions, split at the median cost: a point's place is an estimate, not a verdict.
 */
export function costVsProgressSpec(points: CostProgressPoint[], reference: number | null, yIsRate: boolean, width = 760): Plot.PlotOptions {
	const layout = costVsProgressLayout(points, reference, yIsRate, width);
	const { frame, captions, marginTop, marginBottom } = layout;
	const { inset, rRange, midCost } = layout;
	// Plot's percent option turns the shares into percentages: its domain is given in those.
	const yDomain = yIsRate ? ([0, 100] as [number, number]) : layout.yDomain;
	// Without a whole-school rate the line is no change (a mean gain of 0).
	const line = reference ?? (yIsRate ? null : 0);
	const caption = (lines: string[], frameAnchor: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right', dy: number, extra: Partial<Plot.TextOptions> = {}) =>
		text([lines.join('\n')], {
			frameAnchor,
			textAnchor: frameAnchor.endsWith('left') ? 'start' : 'end',
			lineAnchor: 'top',
			lineHeight: LINE / FONT,
			dy,
			fill: '#4a4f55',
			fontStyle: 'italic',
			...extra
		});
	const belowTop = X_TITLE_MARGIN + 6;
	const halo = { stroke: '#fff', strokeWidth: 3 };
	return remakeable((w) => costVsProgressSpec(points, reference, yIsRate, w), {
		width,
		height: layout.height,
		style: { fontSize: `${FONT}px` },
		marginLeft: frame.x,
		marginRight: width - frame.x - frame.w,
		marginTop,
		marginBottom,
		x: {
			type: layout.xType,
			domain: layout.xDomain,
			inset,
			ticks: layout.xTicks,
			tickFormat: pounds,
			label: 'Cost per pupil (£, log scale)',
			labelOffset: X_TITLE_MARGIN - 3,
			grid: true,
			...AXIS_TITLE
		},
		y: { domain: yDomain, percent: yIsRate, label: yIsRate ? 'Targets achieved (%)' : 'Mean gain', grid: true, inset, ...AXIS_TITLE },
		r: { type: 'sqrt', domain: [0, Math.max(1, ...points.map((p) => p.pupils))], range: rRange },
		marks: [
			...(midCost === null ? [] : [ruleX([midCost], { stroke: '#767676', strokeDasharray: '2,3' })]),
			...(line === null ? [] : [ruleY([line], { stroke: '#b3261e', strokeDasharray: '4,3', strokeWidth: 2 })]),
			caption(captions.above[0], 'top-left', -(marginTop - 8)),
			caption(captions.above[1], 'top-right', -(marginTop - 8)),
			caption(captions.below[0], 'bottom-left', belowTop),
			caption(captions.below[1], 'bottom-right', belowTop),
			...(captions.unlabelled.length
				? [caption(captions.unlabelled, 'bottom-left', belowTop + Math.max(captions.below[0].length, captions.below[1].length) * LINE + 6, { fill: '#0b0c0c', fontStyle: 'normal' })]
				: []),
			// Each interval dark over a white halo, so that it shows over the circles and the grid alike.
			...['#fff', '#222'].map((stroke, i) =>
				ruleX(
					points.filter((p) => p.y_low !== null && p.y_high !== null),
					{ x: 'cost_per_pupil_gbp', y1: 'y_low', y2: 'y_high', stroke, strokeWidth: i ? 1.5 : 4 }
				)
			),
			dot(points, { x: 'cost_per_pupil_gbp', y: 'y', r: 'pupils', fill: '#1d4f91', fillOpacity: 0.75, stroke: '#fff', title: 'intervention' }),
			...layout.labels.map(({ point, side, box }) => {
				const d = layout.dots.find((c) => c.point === point)!;
				const anchor = side.endsWith('right') ? 'start' : side.endsWith('left') ? 'end' : 'middle';
				const dx = anchor === 'start' ? box.x - d.cx : anchor === 'end' ? box.x + box.w - d.cx : 0;
				const dy = box.y + box.h / 2 - d.cy;
				return text([point], { x: 'cost_per_pupil_gbp', y: 'y', text: 'intervention', textAnchor: anchor, lineAnchor: 'middle', dx, dy, fill: '#0b0c0c', ...halo });
			})
		]
	});
}
