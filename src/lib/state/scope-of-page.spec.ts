import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, sharedDemo, sharedFixture } from '../../../tests/unit/load';
import { openTestDb } from '../../../tests/unit/test-db';
import { readExportFolder } from '../../cli/read-folder';
import type { Db } from '../db/types';
import { commitImport, prepareImport } from '../import/pipeline';
import { planCounts } from '../metrics/register';
import { runMetric } from '../metrics/registry';
import { exportDateFor, exportDatesOf, latestExports } from '../metrics/snapshots';
import { makeScope } from '../metrics/scope';
import { defaultGlossary } from '../quality/acronyms';
import { buildReport } from '../report/build';
import { defaultSettings } from '../settings/schema';
import { DEMO_AS_OF, demoExports } from './demo';
import { asOfOf, asOfReason, scopeOfPage } from './scope-of-page';
import { today } from './url-filters';

const at = (q: string) => new URL(`http://localhost/?${q}`);

describe('the as-of date of a view', () => {
	const exports = { North: '2026-01-10', South: '2026-03-20' };

	it("is the latest export loaded, the chosen school's own, a chosen date, and today only when the data has no export date", () => {
		expect(asOfOf(at(''), exports)).toEqual({ date: '2026-03-20', from: 'export', exported: '2026-03-20', school: null });
		expect(asOfOf(at('school=North'), exports)).toEqual({ date: '2026-01-10', from: 'export', exported: '2026-01-10', school: 'North' });
		// A school not loaded: the latest export of those that are.
		expect(asOfOf(at('school=East'), exports)).toMatchObject({ date: '2026-03-20', from: 'export', school: null });
		expect(asOfOf(at('as_of=2025-12-01&school=North'), exports)).toEqual({ date: '2025-12-01', from: 'chosen', exported: '2026-01-10', school: 'North' });
		// Not a date: as if none were chosen.
		expect(asOfOf(at('as_of=20/03/2026'), exports)).toMatchObject({ date: '2026-03-20', from: 'export' });
		expect(asOfOf(at(''), {})).toEqual({ date: today(), from: 'today', exported: null, school: null });
		expect(exportDateFor(exports, null)).toBe('2026-03-20');
	});

	it('says where the date comes from', () => {
		expect(asOfReason(asOfOf(at(''), exports))).toBe('the date of the latest export loaded');
		expect(asOfReason(asOfOf(at('school=North'), exports))).toBe("the date of North's latest export");
		expect(asOfReason(asOfOf(at('as_of=2025-12-01'), exports), '2026-12-06')).toBe('the date you chose (the latest export loaded is dated 20 March 2026)');
		expect(asOfReason(asOfOf(at('as_of=2026-12-06'), exports), '2026-12-06')).toBe('today, the date you chose (the latest export loaded is dated 20 March 2026)');
		expect(asOfReason(asOfOf(at(''), {}))).toBe('today: the data loaded holds no export date');
	});
});

describe('an export dated in the past, opened later', () => {
	let db: Db;
	beforeAll(async () => {
		// tests/fixtures/quality, imported as the import page does: its snapshot dated by the export (the page fills in the files' date).
		db = await openTestDb();
		const [{ school, files }] = readExportFolder(fixture('quality'));
		await commitImport(db, await prepareImport(db, school, files), { snapshot: '2026-03-20' });
	});

	it('is worked out as of the export, not as of the day it is opened', async () => {
		const exports = await exportDatesOf(db);
		expect(exports).toEqual({ quality: '2026-03-20' });
		const scope = scopeOfPage(at(''), defaultSettings, defaultGlossary, exports);
		expect(scope.asOf).toBe('2026-03-20');
		// Plans not reviewed and more than 14 days past review_due on 20 March 2026: G2 (due 26 January) and G4 (due
		// 28 November). G5 is due 27 March 2026: overdue only from 11 April, so counted as of a later day (today), not here.
		expect((await runMetric(db, planCounts, scope, undefined)).reviews_overdue).toBe(2);
		const later = scopeOfPage(at(`as_of=${today()}`), defaultSettings, defaultGlossary, exports);
		expect((await runMetric(db, planCounts, later, undefined)).reviews_overdue).toBe(3);
	});

	it('gives each school its own latest export date', async () => {
		const trust = await openTestDb();
		const schools = readExportFolder(fixture('trust'));
		for (const [s, dates] of [
			[schools[0], ['2025-10-01', '2026-01-10']],
			[schools[1], ['2026-02-01']]
		] as const) {
			for (const [i, snapshot] of dates.entries()) await commitImport(trust, await prepareImport(trust, s.school, s.files), { snapshot, addSnapshot: i > 0 });
		}
		expect(await runMetric(trust, latestExports, makeScope({ asOf: '2026-01-01' }), undefined)).toEqual({ North: '2026-01-10', South: '2026-02-01' });
	});

	it('on the demo, is the date the page assumes before the engine has the data', async () => {
		expect(await exportDatesOf((await sharedDemo()).db)).toEqual(demoExports(['Oakfield Primary', 'Riverside High']));
		expect(DEMO_AS_OF).toBe('2026-03-20');
	});
});

describe("the governors' report's scope is a page's", () => {
	it('keeps the glossary and the funding stream, and says what narrows it', async () => {
		const { db } = await sharedFixture('costs');
		const glossary = [...defaultGlossary, { term: 'PT', meaning: 'Precision Teaching' }];
		const url = new URL('http://localhost/report?school=costs&year=2025/26&fund=pupil+premium');
		const scope = scopeOfPage(url, defaultSettings, glossary, await exportDatesOf(db));
		expect(scope.glossary).toBe(glossary);
		expect(scope.costing.fundingStream).toBe('pupil premium');
		const report = await buildReport(db, scope, { threshold: 2 });
		const funding = report.sections.flatMap((s) => s.tables).find((t) => t.caption === 'Cost by funding stream')!;
		expect(funding.rows.map((r) => r[0])).toEqual(['pupil premium']);
		expect(report.narrowedTo).toBe('funding stream: pupil premium');
		expect(report.school).toBe('costs');
		expect(report.period).toBe('2025/26');
	});
});
