import type { Db } from '../db/types';
import { madeUpExport } from './made-up-export';
import { commitImport, discardPlan } from './commit';
import { prepareImport } from './sources';

/** How long the import page is open with the engine ready and no file chosen before the warm-up starts: one who chooses at once is not held up. */
export const WARM_UP_AFTER_MS = 1000;

/** Targets in the warm-up's made-up export: enough rows for every check to run, few enough to take a moment. */
const WARM_UP_TARGETS = 40;

/**
 * Import a few made-up rows once, out of sight, so that the school's own import runs warm. The engine's
 * code is compiled to fast machine code only once it has run a while: measured on wasm in Node (7 December
 * 2026), a first import of 2,000 targets took 1.39 s and the same import again 0.48 s. In Chromium, after
 * this warm-up, a school's import of 2,000 targets took 1.7-1.8 s instead of 2.8 s.
 *
 * The rows go into a database of their own on a connection of their own (`Db.scratch`), gone once done:
 * the data loaded is never read nor changed. `stop` stops it between tables, once files are chosen. Gives
 * whether it ran to the end; a failure is not the person's concern (their own import says what is wrong).
 */
export async function warmUpImport(db: Db, stop?: AbortSignal): Promise<boolean> {
	if (!db.scratch) return false;
	const scratch = await db.scratch();
	try {
		const plan = await prepareImport(scratch, 'Warm-up', madeUpExport(WARM_UP_TARGETS));
		if (stop?.aborted) {
			await discardPlan(scratch, plan);
			return false;
		}
		// Files chosen meanwhile stop it before its next table: their import is not kept waiting for it.
		await commitImport(scratch, plan, { snapshot: '2026-01-15', signal: stop });
		return true;
	} catch {
		return false;
	} finally {
		await scratch.close().catch(() => undefined);
	}
}
