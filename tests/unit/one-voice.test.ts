import { describe, expect, it } from 'vitest';
import { lens } from '../../src/cli/lens';
import { achievementByIntervention } from '../../src/lib/metrics/achievement';
import { runMetric } from '../../src/lib/metrics/registry';
import { makeScope } from '../../src/lib/metrics/scope';
import { verdictCell } from '../../src/lib/phrasebook';
import { buildReport } from '../../src/lib/report/build';
import { versusRestColumn } from '../../src/lib/table/achievement-columns';
import { sharedDemo } from './load';

const demoFolder = new URL('../../data/demo', import.meta.url).pathname;

/**
 * The same case reads the same wherever it is shown. In the demo, Beat Dyslexia has 4 reviewed
 * targets in 2025/26: too few to test against the rest of the school. The page once said "Too few
 * reviewed to tell" where the report said "no clear difference yet" for the same 4.
 */
describe('one voice: a verdict is worded the same on the page, in the report and by the command line', () => {
	it('too few to tell, for 4 reviewed targets', async () => {
		const { db } = await sharedDemo();
		const scope = makeScope({ asOf: '2026-03-20', filters: { academicYear: '2025/26' } });
		const row = (await runMetric(db, achievementByIntervention, scope, undefined)).find((r) => r.intervention === 'Beat Dyslexia')!;
		expect(row).toMatchObject({ reviewed: 4, versus_rest: { verdict: 'too_few' } });

		const page = versusRestColumn<typeof row>().format!(row);

		const report = await buildReport(db, makeScope({ asOf: '2026-03-20', filters: { academicYear: '2025/26' } }), { threshold: 2 });
		const table = report.sections.flatMap((s) => s.tables).find((t) => t.caption === 'Targets achieved by intervention')!;
		const inReport = table.rows.find((r) => r[0] === 'Beat Dyslexia')![table.columns.indexOf('Against the rest of the school')];

		let printed = '';
		const code = await lens(['analyse', demoFolder, '--as-of', '2026-03-20', '--threads', '1'], { write: (t: string) => (printed += t) }, { write: () => undefined });
		expect(code).toBe(0);
		const line = printed.split('\n').find((l) => l.trimStart().startsWith('Beat Dyslexia'))!;

		expect(page).toBe(verdictCell.too_few);
		expect(inReport).toBe(verdictCell.too_few);
		expect(line.endsWith(`: ${verdictCell.too_few}`)).toBe(true);
	});
});
