import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { defaultGlossary } from '../quality/acronyms';
import { sharedFixture } from '../../../tests/unit/load';
import { acronymUsage } from './plain-language';
import { ask, askKey, runMetric } from './registry';
import { makeScope } from './scope';

// tests/fixtures/pivot's targets: Y1 explains TTRS in brackets and uses TA (in the glossary); Y2 uses TTRS unexplained;
// Y3 uses CVC (in the glossary); Y4 has no text.
const asOf = '2026-01-15';

describe('acronyms in targets', () => {
	let db: Db;
	beforeAll(async () => {
		db = (await sharedFixture('pivot')).db;
	});

	it('counts the targets using each acronym and those leaving it unexplained', async () => {
		const usage = await runMetric(db, acronymUsage, makeScope({ asOf }), undefined);
		expect(usage.targetsWithText).toBe(3);
		// Only Y2 leaves an acronym (TTRS) unexplained.
		expect(usage.targetsUnexplained).toBe(1);
		expect(usage.rows.map((r) => [r.acronym, r.targets, r.unexplained])).toEqual([
			['TTRS', 2, 1],
			['CVC', 1, 0],
			['TA', 1, 0]
		]);
		expect(usage.rows.find((r) => r.acronym === 'TA')!.meaning).toBe('Teaching Assistant');
	});

	it('follows the glossary of the scope: adding TTRS explains it, and the figure is asked for afresh', async () => {
		const before = makeScope({ asOf });
		const after = makeScope({ asOf, glossary: [...defaultGlossary, { term: 'TTRS', meaning: 'Times Tables Rock Stars, an online times-tables game' }] });
		const usage = await runMetric(db, acronymUsage, after, undefined);
		// Y2's TTRS is now explained by the glossary: no target leaves an acronym unexplained.
		expect(usage.targetsUnexplained).toBe(0);
		expect(usage.rows.map((r) => [r.acronym, r.targets, r.unexplained])).toEqual([
			['TTRS', 2, 0],
			['CVC', 1, 0],
			['TA', 1, 0]
		]);
		// The glossary is part of the figure's key, so a page cannot show the count from before the change.
		expect(askKey(ask(acronymUsage), after)).not.toBe(askKey(ask(acronymUsage), before));
	});
});
