import type * as Plot from '@observablehq/plot';
import type { Report } from './types';
import { formatDate } from '../format';

/** The report's look, shared by the page, its print and the downloaded HTML. */
export const reportCss = `
.report { font-family: system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; color: #0b0c0c; line-height: 1.45; max-width: 60rem; }
.report h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
.report h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-bottom: 2px solid #1d4f91; padding-bottom: 0.2rem; }
.report .meta { color: #4a4f55; margin: 0 0 0.75rem; }
.report .note { background: #f3f5f8; border-left: 4px solid #1d4f91; padding: 0.5rem 0.75rem; }
.report table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
.report caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
.report th, .report td { border-bottom: 1px solid #c9ced6; padding: 0.25rem 0.75rem 0.25rem 0; text-align: left; vertical-align: top; }
.report td.num, .report th.num { text-align: right; }
.report figure { margin: 0.5rem 0 1rem; }
.report figcaption { color: #4a4f55; font-size: 0.9rem; }
.report svg { max-width: 100%; height: auto; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " of " counter(pages); } }
  .report { max-width: none; font-size: 10.5pt; }
  .report table, .report figure, .report .keep { break-inside: avoid; page-break-inside: avoid; }
  .report h2 { break-after: avoid; page-break-after: avoid; }
}`;

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const isNumericText = (v: string) => /^(?:£?[\d,.]+%?|fewer than \d+|withheld|—)$/.test(v);

/**
 * The whole report as one self-contained HTML file: text escaped, charts as inline SVG drawn by
 * `drawChart`, the styles inline, and no scripts or links to anywhere.
 */
export function renderReportHtml(report: Report, drawChart: (spec: Plot.PlotOptions) => string, edited?: { points?: string[]; priorities?: string }): string {
	const body = report.sections
		.map((s) => {
			const points = s.id === 'summary' ? (edited?.points ?? s.points ?? []) : (s.points ?? []);
			const parts = [`<h2>${esc(s.title)}</h2>`];
			if (points.length) parts.push(`<ul>${points.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
			if (s.id === 'summary' && edited?.priorities?.trim()) {
				parts.push(
					`<h3>Priorities</h3>`,
					...edited.priorities
						.trim()
						.split(/\n+/)
						.map((p) => `<p>${esc(p)}</p>`)
				);
			}
			parts.push(...s.paragraphs.map((p) => `<p>${esc(p)}</p>`));
			for (const c of s.charts) parts.push(`<figure class="keep">${drawChart(c.spec)}<figcaption>${esc(c.alt)}</figcaption></figure>`);
			for (const t of s.tables) {
				const head = t.columns.map((c, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(c)}</th>`).join('');
				const rows = t.rows.map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td${isNumericText(v) ? ' class="num"' : ''}>${esc(v)}</td>`)).join('')}</tr>`).join('');
				parts.push(`<table><caption>${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
			}
			return `<section>${parts.join('\n')}</section>`;
		})
		.join('\n');
	return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}: ${esc(report.school)}, ${esc(report.period)}</title>
<style>${reportCss}</style></head>
<body><main class="report">
<h1>${esc(report.title)}</h1>
<p class="meta">${esc(report.school)} · ${esc(report.period)}${report.narrowedTo ? ` · ${esc(report.narrowedTo)}` : ''} · figures as of ${esc(formatDate(report.asOf))}</p>
<p class="note">${esc(report.suppressionNote)}</p>
${body}
</main></body></html>
`;
}
