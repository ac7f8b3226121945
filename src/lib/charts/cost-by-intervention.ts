import type * as Plot from '@observablehq/plot';
import { barX, ruleX, text } from '@observablehq/plot';
import type { InterventionCost } from '../metrics/provision';
import { labelMargin } from './label-margin';
import { labelsAbove, NARROW_WIDTH, remakeable } from './narrow';

/** Total cost by intervention, largest first; runs of unknown cost are named, not drawn as zero. */
export function costByInterventionSpec(rows: Pick<InterventionCost, 'intervention' | 'total_cost_gbp' | 'provisions_cost_unknown'>[], width = 720): Plot.PlotOptions {
	const data = rows
		.filter((r) => r.total_cost_gbp !== null)
		.map((r) => ({ ...r, note: `£${Math.round(r.total_cost_gbp!).toLocaleString('en-GB')}${r.provisions_cost_unknown ? ` + ${r.provisions_cost_unknown} run(s) of unknown cost` : ''}` }));
	const narrow = width < NARROW_WIDTH;
	const spec: Plot.PlotOptions = {
		width,
		style: { fontSize: '13px' },
		height: 50 + data.length * 28,
		marginLeft: labelMargin(data.map((d) => d.intervention)),
		marginRight: 230,
		x: { label: 'Total cost (£)', grid: true },
		y: { label: null, domain: data.map((d) => d.intervention) },
		marks: [
			barX(data, { x: 'total_cost_gbp', y: 'intervention', fill: '#1d4f91' }),
			// On a phone the amount joins the name above the bar (there is no margin beside it).
			...(narrow ? [] : [text(data, { x: 'total_cost_gbp', y: 'intervention', text: 'note', textAnchor: 'start', dx: 6, fill: '#222' })]),
			ruleX([0])
		]
	};
	const notes = new Map(data.map((d) => [d.intervention, d.note]));
	const fitted = narrow ? labelsAbove({ ...spec, x: { ...(spec.x ?? {}), ticks: 4 } }, data.map((d) => d.intervention), width, (l) => `${l}: ${notes.get(l)}`) : spec;
	return remakeable((w) => costByInterventionSpec(rows, w), fitted);
}
