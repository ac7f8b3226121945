import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedFixture } from '../../../tests/unit/load';
import { defaultSettings } from '../settings/schema';
import { makeScope } from '../metrics/scope';
import { buildReport } from './build';
import { reportProblems } from './honesty';

// tests/fixtures/delivery (hand-worked in src/lib/metrics/delivery.spec.ts): ELSA 2 pupils, 2 of 6 sessions;
// Lego Therapy 2 pupils, 18 of 20 over one run, one run with nothing recorded; Reading Boost 3 pupils, 46 of 58.
const scopeOf = (school: string) => makeScope({ asOf: '2026-01-15', filters: { school, academicYear: '2025/26' }, costing: { rates: defaultSettings.staff_rates } });

describe("the governors' report on delivery", () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('delivery')).db;
	});

	it('gives one line per intervention, marking low delivery, with the threshold at 2', async () => {
		const report = await buildReport(db, scopeOf('delivery'), { threshold: 2 });
		const section = report.sections.find((s) => s.id === 'delivery')!;
		expect(section.paragraphs.slice(1)).toEqual([
			'ELSA: delivered 33% of planned sessions (6 planned): read the outcomes with care.',
			'Lego Therapy: delivered 90% of planned sessions (20 planned). Runs that recorded nothing (1) are not counted.',
			'Reading Boost: delivered 79% of planned sessions (58 planned).'
		]);
		expect(reportProblems(report, 2)).toEqual([]);
	});

	it('withholds the line of an intervention with fewer pupils than the threshold, as its cost is', async () => {
		const report = await buildReport(db, scopeOf('delivery'), { threshold: 3 });
		const points = report.sections.find((s) => s.id === 'delivery')!.paragraphs.slice(1);
		expect(points[0]).toBe('ELSA: how much was delivered is withheld, as it would give a small number away.');
		expect(points[2]).toMatch(/^Reading Boost: delivered 79%/);
		expect(reportProblems(report, 3)).toEqual([]);
	});

	it('says when nothing says what was delivered, and never counts it as full', async () => {
		const impact = (await sharedFixture('impact')).db;
		const report = await buildReport(impact, scopeOf('impact'), { threshold: 5 });
		const section = report.sections.find((s) => s.id === 'delivery')!;
		expect(section.paragraphs[0]).toMatch(/^No delivery recorded: the figures are as planned, not as delivered\./);
		expect(section.paragraphs.slice(1)).toEqual([]);
	});
});
