import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { achievementByDose, deliveredCostProgressPoints, deliveryByIntervention, deliveryByRun, deliveryTotals, gainsByDose, minutesReceived } from './delivery';
import { runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/delivery at as_of 15 Jan 2026; every figure worked out by hand from its files.
// Runs (provisions.csv), EEF dose 20–50 minutes, 3–5 a week, 8–20 weeks:
//   R1 Reading Boost 4 a week × 30 min, 12 weeks, £600; places P1 48/42/40 and P2 48/42/21 (planned/delivered/attended).
//   R2 reading boost 2 a week × 20 min, 5 weeks, £300; sessions log of 10 rows, 4 ran (the log wins over P3's own 9 delivered).
//   R3 ELSA 1 a week × 45 min, 6 weeks, £450; P4 6/2/2, P5 6/2/3 (3 > 2 attended is cleared at import).
//   R4 Lego Therapy 1 a week × 40 min, ongoing (no end, no weeks); P6 has only attendance_pct 80 ('many' delivered is unreadable).
//   R5 Lego Therapy 2 a week × 30 min, 10 weeks, £200; P7 20/18 with attendance_pct 50, P2 20/(25, cleared: more than planned)/10.
const all = makeScope({ asOf: '2026-01-15' });

describe('delivery', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('delivery')).db;
	});

	it('gives each run its delivered share, dose parts and bands, from the log where there is one', async () => {
		const rows = await runMetric(db, deliveryByRun, all, undefined);
		const run = (id: string) => rows.find((r) => r.provision_id === id)!;
		// R1: the largest counts of its places, 42 of 48 = 0.875. 42 over 12 weeks = 3.5 a week: every part within.
		expect(run('R1')).toMatchObject({
			source: 'allocations',
			sessions_planned: 48,
			sessions_delivered: 42,
			delivered_share: 0.875,
			delivered_per_week: 3.5,
			dose_band: 'within',
			planned_dose_band: 'within',
			low_delivery: false
		});
		// R2: the log's 10 sessions, 4 ran (0.4, under 0.75: low). 4 / 5 weeks = 0.8 a week, and 5 weeks: below.
		expect(run('R2')).toMatchObject({
			source: 'sessions',
			sessions_planned: 10,
			sessions_delivered: 4,
			delivered_share: 0.4,
			delivered_per_week: 0.8,
			per_week_band: 'below',
			weeks_band: 'below',
			dose_band: 'below',
			low_delivery: true
		});
		// R3: 2 of 6 (P5's 3 attended was cleared, its 2 delivered stands); 45 minutes is within, 2/6 a week and 6 weeks below.
		expect(run('R3')).toMatchObject({ sessions_planned: 6, sessions_delivered: 2, minutes_band: 'within', per_week_band: 'below', weeks_band: 'below', dose_band: 'below', low_delivery: true });
		expect(run('R3').delivered_share).toBeCloseTo(1 / 3, 12);
		// R4 has no delivery data: not known, never 100%. Its 40 minutes are within, the rest not known, so the dose is not known;
		// as planned, 1 a week is below (a known part below is enough), labelled planned.
		expect(run('R4')).toMatchObject({
			source: null,
			sessions_planned: null,
			sessions_delivered: null,
			delivered_share: null,
			low_delivery: null,
			minutes_band: 'within',
			per_week_band: 'not_known',
			weeks_band: 'not_known',
			dose_band: 'not_known',
			planned_dose_band: 'below',
			hours_received: null,
			cost_per_session_delivered: null,
			cost_per_hour_received: null
		});
		// R5: P7's 18 of 20 (P2's 25 was cleared) = 0.9; 1.8 a week is below.
		expect(run('R5')).toMatchObject({ sessions_planned: 20, sessions_delivered: 18, delivered_share: 0.9, delivered_per_week: 1.8, dose_band: 'below', low_delivery: false });
	});

	it('costs each session delivered and each hour received, only where every place is known', async () => {
		const rows = await runMetric(db, deliveryByRun, all, undefined);
		const run = (id: string) => rows.find((r) => r.provision_id === id)!;
		// R1: £600 / 42 = £14.2857; hours received (40 + 21) × 30 min = 1830 min = 30.5 h; £600 / 30.5 = £19.672.
		expect(run('R1').cost_per_session_delivered).toBeCloseTo(600 / 42, 10);
		expect(run('R1')).toMatchObject({ hours_received: 30.5, places: 2, places_received_known: 2 });
		expect(run('R1').cost_per_hour_received).toBeCloseTo(600 / 30.5, 10);
		// R2: £300 / 4 = £75; 4 × 20 min = 80 min = 4/3 h; £300 / (4/3) = £225.
		expect(run('R2')).toMatchObject({ cost_per_session_delivered: 75 });
		expect(run('R2').cost_per_hour_received).toBeCloseTo(225, 10);
		// R3: £450 / 2 = £225 a session; P5's minutes are not known (attended cleared, no attendance %), so no cost per hour.
		expect(run('R3')).toMatchObject({ cost_per_session_delivered: 225, places: 2, places_received_known: 1, hours_received: null, cost_per_hour_received: null });
		// R5: £200 / 18; P7 18 × 50% = 9 sessions = 270 min, P2 10 × 30 = 300 min: 9.5 h, £200 / 9.5.
		expect(run('R5').cost_per_session_delivered).toBeCloseTo(200 / 18, 10);
		expect(run('R5')).toMatchObject({ hours_received: 9.5 });
		expect(run('R5').cost_per_hour_received).toBeCloseTo(200 / 9.5, 10);
	});

	it('adds up the runs of each intervention that have delivery data, counting the others apart', async () => {
		const rows = await runMetric(db, deliveryByIntervention, all, undefined);
		const i = (name: string) => rows.find((r) => r.intervention === name)!;
		// Reading Boost: R1 42/48 and R2 4/10: 46 of 58 = 0.7931 (not under 0.75). £900 / 46 a session; £900 / (30.5 + 4/3) h.
		expect(i('Reading Boost')).toMatchObject({
			runs: 2,
			runs_with_delivery: 2,
			sessions_planned: 58,
			sessions_delivered: 46,
			runs_within: 1,
			runs_below: 1,
			low_delivery: false,
			runs_cost_per_hour: 2
		});
		expect(i('Reading Boost').delivered_share).toBeCloseTo(46 / 58, 12);
		expect(i('Reading Boost').cost_per_session_delivered).toBeCloseTo(900 / 46, 10);
		expect(i('Reading Boost').cost_per_hour_received).toBeCloseTo(900 / (30.5 + 4 / 3), 10);
		// ELSA: 2 of 6, low; no cost per hour (R3's is not known).
		expect(i('ELSA')).toMatchObject({ runs: 1, sessions_planned: 6, sessions_delivered: 2, low_delivery: true, cost_per_session_delivered: 225, cost_per_hour_received: null, runs_cost_per_hour: 0 });
		// Lego Therapy: R5 only (R4 has no delivery data and is counted apart, never as full delivery): 18 of 20.
		expect(i('Lego Therapy')).toMatchObject({
			runs: 2,
			runs_with_delivery: 1,
			sessions_planned: 20,
			sessions_delivered: 18,
			delivered_share: 0.9,
			runs_below: 1,
			runs_dose_not_known: 1,
			low_delivery: false
		});
		// Whole school: 84 planned (48 + 10 + 6 + 20), 66 delivered (42 + 4 + 2 + 18); R2 and R3 under 0.75.
		expect(await runMetric(db, deliveryTotals, all, undefined)).toEqual({
			runs: 5,
			runs_with_delivery: 4,
			sessions_planned: 84,
			sessions_delivered: 66,
			delivered_share: 66 / 84,
			runs_low: 2,
			low_delivery_share: 0.75
		});
	});

	it('gives the minutes each pupil received: attended × minutes, from recorded attendance or the attendance %', async () => {
		const rows = await runMetric(db, minutesReceived, all, undefined);
		expect(rows.map((r) => [r.provision_id, r.pupil_id, r.sessions_delivered, r.sessions_attended, r.attended_from, r.minutes_received])).toEqual([
			['R3', 'P4', 2, 2, 'recorded', 90],
			['R3', 'P5', 2, null, null, null],
			['R4', 'P6', null, null, null, null],
			['R5', 'P2', null, 10, 'recorded', 300],
			['R5', 'P7', 18, 9, 'attendance_pct', 270],
			['R1', 'P1', 42, 40, 'recorded', 1200],
			['R1', 'P2', 42, 21, 'recorded', 630],
			// The log says 4 ran: P3's own 9 is not used for what ran.
			['R2', 'P3', 4, 4, 'recorded', 80]
		]);
	});

	it('splits achievement by dose band, with Wilson intervals and verdicts only between known bands', async () => {
		const rows = await runMetric(db, achievementByDose, all, undefined);
		// within (R1): T1–T6, 5 of 6 achieved. below: T7 (R2), T8 (R1 and R2: the lower band), T9, T10 (R3), T11, T12 (R5): 1 of 6.
		// not known (R4): T13 achieved, T14 overdue. T15 has no provision and is in no band.
		expect(rows.map((r) => [r.dose_band, r.reviewed, r.achieved, r.overdue])).toEqual([
			['below', 6, 1, 0],
			['within', 6, 5, 0],
			['not_known', 1, 1, 1]
		]);
		// Wilson 5/6: centre 5/6 + 3.8415/12 = 1.1535; margin 1.96 × √(0.02315 + 0.02668) = 0.4375; ÷ 1.6402 → 0.4365 to 0.9700.
		const within = rows[1];
		expect(within.ci_low).toBeCloseTo(0.4365, 3);
		expect(within.ci_high).toBeCloseTo(0.97, 3);
		// z: pooled 6/12 = 0.5, se √(0.25 × (1/6 + 1/6)) = 0.2887; (5/6 − 1/6) / 0.2887 = 2.31 > 1.96.
		expect(within.versus_rest?.verdict).toBe('higher');
		expect(rows[0].versus_rest?.verdict).toBe('lower');
		expect(rows[2].versus_rest).toBeNull();
	});

	it('splits gains by dose band, claiming nothing its interval does not show', async () => {
		const rows = await runMetric(db, gainsByDose, all, undefined);
		// within: P1 +10, P2 +4 on R1: mean 7, SD √18. below: P3 −2 (R2), P7 +2 (R5): mean 0, SD √8. Two each: too few.
		expect(rows.map((r) => [r.dose_band, r.measure, r.allocations, r.mean_gain, r.gain_verdict])).toEqual([
			['below', 'standardised_score', 2, 0, 'too_few'],
			['within', 'standardised_score', 2, 7, 'too_few']
		]);
		// 7 ± 12.706 × √18 / √2 = 7 ± 38.118.
		expect(rows[1].gain_ci_low).toBeCloseTo(7 - 12.706 * 3, 6);
	});

	it('can set the cost of what was delivered against progress, leaving out an intervention with a costed run that recorded nothing', async () => {
		const points = await runMetric(db, deliveredCostProgressPoints, all, { y: 'rate', minBase: 0 });
		// Reading Boost: £900 over P1, P2, P3 = £300 a pupil; of its cost, (600 × 0.875 + 300 × 0.4) / 900 = 645/900 paid for sessions that ran: £215.
		// ELSA: £450 / 2 pupils = £225 × 1/3 = £75. Lego Therapy's R4 is costed (at the default TA rate) but recorded nothing: left out.
		expect(points.map((p) => [p.intervention, p.cost_side])).toEqual([
			['ELSA', 'median'],
			['Reading Boost', 'more']
		]);
		expect(points[0].cost_per_pupil_gbp).toBeCloseTo(75, 10);
		expect(points[1].cost_per_pupil_gbp).toBeCloseTo(215, 10);
		// The median of the two left (quantile_disc takes the lower): £75.
		expect(points[1].median_cost_gbp).toBeCloseTo(75, 10);
	});

	it('says not known, never 100%, where a school has no delivery data', async () => {
		const impact = (await sharedFixture('impact')).db;
		const totals = await runMetric(impact, deliveryTotals, all, undefined);
		expect(totals).toMatchObject({ runs_with_delivery: 0, sessions_planned: null, sessions_delivered: null, delivered_share: null, runs_low: 0 });
		const runs = await runMetric(impact, deliveryByRun, all, undefined);
		expect(runs.length).toBeGreaterThan(0);
		for (const r of runs) expect(r).toMatchObject({ source: null, delivered_share: null, low_delivery: null, dose_band: expect.stringMatching(/^(below|not_known)$/) });
	});
});
