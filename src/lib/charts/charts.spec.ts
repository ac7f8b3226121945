import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { withRates } from '../metrics/achievement';
import type { InterventionCost } from '../metrics/provision';
import { achievementBarsSpec } from './achievement-bars';
import { costByInterventionSpec } from './cost-by-intervention';
import { costVsProgressSpec } from './cost-vs-progress';
import { gainDotsSpec } from './gain-dots';
import { trendSpec } from './trend';

// The Observable Plot way: render each spec with fixed data to SVG, normalise, compare with the stored file.
// A missing or different snapshot fails; `npm run test:update-snapshots` (UPDATE_SNAPSHOTS=1) writes them, after you have looked at the SVGs.
const dir = new URL('./snapshots/', import.meta.url).pathname;

function render(spec: Plot.PlotOptions): string {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	const svg = Plot.plot({ ...spec, document });
	return svg.outerHTML.replace(/></g, '>\n<').replace(/(\d+\.\d{3})\d+/g, '$1');
}

function matchSnapshot(name: string, svg: string) {
	const file = `${dir}${name}.svg`;
	if (process.env.UPDATE_SNAPSHOTS === '1') {
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, svg);
	}
	if (!existsSync(file)) throw new Error(`missing chart snapshot ${name}.svg: run npm run test:update-snapshots and look at the SVG before committing it`);
	expect(svg).toBe(readFileSync(file, 'utf8'));
}

const counts = (reviewed: number, achieved: number, partial: number) => ({ reviewed, achieved, partial, not_achieved: reviewed - achieved - partial, open: 1, overdue: 2 });

describe('chart specs', () => {
	it('achievement bars', () => {
		const rows = [
			{ label: 'Communication and interaction', ...withRates(counts(20, 12, 4)) },
			{ label: 'Cognition and learning', ...withRates(counts(4, 1, 2)) },
			{ label: 'Nothing reviewed', ...withRates(counts(0, 0, 0)) }
		];
		const svg = render(achievementBarsSpec(rows, 0.55));
		expect(svg).toContain('20 reviewed');
		expect(svg).toContain('4 reviewed (small number)');
		expect(svg).not.toContain('Nothing reviewed');
		matchSnapshot('achievement-bars', svg);
	});

	it('cost by intervention', () => {
		const base = { intervention_key: 'x', provisions_not_quantified: 0, need_area: 'semh', wave: 2, delivered_by: 'TA', provisions: 1, pupils: 3, typical_group_size: 3, sessions_per_week: 2, minutes_per_session: 30, staff_hours_per_week: 1, weeks: 10, cost_per_pupil_gbp: 100, cost_band: '££', funding_streams: null };
		const rows: InterventionCost[] = [
			{ ...base, intervention: 'ELSA', total_cost_gbp: 1200, provisions_cost_unknown: 1 },
			{ ...base, intervention: 'Lego therapy', total_cost_gbp: 300, provisions_cost_unknown: 0 },
			{ ...base, intervention: 'Not costed', total_cost_gbp: null, provisions_cost_unknown: 2 }
		];
		const svg = render(costByInterventionSpec(rows));
		expect(svg).toContain('£1,200 + 1 run(s) of unknown cost');
		expect(svg).not.toContain('Not costed');
		matchSnapshot('cost-by-intervention', svg);
	});

	it('cost against progress', () => {
		const svg = render(
			costVsProgressSpec(
				[
					{ intervention: 'Precision Teaching', cost_per_pupil_gbp: 180, y: 0.7, y_low: 0.5, y_high: 0.85, pupils: 12 },
					{ intervention: 'Counselling', cost_per_pupil_gbp: 1500, y: 0.3, y_low: 0.1, y_high: 0.6, pupils: 4 }
				],
				0.5,
				true
			)
		);
		// The corners ask questions: a point's place is an estimate, not a verdict.
		expect(svg).toContain('higher cost, below the line: worth a closer look?');
		expect(svg).not.toMatch(/— (?:keep|review|improve)/);
		expect(svg).toContain('Precision Teaching');
		matchSnapshot('cost-vs-progress', svg);
	});

	it('trend by term', () => {
		const rows = [
			{ academic_year: '2024/25', term: 'Summer' as const, order: 1, ...withRates(counts(10, 5, 2)) },
			{ academic_year: '2025/26', term: 'Autumn' as const, order: 2, ...withRates(counts(12, 8, 2)) }
		];
		const svg = render(trendSpec(rows));
		expect(svg).toContain('Autumn 2025/26');
		matchSnapshot('trend', svg);
	});

	it('gain dots', () => {
		const p = { school: 'S', intervention: 'Reading Boost', entry_value: 80, exit_value: 86 };
		const svg = render(
			gainDotsSpec([
				{ ...p, pupil_id: 'A', measure: 'standardised_score', gain: 6, ratio_gain: null },
				{ ...p, pupil_id: 'B', measure: 'standardised_score', gain: 2, ratio_gain: null },
				{ ...p, pupil_id: 'C', measure: 'reading_age_months', gain: 6, ratio_gain: 2 }
			])
		);
		expect(svg).toContain('reading_age_months (ratio gain)');
		matchSnapshot('gain-dots', svg);
	});
});
