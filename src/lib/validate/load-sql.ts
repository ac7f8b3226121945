import { columnsOf, type ColumnSpec, type TableName } from '../contract/tables';
import { ident, lit } from './sql-text';
import { cleanSql, kindSql } from './values-sql';

/** One staged file (or sheet) mapped to a table: stage column index for each contract column. */
export interface StagedSource {
	stage: string;
	file: string;
	/** Every staged column, mapped or not (a row is blank only when all are). */
	stagedColumns: string[];
	/** contract column → staged column name (c0, c1, …) */
	columns: Record<string, string>;
	/** The spreadsheet row of the header, when it is not row 1 (a sheet whose first rows are blank): rows are numbered from it. */
	headerRow?: number;
}

/** Rows with any text in them: a wholly blank line in a sheet is not a record. */
const notBlank = (s: StagedSource) => `coalesce(${s.stagedColumns.map((c) => `nullif(trim(${ident(c)}), '')`).join(', ')}) IS NOT NULL`;

/** The rows of the table being loaded, each with its raw cells, values and first problem: read through this view… */
const CHECKED = 'import_checked';
/** …of the rows kept, which hold only the columns some file supplies (see `loadTableSql`). */
const CHECKED_ROWS = 'import_checked_rows';

const x = (c: string) => ident(`x_${c}`);
const v = (c: string) => ident(`v_${c}`);

interface Check {
	column: string;
	when: string;
	reason: string;
	value: string;
}

/** Checks of one row on its own, in order; the first that fails is the row's reason. */
function rowChecks(table: TableName, cols: ColumnSpec[]): Check[] {
	const checks: Check[] = [];
	for (const c of cols.filter((c) => c.required)) {
		checks.push({ column: c.name, when: `${x(c.name)} IS NULL`, reason: lit(`${c.name} is blank (required)`), value: `''` });
		checks.push({ column: c.name, when: `${v(c.name)} IS NULL`, reason: lit(`${c.name} ${kindSql[c.kind].reason}`), value: x(c.name) });
	}
	const rule = (column: string, before: string, message: string) => checks.push({ column, when: `${v(column)} < ${v(before)}`, reason: lit(message), value: x(column) });
	if (table === 'plans') rule('review_due', 'start_date', 'review_due is before start_date');
	if (table === 'provisions') rule('end_date', 'start_date', 'end_date is before start_date');
	// A share or an attendance figure is a percentage; only the number on roll may exceed 100.
	if (table === 'comparators') {
		checks.push({ column: 'value', when: `${v('measure')} <> 'on_roll' AND ${v('value')} NOT BETWEEN 0 AND 100`, reason: lit('value is not a percentage from 0 to 100'), value: x('value') });
		checks.push({
			column: 'value',
			when: `${v('measure')} = 'on_roll' AND (${v('value')} < 1 OR ${v('value')} <> floor(${v('value')}))`,
			reason: lit('value is not a whole number of pupils for on_roll'),
			value: x('value')
		});
		checks.push({ column: 'subject', when: `${v('measure')} = 'expected_pct' AND ${v('subject')} IS NULL`, reason: lit('subject is blank (needed for expected_pct)'), value: `''` });
	}
	return checks;
}

/** An optional value that contradicts another value of its row. */
interface Clear {
	column: string;
	when: string;
	reason: string;
}

/**
 * Optional values cleared (loaded as unknown, with a warning) because they contradict another of the
 * row: which of the two is wrong cannot be told, so the one that claims more is not believed and the
 * row is kept for everything else. Delivery counts run planned ≥ delivered ≥ attended (docs/delivery.md).
 */
function clearRules(table: TableName): Clear[] {
	if (table === 'allocations') {
		const deliveredKept = `(CASE WHEN NOT (${v('sessions_delivered')} > ${v('sessions_planned')}) THEN ${v('sessions_delivered')} END)`;
		return [
			{ column: 'sessions_delivered', when: `${v('sessions_delivered')} > ${v('sessions_planned')}`, reason: 'sessions_delivered is more than sessions_planned; cleared' },
			{
				column: 'sessions_attended',
				when: `${v('sessions_attended')} > coalesce(${deliveredKept}, ${v('sessions_planned')})`,
				reason: 'sessions_attended is more than the sessions delivered (or planned); cleared'
			}
		];
	}
	if (table === 'sessions')
		return [{ column: 'pupils_present', when: `NOT ${v('delivered')} AND ${v('pupils_present')} > 0`, reason: 'pupils_present is more than 0 for a session that did not run; cleared' }];
	return [];
}

/**
 * The first failing check's number, then its column, reason and value picked from lists by that
 * number: each check is written (and planned) once, not once for each of the three.
 */
function firstFailure(checks: Check[]): { number: string; column: string; reason: string; value: string } {
	if (!checks.length) return { number: 'NULL::INTEGER', column: 'NULL::VARCHAR', reason: 'NULL::VARCHAR', value: 'NULL::VARCHAR' };
	const list = (pick: (c: Check) => string) => `[${checks.map(pick).join(', ')}][err_no]`;
	return {
		number: `CASE ${checks.map((c, i) => `WHEN ${c.when} THEN ${i + 1}`).join(' ')} END`,
		column: list((c) => lit(c.column)),
		reason: list((c) => c.reason),
		value: `CASE err_no ${checks.map((c, i) => `WHEN ${i + 1} THEN ${c.value}`).join(' ')} END`
	};
}

/**
 * Rows written by one statement when a table is loaded. The tables are kept compressed (db/store.ts),
 * and a statement holds what it writes uncompressed until it ends: at a million targets, written at once,
 * the engine's memory rose 84 MB above its peak so far; in parts of this size it did not rise (wasm in
 * Node, 6 December 2026), for 0.3 s more.
 */
export const ROWS_PER_WRITE = 250_000;

/**
 * SQL that validates and loads one table of one school from its staged sources.
 * Reads the already-loaded parent tables for references, so tables must go in `tableOrder`.
 * `checkLists` says whether list references (targets.provision_ids) can be checked: only when
 * provisions were supplied. The staged tables are dropped once read.
 */
export function loadTableSql(table: TableName, school: string, sources: StagedSource[], checkLists: boolean, stagedRows = 0, rowsPerWrite = ROWS_PER_WRITE): string[] {
	const cols = columnsOf(table);
	const S = lit(school);
	const raw = sources
		.map((s, i) => {
			const fields = cols.map((c) => `${s.columns[c.name] ? cleanSql(ident(s.columns[c.name])) : 'NULL::VARCHAR'} AS ${x(c.name)}`);
			return `SELECT ${i} AS src, (rowid + ${(s.headerRow ?? 1) + 1})::INTEGER AS line, ${fields.join(', ')} FROM ${ident(s.stage)} WHERE ${notBlank(s)}`;
		})
		.join(' UNION ALL ');
	const parsed = cols.map((c) => `${kindSql[c.kind].parse(x(c.name))} AS ${v(c.name)}`).join(', ');
	// Always name the file: with several files for a table (or several schools chosen together) a bare line number misleads.
	const files = `[${sources.map((s) => lit(s.file)).join(', ')}]`;
	const file = `${files}[src + 1]`;
	// What is kept of each row: its values, and a raw cell only where a later step shows it (a list's
	// text; a value that could not be read, for its warning). Every text column kept costs about a tenth
	// of a second per million rows in the browser's engine, and memory; a valid id is its own raw text.
	// Optional columns whose value may be unreadable (text always reads): such a value is a warning, with its cell.
	const warned = cols.filter((c) => !c.required && c.kind !== 'text');
	const rawKeptOf = cols.filter((c) => c.kind === 'id_list' || warned.includes(c));
	const rawKept = (c: ColumnSpec) => (c.kind === 'id_list' ? x(c.name) : `CASE WHEN ${v(c.name)} IS NULL THEN ${x(c.name)} END AS ${x(c.name)}`);
	const checks = rowChecks(table, cols);
	const stmts: string[] = [];
	const failure = firstFailure(checks);
	// A column no file supplies is blank in every row: the view gives it as NULL instead of the rows holding
	// it. Each such column held 4–16 bytes a row, and the checked rows and the loaded ones are both held
	// while the table is loaded (at a million targets without due dates, lists or next steps, 57 MB of the peak).
	const supplied = (c: ColumnSpec) => sources.some((s) => s.columns[c.name]);
	const kept = [...cols.filter(supplied).map((c) => v(c.name)), ...rawKeptOf.filter(supplied).map(rawKept)];
	const absent = cols.filter((c) => !supplied(c));
	const absentValues = absent.flatMap((c) => [`NULL::${kindSql[c.kind].sqlType} AS ${v(c.name)}`, ...(rawKeptOf.includes(c) ? [`NULL::VARCHAR AS ${x(c.name)}`] : [])]);
	// Every row is read and checked on its own once, into one table. The checks across rows (repeated
	// ids, references) then mark the few rows they reject in place: copying a million rows of many
	// columns into a new table for each check cost seconds in the browser's engine.
	stmts.push(`CREATE OR REPLACE TEMP TABLE ${CHECKED_ROWS} AS
    WITH raw AS (${raw}), parsed AS (SELECT raw.*, ${parsed} FROM raw), checked AS (SELECT *, ${failure.number} AS err_no FROM parsed)
    SELECT src, line, ${kept.join(', ')},
      ${failure.column} AS err_column, ${failure.reason} AS err_reason, ${failure.value} AS err_value FROM checked`);
	// `checked_at`: each row's place among the checked rows (file, then line), to write them in parts in that order.
	stmts.push(`CREATE OR REPLACE TEMP VIEW ${CHECKED} AS SELECT *, rowid AS checked_at${absentValues.map((a) => `, ${a}`).join('')} FROM ${CHECKED_ROWS}`);
	// Every cell is in the checked rows now: the staged copy goes at once (the engine's memory never shrinks, so its peak is what counts).
	for (const s of sources) stmts.push(`DROP TABLE IF EXISTS ${ident(s.stage)}`);
	/** Reject the rows of `rejects` (src, line, column, reason, value) that no earlier check rejected. */
	const reject = (rejects: string) => `UPDATE ${CHECKED_ROWS} SET err_column = m.err_column, err_reason = m.err_reason, err_value = m.err_value
    FROM (${rejects}) m WHERE ${CHECKED_ROWS}.src = m.src AND ${CHECKED_ROWS}.line = m.line AND ${CHECKED_ROWS}.err_reason IS NULL`;

	// Repeated ids: the first good row is loaded, later ones are rejected, naming the first line.
	const key = cols.find((c) => c.unique);
	if (key) {
		// A row's place (file, then line) as one number, to find and name the first of repeated ids.
		const at = (t: string) => `(${t}src::BIGINT * ${2 ** 32} + ${t}line)`;
		stmts.push(
			reject(`SELECT t.src, t.line, ${lit(key.name)} AS err_column,
        ${lit(`duplicate ${key.name}, first on `)} || 'line ' || (d.first % ${2 ** 32}) || ' of ' || ${files}[d.first // ${2 ** 32} + 1] AS err_reason, t.${v(key.name)} AS err_value
      FROM ${CHECKED} t JOIN (SELECT ${v(key.name)} AS id, min(${at('')}) AS first FROM ${CHECKED} WHERE err_reason IS NULL GROUP BY ALL HAVING count(*) > 1) d
        ON d.id = t.${v(key.name)}
      WHERE t.err_reason IS NULL AND ${at('t.')} <> d.first`)
		);
	}

	// References to rows actually loaded; a parent that was rejected is named with its reason.
	for (const c of cols.filter((c) => c.references && c.required)) {
		const ref = c.references!;
		stmts.push(
			reject(`SELECT t.src, t.line, ${lit(c.name)} AS err_column,
        CASE WHEN r.reason IS NOT NULL THEN ${lit(`${c.name} `)} || t.${v(c.name)} || ${lit(` was rejected (${ref.table} line `)} || r.line || ': ' || r.reason || ')'
             ELSE ${lit(`${c.name} `)} || t.${v(c.name)} || ${lit(` is not in ${ref.table}`)} END AS err_reason,
        t.${v(c.name)} AS err_value
      FROM ${CHECKED} t
      LEFT JOIN (SELECT DISTINCT ${ident(ref.column)} AS id FROM ${ident(ref.table)} WHERE school = ${S}) p ON p.id = t.${v(c.name)}
      LEFT JOIN (SELECT row_key, min(line) AS line, arg_min(reason, line) AS reason FROM import_rejected
                 WHERE school = ${S} AND tbl = ${lit(ref.table)} GROUP BY row_key) r ON r.row_key = t.${v(c.name)}
      WHERE t.err_reason IS NULL AND p.id IS NULL`)
		);
	}

	// Lists of references (a target's provisions): every id must be loaded.
	const list = cols.find((c) => c.kind === 'id_list' && c.references);
	if (list && checkLists) {
		const ref = list.references!;
		stmts.push(
			reject(`WITH items AS (SELECT src, line, unnest(${v(list.name)}) AS id FROM ${CHECKED} WHERE err_reason IS NULL),
      missing AS (SELECT i.src, i.line, first(i.id ORDER BY i.id) AS id FROM items i
        LEFT JOIN (SELECT ${ident(ref.column)} AS id FROM ${ident(ref.table)} WHERE school = ${S}) p ON p.id = i.id
        WHERE p.id IS NULL GROUP BY i.src, i.line)
      SELECT m.src, m.line, ${lit(list.name)} AS err_column, ${lit('provision ')} || m.id || ${lit(` is not in ${ref.table}`)} AS err_reason, t.${x(list.name)} AS err_value
      FROM missing m JOIN ${CHECKED} t ON t.src = m.src AND t.line = m.line`)
		);
	}

	// Optional references (an allocation's plan): an unknown id is cleared with a warning.
	const optRefs = cols.filter((c) => c.references && !c.required && c.kind === 'id');
	// A reference within the table (a target carried from an earlier target) is to a row of this same load, never to the row itself.
	const optRefMissing = (c: ColumnSpec) =>
		c.references!.table === table && key
			? `${v(c.name)} IS NOT NULL AND (${v(c.name)} = ${v(key.name)} OR ${v(c.name)} NOT IN (SELECT ${v(key.name)} FROM ${CHECKED} WHERE err_reason IS NULL))`
			: `${v(c.name)} IS NOT NULL AND ${v(c.name)} NOT IN (SELECT ${ident(c.references!.column)} FROM ${ident(c.references!.table)} WHERE school = ${S})`;

	const keyExpr = key ? v(key.name) : 'NULL';
	stmts.push(`INSERT INTO import_rejected SELECT ${S}, ${file}, ${lit(table)}, line, err_column, err_value, err_reason, ${keyExpr} FROM ${CHECKED} WHERE err_reason IS NOT NULL`);

	const warnings = warned.map(
		(c) => `SELECT ${S}, ${file}, ${lit(table)}, line, ${lit(c.name)}, ${x(c.name)}, ${lit(`${c.name} ${kindSql[c.kind].reason}; loaded as unknown`)}
      FROM ${CHECKED} WHERE err_reason IS NULL AND ${x(c.name)} IS NOT NULL AND ${v(c.name)} IS NULL`
	);
	for (const c of optRefs) {
		warnings.push(`SELECT ${S}, ${file}, ${lit(table)}, line, ${lit(c.name)}, ${v(c.name)}, ${lit(`${c.name} `)} || ${v(c.name)} || ${lit(` is not in ${c.references!.table}; cleared`)}
      FROM ${CHECKED} WHERE err_reason IS NULL AND ${optRefMissing(c)}`);
	}
	const clears = clearRules(table);
	for (const c of clears)
		warnings.push(`SELECT ${S}, ${file}, ${lit(table)}, line, ${lit(c.column)}, ${v(c.column)}::VARCHAR, ${lit(c.reason)} FROM ${CHECKED} WHERE err_reason IS NULL AND ${c.when}`);
	if (warnings.length) stmts.push(`INSERT INTO import_warnings ${warnings.join(' UNION ALL ')}`);

	// An unknown optional reference is cleared in place, once, and only where a file supplies it: as a condition
	// of the write it looked the ids up again for every part, even with no such column (a million targets
	// without carried_from, written on wasm in Node: 2.2 s, now 1.9 s).
	for (const c of optRefs.filter(supplied)) stmts.push(`UPDATE ${CHECKED_ROWS} SET ${v(c.name)} = NULL WHERE err_reason IS NULL AND ${optRefMissing(c)}`);
	const clearedWhen = (c: ColumnSpec) => clears.find((k) => k.column === c.name)?.when;
	const values = cols.map((c) => (clearedWhen(c) ? `CASE WHEN ${clearedWhen(c)} THEN NULL ELSE ${v(c.name)} END` : v(c.name)));
	// The checked rows are in file and line order already (read in that order, one thread): no sort.
	const insert = `INSERT INTO ${ident(table)} SELECT ${S}, ${file}, line, ${values.join(', ')} FROM ${CHECKED} WHERE err_reason IS NULL`;
	// Part k holds the checked rows from k × rowsPerWrite on; the last part takes every row left.
	const parts = Math.max(1, Math.ceil(stagedRows / rowsPerWrite));
	for (let k = 0; k < parts; k++) {
		const bounds = [k > 0 ? `checked_at >= ${k * rowsPerWrite}` : '', k < parts - 1 ? `checked_at < ${(k + 1) * rowsPerWrite}` : ''];
		stmts.push([insert, ...bounds.filter(Boolean)].join(' AND '));
	}
	if (list) {
		stmts.push(`INSERT INTO target_provisions SELECT DISTINCT ${S}, ${keyExpr}, unnest(${v(list.name)}) FROM ${CHECKED} WHERE err_reason IS NULL`);
	}
	const read = sources.map((s, i) => `(${i}, ${lit(s.file)})`).join(', ');
	stmts.push(`INSERT INTO import_counts SELECT ${S}, f.file, ${lit(table)}, count(t.line) FROM (VALUES ${read}) f(src, file) LEFT JOIN ${CHECKED} t ON t.src = f.src GROUP BY ALL`);
	stmts.push(`DROP VIEW ${CHECKED}`, `DROP TABLE ${CHECKED_ROWS}`);
	return stmts;
}

/** Remove everything loaded for a school, so importing its export again gives the same tables. */
export function clearSchoolSql(school: string, tables: string[]): string[] {
	return tables.map((t) => `DELETE FROM ${ident(t)} WHERE school = ${lit(school)}`);
}
