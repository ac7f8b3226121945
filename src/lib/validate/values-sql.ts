import * as E from '../contract/enums';
import type { ValueKind } from '../contract/tables';
import { lit } from './sql-text';

/**
 * SQL that reads one raw text cell as the contract's value kind: an expression that gives the
 * normalised value, or NULL when the (non-blank) text cannot be read. Blank cells are NULL before
 * they get here; a non-NULL input with a NULL result is a bad value.
 */
export interface KindSql {
	parse: (x: string) => string;
	sqlType: string;
	/** Why a value is refused, as a person would read it. */
	reason: string;
}

/** The same key as `enumKey` in the contract, in SQL. */
export const enumKeySql = (x: string) => `regexp_replace(replace(lower(${x}), '&', 'and'), '[^a-z0-9]', '', 'g')`;

/**
 * An alias table as two constant lists and one lookup: the key is worked out once per cell. (A
 * `CASE key WHEN …` is planned as one comparison per alias, each with its own copy of the key's
 * regular expression: milliseconds of planning per column in every import.) A cell already written
 * as a key or a value (`semh`, `Achieved`, `communication_interaction`) is found from its lower case
 * alone; only the rest pay for the key's regular expression (a fifth of a second per million cells in
 * the browser's engine). Both ways give the same value: only spellings whose key is themselves, or
 * that are the value their key gives, are in the first list.
 */
function aliasLookup(x: string, aliases: Record<string, string>): string {
	const list = (values: string[]) => `[${values.map(lit).join(', ')}]`;
	const direct = new Map(Object.entries(aliases).filter(([k]) => E.enumKey(k) === k));
	for (const value of new Set(Object.values(aliases))) if (aliases[E.enumKey(value)] === value) direct.set(value, value);
	const lookup = (keys: string[], values: string[], key: string) => `${list(values)}[list_position(${list(keys)}, ${key})]`;
	return `coalesce(${lookup([...direct.keys()], [...direct.values()], `lower(${x})`)}, ${lookup(Object.keys(aliases), Object.values(aliases), enumKeySql(x))})`;
}

const ID_RE = '[A-Za-z0-9_-]{1,64}';
/** An id on its own: its length is checked apart, as a counted repetition makes the expression slow to compile. */
const idSql = (x: string) => `(CASE WHEN length(${x}) <= 64 AND regexp_full_match(${x}, '[A-Za-z0-9_-]+') THEN ${x} END)`;

/** Dates: ISO, UK day-first (4- or 2-digit year), `8 Sep 2025`, and Excel serial numbers. */
function parseDate(x: string): string {
	const uk = `replace(replace(${x}, '.', '/'), '-', '/')`;
	const text = `replace(regexp_replace(${x}, 'Sept\\b', 'Sep'), ',', '')`;
	const d = `(CASE
    WHEN regexp_full_match(${x}, '\\d{4}-\\d{1,2}-\\d{1,2}([ T]00:00(:00(\\.0+)?)?Z?)?') THEN try_strptime(regexp_extract(${x}, '^\\d{4}-\\d{1,2}-\\d{1,2}'), '%Y-%m-%d')
    WHEN regexp_full_match(${x}, '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}') THEN try_strptime(${uk}, '%d/%m/%Y')
    WHEN regexp_full_match(${x}, '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2}') THEN try_strptime(${uk}, '%d/%m/%y')
    WHEN regexp_full_match(${x}, '\\d{1,2}(st|nd|rd|th)? [A-Za-z]{3,9},? \\d{4}') THEN try_strptime(regexp_replace(${text}, '^(\\d{1,2})(st|nd|rd|th)', '\\1'), ['%d %b %Y', '%d %B %Y'])
    WHEN regexp_full_match(${x}, '\\d{5}') AND ${x}::INTEGER BETWEEN 25000 AND 75000 THEN (DATE '1899-12-30' + ${x}::INTEGER)::TIMESTAMP
    ELSE NULL END)::DATE`;
	// A plausible school date only: guards against `0025` years and typos like 2205.
	return `(CASE WHEN year(${d}) BETWEEN 1990 AND 2100 THEN ${d} END)`;
}

/**
 * The one reader of numbers and money: `1200`, `1,200.50`, `£1,200.50`, `1 200`, `-3.5`, `.5`.
 * Thousands are grouped in threes by commas or spaces, and the decimal point is a point, so the
 * continental `1.200,50`, `12,50` and `1,2,3` are refused rather than read as 1.2005, 1250 and 123;
 * `NaN`, `Infinity` and anything too large to be finite are refused too. NULL when not a number.
 */
export function numberSql(x: string): string {
	// At most 300 characters, so at most 300 digits before the point and every accepted number is finite
	// (no isfinite() per cell). The length is checked apart because counted repetitions ({1,300}) make a
	// regular expression that takes milliseconds to compile, once for every numeric column of every import.
	const shape = `'-?£?\\s?-?((\\d{1,3}(,\\d{3})+|\\d{1,3}( \\d{3})+|\\d+)(\\.\\d+)?|\\.\\d+)'`;
	return `(CASE WHEN length(${x}) <= 300 AND regexp_full_match(${x}, ${shape}) THEN try_cast(replace(replace(replace(${x}, '£', ''), ',', ''), ' ', '') AS DOUBLE) END)`;
}
const numberText = numberSql;
const withCheck = (value: string, check: (v: string) => string) => `(CASE WHEN ${check(value)} THEN ${value} END)`;
/** Largest value of an INTEGER column: anything larger is a bad value, not an engine error. */
const INT_MAX = 2147483647;

/**
 * An assessment point: a date, or a term as schools name their data drops (`Autumn 2025`,
 * `Spring term 2026`, `Summer 2025/26`, `2025/26 Aut`), read as a fixed day inside that term
 * (15 December, 15 March, 15 July) so points sort and fall in the right term.
 */
function parseAssessedOn(x: string): string {
	const t = `lower(${x})`;
	const word = `regexp_extract(${t}, '(aut|spr|sum)', 1)`;
	const span = `regexp_extract(${t}, '(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})', 1)`;
	const single = `regexp_extract(${t}, '(\\d{4})', 1)`;
	// With an academic year (2025/26) spring and summer are in its second calendar year; a single year is the calendar year.
	const year = `(CASE WHEN ${span} <> '' THEN ${span}::INTEGER + (CASE WHEN ${word} = 'aut' THEN 0 ELSE 1 END) ELSE try_cast(${single} AS INTEGER) END)`;
	const md = `(CASE ${word} WHEN 'aut' THEN '-12-15' WHEN 'spr' THEN '-03-15' ELSE '-07-15' END)`;
	const term = `(CASE WHEN regexp_full_match(${t}, '\\s*((aut(umn)?|spr(ing)?|sum(mer)?)(\\s*term)?\\s*[0-9/ -]*\\d{4}(\\s*[/-]\\s*\\d{2,4})?|\\d{4}(\\s*[/-]\\s*\\d{2,4})?\\s*(aut(umn)?|spr(ing)?|sum(mer)?)(\\s*term)?\\s*[12]?)\\s*')
      AND ${year} BETWEEN 1990 AND 2100 THEN try_cast(${year}::VARCHAR || ${md} AS DATE) END)`;
	return `coalesce(${parseDate(x)}, ${term})`;
}

const yearGroup = (x: string) => {
	const k = `regexp_replace(upper(${x}), '^(YEAR|YR|Y|NCY)\\s*', '')`;
	const key = `regexp_replace(${k}, '\\s', '', 'g')`;
	return `(CASE
    WHEN upper(${x}) IN ('R', 'YR', 'YEAR R', 'RECEPTION', 'REC', 'FS2', 'F2') THEN 'R'
    WHEN regexp_full_match(upper(${x}), '(N|NURSERY)\\s*1|FS1|F1') THEN 'N1'
    WHEN regexp_full_match(upper(${x}), '(N|NURSERY)\\s*2') THEN 'N2'
    WHEN regexp_full_match(${key}, '0?([1-9]|1[0-4])') THEN ltrim(${key}, '0')
    ELSE NULL END)`;
};

export const kindSql: Record<ValueKind, KindSql> = {
	id: { sqlType: 'VARCHAR', parse: idSql, reason: 'is not a valid id (1–64 letters, digits, _ or -)' },
	id_list: {
		sqlType: 'VARCHAR[]',
		parse: (x) =>
			`(CASE WHEN regexp_full_match(${x}, '\\s*${ID_RE}\\s*([;,]\\s*${ID_RE}\\s*)*[;,]?\\s*') THEN list_filter(list_transform(regexp_split_to_array(${x}, '[;,]'), s -> trim(s)), s -> s <> '') END)`,
		reason: 'is not a list of ids separated by ";"'
	},
	text: { sqlType: 'VARCHAR', parse: (x) => x, reason: 'is not text' },
	date: { sqlType: 'DATE', parse: parseDate, reason: 'is not a date (write 08/09/2025 or 2025-09-08; day before month)' },
	bool: {
		sqlType: 'BOOLEAN',
		parse: (x) => `(CASE WHEN upper(${x}) IN ('Y', 'YES', 'TRUE', '1', 'T') THEN TRUE WHEN upper(${x}) IN ('N', 'NO', 'FALSE', '0', 'F') THEN FALSE END)`,
		reason: 'is not yes or no (Y/N, Yes/No, TRUE/FALSE, 1/0)'
	},
	money: { sqlType: 'DOUBLE', parse: (x) => withCheck(numberText(x), (v) => `${v} >= 0`), reason: 'is not an amount of money (e.g. 1200, £1,200.50)' },
	positive: { sqlType: 'DOUBLE', parse: (x) => withCheck(numberText(x), (v) => `${v} > 0`), reason: 'is not a number above 0' },
	count: {
		sqlType: 'INTEGER',
		// Plain digits (the usual cell) are read directly; anything else (`1,200`, `3.0`) as a number that must be whole.
		parse: (x) => `(CASE WHEN length(${x}) <= 9 AND regexp_full_match(${x}, '0*[1-9][0-9]*') THEN ${x}::INTEGER
      WHEN ${numberText(x)} BETWEEN 1 AND ${INT_MAX} AND ${numberText(x)} = floor(${numberText(x)}) THEN ${numberText(x)}::INTEGER END)`,
		reason: 'is not a whole number of 1 or more'
	},
	tally: {
		sqlType: 'INTEGER',
		// As count, with 0 allowed: a run can have delivered no sessions, and that is known, not blank.
		parse: (x) => `(CASE WHEN length(${x}) <= 9 AND regexp_full_match(${x}, '[0-9]+') THEN ${x}::INTEGER
      WHEN ${numberText(x)} BETWEEN 0 AND ${INT_MAX} AND ${numberText(x)} = floor(${numberText(x)}) THEN ${numberText(x)}::INTEGER END)`,
		reason: 'is not a whole number of 0 or more'
	},
	number: { sqlType: 'DOUBLE', parse: numberText, reason: 'is not a number' },
	percent: {
		sqlType: 'DOUBLE',
		parse: (x) => withCheck(numberText(`rtrim(${x}, '% ')`), (v) => `${v} BETWEEN 0 AND 100`),
		reason: 'is not a percentage from 0 to 100'
	},
	year: { sqlType: 'VARCHAR', parse: yearGroup, reason: 'is not a year group (N1, N2, R, 1–14, Y3, Year 3, Reception)' },
	wave: {
		sqlType: 'INTEGER',
		parse: (x) => `(CASE WHEN regexp_full_match(upper(${x}), '(WAVE\\s*)?[123]') THEN right(${x}, 1)::INTEGER END)`,
		reason: 'is not a wave (1, 2 or 3)'
	},
	sen_stage: { sqlType: 'VARCHAR', parse: (x) => aliasLookup(x, E.senStageAliases), reason: 'is not an SEN stage (K, E or N)' },
	need_code: { sqlType: 'VARCHAR', parse: (x) => aliasLookup(x, E.needCodeAliases), reason: 'is not a DfE need code (e.g. SLCN, SEMH, SPLD, ASD)' },
	need_area: {
		sqlType: 'VARCHAR',
		parse: (x) => aliasLookup(x, E.needAreaAliases),
		reason: 'is not an area of need (communication_interaction, cognition_learning, semh, sensory_physical, independence_self_help, medical)'
	},
	sex: { sqlType: 'VARCHAR', parse: (x) => aliasLookup(x, E.sexAliases), reason: 'is not F or M' },
	outcome: { sqlType: 'VARCHAR', parse: (x) => aliasLookup(x, E.outcomeAliases), reason: 'is not an outcome (achieved, partial, not_achieved; YES, Progress, NO)' },
	decision: {
		sqlType: 'VARCHAR',
		parse: (x) => aliasLookup(x, E.reviewDecisionAliases),
		reason: 'is not a review decision (continue, increase_support, exit_sen_support, request_ehcna)'
	},
	assessed_on: { sqlType: 'DATE', parse: parseAssessedOn, reason: 'is not a date or a term (write 08/12/2025, 2025-12-08 or Autumn 2025)' },
	attainment: {
		sqlType: 'VARCHAR',
		parse: (x) => aliasLookup(x, E.attainmentAliases),
		reason: 'is not an attainment band (pre_key_stage, working_towards, expected, greater_depth; PKS, WTS, EXS, GDS)'
	},
	progress: {
		sqlType: 'VARCHAR',
		parse: (x) => aliasLookup(x, E.progressAliases),
		reason: 'is not a progress judgement (less_than_expected, expected, more_than_expected)'
	},
	comparator: {
		sqlType: 'VARCHAR',
		parse: (x) => aliasLookup(x, E.comparatorAliases),
		reason: 'is not a whole-school figure (on_roll, expected_pct, attendance_pct, persistent_absence_pct)'
	}
};

/**
 * Trimmed text or NULL when blank; non-breaking spaces and tabs count as spaces. Most cells need no
 * change: an ASCII cell with no tab and no space at either end is kept as it is, since the string
 * functions cost a second or more on a column of a million cells in the browser's engine. (Among
 * ASCII characters trim removes only the space; the other spaces it removes are not ASCII.)
 */
export const cleanSql = (col: string) =>
	`(CASE WHEN strlen(${col}) = length(${col}) AND NOT contains(${col}, chr(9)) AND NOT starts_with(${col}, ' ') AND NOT ends_with(${col}, ' ') THEN nullif(${col}, '')
    ELSE nullif(trim(replace(replace(${col}, chr(160), ' '), chr(9), ' ')), '') END)`;
