import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

/** Plot in Node: a chart spec drawn to an SVG string through a jsdom document. */
export function drawChart(spec: Plot.PlotOptions): string {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return Plot.plot({ ...spec, document }).outerHTML;
}
