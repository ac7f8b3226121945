import type { Db } from '../db/types';
import { ident, lit } from '../validate/sql-text';
import type { WordOrigin } from './word';
import type { ImportPlan } from './types';

/**
 * A table made from Word plans is checked as a CSV file, so its rejected rows and warnings first name
 * that made-up file and a line of it. Nobody can open that file: each is said again by the document
 * and the place in it the row came from ("Plans/Amy.docx › plan grid (table 3), row 2"), with no line
 * (a document has none), and so are the lines of it that a reason quotes.
 */

/** Where row `line` of a made table came from, as a problem's file names it. */
const placeOf = (o: WordOrigin | undefined) => (o ? `${o.document} › ${o.where}` : null);

/** A reason's mentions of lines of the made tables, said as the documents' places. */
function reasonSaid(reason: string, byFile: Map<string, WordOrigin[]>, byTable: Map<string, WordOrigin[]>): string {
	let said = reason;
	// A repeated id names the first row it was on: "first on line 5 of Word plans › plans".
	for (const [file, origins] of byFile) {
		const quoted = new RegExp(`line (\\d+) of ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
		said = said.replace(quoted, (whole, n: string) => placeOf(origins[Number(n) - 2]) ?? whole);
	}
	// A reference to a row rejected in another table: "(plans line 7: …)".
	return said.replace(/\((\w+) line (\d+):/g, (whole, table: string, n: string) => {
		const place = placeOf(byTable.get(table)?.[Number(n) - 2]);
		return place ? `(${table} from ${place}:` : whole;
	});
}

/** Say the rejected rows and warnings of the plan's Word-made tables, recorded under `school`, by their documents. */
export async function relabelWordProblems(db: Db, school: string, plan: ImportPlan): Promise<void> {
	const made = plan.sources.filter((s) => s.wordOrigins && !s.refused);
	if (!made.length) return;
	const byFile = new Map(made.map((s) => [s.file, s.wordOrigins!]));
	const byTable = new Map(made.filter((s) => s.table).map((s) => [s.table!, s.wordOrigins!]));
	const files = `(${made.map((s) => lit(s.file)).join(', ')})`;
	for (const table of ['import_rejected', 'import_warnings']) {
		const rows = await db.query<Record<string, unknown> & { file: string; line: number | null; reason: string }>(`SELECT * FROM ${ident(table)} WHERE school = ${lit(school)} AND file IN ${files}`);
		if (!rows.length) continue;
		const columns = Object.keys(rows[0]);
		const values = rows.map((r) => {
			const place = r.line === null ? null : placeOf(byFile.get(r.file)?.[r.line - 2]);
			const row: Record<string, unknown> = { ...r, reason: reasonSaid(r.reason, byFile, byTable) };
			// The header of a made table is no document's: a note on it keeps the made table's name.
			if (place) Object.assign(row, { file: place, line: null });
			return `(${columns.map((c) => (row[c] === null || row[c] === undefined ? 'NULL' : typeof row[c] === 'number' ? String(row[c]) : lit(String(row[c])))).join(', ')})`;
		});
		await db.exec(`DELETE FROM ${ident(table)} WHERE school = ${lit(school)} AND file IN ${files}`);
		for (let i = 0; i < values.length; i += 1000) {
			await db.exec(`INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES ${values.slice(i, i + 1000).join(', ')}`);
		}
	}
}
