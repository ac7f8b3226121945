import type { SchoolFiles } from './schools';
import type { ImportPlan, InputFile } from './types';

/**
 * Files in a chosen or dropped folder that are taken to the import: what it reads (CSV, text,
 * .xlsx and .xlsm workbooks) and the spreadsheets it refuses with a reason (.xls, .xlsb, .ods), so
 * that none of them is left out without a word. The file input's `accept` list, the same.
 */
export const importedFileName = /\.(csv|tsv|txt|xlsx|xlsm|xls|xlsb|ods)$/i;
export const importedFileTypes = '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.xlsb,.ods';

/** A chosen file with where it was chosen from: `Trust/North/pupils.csv` when a folder was dropped. */
export interface ChosenFile extends InputFile {
	path: string;
	/** When the file was last changed (ms since 1970), if the browser says: the export's date by default. */
	modified?: number;
}

/** The date of an export: its newest file's (YYYY-MM-DD, local time), else `fallback`. */
export function exportDateOf(files: ChosenFile[], fallback: string): string {
	const newest = Math.max(0, ...files.map((f) => f.modified ?? 0));
	if (!newest) return fallback;
	const d = new Date(newest);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Files chosen together, as schools. Files from more than one folder (a trust's folder with one
 * subfolder per school, or several school folders dropped at once) give one school per folder below
 * the folders they share, named after it, as the command line reads a folder; each file is then
 * named by its path from there (`Riverside High/plans.csv`), so that every message says which
 * school's file it means. Files from one folder are one school under the name typed. Files chosen
 * with no folder keep their own names: two of them with the same name cannot be told apart
 * (`namesChosenTwice`), and are never read as one school.
 */
export function groupBySchool(files: ChosenFile[], typedName: string): SchoolFiles[] {
	const folders = files.map((f) => f.path.split('/').filter(Boolean).slice(0, -1));
	const shared = sharedDepth(folders);
	if (folders.every((d) => d.length === shared)) return files.length ? [{ school: typedName, files: files.map((f) => ({ name: f.name, bytes: f.bytes })) }] : [];
	const bySchool = new Map<string, InputFile[]>();
	files.forEach((f, i) => {
		const below = folders[i].slice(shared);
		// A file beside the school folders is the shared folder's own (as the command line reads it).
		const school = below[0] ?? folders[i][shared - 1] ?? typedName;
		const name = [...(below.length ? below : folders[i].slice(shared - 1, shared)), f.name].join('/');
		bySchool.set(school, [...(bySchool.get(school) ?? []), { name, bytes: f.bytes }]);
	});
	return [...bySchool].map(([school, files]) => ({ school, files }));
}

/** How many outer folders every path shares. */
function sharedDepth(folders: string[][]): number {
	let depth = 0;
	while (folders.length && folders.every((d) => d.length > depth && d[depth] === folders[0][depth])) depth++;
	return depth;
}

/**
 * Names that more than one file of the groups has: files chosen one by one from several folders
 * (two `pupils.csv`), which the browser gives with no folder to tell them apart. They are refused
 * before anything is read (`chooseTheFolder`): read together they would mix the schools.
 */
export function namesChosenTwice(groups: SchoolFiles[]): string[] {
	const seen = new Map<string, number>();
	for (const f of groups.flatMap((g) => g.files)) seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

/** What to do about files that cannot be told apart, in one line. */
export const chooseTheFolder = (names: string[]) =>
	`Files of the same name were chosen (${names.slice(0, 2).join(', ')}${names.length > 2 ? '…' : ''}), so their schools cannot be told apart and nothing was read: choose the trust's folder instead (“Or choose a folder”), with one subfolder per school.`;

/** Tables that more than one chosen file holds: several schools chosen at once, or one school's export in parts. */
export function tablesChosenTwice(plan: ImportPlan): { table: string; files: string[] }[] {
	const byTable = new Map<string, string[]>();
	for (const s of plan.sources) if (s.table && !s.refused) byTable.set(s.table, [...(byTable.get(s.table) ?? []), s.file]);
	return [...byTable].filter(([, files]) => files.length > 1).map(([table, files]) => ({ table, files }));
}

/** Regroup one plan's files into schools as the person said (file name → school). */
export function assignSchools(files: InputFile[], schoolOf: Record<string, string>, fallback: string): SchoolFiles[] {
	const bySchool = new Map<string, InputFile[]>();
	for (const f of files) {
		const school = (schoolOf[f.name] ?? '').trim() || fallback;
		bySchool.set(school, [...(bySchool.get(school) ?? []), f]);
	}
	return [...bySchool].map(([school, files]) => ({ school, files }));
}
