import type { Db } from '../db/types';
import { importSchools, type SchoolFiles } from './schools';
import { workspaceBytes } from './workspace';

/**
 * The demo, imported once ahead of time and kept as a workspace block (data/demo.plwd), so a visit
 * opens it by restoring its tables instead of reading, checking and loading the CSV files again
 * (1.6 s of a 2.5 s repeat visit). `npm run demo:pack` writes it; a test fails when it no longer
 * matches a fresh import of data/demo.
 */
export async function demoPackBytes(db: Db, schools: SchoolFiles[], asOf: string): Promise<Uint8Array<ArrayBuffer>> {
	await importSchools(db, schools, { snapshot: asOf });
	// When the demo was imported means nothing to a visitor, and would change the file on every pack.
	await db.exec('UPDATE snapshots SET imported_at = NULL');
	return workspaceBytes(db, { schools: schools.map((s) => s.school), importedAt: {}, extras: {} }, new Date(`${asOf}T00:00:00Z`));
}
