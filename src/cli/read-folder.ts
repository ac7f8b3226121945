import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importedFileName as dataFile } from '../lib/import/group-files';
import type { InputFile } from '../lib/import/pipeline';

export interface SchoolFiles {
	school: string;
	files: InputFile[];
}

/**
 * A folder of exports is one school (named after the folder); a folder of folders is a trust,
 * one school per subfolder (named after the subfolder).
 */
export function readExportFolder(folder: string): SchoolFiles[] {
	const entries = readdirSync(folder).sort();
	const read = (dir: string, names: string[]) =>
		names.filter((n) => dataFile.test(n) && statSync(join(dir, n)).isFile()).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
	const schools: SchoolFiles[] = [];
	const own = read(folder, entries);
	if (own.length) schools.push({ school: basename(folder.replace(/[\\/]+$/, '')), files: own });
	for (const name of entries) {
		const dir = join(folder, name);
		if (!statSync(dir).isDirectory()) continue;
		const files = read(dir, readdirSync(dir).sort());
		if (files.length) schools.push({ school: name, files });
	}
	return schools;
}
