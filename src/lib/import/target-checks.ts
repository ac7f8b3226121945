import type { Db } from '../db/types';
import { checkTarget, type Finding } from '../quality/smart';
import { lit } from '../validate/sql-text';
import { formatCount } from '../format';
import type { ImportProgress } from './types';
import { runInTurns } from '../page-turns';

const CHUNK = 100_000;
const partsCode = (findings: Finding[]) => findings.map((f) => (f.ok === true ? '1' : f.ok === false ? '0' : '?')).join('');

/** Targets checked between the points where the checker may pause (a few milliseconds of work). */
const TARGETS_PER_STEP = 500;

/** Each target's CSV line of verdicts, as steps (`runInTurns`: on the page the checker runs in slices). */
function* checkedLines(rows: { target_id: string; target_text: string; days: number | null }[], memo: Map<string, string>): Generator<void, string[]> {
	const lines: string[] = [];
	for (const r of rows) {
		const key = `${r.days}\u0000${r.target_text}`;
		let code = memo.get(key);
		if (code === undefined) {
			code = partsCode(checkTarget(r.target_text, r.days === null ? {} : { startDate: '2000-01-01', dueDate: new Date(Date.UTC(2000, 0, 1 + r.days)).toISOString().slice(0, 10) }).findings);
			memo.set(key, code);
		}
		lines.push(`${r.target_id.replace(/"/g, '""')},${code}`);
		if (lines.length % TARGETS_PER_STEP === 0) yield;
	}
	return lines;
}

/**
 * After-load step of the import: run the SMART checker (plain TypeScript) over every target with
 * text of a school and keep each verdict in DuckDB, so the quality figures stay SQL. Only the
 * verdict is stored (findings are worked out again when a plan is opened); identical wording is
 * checked once per time frame.
 */
export async function refreshTargetChecks(db: Db, school: string, progress: ImportProgress = () => {}): Promise<void> {
	await db.exec(`DELETE FROM target_checks WHERE school = ${lit(school)}`);
	// Numbered once, so that each chunk is a range of numbers: LIMIT … OFFSET sorted every target again for each chunk.
	await db.exec(`CREATE OR REPLACE TEMP TABLE target_check_input AS
    SELECT row_number() OVER (ORDER BY t.target_id) AS n, t.target_id, t.target_text,
      date_diff('day', pl.start_date, coalesce(t.due_date, pl.review_due))::INTEGER AS days
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    WHERE t.school = ${lit(school)} AND t.target_text IS NOT NULL`);
	try {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM target_check_input`);
		const memo = new Map<string, string>();
		for (let offset = 0; offset < n; offset += CHUNK) {
			progress(`Checking each target against the SMART guide (${formatCount(offset)} of ${formatCount(n)} done)`, false);
			const rows = await db.query<{ target_id: string; target_text: string; days: number | null }>(
				`SELECT target_id, target_text, days FROM target_check_input WHERE n > ${offset} AND n <= ${offset + CHUNK} ORDER BY n`
			);
			const lines = await runInTurns(checkedLines(rows, memo));
			const file = `target_checks_${offset}.csv`;
			await db.registerText(file, `target_id,parts\n${lines.join('\n')}\n`);
			await db.exec(`INSERT INTO target_checks SELECT ${lit(school)}, target_id, NOT contains(parts, '0'), parts
        FROM read_csv(${lit(file)}, header = true, auto_detect = false, columns = {'target_id': 'VARCHAR', 'parts': 'VARCHAR'}, delim = ',', quote = '"')`);
			await db.dropFile(file);
		}
	} finally {
		await db.exec('DROP TABLE IF EXISTS target_check_input');
	}
}
