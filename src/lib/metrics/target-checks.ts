import type { Db } from '../db/types';
import { checkTarget } from '../quality/smart';
import { csvCell } from '../import/sniff';
import { lit } from '../validate/sql-text';

/**
 * Run the SMART checker (plain TypeScript) over every target with text of a school and keep the
 * verdicts in DuckDB, so the quality figures stay SQL. Run after each import of that school.
 */
export async function refreshTargetChecks(db: Db, school: string): Promise<void> {
	const rows = await db.query<{ target_id: string; target_text: string; start_date: string; due: string }>(`
    SELECT t.target_id, t.target_text, pl.start_date, coalesce(t.due_date, pl.review_due) AS due
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    WHERE t.school = ${lit(school)} AND t.target_text IS NOT NULL`);
	await db.exec(`DELETE FROM target_checks WHERE school = ${lit(school)}`);
	if (!rows.length) return;
	const lines = rows.map((r) => {
		const result = checkTarget(r.target_text, { startDate: r.start_date, dueDate: r.due });
		return [r.target_id, result.smart ? 'true' : 'false', JSON.stringify(result.findings)].map(csvCell).join(',');
	});
	const file = `target_checks_${Date.now()}.csv`;
	await db.registerText(file, `target_id,smart,findings\n${lines.join('\n')}\n`);
	await db.exec(`INSERT INTO target_checks SELECT ${lit(school)}, target_id, smart, findings FROM read_csv(${lit(file)}, header = true, auto_detect = false,
    columns = {'target_id': 'VARCHAR', 'smart': 'BOOLEAN', 'findings': 'VARCHAR'}, quote = '"', escape = '"', delim = ',')`);
	await db.dropFile(file);
}
