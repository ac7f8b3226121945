import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportDateOf, importedFileName as dataFile } from '../lib/import/group-files';
import type { SchoolFiles } from '../lib/import/schools';
import { isPlanFile } from '../lib/import/word-sources';

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
 * one school per subfolder (named after the subfolder). Word plans are the school's whose folder
 * they are in, however deep: a school files them by year group or class (a trust's school folder of
 * plans only is read as the one school's). Each school's export is dated by its files' own date (the
 * newest of them), as on the import page.
 */
export function readExportFolder(folder: string): SchoolFiles[] {
	const entries = readdirSync(folder).sort();
	const isFile = (dir: string, n: string) => dataFile.test(n) && statSync(join(dir, n)).isFile();
	const exportsIn = (dir: string) =>
		readdirSync(dir)
			.sort()
			.filter((n) => isFile(dir, n) && !isPlanFile(n));
	/** A school folder's Word plans, in it and in its folders that hold no exports (filed by year group or class), named by their path in it. */
	const plansIn = (root: string, under = ''): string[] =>
		readdirSync(join(root, under))
			.sort()
			.flatMap((n) => {
				const path = under ? `${under}/${n}` : n;
				if (statSync(join(root, path)).isDirectory()) return exportsIn(join(root, path)).length ? [] : plansIn(root, path);
				return isPlanFile(n) && dataFile.test(n) ? [path] : [];
			});
	const read = (dir: string): SchoolFiles | null => {
		const files = [...exportsIn(dir).map((n) => ({ name: n, path: join(dir, n) })), ...plansIn(dir).map((p) => ({ name: p, path: join(dir, p) }))];
		if (!files.length) return null;
		return { school: '', files: files.map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) })), exported: exportDateOfFiles(files.map((f) => f.path)) };
	};
	const schools: SchoolFiles[] = [];
	const own = read(folder);
	if (own) schools.push({ ...own, school: basename(folder.replace(/[\\/]+$/, '')) });
	for (const name of entries) {
		const dir = join(folder, name);
		// A folder of exports is a school of a trust; a folder of plans only is the school's own filing, read above.
		if (!statSync(dir).isDirectory() || !exportsIn(dir).length) continue;
		const school = read(dir);
		if (school) schools.push({ ...school, school: name });
	}
	return schools;
}
