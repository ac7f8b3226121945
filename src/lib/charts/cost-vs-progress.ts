import type * as Plot from '@observablehq/plot';
import { dot, ruleX, ruleY, text } from '@observablehq/plot';
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

/**
 * Which points get a printed label: the largest first, skipping any whose label would overlap one
 * already placed (approximate: 7px a character at 13px). The others are named in a tooltip and in
 * the table beside the chart.
 */
function labelled(points: CostProgressPoint[], toX: (v: number) => number, toY: (v: number) => number, width: number): Set<CostProgressPoint> {
	const placed: { x: number; y: number; w: number }[] = [];
	const keep = new Set<CostProgressPoint>();
	for (const p of [...points].sort((a, b) => b.pupils - a.pupils)) {
		const box = { x: toX(p.cost_per_pupil_gbp), y: toY(p.y) - 14, w: p.intervention.length * 7 };
		// A label that would be cut at the chart's edge is left to the tooltip and the table too.
		const inside = box.x - box.w / 2 >= 0 && box.x + box.w / 2 <= width;
		if (inside && placed.every((q) => Math.abs(q.x - box.x) > (q.w + box.w) / 2 + 4 || Math.abs(q.y - box.y) > 15)) {
			placed.push(box);
			keep.add(p);
		}
	}
	return keep;
}

/**
 * Cost against progress: one mark per intervention (cost per pupil across, progress up), sized by
 * pupils, with interval whiskers, labels and the whole-school line; the quadrants say in plain words
 * what they mean, split at the median cost and the whole-school figure.
 */
export function costVsProgressSpec(points: CostProgressPoint[], reference: number | null, yIsRate: boolean, width = 760): Plot.PlotOptions {
	const costs = points.map((p) => p.cost_per_pupil_gbp).sort((a, b) => a - b);
	const midCost = costs.length ? costs[Math.floor((costs.length - 1) / 2)] : 0;
	const maxCost = Math.max(1, ...costs) * 1.15;
	const ys = points.flatMap((p) => [p.y, p.y_low ?? p.y, p.y_high ?? p.y]);
	const yDomain: [number, number] = yIsRate ? [0, 1] : [Math.min(0, ...ys) - 1, Math.max(1, ...ys) + 1];
	const split = reference ?? (yDomain[0] + yDomain[1]) / 2;
	const [marginLeft, marginRight, marginTop, marginBottom, height] = [50, 40, 20, 45, 460];
	const toX = (v: number) => marginLeft + (v / maxCost) * (width - marginLeft - marginRight);
	const toY = (v: number) => marginTop + (1 - (v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (height - marginTop - marginBottom);
	const named = labelled(points, toX, toY, width);
	// On a phone each corner's words wrap within their half of the chart instead of running into the other's.
	const narrow = width < NARROW_WIDTH;
	const wrap = (top: boolean) => (narrow ? { lineWidth: (width - marginLeft - marginRight) / 2 / 13 - 1, lineAnchor: top ? ('top' as const) : ('bottom' as const) } : {});
	const quadrant = (x: number, y: number, label: string, anchor: 'start' | 'end') =>
		text([label], { x: () => x, y: () => y, textAnchor: anchor, fill: '#4a4f55', fontStyle: 'italic', ...wrap(y === yDomain[1]) });
	return remakeable((w) => costVsProgressSpec(points, reference, yIsRate, w), {
		width,
		height,
		style: { fontSize: '13px' },
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { domain: [0, maxCost], label: 'Cost per pupil (£)', grid: true },
		y: { domain: yIsRate ? [0, 100] : yDomain, percent: yIsRate, label: yIsRate ? 'Targets achieved (%)' : 'Mean gain', grid: true },
		r: { range: width < NARROW_WIDTH ? [3, 11] : [4, 18] },
		marks: [
			ruleX([midCost], { stroke: '#999', strokeDasharray: '2,3' }),
			...(reference === null ? [] : [ruleY([reference], { stroke: '#b3261e', strokeDasharray: '4,3', strokeWidth: 2 })]),
			quadrant(maxCost * 0.02, yDomain[1], 'lower cost, above the line: is the gap real?', 'start'),
			quadrant(maxCost * 0.98, yDomain[1], 'higher cost, above the line: worth what it costs?', 'end'),
			quadrant(maxCost * 0.02, yDomain[0] + (split - yDomain[0]) * 0.08, 'lower cost, below the line: is the gap real?', 'start'),
			quadrant(maxCost * 0.98, yDomain[0] + (split - yDomain[0]) * 0.08, 'higher cost, below the line: worth a closer look?', 'end'),
			ruleX(points.filter((p) => p.y_low !== null), { x: 'cost_per_pupil_gbp', y1: 'y_low', y2: 'y_high', stroke: '#555' }),
			dot(points, { x: 'cost_per_pupil_gbp', y: 'y', r: 'pupils', fill: '#1d4f91', fillOpacity: 0.75, stroke: '#fff', title: 'intervention' }),
			text(points.filter((p) => named.has(p)), { x: 'cost_per_pupil_gbp', y: 'y', text: 'intervention', dy: -14, fill: '#111' })
		]
	});
}
