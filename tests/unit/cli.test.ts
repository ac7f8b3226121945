import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fixture } from './load';

function lens(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lens.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l.startsWith('lens')).join('\n') };
}

describe('lens analyse', () => {
	it('prints the import counts, problems and figures as JSON', () => {
		const r = lens('analyse', fixture('trust'), '--as-of', '2026-01-15', '--json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.as_of).toBe('2026-01-15');
		expect(out.schools).toEqual(['North', 'South']);
		expect(out.import.tables).toEqual({
			pupils: { read: 7, loaded: 7, rejected: 0, warnings: 0 },
			plans: { read: 7, loaded: 7, rejected: 0, warnings: 0 },
			targets: { read: 11, loaded: 11, rejected: 0, warnings: 0 }
		});
		expect(out.import.rejected).toEqual([]);
		expect(out.overview.targets).toMatchObject({ total: 11, reviewed: 7, achieved: 4, open: 2, overdue: 2 });
		expect(out.achievement.by_need_area[0]).toEqual({
			need_area: 'communication_interaction', reviewed: 2, achieved: 1, partial: 1, not_achieved: 0, open: 1, overdue: 0,
			achievement_rate: 0.5, progress_rate: 1, ci_low: expect.any(Number), ci_high: expect.any(Number), small_number: true
		});
	});

	it('lists rejected rows and warnings with table, line, column, value and reason', () => {
		const out = JSON.parse(lens('analyse', fixture('rules'), '--as-of', '2026-01-15', '--json').stdout);
		expect(out.import.rejected).toHaveLength(18);
		expect(out.import.warnings).toHaveLength(10);
		expect(out.import.rejected).toContainEqual({
			school: 'rules', file: 'plans.csv', table: 'plans', line: 4, column: 'review_due', value: '01/09/2025', reason: 'review_due is before start_date'
		});
	});

	it('adds the provision map: cost by intervention and pupils over the threshold', () => {
		const out = JSON.parse(lens('analyse', fixture('costs'), '--as-of', '2026-01-15', '--json').stdout);
		// Hand-worked in src/lib/metrics/provision.spec.ts: Precision Teaching £136 + £230 for 2 pupils.
		expect(out.provision.by_intervention).toContainEqual(expect.objectContaining({
			intervention: 'Precision Teaching', need_area: 'cognition_learning', provisions: 2, pupils: 2, staff_hours_per_week: 2,
			total_cost_gbp: 366, cost_per_pupil_gbp: 183, cost_band: '££', provisions_cost_unknown: 0
		}));
		// C4: £119 of Lego therapy + £6,500 counselling, over the £6,000 notional SEN threshold.
		expect(out.provision.pupils_over_threshold).toEqual([{ school: 'costs', pupil_id: 'C4', cost_gbp: 6619 }]);
	});

	it('adds impact: achievement and entry/exit gains by intervention', () => {
		const out = JSON.parse(lens('analyse', fixture('impact'), '--as-of', '2026-01-15', '--json').stdout);
		// Hand-worked in src/lib/metrics/impact.spec.ts.
		expect(out.achievement.by_intervention).toContainEqual(expect.objectContaining({
			intervention: 'Reading Boost', reviewed: 4, achieved: 2, partial: 1, not_achieved: 1, open: 0, overdue: 0,
			achievement_rate: 0.5, progress_rate: 0.75, cost_per_achieved_target_gbp: 169
		}));
		expect(out.entry_exit.by_intervention).toContainEqual(expect.objectContaining({
			intervention: 'Reading Boost', measure: 'standardised_score', pupils_with_data: 2, mean_gain: 6, effect_size: 0.4
		}));
		expect(out.entry_exit.by_intervention).toContainEqual(expect.objectContaining({
			intervention: 'Reading Boost', measure: 'reading_age_months', ratio_gain_band: 'modest impact'
		}));
	});

	it('adds plan quality: indicators, coverage and the checker on every target with text', () => {
		const out = JSON.parse(lens('analyse', fixture('quality'), '--as-of', '2026-01-15', '--json').stdout);
		// Hand-worked in src/lib/metrics/quality.spec.ts (the checker's own verdicts differ from the hand-set ones there).
		expect(out.quality.indicators.three_or_four_targets).toEqual({ met: 2, not_met: 3, unknown: 0 });
		expect(out.quality.indicators.reviewed_on_time).toEqual({ met: 1, not_met: 2, unknown: 2 });
		expect(out.quality.coverage).toEqual({ pupils_on_register: 6, pupils_with_plan: 3 });
		// 13 targets have text ("text A1" and so on: not SMART); D4 has none.
		expect(out.quality.targets).toHaveLength(13);
		expect(out.quality.targets[0]).toMatchObject({ target_id: 'A1', smart: false, findings: expect.arrayContaining([expect.objectContaining({ part: 'who', ok: false })]) });
		expect(out.quality.indicators.targets_smart).toEqual({ met: 0, not_met: 4, unknown: 1 });
	});

	it('writes the governors\' report as one HTML file, and counts suppressed cells', () => {
		const out = `${tmpdir()}/lens-report-${process.pid}.html`;
		const r = lens('report', fixture('impact'), '--period', '2025/26', '--as-of', '2026-01-15', '--out', out, '--json');
		expect(r.code).toBe(0);
		const run = JSON.parse(r.stdout);
		expect(run.report.suppressed_cells).toBeGreaterThan(10);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('fewer than 5');
		expect(html).not.toMatch(/<script|https?:\/\/|\bI1\b/);
		const analysed = JSON.parse(lens('analyse', fixture('impact'), '--as-of', '2026-01-15', '--json').stdout);
		expect(analysed.report).toEqual({ period: '2025/26', suppressed_cells: run.report.suppressed_cells });
	});

	it('prints a readable summary without --json', () => {
		const r = lens('analyse', fixture('trust'), '--as-of', '2026-01-15');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Achievement rate 57% of 7 reviewed');
	});

	it('stops with exit code 2 on personal data, and goes on with --drop-personal-columns', () => {
		const stopped = lens('analyse', fixture('personal'), '--json');
		expect(stopped.code).toBe(2);
		expect(stopped.stdout).toBe('');
		expect(stopped.stderr).toMatch(/^lens: Personal data found, nothing loaded\. .*"Forename"/);
		expect(stopped.stderr.split('\n')).toHaveLength(1);
		const dropped = lens('analyse', fixture('personal'), '--json', '--drop-personal-columns');
		expect(dropped.code).toBe(0);
		expect(JSON.parse(dropped.stdout).import.tables.pupils.loaded).toBe(3);
	});

	it('exits 2 with one line when a file or folder cannot be read', () => {
		const refused = lens('analyse', fixture('missing-column'));
		expect([refused.code, refused.stderr]).toEqual([2, 'lens: targets.csv: missing required column need_area for targets']);
		const missing = lens('analyse', fixture('no-such-folder'));
		expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read folder')]);
	});
});
