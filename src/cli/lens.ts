import { existsSync, statSync } from 'node:fs';
import { openNodeDb } from '../lib/db/node';
import { ImportRefused } from '../lib/import/pipeline';
import { analyse } from './analyse';
import { readExportFolder } from './read-folder';
import { formatAnalysis } from './format';

const usage = `Usage: lens analyse <folder> [--as-of YYYY-MM-DD] [--json] [--drop-personal-columns]

  <folder>   a school's exports (CSV or .xlsx), or one subfolder per school
  --as-of    the date figures are worked out for (default: today)
  --json     print JSON instead of a readable summary
  --drop-personal-columns  drop columns flagged as personal data and go on`;

function fail(message: string): never {
	process.stderr.write(`lens: ${message.replace(/\s+/g, ' ')}\n`);
	process.exit(2);
}

async function main(argv: string[]): Promise<void> {
	const [command, folder, ...rest] = argv;
	if (command !== 'analyse' || !folder || folder.startsWith('--')) {
		process.stderr.write(`${usage}\n`);
		process.exit(command === '--help' || command === 'help' ? 0 : 2);
	}
	const json = rest.includes('--json');
	const drop = rest.includes('--drop-personal-columns');
	const asOfIndex = rest.indexOf('--as-of');
	const asOf = asOfIndex >= 0 ? rest[asOfIndex + 1] : new Date().toISOString().slice(0, 10);
	if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) fail('--as-of needs a date as YYYY-MM-DD');
	if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`cannot read folder ${folder}`);
	const schools = readExportFolder(folder);
	if (!schools.length) fail(`no CSV or .xlsx files in ${folder}`);

	const db = await openNodeDb();
	try {
		const result = await analyse(db, schools, asOf, drop);
		process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatAnalysis(result));
		if (result.import.refused.length) fail(result.import.refused.map((r) => r.reason).join('; '));
	} catch (e) {
		if (e instanceof ImportRefused) fail(`${e.message} (use --drop-personal-columns to drop those columns and go on)`);
		throw e;
	}
}

main(process.argv.slice(2)).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
