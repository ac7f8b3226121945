import { readExportFolder } from '../../src/cli/read-folder';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { commitImport, prepareImport, type ImportPlan } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';

export const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** Import a fixture folder into a fresh DuckDB, as the command line does. */
export async function loadFixture(name: string, db?: Db): Promise<{ db: Db; plans: ImportPlan[] }> {
	const database = db ?? (await openNodeDb());
	const plans: ImportPlan[] = [];
	for (const { school, files } of readExportFolder(fixture(name))) {
		const plan = await prepareImport(database, school, files);
		plans.push(plan);
		await commitImport(database, plan, { dropPersonalColumns: false });
	}
	return { db: database, plans };
}

export async function summaryOf(db: Db) {
	return importSummary(db);
}
