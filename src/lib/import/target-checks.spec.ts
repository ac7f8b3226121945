import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { loadFixture } from '../../../tests/unit/load';
import { refreshTargetChecks } from './target-checks';

// The import hands the engine other work (each target with its pupil) while the SMART checker works.
describe('work beside the SMART checker', () => {
	let db: Db;
	const stored = async () => (await db.query<{ target_id: string }>(`SELECT target_id FROM target_checks WHERE school = 'pivot' ORDER BY target_id`)).map((r) => r.target_id);
	let before: string[];
	beforeAll(async () => {
		db = (await loadFixture('pivot')).db;
		before = await stored();
	});

	it('runs once and is finished when the checks are', async () => {
		const done: string[] = [];
		await refreshTargetChecks(
			db,
			'pivot',
			() => {},
			async () => {
				await db.query('SELECT 1');
				done.push('beside');
			}
		);
		expect(done).toEqual(['beside']);
		expect(await stored()).toEqual(before);
		expect(before).toEqual(['Y2', 'Y3']);
	});

	it('runs for a school with no target to check too', async () => {
		let runs = 0;
		await refreshTargetChecks(
			db,
			'nowhere',
			() => {},
			async () => {
				runs++;
			}
		);
		expect(runs).toBe(1);
	});

	it('fails the step when it fails, once the checks are kept and the temporary tables gone', async () => {
		await expect(
			refreshTargetChecks(
				db,
				'pivot',
				() => {},
				async () => {
					throw new Error('the side work failed');
				}
			)
		).rejects.toThrow('the side work failed');
		expect(await stored()).toEqual(before);
		const temp = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('target_check_input', 'target_wordings', 'target_verdicts')`);
		expect(temp[0].n).toBe(0);
	});
});
