import type { Db } from '../db/types';
import { commitImport, discardPlan } from './commit';
import { applyPersonalDataGate } from './guard';
import { prepareImport } from './sources';
import type { ImportPlan, InputFile } from './types';
import type { WordOptions } from './word-sources';

export interface SchoolFiles {
	school: string;
	files: InputFile[];
	/** The export's date (YYYY-MM-DD) from its files' own date, when known: its snapshot unless `snapshot` below says otherwise. */
	exported?: string;
}

export interface ImportSchoolsOptions {
	/** Drop the columns the personal-data guard flagged, and go on (else stop before loading anything). */
	dropPersonalColumns?: boolean;
	/** The date the exports were made (their snapshot), for every school; default each school's `exported`, else today. */
	snapshot?: string;
	/** How Word plans among the files are read (the school key, the template corrections). */
	word?: WordOptions;
}

/**
 * Import every school of a set of files, each school on its own: the demo, the command line and the
 * tests all load through here. Every school is read and checked for personal data before any is
 * loaded, so a flagged file stops the whole set with nothing loaded.
 */
export async function importSchools(db: Db, schools: SchoolFiles[], options: ImportSchoolsOptions = {}): Promise<ImportPlan[]> {
	const drop = options.dropPersonalColumns ?? false;
	const plans: ImportPlan[] = [];
	try {
		for (const { school, files } of schools) plans.push(await prepareImport(db, school, files, undefined, options.word));
		for (const plan of plans) applyPersonalDataGate(plan, drop);
	} catch (e) {
		for (const plan of plans) await discardPlan(db, plan);
		throw e;
	}
	for (const [i, plan] of plans.entries()) await commitImport(db, plan, { dropPersonalColumns: drop, snapshot: options.snapshot ?? schools[i].exported });
	return plans;
}
