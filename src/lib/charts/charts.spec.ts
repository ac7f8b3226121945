import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { achievementBarsSpec, BAR, INK } from './achievement-bars';
import { costByInterventionSpec } from './cost-by-intervention';
import { costVsProgressLayout, costVsProgressSpec, UNLABELLED_NOTE, type Box } from './cost-vs-progress';
import { areaBars, costProgress, gainPoints, indicatorRows, interventionCosts, trendRows } from './fixtures';
import { gainDotsSpec } from './gain-dots';
import { textWidth } from './label-margin';
import { specAt } from './narrow';
import { qualityIndicatorsSpec } from './quality-indicators';
import { trendSpec } from './trend';

// The Observable Plot way: render each spec with fixed data to SVG, normalise, compare with the stored file.
// A missing or different snapshot fails; `npm run test:update-snapshots` (UPDATE_SNAPSHOTS=1) writes them, after you have looked at the SVGs.
const dir = new URL('./snapshots/', import.meta.url).pathname;
/** A phone (WCAG 1.4.10's 320 CSS px) and a desktop page's content width. */
const WIDTHS = [320, 760] as const;

function draw(spec: Plot.PlotOptions): Element {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return Plot.plot({ ...spec, document });
}
const serialise = (chart: Element) => chart.outerHTML.replace(/></g, '>\n<').replace(/(\d+\.\d{3})\d+/g, '$1');
/** The chart itself: with a legend Plot returns a <figure> and the chart is its own <svg>. */
const svgOf = (chart: Element) => (chart.tagName === 'svg' ? chart : chart.querySelector(':scope > svg')!) as SVGSVGElement;

function matchSnapshot(name: string, svg: string) {
	const file = `${dir}${name}.svg`;
	if (process.env.UPDATE_SNAPSHOTS === '1') {
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, svg);
	}
	if (!existsSync(file)) throw new Error(`missing chart snapshot ${name}.svg: run npm run test:update-snapshots and look at the SVG before committing it`);
	expect(svg).toBe(readFileSync(file, 'utf8'));
}

/** Each line of text in the chart with where it starts and ends across, by its anchor and estimated width. */
function textExtents(svg: SVGSVGElement) {
	const translateX = (el: Element | null): number => {
		let x = 0;
		for (let e = el; e && e !== svg.parentElement; e = e.parentElement) {
			const m = /translate\(([-\d.e]+)/.exec(e.getAttribute('transform') ?? '');
			if (m) x += Number(m[1]);
		}
		return x;
	};
	const anchorOf = (el: Element) => el.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'start';
	return [...svg.querySelectorAll('text')]
		.filter((t) => !/rotate/.test(t.getAttribute('transform') ?? ''))
		.flatMap((t) => {
			const lines = t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')] : [t];
			return lines.map((line) => {
				const words = line.textContent ?? '';
				const at = translateX(t) + Number(line.getAttribute('x') ?? t.getAttribute('x') ?? 0);
				const w = textWidth(words);
				const anchor = anchorOf(t);
				const left = anchor === 'middle' ? at - w / 2 : anchor === 'end' ? at - w : at;
				return { words, left, right: left + w };
			});
		});
}

/** Nothing is cut at the chart's edge: every line of text lies within its width. */
function expectNothingCut(svg: SVGSVGElement) {
	const width = Number(svg.getAttribute('width'));
	const cut = textExtents(svg).filter((t) => t.left < -0.5 || t.right > width + 0.5);
	expect(cut).toEqual([]);
}
/** Each text's words, its wrapped lines joined again. */
const texts = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('text')].map((t) => {
		const lines = [...t.querySelectorAll('tspan')];
		return lines.length ? lines.map((l) => l.textContent).join(' ') : (t.textContent ?? '');
	});
const axisLabels = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label$="-axis label"] text')].map((t) => t.textContent);

/** Every chart, drawn at each width as the chart component draws it (redrawn for the width, never scaled). */
const charts: Record<string, (width: number) => Plot.PlotOptions> = {
	'achievement-bars': (w) => specAt(achievementBarsSpec(areaBars, 0.55), w),
	'cost-by-intervention': (w) => specAt(costByInterventionSpec(interventionCosts), w),
	'cost-vs-progress': (w) => specAt(costVsProgressSpec(costProgress, 0.5, true), w),
	'gain-dots': (w) => specAt(gainDotsSpec(gainPoints), w),
	'gain-dots-ratio': (w) => specAt(gainDotsSpec(gainPoints.filter((p) => p.ratio_gain !== null)), w),
	trend: (w) => specAt(trendSpec(trendRows), w),
	'quality-indicators': (w) => specAt(qualityIndicatorsSpec(indicatorRows), w)
};

describe('chart snapshots at phone and desktop widths', () => {
	for (const [name, at] of Object.entries(charts))
		for (const width of WIDTHS)
			it(`${name} at ${width}px`, () => {
				const chart = draw(at(width));
				const svg = svgOf(chart);
				expect(svg.getAttribute('width')).toBe(String(width));
				// Text is drawn at 13px for the width it has, never a wide chart scaled down.
				expect(svg.getAttribute('style') ?? '').toContain('font-size: 13px');
				expectNothingCut(svg);
				// Axis titles sit centred on their axis, with no arrow pointing past its end.
				for (const label of axisLabels(svg)) expect(label).not.toMatch(/[↑↓→←]/);
				expect(svg.querySelector('g[aria-label="x-axis label"]')?.getAttribute('transform') ?? '').not.toMatch(/translate\((?!0,)/);
				matchSnapshot(`${name}-${width}`, serialise(chart));
			});
});

describe('achievement bars', () => {
	it('prints each rate and its base at the end of the bar on a desktop, uncut', () => {
		const t = texts(svgOf(draw(achievementBarsSpec(areaBars, 0.55, 760))));
		expect(t).toEqual(expect.arrayContaining(['60% of 20 reviewed', '25% of 4 reviewed (small number)', '81% of 37 reviewed', '0% of 9 reviewed']));
		expect(t).not.toContain('Nothing reviewed');
		expect(axisLabels(svgOf(draw(achievementBarsSpec(areaBars, 0.55, 760))))).toEqual(['Targets achieved (%)']);
	});

	it('writes a large base with its thousands separator, on a desktop and on a phone', () => {
		const large = areaBars.map((r) => ({ ...r, reviewed: r.reviewed * 1000, small_number: false }));
		expect(texts(svgOf(draw(achievementBarsSpec(large, 0.55, 760))))).toContain('60% of 20,000 reviewed');
		expect(texts(svgOf(draw(specAt(achievementBarsSpec(large, 0.55), 320))))).toContain('Cognition and learning · 4,000 reviewed');
		const trend = texts(
			svgOf(
				draw(
					trendSpec(
						trendRows.map((r) => ({ ...r, reviewed: r.reviewed * 1000 })),
						760
					)
				)
			)
		);
		expect(trend.join(' | ')).toContain('30,000 reviewed');
	});

	it('on a phone puts the base with the name and the rate at the bar', () => {
		const t = texts(svgOf(draw(specAt(achievementBarsSpec(areaBars, 0.55), 320))));
		expect(t).toEqual(expect.arrayContaining(['Cognition and learning · 4 reviewed (small number)', '25%', '60%']));
	});

	it('draws each interval once, dark on the bar and beside it, with no white halo cutting the bar in two', () => {
		const svg = svgOf(draw(achievementBarsSpec(areaBars, 0.55, 760)));
		const bars = [...svg.querySelectorAll('g[aria-label="bar"]')];
		const marks = [...svg.querySelectorAll('g[aria-label="rule"], g[aria-label="tick"]')];
		const withInterval = areaBars.filter((r) => r.achievement_rate !== null && r.ci_low !== null).length;
		// The intervals: one rule and two ticks, each a line per bar with an interval, all in dark ink.
		const intervals = marks.filter((g) => g.querySelectorAll('line').length === withInterval);
		expect(withInterval).toBeGreaterThan(1);
		expect(bars.length).toBe(1);
		expect(intervals.map((g) => [g.getAttribute('aria-label'), g.getAttribute('stroke')])).toEqual([
			['rule', INK],
			['tick', INK],
			['tick', INK]
		]);
		expect(marks.map((g) => g.getAttribute('stroke'))).not.toContain('#fff');
		// WCAG 1.4.11: the line shows on the bar (3:1), the bar on the page, and white text inside the bar reads (4.5:1).
		const fill = bars[0].getAttribute('fill')!;
		expect(fill).toBe(BAR);
		expect(contrast(INK, fill)).toBeGreaterThanOrEqual(3);
		expect(contrast('#ffffff', fill)).toBeGreaterThanOrEqual(4.5);
	});
});

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

describe('cost by intervention', () => {
	it('prints each amount, white inside a long bar and dark beside a short one, and leaves out unknown costs', () => {
		const svg = svgOf(draw(costByInterventionSpec(interventionCosts, 760)));
		const fillOf = (words: string) =>
			[...svg.querySelectorAll('text')]
				.find((t) => t.textContent === words)
				?.closest('[fill]')
				?.getAttribute('fill');
		expect(fillOf('£11,100')).toBe('#fff');
		expect(fillOf('£300')).toBe('#0b0c0c');
		expect(fillOf('£4,200, and 1 run whose cost is not known')).toBeDefined();
		expect(texts(svg)).not.toContain('Not costed');
	});
});

describe('cost against progress', () => {
	const inside = (b: Box, f: Box) => b.x >= f.x && b.y >= f.y && b.x + b.w <= f.x + f.w && b.y + b.h <= f.y + f.h;
	const apart = (a: Box, b: Box) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
	const clearOf = (b: Box, c: { cx: number; cy: number; r: number }) => {
		const nx = Math.max(b.x, Math.min(c.cx, b.x + b.w));
		const ny = Math.max(b.y, Math.min(c.cy, b.y + b.h));
		return (nx - c.cx) ** 2 + (ny - c.cy) ** 2 >= c.r ** 2;
	};

	for (const width of WIDTHS)
		it(`at ${width}px no label touches another label or a circle, and every label stays inside the plot area`, () => {
			const layout = costVsProgressLayout(costProgress, 0.5, true, width);
			expect(layout.labels.length).toBeGreaterThan(2);
			for (const [i, a] of layout.labels.entries()) {
				expect(inside(a.box, layout.frame)).toBe(true);
				for (const b of layout.labels.slice(i + 1)) expect(apart(a.box, b.box)).toBe(true);
				for (const d of layout.dots) expect(clearOf(a.box, d), `${a.point.intervention} on ${d.point.intervention}`).toBe(true);
			}
			// Every point is either labelled or left to the table, and the chart says so.
			expect(layout.labels.length + layout.unlabelled.length).toBe(costProgress.length);
			const svg = svgOf(draw(costVsProgressSpec(costProgress, 0.5, true, width)));
			expect(texts(svg).join(' ')).toContain(layout.unlabelled.length ? 'Some interventions are not labelled' : 'Cost per pupil');
		});

	it('draws the circles and labels where the layout says (the layout and Plot agree)', () => {
		const layout = costVsProgressLayout(costProgress, 0.5, true, 760);
		const svg = svgOf(draw(costVsProgressSpec(costProgress, 0.5, true, 760)));
		const drawn = [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy')), Number(c.getAttribute('r'))]);
		const planned = layout.dots.map((d) => [d.cx, d.cy, d.r]);
		const sort = (xs: number[][]) => [...xs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		for (const [i, [cx, cy, r]] of sort(drawn).entries()) {
			const [px, py, pr] = sort(planned)[i];
			expect(cx).toBeCloseTo(px, 1);
			expect(cy).toBeCloseTo(py, 1);
			expect(r).toBeCloseTo(pr, 1);
		}
		for (const { point, box } of layout.labels) {
			const line = textExtents(svg).find((t) => t.words === point.intervention)!;
			expect(line.left).toBeCloseTo(box.x, 0);
		}
	});

	it('puts cost on a log axis, or symlog when a cost is £0, and says so on the axis', () => {
		expect(costVsProgressLayout(costProgress, 0.5, true).xType).toBe('log');
		expect(costVsProgressLayout([...costProgress, { ...costProgress[0], intervention: 'Free', cost_per_pupil_gbp: 0 }], 0.5, true).xType).toBe('symlog');
		const svg = svgOf(draw(costVsProgressSpec(costProgress, 0.5, true)));
		expect(axisLabels(svg)).toEqual(expect.arrayContaining(['Cost per pupil (£, log scale)', 'Targets achieved (%)']));
	});

	it('asks questions in the corners instead of giving verdicts, and notes points left unlabelled', () => {
		const t = texts(svgOf(draw(costVsProgressSpec(costProgress, 0.5, true)))).join('|');
		expect(t).toContain('Higher cost, below the line: worth a closer look?');
		expect(t).not.toMatch(/— (?:keep|review|improve)/);
		const layout = costVsProgressLayout(costProgress, 0.5, true);
		expect(layout.unlabelled.length).toBeGreaterThan(0);
		expect(t).toContain(UNLABELLED_NOTE);
		// With room for every name there is no note.
		const two = costProgress.slice(0, 2).map((p, i) => ({ ...p, cost_per_pupil_gbp: i ? 900 : 40 }));
		expect(costVsProgressLayout(two, 0.5, true).unlabelled).toEqual([]);
		expect(texts(svgOf(draw(costVsProgressSpec(two, 0.5, true)))).join('|')).not.toContain(UNLABELLED_NOTE);
	});
});

describe('gain dots', () => {
	it('never puts points gains and ratio gains on one axis', () => {
		const mixed = texts(svgOf(draw(gainDotsSpec(gainPoints, 760))));
		expect(mixed).toContain('Gain from entry to exit (above 0 = better)');
		const ratio = svgOf(
			draw(
				gainDotsSpec(
					gainPoints.filter((p) => p.ratio_gain !== null),
					760
				)
			)
		);
		expect(texts(ratio)).toContain('Ratio gain (months gained ÷ months passed)');
		// The ratio panel has only the ratio gains (1.1 to 2.2), the gains panel only points and months (-1 to 9).
		expect(ratio.querySelectorAll('g[aria-label="dot"] circle').length).toBe(3);
		expect(svgOf(draw(gainDotsSpec(gainPoints, 760))).querySelectorAll('g[aria-label="dot"] circle').length).toBe(6);
	});
});

describe('trend and plan quality', () => {
	it('draws each term with its interval and its count under its name', () => {
		const svg = svgOf(draw(trendSpec(trendRows, 760)));
		expect(texts(svg).join('|')).toContain('Autumn 2025/26');
		expect(texts(svg).join('|')).toContain('12 reviewed');
		expect(svg.querySelectorAll('g[aria-label="rule"][stroke="#222"] line').length).toBe(3);
	});

	it('writes each share inside its part of the bar where it fits', () => {
		const t = texts(svgOf(draw(qualityIndicatorsSpec(indicatorRows, 760))));
		expect(t).toEqual(expect.arrayContaining(['68%', '29%', '96%', '91%']));
	});
});
