import { existsSync, statSync } from 'node:fs';
import { openNodeDb } from '../lib/db/node';
import { ImportRefused } from '../lib/import/pipeline';
import { analyse } from './analyse';
import { readExportFolder } from './read-folder';
import { formatAnalysis } from './format';
import { writeReport } from './report';

const usage = `Usage: lens analyse <folder> [--as-of YYYY-MM-DD] [--json] [--drop-personal-columns]
       lens report <folder> --period 2025/26 [--term autumn|spring|summer] [--school NAME] [--out report.html] [--as-of YYYY-MM-DD] [--json]

  <folder>   a school's exports (CSV or .xlsx), or one subfolder per school
  --as-of    the date figures are worked out for (default: today)
  --json     print JSON instead of a readable summary
  --drop-personal-columns  drop columns flagged as personal data and go on
  --period   the academic year of the governors' report (a term with --term)
  --out      where to write the self-contained HTML report (default: report.html)`;

function fail(message: string): never {
	process.stderr.write(`lens: ${message.replace(/\s+/g, ' ')}\n`);
	process.exit(2);
}

async function main(argv: string[]): Promise<void> {
	const [command, folder, ...rest] = argv;
	if ((command !== 'analyse' && command !== 'report') || !folder || folder.startsWith('--')) {
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

	const option = (name: string) => {
		const i = rest.indexOf(name);
		return i >= 0 ? rest[i + 1] : undefined;
	};
	const db = await openNodeDb();
	try {
		if (command === 'report') {
			const period = option('--period');
			if (!period || !/^\d{4}\/\d{2}$/.test(period)) fail('--period needs an academic year such as 2025/26');
			const term = option('--term');
			if (term && !['autumn', 'spring', 'summer'].includes(term)) fail('--term is autumn, spring or summer');
			const out = option('--out') ?? 'report.html';
			const result = await writeReport(db, schools, { asOf, period, term: (term ?? null) as 'autumn' | null, school: option('--school') ?? null, out, drop });
			process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `Wrote ${out}: ${result.report.title}, ${result.report.school}, ${result.report.period} (${result.report.suppressed_cells} cells suppressed)\n`);
			return;
		}
		const result = await analyse(db, schools, asOf, drop);
		process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatAnalysis(result));
		if (result.import.refused.length) fail(result.import.refused.map((r) => r.reason).join('; '));
	} catch (e) {
		if (e instanceof ImportRefused) fail(`${e.message} (use --drop-personal-columns to drop those columns and go on)`);
		throw e;
	}
}

main(process.argv.slice(2)).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
