import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { drawChart } from '../../cli/draw-chart';
import { defaultSettings } from '../settings/schema';
import { makeScope } from '../metrics/scope';
import { buildReport } from './build';
import type { Report } from './types';
import { renderReportHtml } from './html';

// tests/fixtures/impact: 3 pupils (2 at SEN support, 1 with an EHC plan), 7 targets, 3 runs.
describe("governors' report", () => {
	let db: Db;
	let report: Report;
	let html: string;
	beforeAll(async () => {
		db = (await sharedFixture('impact')).db;
		report = await buildReport(db, makeScope({ asOf: '2026-01-15', filters: { school: 'impact', academicYear: '2025/26' }, costing: { rates: defaultSettings.staff_rates } }), {
			threshold: 5,
			roll: 210
		});
		html = renderReportHtml(report, drawChart, { points: ['Edited point'], priorities: 'Train staff in ELSA' });
	});
	const table = (caption: string) => report.sections.flatMap((s) => s.tables).find((t) => t.caption === caption)!;

	it('shows small counts as "fewer than 5"', () => {
		// 2 pupils at SEN support and 1 with an EHC plan: both under 5; 3 in all, also under 5.
		// Their share of the roll of 210 would give the counts away, so it is withheld too.
		expect(table('Pupils at SEN support and with EHC plans').rows.map((r) => r.slice(0, 3))).toEqual([
			['SEN support (K)', 'fewer than 5', 'withheld'],
			['EHC plan (E)', 'fewer than 5', 'withheld'],
			['All SEN', 'fewer than 5', 'withheld']
		]);
	});

	it('withholds rates over fewer than 5 targets, and shows those over 5 or more', () => {
		const rows = table('Targets achieved by intervention').rows;
		// Reading Boost: 4 reviewed targets → withheld. ELSA: 1 → withheld.
		expect(rows.find((r) => r[0] === 'Reading Boost')?.slice(1, 3)).toEqual(['fewer than 5', 'withheld']);
		// Overall 3 of 6 reviewed: 6 ≥ 5, but "50% of 6" gives away 3 achieved (and 3 not), both under 5: withheld.
		expect(report.sections.find((s) => s.id === 'impact')?.paragraphs[0]).toMatch(/^6 targets were reviewed; the share achieved is withheld/);
		expect(report.suppressed_cells).toBeGreaterThan(10);
	});

	it('says so on the report, and never shows a pupil id', () => {
		expect(html).toContain('are shown as &quot;fewer than 5&quot;');
		for (const id of ['I1', 'I2', 'I3', 'U1', 'J1']) expect(html).not.toMatch(new RegExp(`\\b${id}\\b`));
	});

	it('is one self-contained file: no script, no link to anywhere, charts inline', () => {
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/(?:src|href)\s*=/i);
		expect(html).not.toMatch(/https?:\/\//);
		expect(html).toMatch(/<h2>What the data says<\/h2>\n<ul><li>Edited point<\/li><\/ul>\n<h3>Priorities<\/h3>\n<p>Train staff in ELSA<\/p>/);
		expect(html).toContain('Share of roll');
		expect(html).toContain('14.8%'); // national SEN support, January 2026
	});
});
