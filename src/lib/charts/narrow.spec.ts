import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { withRates } from '../metrics/achievement';
import { achievementBarsSpec } from './achievement-bars';
import { costByInterventionSpec } from './cost-by-intervention';
import { costVsProgressSpec } from './cost-vs-progress';
import { qualityIndicatorsSpec } from './quality-indicators';
import { labelsAbove, linesFor, remakeable, specAt } from './narrow';

function render(spec: Plot.PlotOptions): SVGSVGElement {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	const chart = Plot.plot({ ...spec, document });
	// With a legend Plot returns a <figure>: the chart is its own <svg>, after the legend's swatches.
	return (chart.tagName === 'svg' ? chart : chart.querySelector(':scope > svg')) as SVGSVGElement;
}
/** Each text mark's words, its wrapped lines joined again. */
const texts = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('text')].map((t) => {
		const lines = [...t.querySelectorAll('tspan')];
		return lines.length ? lines.map((l) => l.textContent).join(' ') : (t.textContent ?? '');
	});
const counts = (reviewed: number, achieved: number, partial: number) => ({ reviewed, achieved, partial, not_achieved: reviewed - achieved - partial, open: 0, overdue: 0 });
const areas = [
	{ label: 'Social, emotional and mental health', ...withRates(counts(20, 12, 4)) },
	{ label: 'Cognition and learning', ...withRates(counts(4, 1, 2)) }
];

describe('charts on a narrow screen', () => {
	it('remembers how to redraw a spec at another width without showing it to equality or JSON', () => {
		const make = (w: number): Plot.PlotOptions => ({ width: w, marks: [] });
		const spec = remakeable(make, make(720));
		expect(specAt(spec, 300).width).toBe(300);
		expect(spec).toEqual({ width: 720, marks: [] });
		expect(JSON.stringify(spec)).toBe('{"width":720,"marks":[]}');
		const plain: Plot.PlotOptions = { width: 500 };
		expect(specAt(plain, 300)).toBe(plain);
	});

	it('counts the lines a label wraps to', () => {
		expect(linesFor('Cognition and learning', 300)).toBe(1);
		expect(linesFor('Social, emotional and mental health', 120)).toBe(3);
		expect(linesFor('Supercalifragilistic', 50)).toBe(1); // one long word stays on one line
	});

	it('puts bar labels above the bars, across the full width, with no left margin for them', () => {
		const spec = labelsAbove({ width: 720, marginLeft: 300, y: { domain: ['a', 'b'] }, marks: [Plot.barX([1, 2], { x: (d: number) => d, y: (d: number) => (d === 1 ? 'a' : 'b') })] }, ['a', 'b'], 300);
		expect(spec.width).toBe(300);
		expect(spec.marginLeft).toBeLessThan(20);
		expect(spec.y?.axis).toBeNull();
		expect(texts(render(spec))).toEqual(expect.arrayContaining(['a', 'b']));
	});

	it('draws the achievement bars at phone width with the count beside each name and text at 13px', () => {
		const wide = achievementBarsSpec(areas, 0.5);
		const narrow = specAt(wide, 300);
		expect(narrow.width).toBe(300);
		const svg = render(narrow);
		expect(svg.getAttribute('width')).toBe('300');
		expect(svg.getAttribute('style') ?? '').toContain('font-size: 13px');
		expect(narrow.marginLeft).toBeLessThan(20);
		expect(texts(svg)).toEqual(expect.arrayContaining(['Social, emotional and mental health · 20 reviewed', 'Cognition and learning · 4 reviewed (small number)']));
		// The desktop layout keeps its left margin for the names.
		expect(wide.marginLeft).toBeGreaterThan(200);
	});

	it('keeps the amount at the bar and the runs of unknown cost with the name in the cost chart at phone width', () => {
		const base = {
			need_area: 'semh',
			wave: 2,
			delivered_by: 'TA',
			provisions: 1,
			pupils: 3,
			typical_group_size: 3,
			sessions_per_week: 2,
			minutes_per_session: 30,
			staff_hours_per_week: 1,
			weeks: 10,
			cost_per_pupil_gbp: 100,
			cost_band: '££',
			funding_streams: null
		};
		const spec = specAt(costByInterventionSpec([{ ...base, intervention: 'ELSA', total_cost_gbp: 1200, provisions_cost_unknown: 1 }] as never), 300);
		expect(texts(render(spec))).toEqual(expect.arrayContaining(['ELSA (and 1 run whose cost is not known)', '£1,200']));
	});

	it('leaves out a scatter label that would be cut at the edge', () => {
		const point = { intervention: 'A very long intervention name indeed', cost_per_pupil_gbp: 1000, y: 0.5, y_low: null, y_high: null, pupils: 3 };
		const other = { ...point, intervention: 'Short', cost_per_pupil_gbp: 10, pupils: 2 };
		const t = texts(render(costVsProgressSpec([point, other], null, true, 300))).join('|');
		expect(t).not.toContain('A very long intervention name indeed');
		expect(t).toContain('Short');
	});

	it('writes a plan-quality label too long for the left margin above its bar, even on a wide screen', () => {
		const rows = [{ label: 'Linked provision is quantified (who, how often, how long, from when)', met: 1, not_met: 1, unknown: 0 }];
		const spec = qualityIndicatorsSpec(rows);
		expect(spec.y?.axis).toBeNull();
		expect(texts(render(spec))).toContain('Linked provision is quantified (who, how often, how long, from when)');
	});
});
