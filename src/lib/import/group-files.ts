import type { SchoolFiles } from './schools';
import type { ImportPlan, InputFile } from './types';
import { isPlanFile } from './word-sources';

/**
 * Files in a chosen or dropped folder that are taken to the import: what it reads (CSV, text,
 * .xlsx and .xlsm workbooks, Word plans) and what it refuses with a reason (.xls, .xlsb, .ods, and
 * plans saved as .doc or PDF), so that none of them is left out without a word. The file input's
 * `accept` list, the same.
 */
export const importedFileName = /\.(csv|tsv|txt|xlsx|xlsm|xls|xlsb|ods|docx|docm|dotx|doc|dot|pdf)$/i;
export const importedFileTypes = '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.xlsb,.ods,.docx,.docm,.dotx,.doc,.dot,.pdf';

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
 * Files chosen together, as schools. Exports from more than one folder (a trust's folder with one
 * subfolder per school, or several school folders dropped at once) give one school per folder,
 * named after it, as the command line reads a folder; exports from one folder are one school under
 * the name typed. Files chosen with no folder cannot be told apart here: the page asks (see
 * `tablesChosenTwice`). Word plans are one school's, the name typed, whatever folders they are in.
 */
export function groupBySchool(chosen: ChosenFile[], typedName: string): SchoolFiles[] {
	const files = chosen.filter((f) => !isPlanFile(f.name));
	const plans = chosen.filter((f) => isPlanFile(f.name)).map((f) => ({ name: planName(f.path || f.name), bytes: f.bytes }));
	const folderOf = (f: ChosenFile) => f.path.split('/').filter(Boolean).slice(0, -1).pop() ?? '';
	const folders = new Set(files.map(folderOf));
	const bySchool = new Map<string, InputFile[]>();
	if (folders.size <= 1) {
		if (files.length) bySchool.set(typedName, files.map(strip));
	} else {
		for (const f of files) {
			const school = folderOf(f) || typedName;
			bySchool.set(school, [...(bySchool.get(school) ?? []), strip(f)]);
		}
	}
	// A school's plans are filed in folders of its own (by year group, by class): they are all the typed school's.
	if (plans.length) bySchool.set(typedName, [...(bySchool.get(typedName) ?? []), ...plans]);
	return [...bySchool].map(([school, files]) => ({ school, files }));
}

/**
 * A Word plan's name: its path inside the folder chosen (`Year 3/AN14 plan.docx`), the same as the
 * command line gives it for that folder, so that what is made from the name (a group's id) is too.
 */
export function planName(path: string): string {
	const parts = path.split('/').filter(Boolean);
	return (parts.length > 1 ? parts.slice(1) : parts).join('/');
}

const strip = (f: ChosenFile): InputFile => ({ name: f.name, bytes: f.bytes });

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
