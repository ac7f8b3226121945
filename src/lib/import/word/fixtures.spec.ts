import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile, type SchoolKey } from './pseudonym';
import { readWordPlans } from './read';
import { wordTables, type WordFile, type WordPlanRead } from './types';

/**
 * The reader over word-demo's documents (`npm run demo:word`): each fixture read alone and all read
 * together give the rows of their truth files, with the demo key; the demo school's year of plans gives
 * the rows of its contract CSVs.
 */

const root = new URL('../../../../', import.meta.url).pathname;
const fixtures = `${root}tests/fixtures/word/`;
const demo = `${root}data/demo-word/`;

interface Truth {
	tables: Record<string, Record<string, string>[]>;
	problems: { document: string; table: string; id: string; column: string }[];
	refused: { document: string }[];
	noGrid: { document: string; labels: string[] }[];
	possibleMatches: { pupilIds: string[]; documents: string[] }[];
	mustNotAppear?: string[];
}

const files = (dir: string, names: string[]): WordFile[] => names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(dir + name)) }));
/** Rows as sorted JSON over the truth's columns; any other column the reader fills must be blank. */
function rowsOver(columns: string[], rows: Record<string, string>[]): string[] {
	return rows.map((r) => JSON.stringify(columns.map((c) => r[c] ?? ''))).sort();
}
function extraColumnsFilled(columns: string[], rows: Record<string, string>[]): string[] {
	return rows.flatMap((r) => Object.entries(r).filter(([c, v]) => !columns.includes(c) && v !== '')).map(([c, v]) => `${c}=${v}`);
}

function expectTruth(read: WordPlanRead, truth: Truth) {
	for (const table of wordTables) {
		const expected = truth.tables[table];
		const columns = [...new Set(expected.flatMap((r) => Object.keys(r)))];
		if (expected.length === 0) expect(read.tables[table], table).toEqual([]);
		else {
			expect(rowsOver(columns, read.tables[table]), table).toEqual(rowsOver(columns, expected));
			expect(extraColumnsFilled(columns, read.tables[table]), table).toEqual([]);
		}
	}
	// A problem is the same when it names the same document and table (the wording and place are the reader's).
	expect(read.problems.map((p) => `${p.document} ${p.table}`).sort()).toEqual(truth.problems.map((p) => `${p.document} ${p.table}`).sort());
	expect(read.refused.map((r) => r.document).sort()).toEqual(truth.refused.map((r) => r.document).sort());
	expect(read.noGrid.map((n) => n.document)).toEqual(truth.noGrid.map((n) => n.document));
	expect(read.possibleMatches).toEqual(truth.possibleMatches);
	// Nothing written about the child in the documents appears anywhere in what the reader gives (the documents' own names are the caller's).
	const given = JSON.stringify({ ...read, origins: read.origins.pupils.map((o) => o.where) }).replace(/"document":"[^"]*"/g, '');
	for (const word of truth.mustNotAppear ?? []) expect(given.includes(word), word).toBe(false);
}

describe('the Word plan fixtures', () => {
	let key: SchoolKey;
	const names = readdirSync(fixtures).filter((n) => /\.(docx|doc|pdf)$/.test(n));
	const truthOf = (file: string): Truth => JSON.parse(readFileSync(`${fixtures}expected/${file}.json`, 'utf8'));

	beforeAll(async () => {
		const read = await readKeyFile(readFileSync(`${root}data/demo-word-key.json`, 'utf8'));
		if ('problem' in read) throw new Error(read.problem);
		key = read;
	});

	it('has a document for every way of marking, layout and bad file', () => {
		expect(names.length).toBeGreaterThanOrEqual(17);
	});

	it.each(names)('%s read alone gives its truth', async (name) => {
		expectTruth(await readWordPlans(files(fixtures, [name]), key), truthOf(name));
	});

	it('all read together give the folder truth', async () => {
		expectTruth(await readWordPlans(files(fixtures, names), key), truthOf('_folder'));
	});
});

describe('the Word demo school', () => {
	it('reads to the same rows as its contract CSVs', async () => {
		const parsed = await readKeyFile(readFileSync(`${root}data/demo-word-key.json`, 'utf8'));
		if ('problem' in parsed) throw new Error(parsed.problem);
		const names = readdirSync(demo).filter((n) => n.endsWith('.docx'));
		const read = await readWordPlans(files(demo, names), parsed);
		for (const table of wordTables) {
			const csv = Papa.parse<Record<string, string>>(readFileSync(`${root}data/demo-word-csv/${table}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
			const columns = Object.keys(csv[0]);
			expect(rowsOver(columns, read.tables[table]), table).toEqual(rowsOver(columns, csv));
		}
		const expected = JSON.parse(readFileSync(`${root}data/demo-word-csv/expected.json`, 'utf8'));
		expect(read.problems.map((p) => p.document).sort()).toEqual(expected.problems.map((p: { document: string }) => p.document).sort());
		expect(read.possibleMatches).toEqual(expected.possibleMatches);
		expect(read.refused).toEqual([]);
		expect(read.noGrid).toEqual([]);
	});
});
