import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Db } from '../lib/db/types';
import { importSchools } from '../lib/import/pipeline';
import type { WordOptions } from '../lib/import/word-sources';
import { runMetric } from '../lib/metrics/registry';
import { exportDatesOf } from '../lib/metrics/snapshots';
import { strategyBySchool, type StrategyBySchool } from '../lib/metrics/strategy';
import { composeStrategy, type StrategyDocument } from '../lib/report/strategy';
import { strategyDocxBytes } from '../lib/report/strategy-docx';
import { strategyFigures, strategyScope } from '../lib/report/strategy-figures';
import { emptyStrategyParts, strategyPartsSchema, type StrategyParts } from '../lib/settings/strategy';
import { asOfOf, type AsOf } from '../lib/state/scope-of-page';
import { cliParams, cliScope } from './analyse';
import type { SchoolFiles } from './read-folder';

export interface StrategyRun {
	/** One file per school: a trust gets one draft per school. */
	files: { school: string; out: string; to_complete: string[]; suppressed_cells: number }[];
	as_of_from: AsOf['from'];
	year: string;
	/** A trust's activity and budgeted cost by school (one row for a single school). */
	by_school: StrategyBySchool[];
}

/** The school's own parts from a JSON file (as the page keeps them), checked with the same schema; a problem is said in a line. */
export function readParts(path: string): StrategyParts | string {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return `cannot read ${path} as JSON`;
	}
	const parsed = strategyPartsSchema.safeParse(json);
	return parsed.success ? parsed.data : `${path} is not a strategy's parts: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`;
}

/** `school-name` in a file name. */
const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/**
 * `lens strategy`: import, draft each school's inclusion strategy for the year as the page does
 * (its scope by the pages' own function, the same document and Word file), and write it as .docx.
 * A trust (several schools, no --school) gets one file per school, named after it.
 */
export async function writeStrategy(
	db: Db,
	schools: SchoolFiles[],
	o: { asOf: string | null; year: string; school: string | null; out: string; drop: boolean; parts: StrategyParts | null; threshold: number | null; word?: WordOptions }
): Promise<StrategyRun> {
	await importSchools(db, schools, { dropPersonalColumns: o.drop, word: o.word });
	const exports = await exportDatesOf(db);
	const names = o.school ? [o.school] : schools.map((s) => s.school);
	const files: StrategyRun['files'] = [];
	for (const school of names) {
		const params = cliParams({ asOf: o.asOf, school });
		const scope = cliScope(params, exports);
		const parts = { ...(o.parts ?? emptyStrategyParts()), ...(o.threshold !== null ? { threshold: o.threshold } : {}) };
		const doc: StrategyDocument = composeStrategy(await strategyFigures(db, scope, o.year, parts.threshold, parts), { school, year: o.year, asOf: scope.asOf, threshold: parts.threshold, parts });
		const out = names.length > 1 ? join(dirname(o.out), `${basename(o.out, extname(o.out))}-${slug(school)}${extname(o.out) || '.docx'}`) : o.out;
		writeFileSync(out, await strategyDocxBytes(doc));
		files.push({ school, out, to_complete: doc.toComplete, suppressed_cells: doc.suppressed_cells });
	}
	const params = cliParams({ asOf: o.asOf, school: o.school ?? (names.length === 1 ? names[0] : null) });
	const by_school = await runMetric(db, strategyBySchool, strategyScope(cliScope(params, exports)), { year: o.year });
	return { files, as_of_from: asOfOf(params, exports).from, year: o.year, by_school: o.school ? by_school.filter((r) => r.school === o.school) : by_school };
}
