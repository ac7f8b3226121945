import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { importText } from '../../../tests/unit/load';
import { assumptionsNote } from '../assumption-words';
import { provisionByIntervention, pupilCosts, pupilProvisionMap } from '../metrics/provision';
import { runMetric } from '../metrics/registry';
import { makeScope } from '../metrics/scope';
import { NOT_IN_EXPORT } from '../phrasebook';
import { defaultSettings } from '../settings/schema';
import { buildReport } from './build';
import type { Report } from './types';

/**
 * A school's export that leaves things out: no group size for Precision Teaching (27 pupils), no end
 * date or weeks for ELSA, no review_decision column in plans, and no sessions a week or minutes a
 * session anywhere but the two runs above. Figures resting on an assumption say which; figures whose
 * source is not in the export say so, never 0.
 */
const pupils = Array.from({ length: 27 }, (_, i) => `P${String(i + 1).padStart(2, '0')},4,K`);
const files = {
	'pupils.csv': ['pupil_id,year_group,sen_stage', ...pupils].join('\n'),
	// No review_decision column: the export cannot say what reviews decided.
	'plans.csv': 'plan_id,pupil_id,cycle,start_date,review_due,reviewed_on\nM1,P01,1,2025-09-08,2025-12-12,2025-12-10\nM2,P02,1,2025-09-08,2025-12-12,2025-12-11\n',
	// PT: its own rate £18 × (2 × 30 min = 1 h a week) × 24 weeks = £432, no group size: one group of its 27 pupils, £16 each.
	// ELSA: HLTA £21 × 1 h a week, ongoing with no weeks: 8 Sep 2025 to 15 Jan 2026 is 130 days = 130/7 weeks: £390, one pupil.
	'provisions.csv': [
		'provision_id,intervention,need_area,delivered_by,sessions_per_week,minutes_per_session,start_date,end_date,weeks,group_size,hourly_rate_gbp',
		'R1,Precision Teaching,C&L,TA,2,30,2025-09-08,2026-03-20,24,,18',
		'R2,ELSA,SEMH,HLTA,1,60,2025-09-08,,,1,'
	].join('\n'),
	'allocations.csv': ['provision_id,pupil_id', ...pupils.map((p) => `R1,${p.split(',')[0]}`), 'R2,P01'].join('\n')
};
const asOf = '2026-01-15';
const scope = makeScope({ asOf, costing: { rates: defaultSettings.staff_rates } });

describe('assumptions said where a figure rests on them', () => {
	let db: Db;
	beforeAll(async () => {
		({ db } = await importText(files, { school: 'Silent' }));
	});

	it('counts the runs behind each cost that rest on an assumption', async () => {
		const rows = await runMetric(db, provisionByIntervention, scope, undefined);
		const pt = rows.find((r) => r.intervention === 'Precision Teaching')!;
		expect(pt).toMatchObject({ total_cost_gbp: 432, cost_per_pupil_gbp: 16, typical_group_size: 27, provisions_group_assumed: 1, provisions_to_as_of: 0 });
		const elsa = rows.find((r) => r.intervention === 'ELSA')!;
		expect(elsa.total_cost_gbp).toBeCloseTo((21 * 130) / 7, 6);
		expect(elsa).toMatchObject({ provisions_group_assumed: 0, provisions_to_as_of: 1 });
		// A pupil's share of PT (£16) rests on the group of 27; P01's ELSA share on costing to the as-of date.
		const p01 = (await runMetric(db, pupilCosts, scope, undefined)).find((r) => r.pupil_id === 'P01')!;
		expect(p01).toMatchObject({ provisions: 2, provisions_group_assumed: 1, provisions_to_as_of: 1 });
		expect(p01.cost_gbp).toBeCloseTo(16 + 390, 6);
		const map = await runMetric(db, pupilProvisionMap, scope, { school: 'Silent', pupil_id: 'P01' });
		expect(map.map((r) => [r.provision_id, r.shared_by, r.group_size_assumed, r.costed_to_as_of])).toEqual([
			['R1', 27, true, false],
			['R2', 1, false, true]
		]);
	});

	it('says the assumption in plain words', () => {
		expect(assumptionsNote({ runs: 1, groupAssumed: 1, toAsOf: 0, group: 27, asOf })).toBe('assumes one group of 27 (no group size recorded)');
		expect(assumptionsNote({ runs: 1, groupAssumed: 0, toAsOf: 1, asOf })).toBe('costed to 15 January 2026 (no end date)');
		expect(assumptionsNote({ runs: 3, groupAssumed: 2, toAsOf: 1, asOf })).toBe(
			'assumes each of 2 runs is one group of all its pupils (no group size recorded); 1 run costed to 15 January 2026 (no end date)'
		);
		expect(assumptionsNote({ runs: 3, groupAssumed: 1, toAsOf: 0, asOf })).toBe('assumes 1 run is one group of all its pupils (no group size recorded)');
		expect(assumptionsNote({ runs: 2, groupAssumed: 0, toAsOf: 0, asOf })).toBeNull();
	});
});

describe("the governors' report on an export that leaves things out", () => {
	let report: Report;
	const section = (id: string) => report.sections.find((s) => s.id === id)!;
	beforeAll(async () => {
		const { db } = await importText(files, { school: 'Silent' });
		report = await buildReport(db, makeScope({ asOf, filters: { school: 'Silent', academicYear: '2025/26' }, costing: { rates: defaultSettings.staff_rates } }), { threshold: 1 });
	});

	it('says requests for a needs assessment are not in the export, rather than 0, when no review records a decision', () => {
		const reviews = section('reviews');
		expect(reviews.paragraphs.join(' ')).toContain(`Requests for an EHC needs assessment decided at reviews: ${NOT_IN_EXPORT}`);
		expect(reviews.paragraphs.join(' ')).not.toMatch(/reviews: 0/);
		// No table of decisions that holds only "not recorded".
		expect(reviews.tables).toEqual([]);
	});

	it('notes the assumption beside the costs it changes', () => {
		const table = section('provision').tables.find((t) => t.caption === 'Provision by intervention')!;
		const pt = table.rows.find((r) => r[0] === 'Precision Teaching')!;
		expect(pt[4]).toBe('£16; assumed as for the cost');
		expect(pt[3]).toBe('£432; assumes one group of 27 (no group size recorded)');
	});

	it('never prints a table with only its header: no run in force says so in words', async () => {
		const { db } = await importText(files, { school: 'Silent' });
		// On 1 September 2025 neither run has started: no run is in force.
		const early = await buildReport(db, makeScope({ asOf: '2025-09-01', filters: { school: 'Silent', academicYear: '2025/26' }, costing: { rates: defaultSettings.staff_rates } }), {
			threshold: 1
		});
		const provision = early.sections.find((s) => s.id === 'provision')!;
		expect(provision.tables.find((t) => t.caption.startsWith('Staff hours'))).toBeUndefined();
		expect(provision.paragraphs).toContain('Staff hours a week by role: no run was in force on 1 September 2025.');
		for (const s of early.sections) for (const t of s.tables) expect(t.rows.length, t.caption).toBeGreaterThan(0);
	});
});
