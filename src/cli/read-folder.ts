import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportDateOf, importedFileName as dataFile } from '../lib/import/group-files';
import type { SchoolFiles } from '../lib/import/schools';

export type { SchoolFiles };

/**
 * The date of an export made of these files: the newest file's modification date (local time), as
 * the import page takes it from the files chosen (`exportDateOf`); undefined for no file.
 */
export function exportDateOfFiles(paths: string[]): string | undefined {
	const date = exportDateOf(
		paths.map((path) => ({ name: basename(path), path, modified: statSync(path).mtimeMs, bytes: new Uint8Array() })),
		''
	);
	return date || undefined;
}

/**
 * A folder of exports is one school (named after the folder); a folder of folders is a trust,
 * one school per subfolder (named after the subfolder). Each school's export is dated by its files'
 * own date (the newest of them), as on the import page.
 */
export function readExportFolder(folder: string): SchoolFiles[] {
	const entries = readdirSync(folder).sort();
	const read = (dir: string, names: string[]): SchoolFiles | null => {
		const paths = names.filter((n) => dataFile.test(n) && statSync(join(dir, n)).isFile()).map((n) => join(dir, n));
		if (!paths.length) return null;
		return { school: '', files: paths.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) })), exported: exportDateOfFiles(paths) };
	};
	const schools: SchoolFiles[] = [];
	const own = read(folder, entries);
	if (own) schools.push({ ...own, school: basename(folder.replace(/[\\/]+$/, '')) });
	for (const name of entries) {
		const dir = join(folder, name);
		if (!statSync(dir).isDirectory()) continue;
		const school = read(dir, readdirSync(dir).sort());
		if (school) schools.push({ ...school, school: name });
	}
	return schools;
}
