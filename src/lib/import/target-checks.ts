import type { Db } from '../db/types';
import { lit } from '../validate/sql-text';
import { formatCount } from '../format';
import type { ImportProgress } from './types';
import { wordingChecker } from './target-checker';
import type { Wording } from './target-verdicts';

const CHUNK = 100_000;

/**
 * After-load step of the import: run the SMART checker (plain TypeScript) over every target with
 * text of a school and keep, in DuckDB, the targets it found not SMART, so the quality figures stay
 * SQL. Every target with text is checked, so one not kept was found SMART (a target with no text is
 * not checked: unknown). Only the verdict is stored (findings are worked out again when a plan is
 * opened), and only for those targets: a row for each of a million targets was 52 MB of the engine's
 * memory, and only the plans' counts read them (`plan_facts`). Each different wording
 * (with its time frame) is checked once and only it goes to the checker and back: a school's bank
 * of targets repeats wordings, and moving a million texts out of the engine cost seconds.
 */
export async function refreshTargetChecks(db: Db, school: string, progress: ImportProgress = () => {}, meanwhile: (() => Promise<void>) | null = null): Promise<void> {
	await db.exec(`DELETE FROM target_checks WHERE school = ${lit(school)}`);
	await db.exec(`CREATE OR REPLACE TEMP TABLE target_check_input AS
    SELECT t.target_id, t.target_text, date_diff('day', pl.start_date, coalesce(t.due_date, pl.review_due))::INTEGER AS days
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    WHERE t.school = ${lit(school)} AND t.target_text IS NOT NULL;
    CREATE OR REPLACE TEMP TABLE target_wordings AS
    SELECT row_number() OVER () AS k, target_text, days FROM (SELECT DISTINCT target_text, days FROM target_check_input);
    CREATE OR REPLACE TEMP TABLE target_verdicts (k BIGINT, parts VARCHAR)`);
	const check = wordingChecker();
	// Work for the engine while the checker (in a worker of its own in the browser) has the wordings:
	// started once the first of them are out, its failure held until the checks are done.
	let beside: Promise<unknown> | null = null;
	const begin = () =>
		(beside ??= meanwhile
			? meanwhile().then(
					() => null,
					(e: unknown) => e ?? new Error('failed')
				)
			: Promise.resolve(null));
	try {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM target_wordings`);
		for (let offset = 0; offset < n; offset += CHUNK) {
			progress(`Checking each target against the SMART guide (${formatCount(offset)} of ${formatCount(n)} different wordings done)`, false);
			const rows = await db.query<Wording>(`SELECT k, target_text, days FROM target_wordings WHERE k > ${offset} AND k <= ${offset + CHUNK}`);
			void begin();
			const lines = await check(rows);
			const file = `target_checks_${offset}.csv`;
			await db.registerText(file, `k,parts\n${lines.join('\n')}\n`);
			await db.exec(`INSERT INTO target_verdicts SELECT * FROM read_csv(${lit(file)}, header = true, auto_detect = false, columns = {'k': 'BIGINT', 'parts': 'VARCHAR'}, delim = ',', quote = '"')`);
			await db.dropFile(file);
		}
		await db.exec(`INSERT INTO target_checks SELECT ${lit(school)}, i.target_id, FALSE, v.parts
      FROM target_check_input i
      JOIN target_wordings w ON w.target_text = i.target_text AND w.days IS NOT DISTINCT FROM i.days
      JOIN target_verdicts v ON v.k = w.k
      WHERE contains(v.parts, '0')`);
		const failed = await begin();
		if (failed) throw failed;
	} finally {
		await beside;
		check.close();
		await db.exec('DROP TABLE IF EXISTS target_check_input; DROP TABLE IF EXISTS target_wordings; DROP TABLE IF EXISTS target_verdicts');
	}
}
