import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportFailed } from '../lib/import/commit';
import { ImportRefused } from '../lib/import/pipeline';
import { analyse, asOfSaid } from './analyse';
import { isEngineName, openEngine } from './engine';
import { parquetFilesIn, readParquetFolder, writeParquet } from '../lib/import/parquet';
import { exportDateOfFiles, readExportFolder } from './read-folder';
import { formatAnalysis, printable } from './format';
import { writeJson } from './json-out';
import { writeReport } from './report';
import { keyFile, makeSchoolKey, readKeyFile, type SchoolKey } from '../lib/import/word/pseudonym';
import type { WordOptions } from '../lib/import/word-sources';
import { readParts, writeStrategy } from './strategy';
import { MAX_THRESHOLD, PUBLIC_THRESHOLD } from '../lib/stats/small-number';

const usage = `Usage: lens analyse <folder> [--as-of YYYY-MM-DD] [--json] [--drop-personal-columns] [--key school-key.json] [--save-key FILE] [--engine native|wasm] [--threads N] [--out-parquet DIR]
       lens report <folder> --period 2025/26 [--term autumn|spring|summer] [--school NAME] [--out report.html] [--as-of YYYY-MM-DD] [--key school-key.json] [--json]
       lens strategy <folder> --year 2026/27 [--school NAME] [--parts parts.json] [--threshold 10] [--out strategy.docx] [--as-of YYYY-MM-DD] [--key school-key.json] [--json]

  <folder>   a school's exports (CSV or .xlsx) or Word plans (.docx), or one subfolder per school, or Parquet files (one per table)
  --key      the school key file (saved from the import page, "Save the school key"): Word plans' pupil ids are
             made with it, so they match the ids of the same children read before with the same key
  --save-key write the school key used to FILE (without --key, a new key is made for the run: keep it to read
             the plans again with the same ids)
  --engine   native DuckDB (the default, when it loads here) or wasm (the browser's engine)
  --threads  how many cores native DuckDB may use (default: all of them)
  --out-parquet  also write every validated table to DIR/<table>.parquet
  --as-of    the date figures are worked out for (default: the date of the latest export loaded,
             the newest modification date of its files, as the import page takes it; for
             lens report, the school's own)
  --json     print JSON instead of a readable summary
  --drop-personal-columns  drop columns flagged as personal data and go on
  --period   the academic year of the governors' report (a term with --term)
  --out      where to write the self-contained HTML report (default: report.html), or the
             inclusion strategy as Word (default: strategy.docx; a trust: one file per school)
  --year     the academic year of the inclusion strategy
  --parts    the school's own parts of the strategy (JSON, as the page keeps them); without it
             the draft says what is still to be written
  --threshold  counts below this are withheld in the strategy (10 to 20, default 10)`;

/** How the command ends: its exit code and, for a failure, the one line it prints. */
class Exit extends Error {
	constructor(
		readonly code: number,
		message = ''
	) {
		super(message);
	}
}

function fail(message: string): never {
	// Refusal reasons can quote a file's text: control characters are shown, never sent to the terminal.
	throw new Exit(2, `lens: ${printable(message.replace(/\s+/g, ' '))}`);
}

export interface Output {
	write(text: string): unknown;
	/** A stream's drain event (process.stdout has one): long output waits for it. */
	once?(event: 'drain', listener: () => void): unknown;
}

/** The whole command, in process (the tests call it directly): returns the exit code. */
export async function lens(argv: string[], stdout: Output, stderr: Output): Promise<number> {
	try {
		await main(argv, stdout, stderr);
		return 0;
	} catch (e) {
		if (e instanceof Exit) {
			if (e.message) stderr.write(`${e.message}\n`);
			return e.code;
		}
		// An engine's own message can quote a cell of the data: shown only when asked for.
		if (process.env.LENS_DEBUG) stderr.write(`lens: ${printable(e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e))}\n`);
		else stderr.write('lens: an unexpected error stopped the command (set LENS_DEBUG=1 to see the details)\n');
		return 2;
	}
}

async function keyFromFile(path: string): Promise<SchoolKey> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		fail(`cannot read the school key file ${path}`);
	}
	const key = await readKeyFile(text);
	if ('problem' in key) fail(`${path}: ${key.problem}`);
	return key;
}

/**
 * How Word plans are read on the command line: with the key given, else a new one made for this run
 * (said plainly: the ids will not match another run's), written to --save-key if asked.
 */
function wordOptions(given: SchoolKey | null, stderr: Output, saveTo: string | undefined): { options: WordOptions; save: () => void } {
	let used: SchoolKey | null = given;
	const options: WordOptions = {
		key: async () => {
			if (used) return used;
			used = await makeSchoolKey(new Date().toISOString().slice(0, 10));
			stderr.write(
				`Note: no school key given (--key), so a new one was made for this run (check ${used.check}). The pupil ids made from the Word plans will differ from any other run's: ${saveTo ? `the key is written to ${saveTo}; give it with --key next time` : 'use --save-key FILE to keep this key, and --key FILE next time'}.\n`
			);
			return used;
		}
	};
	return {
		options,
		save: () => {
			if (!saveTo) return;
			if (!used) {
				stderr.write('Note: no Word plans were read, so no school key was made or written.\n');
				return;
			}
			// The key is a secret: readable by its owner only.
			writeFileSync(saveTo, `${JSON.stringify(keyFile(used), null, 2)}\n`, { mode: 0o600 });
			stderr.write(`Wrote the school key (check ${used.check}) to ${saveTo}: keep it safe, as you would the plans themselves.\n`);
		}
	};
}

async function main(argv: string[], stdout: Output, stderr: Output): Promise<void> {
	const [command, folder, ...rest] = argv;
	if ((command !== 'analyse' && command !== 'report' && command !== 'strategy') || !folder || folder.startsWith('--')) {
		stderr.write(`${usage}\n`);
		throw new Exit(command === '--help' || command === 'help' ? 0 : 2);
	}
	const json = rest.includes('--json');
	const drop = rest.includes('--drop-personal-columns');
	const asOfIndex = rest.indexOf('--as-of');
	// Without --as-of, the date of the latest export loaded (its files' own date), worked out once the files are in.
	const asOf = asOfIndex >= 0 ? rest[asOfIndex + 1] : null;
	if (asOfIndex >= 0 && (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) fail('--as-of needs a date as YYYY-MM-DD');
	if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`cannot read folder ${folder}`);
	const option = (name: string) => {
		const i = rest.indexOf(name);
		return i >= 0 ? rest[i + 1] : undefined;
	};
	const engineName = option('--engine');
	if (rest.includes('--engine') && !isEngineName(engineName)) fail('--engine is native or wasm');
	const outParquet = option('--out-parquet');
	if (rest.includes('--out-parquet') && (!outParquet || outParquet.startsWith('--'))) fail('--out-parquet needs a folder');
	const threadsText = option('--threads');
	const threads = threadsText === undefined ? undefined : Number(threadsText);
	if (rest.includes('--threads') && !(Number.isInteger(threads) && threads! >= 1 && threads! <= 1024)) fail('--threads needs a whole number of cores, 1 or more');
	const keyPath = option('--key');
	if (rest.includes('--key') && (!keyPath || keyPath.startsWith('--'))) fail('--key needs the school key file');
	const saveKey = option('--save-key');
	if (rest.includes('--save-key') && (!saveKey || saveKey.startsWith('--'))) fail('--save-key needs a file to write the school key to');
	const key = keyPath ? await keyFromFile(keyPath) : null;
	const word = wordOptions(key, stderr, saveKey);
	const parquetIn = parquetFilesIn(folder).length > 0;
	const needsNative = () => fail('Parquet files need the native engine (leave out --engine wasm)');
	// Said before the wasm engine is started for nothing; and again if native DuckDB could not load here.
	if ((parquetIn || outParquet) && engineName === 'wasm') needsNative();
	const engine = await openEngine(isEngineName(engineName) ? engineName : null, threads);
	if (engine.fallback) stderr.write(`Note: ${engine.fallback}\n`);
	const db = engine.db;
	if ((parquetIn || outParquet) && engine.name !== 'native') needsNative();
	// Parquet files are one export, dated by their own date as a folder of CSV files is.
	const parquetDate = parquetIn ? exportDateOfFiles(parquetFilesIn(folder).map((name) => join(folder, name))) : undefined;
	const schools = parquetIn ? (await readParquetFolder(db, folder)).map((s) => ({ ...s, exported: parquetDate })) : readExportFolder(folder);
	if (!schools.length) fail(`no CSV, .xlsx, Word (.docx) or Parquet files in ${folder}`);
	const saveParquet = async () => {
		if (outParquet) stderr.write(`Wrote ${(await writeParquet(db, outParquet)).map((t) => `${t}.parquet`).join(', ') || 'no tables (nothing was loaded)'} to ${outParquet}\n`);
	};
	try {
		if (command === 'report') {
			const period = option('--period');
			if (!period || !/^\d{4}\/\d{2}$/.test(period)) fail('--period needs an academic year such as 2025/26');
			const term = option('--term');
			if (term && !['autumn', 'spring', 'summer'].includes(term)) fail('--term is autumn, spring or summer');
			const out = option('--out') ?? 'report.html';
			const result = await writeReport(db, schools, { asOf, period, term: (term ?? null) as 'autumn' | null, school: option('--school') ?? null, out, drop, word: word.options });
			word.save();
			await saveParquet();
			stdout.write(
				json
					? `${JSON.stringify(result, null, 2)}\n`
					: `Wrote ${out}: ${result.report.title}, ${result.report.school}, ${result.report.period}, figures as of ${result.report.asOf} (${asOfSaid(result.as_of_from)}) (${result.report.suppressed_cells} cells suppressed)\n`
			);
			return;
		}
		if (command === 'strategy') {
			const year = option('--year');
			if (!year || !/^\d{4}\/\d{2}$/.test(year) || (Number(year.slice(0, 4)) + 1) % 100 !== Number(year.slice(5))) fail('--year needs an academic year such as 2026/27');
			const school = option('--school') ?? null;
			if (school && !schools.some((s) => s.school === school)) fail(`no school called ${school} in ${folder}`);
			const partsPath = option('--parts');
			if (rest.includes('--parts') && (!partsPath || partsPath.startsWith('--'))) fail('--parts needs a JSON file');
			const parts = partsPath ? readParts(partsPath) : null;
			if (typeof parts === 'string') fail(parts);
			if (parts && !school && schools.length > 1) fail("--parts is one school's: name it with --school");
			const thresholdText = option('--threshold');
			const threshold = thresholdText === undefined ? null : Number(thresholdText);
			if (rest.includes('--threshold') && !(Number.isInteger(threshold) && threshold! >= PUBLIC_THRESHOLD && threshold! <= MAX_THRESHOLD))
				fail(`--threshold needs a whole number from ${PUBLIC_THRESHOLD} to ${MAX_THRESHOLD}`);
			const out = option('--out') ?? 'strategy.docx';
			const result = await writeStrategy(db, schools, { asOf, year, school, out, drop, parts, threshold, word: word.options });
			word.save();
			await saveParquet();
			stdout.write(
				json
					? `${JSON.stringify(result, null, 2)}\n`
					: result.files.map((f) => `Wrote ${f.out}: inclusion strategy, ${f.school}, ${year} (${f.suppressed_cells} figures withheld; ${f.to_complete.length} parts still to write)\n`).join('')
			);
			return;
		}
		const result = await analyse(db, schools, asOf, drop, word.options);
		word.save();
		// Streamed: at a million targets the JSON is longer than one string can be.
		if (json) await writeJson(stdout, result);
		else stdout.write(formatAnalysis(result));
		if (result.import.refused.length) fail(result.import.refused.map((r) => r.reason).join('; '));
		await saveParquet();
	} catch (e) {
		if (e instanceof ImportRefused) fail(`${e.message} (use --drop-personal-columns to drop those columns and go on)`);
		// The import's own failure names the file and never quotes a cell.
		if (e instanceof ImportFailed) fail(e.message);
		throw e;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// Exit only once everything written has left: a pipe (lens … | jq) is written to asynchronously.
	lens(process.argv.slice(2), process.stdout, process.stderr).then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
}
