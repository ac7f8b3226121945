import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lens as run } from '../../src/cli/lens';
import { verdictClause } from '../../src/lib/phrasebook';
import { fixture } from './load';

/** The command in this process (as `npm run lens` runs it, minus starting Node): exit code and what it printed. */
async function runLens(args: string[]) {
	let stdout = '';
	let stderr = '';
	// One core: the other test files keep the second one busy.
	const code = await run([...args, '--threads', '1'], { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
	return {
		code,
		stdout,
		stderr: stderr
			.split('\n')
			.filter((l) => l.startsWith('lens'))
			.join('\n')
	};
}

/**
 * `lens analyse` reads its folder and writes nothing, so the same arguments give the same output:
 * several tests read one run of it (each analysis imports and works out every figure anew).
 */
const analyses = new Map<string, ReturnType<typeof runLens>>();
function lens(...args: string[]) {
	if (args[0] !== 'analyse') return runLens(args);
	const key = JSON.stringify(args);
	if (!analyses.has(key)) analyses.set(key, runLens(args));
	return analyses.get(key)!;
}

describe('lens analyse', () => {
	it('prints the import counts, problems and figures as JSON', async () => {
		const r = await lens('analyse', fixture('trust'), '--as-of', '2026-01-15', '--json');
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
			need_area: 'communication_interaction',
			reviewed: 2,
			achieved: 1,
			partial: 1,
			not_achieved: 0,
			open: 1,
			overdue: 0,
			achievement_rate: 0.5,
			progress_rate: 1,
			ci_low: expect.any(Number),
			ci_high: expect.any(Number),
			small_number: true,
			// 1 of 2 against the rest's 3 of 5: too few to test, with the numbers behind the verdict.
			versus_rest: { verdict: 'too_few', rate: 0.5, n: 2, other_rate: 0.6, other_n: 5, more_needed: null }
		});
	});

	it('lists rejected rows and warnings with table, line, column, value and reason', async () => {
		const out = JSON.parse((await lens('analyse', fixture('rules'), '--as-of', '2026-01-15', '--json')).stdout);
		expect(out.import.rejected).toHaveLength(18);
		expect(out.import.warnings).toHaveLength(10);
		expect(out.import.rejected).toContainEqual({
			school: 'rules',
			file: 'plans.csv',
			table: 'plans',
			line: 4,
			column: 'review_due',
			value: '01/09/2025',
			reason: 'review_due is before start_date'
		});
	});

	it('adds the provision map: cost by intervention and pupils over the threshold', async () => {
		const out = JSON.parse((await lens('analyse', fixture('costs'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/provision.spec.ts: Precision Teaching £136 + £230 for 2 pupils.
		expect(out.provision.by_intervention).toContainEqual(
			expect.objectContaining({
				intervention: 'Precision Teaching',
				need_area: 'cognition_learning',
				provisions: 2,
				pupils: 2,
				staff_hours_per_week: 2,
				total_cost_gbp: 366,
				cost_per_pupil_gbp: 183,
				cost_band: '££',
				provisions_cost_unknown: 0
			})
		);
		// C4: £119 of Lego therapy + £6,500 counselling, over the £6,000 notional SEN threshold.
		expect(out.provision.pupils_over_threshold).toEqual([{ school: 'costs', pupil_id: 'C4', cost_gbp: 6619 }]);
	});

	it('adds impact: achievement and entry/exit gains by intervention', async () => {
		const out = JSON.parse((await lens('analyse', fixture('impact'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/impact.spec.ts.
		expect(out.achievement.by_intervention).toContainEqual(
			expect.objectContaining({
				intervention: 'Reading Boost',
				reviewed: 4,
				achieved: 2,
				partial: 1,
				not_achieved: 1,
				open: 0,
				overdue: 0,
				achievement_rate: 0.5,
				progress_rate: 0.75,
				cost_per_achieved_target_gbp: 169
			})
		);
		expect(out.entry_exit.by_intervention).toContainEqual(
			expect.objectContaining({
				intervention: 'Reading Boost',
				measure: 'standardised_score',
				pupils_with_data: 2,
				mean_gain: 6,
				effect_size: 0.4
			})
		);
		expect(out.entry_exit.by_intervention).toContainEqual(
			expect.objectContaining({
				intervention: 'Reading Boost',
				measure: 'reading_age_months',
				ratio_gain_band: 'modest impact'
			})
		);
	});

	it('adds plan quality: indicators, coverage and the checker on every target with text', async () => {
		const out = JSON.parse((await lens('analyse', fixture('quality'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/quality.spec.ts (the checker's own verdicts differ from the hand-set ones there).
		expect(out.quality.indicators.three_or_four_targets).toEqual({ met: 2, not_met: 3, unknown: 0 });
		expect(out.quality.indicators.reviewed_on_time).toEqual({ met: 1, not_met: 2, unknown: 2 });
		expect(out.quality.coverage).toEqual({ pupils_on_register: 6, pupils_with_plan: 3 });
		// 13 targets have text ("text A1" and so on: not SMART); D4 has none.
		expect(out.quality.targets).toHaveLength(13);
		expect(out.quality.targets[0]).toMatchObject({ target_id: 'A1', smart: false, findings: expect.arrayContaining([expect.objectContaining({ part: 'who', ok: false })]) });
		expect(out.quality.indicators.targets_smart).toEqual({ met: 0, not_met: 4, unknown: 1 });
	});

	it('adds target lineage: lineages by status, need area and intervention, and those carried twice without being met', async () => {
		const out = JSON.parse((await lens('analyse', fixture('lineage'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/lineage.spec.ts.
		expect(out.lineage.summary).toMatchObject({ lineages: 18, met: 4, carried: 3, changed: 1, dropped: 3, open: 7, carried_twice_unmet: 1, by_wording: 2, median_days_to_met: 88 });
		expect(out.lineage.by_need_area.map((r: { need_area: string }) => r.need_area)).toEqual(['cognition_learning', 'communication_interaction', 'semh', 'sensory_physical']);
		expect(out.lineage.by_intervention).toHaveLength(5);
		expect(out.lineage.carried_twice_unmet).toEqual([expect.objectContaining({ pupil_id: 'L1', steps: ['T11', 'T21', 'T31'], carried: 2, status: 'changed', by_wording: true })]);
	});

	it('adds delivery: totals, interventions, runs, and achievement and gains by dose band; not known where nothing is recorded', async () => {
		const out = JSON.parse((await lens('analyse', fixture('delivery'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/delivery.spec.ts.
		expect(out.delivery.totals).toMatchObject({ runs: 5, runs_with_delivery: 4, sessions_planned: 84, sessions_delivered: 66, runs_low: 2 });
		expect(out.delivery.by_intervention.map((r: { intervention: string; low_delivery: boolean | null }) => [r.intervention, r.low_delivery])).toEqual([
			['ELSA', true],
			['Lego Therapy', false],
			['Reading Boost', false]
		]);
		expect(out.delivery.by_run.find((r: { provision_id: string }) => r.provision_id === 'R4')).toMatchObject({ delivered_share: null, dose_band: 'not_known' });
		expect(out.delivery.achievement_by_dose.map((r: { dose_band: string }) => r.dose_band)).toEqual(['below', 'within', 'not_known']);
		expect(out.delivery.gains_by_dose).toHaveLength(2);

		// The readable summary says the same: the low one marked, a run with nothing recorded counted apart, never 100%.
		const text = (await lens('analyse', fixture('delivery'), '--as-of', '2026-01-15')).stdout;
		expect(text).toContain('4 of 5 runs recorded delivery: 66 of 84 (79%) sessions delivered');
		expect(text).toMatch(/ELSA +\d+ of \d+ \(\d+%\): read the outcomes with care/);
		expect(text).not.toMatch(/Lego Therapy.*read the outcomes with care/);
	});

	it("writes the governors' report as one HTML file, and counts suppressed cells", async () => {
		const out = `${tmpdir()}/lens-report-${process.pid}.html`;
		const r = await lens('report', fixture('impact'), '--period', '2025/26', '--as-of', '2026-01-15', '--out', out, '--json');
		expect(r.code).toBe(0);
		const run = JSON.parse(r.stdout);
		expect(run.report.suppressed_cells).toBeGreaterThan(10);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('fewer than 5');
		expect(html).not.toMatch(/<script|https?:\/\/|\bI1\b/);
		const analysed = JSON.parse((await lens('analyse', fixture('impact'), '--as-of', '2026-01-15', '--json')).stdout);
		expect(analysed.report).toEqual({ period: '2025/26', suppressed_cells: run.report.suppressed_cells });
	});

	it('compares the schools of a trust side by side, in the JSON and in the readable summary', async () => {
		const out = JSON.parse((await lens('analyse', fixture('trust'), '--as-of', '2026-01-15', '--json')).stdout);
		// Hand-worked in src/lib/metrics/schools.spec.ts.
		expect(out.by_school.register).toEqual([
			{ school: 'North', sen_support: 4, ehc_plan: 1, pupils: 5 },
			{ school: 'South', sen_support: 1, ehc_plan: 0, pupils: 1 }
		]);
		expect(
			out.by_school.achievement.map((r: { school: string; reviewed: number; achieved: number; versus_rest: { verdict: string } }) => [r.school, r.reviewed, r.achieved, r.versus_rest.verdict])
		).toEqual([
			['North', 6, 3, 'too_few'],
			['South', 1, 1, 'too_few']
		]);
		expect(out.by_school.provision[0]).toMatchObject({ school: 'North', runs: 0, total_cost_gbp: null });
		expect(out.by_school.quality[0]).toMatchObject({ school: 'North', plans: 6, plans_missing_none: 0, pupils_with_plan: 4, coverage: 0.8 });
		const text = (await lens('analyse', fixture('trust'), '--as-of', '2026-01-15')).stdout;
		expect(text).toMatch(/Schools side by side \(2\)\n.*\n {2}North +4 +1 +6 +50% +none recorded +0% +80%\n/);
		// South has 1 reviewed target, and is North's only other school: no comparison is made.
		expect(text).toContain(`North: ${verdictClause.too_few}`);
		// One school: nothing to set side by side.
		expect((await lens('analyse', fixture('costs'), '--as-of', '2026-01-15')).stdout).not.toContain('Schools side by side');
	});

	it('says what a school’s cost assumes beside the schools side by side', async () => {
		const trust = mkdtempSync(join(tmpdir(), 'lens-assumes-'));
		for (const school of ['costs', 'quality']) cpSync(fixture(school), join(trust, school), { recursive: true });
		const text = (await lens('analyse', trust, '--as-of', '2026-01-15')).stdout;
		// Hand-worked in src/lib/metrics/schools.spec.ts: quality's one run of known cost (P1) has no end date or weeks;
		// every costed run of "costs" has one.
		expect(text).toContain('Cost of quality: costed to 15 January 2026 (no end date).');
		expect(text).not.toContain('Cost of costs:');
	});

	it('prints a readable summary without --json', async () => {
		const r = await lens('analyse', fixture('trust'), '--as-of', '2026-01-15');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Achievement rate 57% of 7 reviewed');
	});

	it('stops with exit code 2 on personal data, and goes on with --drop-personal-columns', async () => {
		const stopped = await lens('analyse', fixture('personal'), '--json');
		expect(stopped.code).toBe(2);
		expect(stopped.stdout).toBe('');
		expect(stopped.stderr).toMatch(/^lens: Personal data found, nothing loaded\. .*"Forename"/);
		expect(stopped.stderr.split('\n')).toHaveLength(1);
		const dropped = await lens('analyse', fixture('personal'), '--json', '--drop-personal-columns');
		expect(dropped.code).toBe(0);
		expect(JSON.parse(dropped.stdout).import.tables.pupils.loaded).toBe(3);
	});

	it('exits 2 with one line when a file or folder cannot be read', async () => {
		const refused = await lens('analyse', fixture('missing-column'));
		expect([refused.code, refused.stderr]).toEqual([2, 'lens: targets.csv: missing required column need_area for targets']);
		const missing = await lens('analyse', fixture('no-such-folder'));
		expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read folder')]);
	});
});

/** A copy of a fixture folder whose files were last changed on `dates` (a school's subfolder to each date: a trust's), noon local time. */
function exportedOn(name: string, dates: Record<string, string>): string {
	const folder = join(mkdtempSync(join(tmpdir(), 'lens-exported-')), name);
	cpSync(fixture(name), folder, { recursive: true });
	for (const [sub, date] of Object.entries(dates)) {
		const dir = join(folder, sub);
		for (const f of readdirSync(dir)) utimesSync(join(dir, f), new Date(`${date}T12:00:00`), new Date(`${date}T12:00:00`));
	}
	return folder;
}

describe("lens: as of the export's own date", () => {
	it('works figures out as of the date of the files, not the day the command runs, and says so', async () => {
		// tests/fixtures/quality saved on 20 March 2026. Not reviewed and more than 14 days past review_due on that day:
		// G2 (due 26 January) and G4 (due 28 November); G5 (due 27 March) only from 11 April, so by any later day, today.
		const folder = exportedOn('quality', { '.': '2026-03-20' });
		const out = JSON.parse((await lens('analyse', folder, '--json')).stdout);
		expect([out.as_of, out.as_of_from, out.export_dates]).toEqual(['2026-03-20', 'export', { quality: '2026-03-20' }]);
		expect(out.overview.plans.reviews_overdue).toBe(2);
		const today = new Date().toISOString().slice(0, 10);
		const now = JSON.parse((await lens('analyse', folder, '--as-of', today, '--json')).stdout);
		expect([now.as_of, now.as_of_from, now.overview.plans.reviews_overdue]).toEqual([today, 'chosen', 3]);
		expect((await lens('analyse', folder)).stdout).toMatch(
			/^Provision Lens — figures as of 2026-03-20 \(the date of the latest export loaded, from its files' own date; --as-of to change it\) for quality\n/
		);

		const html = `${tmpdir()}/lens-report-exported-${process.pid}.html`;
		const run = JSON.parse((await lens('report', folder, '--period', '2025/26', '--out', html, '--json')).stdout);
		expect([run.report.asOf, run.as_of_from]).toEqual(['2026-03-20', 'export']);
		expect(readFileSync(html, 'utf8')).toContain('figures as of 20 March 2026');
	});

	it("takes a trust's latest export, and one school's own with --school", async () => {
		const folder = exportedOn('trust', { North: '2026-01-10', South: '2026-02-01' });
		const out = JSON.parse((await lens('analyse', folder, '--json')).stdout);
		expect([out.as_of, out.export_dates]).toEqual(['2026-02-01', { North: '2026-01-10', South: '2026-02-01' }]);
		const html = `${tmpdir()}/lens-report-north-${process.pid}.html`;
		const north = JSON.parse((await lens('report', folder, '--period', '2025/26', '--school', 'North', '--out', html, '--json')).stdout);
		expect([north.report.school, north.report.asOf]).toEqual(['North', '2026-01-10']);
	});
});

describe('lens analyse: attainment', () => {
	it('prints attainment, the comparison with the school, progress, attendance and the list under `attainment`', async () => {
		// tests/fixtures/attainment, worked out by hand in src/lib/metrics/attainment.spec.ts.
		const out = JSON.parse((await lens('analyse', fixture('attainment'), '--as-of', '2026-03-20', '--json')).stdout);
		expect(out.attainment.by_subject.map((r: { subject: string; pupils: number; at_expected: number }) => [r.subject, r.pupils, r.at_expected])).toEqual([
			['Reading', 6, 2],
			['Writing', 2, 0],
			['Maths', 4, 2]
		]);
		expect(out.attainment.against_school[0]).toMatchObject({ subject: 'Reading', school_pct: 70, versus_rest: 'lower' });
		expect(out.attainment.progress[0]).toMatchObject({ subject: 'Reading', less_than_expected: 2, expected: 2, more_than_expected: 1, not_recorded: 1 });
		expect(out.attainment.attendance).toMatchObject({ recorded: 5, persistently_absent: 4, versus_rest: 'higher' });
		expect(out.attainment.behind_twice_no_change.map((r: { pupil_id: string }) => r.pupil_id)).toEqual(['A2', 'A5']);
	});
});
