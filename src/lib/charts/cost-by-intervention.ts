import type * as Plot from '@observablehq/plot';
import { barX, ruleX, text } from '@observablehq/plot';
import { runsLeftOut } from '../assumption-words';
import type { InterventionCost } from '../metrics/provision';
import { AXIS_TITLE, pounds, X_TITLE_MARGIN } from './axes';
import { placeValues, valueMargin, type BarValue } from './bar-values';
import { labelMargin, labelsFit } from './label-margin';
import { ABOVE_MARGIN_LEFT, ABOVE_MARGIN_RIGHT, labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

type Row = Pick<InterventionCost, 'intervention' | 'total_cost_gbp' | 'provisions_cost_unknown'>;

/**
 * Total cost by intervention, largest first, each bar with its amount: inside the bar in white when
 * it fits, else just beyond its end. Runs of unknown cost are named, never drawn as zero.
 */
export function costByInterventionSpec(rows: Row[], width = 720): Plot.PlotOptions {
	const shown = rows.filter((r): r is Row & { total_cost_gbp: number } => r.total_cost_gbp !== null);
	const narrow = width < NARROW_WIDTH;
	const labels = shown.map((r) => r.intervention);
	const above = narrow || !labelsFit(labels);
	const unknown = (r: Row) => (r.provisions_cost_unknown ? `, ${runsLeftOut(r.provisions_cost_unknown, 'cost')}` : '');
	const max = Math.max(1, ...shown.map((r) => r.total_cost_gbp));
	// On a phone the bar carries the amount and the runs of unknown cost join the name above it.
	const values: BarValue[] = shown.map((r) => ({
		text: narrow ? pounds(r.total_cost_gbp) : `${pounds(r.total_cost_gbp)}${unknown(r)}`,
		after: r.total_cost_gbp / max,
		room: r.total_cost_gbp / max
	}));
	const marginLeft = above ? ABOVE_MARGIN_LEFT : labelMargin(labels);
	const marginRight = narrow ? ABOVE_MARGIN_RIGHT : valueMargin(values, width, marginLeft, true);
	const places = placeValues(values, width - marginLeft - marginRight, marginRight, true);
	const data = shown.map((r, i) => ({ ...r, value: values[i].text, place: places[i] }));
	const at = (place: string) => data.filter((d) => d.place === place);
	const spec: Plot.PlotOptions = {
		width,
		style: { fontSize: '13px' },
		height: X_TITLE_MARGIN + 20 + data.length * 30,
		marginLeft,
		marginRight,
		marginBottom: X_TITLE_MARGIN,
		// The domain is fixed (not rounded up) so that where each amount fits is known here.
		x: { domain: [0, max], label: 'Total cost (£)', grid: true, ...(narrow ? { ticks: 3 } : {}), ...AXIS_TITLE },
		y: { label: null, domain: labels },
		marks: [
			barX(data, { x: 'total_cost_gbp', y: 'intervention', fill: '#1d4f91' }),
			ruleX([0]),
			text(at('inside'), { x: 'total_cost_gbp', y: 'intervention', text: 'value', textAnchor: 'end', dx: -6, fill: '#fff' }),
			text(at('outside'), { x: 'total_cost_gbp', y: 'intervention', text: 'value', textAnchor: 'start', dx: 6, fill: '#0b0c0c' })
		]
	};
	if (!above) return remakeable((w) => costByInterventionSpec(rows, w), spec);
	const byName = new Map(data.map((d) => [d.intervention, d]));
	const note = (l: string) => {
		const d = byName.get(l)!;
		if (!narrow) return l;
		return d.place === 'label' ? `${l}: ${pounds(d.total_cost_gbp)}${unknown(d)}` : `${l}${d.provisions_cost_unknown ? ` (${runsLeftOut(d.provisions_cost_unknown, 'cost')})` : ''}`;
	};
	const fitted = { ...labelsAbove(spec, labels, width, note), marginRight };
	return remakeable((w) => costByInterventionSpec(rows, w), fitted);
}
