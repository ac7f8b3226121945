import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import { assignSchools, groupBySchool, tablesChosenTwice, type ChosenFile } from '../../src/lib/import/group-files';
import { discardPlan, importSchools, prepareImport } from '../../src/lib/import/pipeline';
import { importSummary } from '../../src/lib/import/summary';

// A trust's ten demo files chosen at once must never load as one school.
const demo = new URL('../../data/demo/', import.meta.url).pathname;
const trustFiles = (): ChosenFile[] =>
	readdirSync(demo, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => readdirSync(`${demo}${d.name}`).map((name) => ({ name, path: `Demo trust/${d.name}/${name}`, bytes: new Uint8Array(readFileSync(`${demo}${d.name}/${name}`)) })));

describe('several schools chosen at once', () => {
	it('groups a dropped trust folder into one school per subfolder', () => {
		const groups = groupBySchool(trustFiles(), 'My school');
		const count = (school: string) => readdirSync(`${demo}${school}`).length;
		expect(groups.map((g) => [g.school, g.files.length])).toEqual([
			['Oakfield Primary', count('Oakfield Primary')],
			['Riverside High', count('Riverside High')]
		]);
		const f = (path: string): ChosenFile => ({ name: path.split('/').pop()!, path, bytes: new Uint8Array() });
		expect(groupBySchool([f('pupils.csv'), f('plans.csv')], 'Oak').map((g) => g.school)).toEqual(['Oak']);
		expect(groupBySchool([f('Oakfield/pupils.csv'), f('Oakfield/plans.csv')], 'Oak').map((g) => g.school)).toEqual(['Oak']);
		expect(groupBySchool([f('/North/pupils.csv'), f('/South/pupils.csv')], 'Oak').map((g) => g.school)).toEqual(['North', 'South']);
	});

	it('notices when the files chosen without folders hold the same table twice, and loads them apart once told which school is which', async () => {
		const files = trustFiles();
		const db = await openTestDb();
		const mixed = await prepareImport(db, 'My school', files);
		expect(tablesChosenTwice(mixed).map((t) => t.table)).toEqual(expect.arrayContaining(['pupils', 'plans', 'targets', 'provisions', 'allocations']));
		await discardPlan(db, mixed);
		// The page asks which school each file belongs to; here the answer is each file's folder.
		const of = (school: string) => files.filter((f) => f.path.includes(`/${school}/`));
		const bySchool = [...assignSchools(of('Oakfield Primary'), {}, 'Oakfield Primary'), ...assignSchools(of('Riverside High'), {}, 'Riverside High')];
		expect(assignSchools(of('Oakfield Primary'), { 'pupils.csv': 'Elsewhere' }, 'Oakfield Primary').map((g) => g.school)).toEqual(['Oakfield Primary', 'Elsewhere']);
		await importSchools(db, bySchool);
		const pupils = await db.query<{ school: string; n: number }>(`SELECT school, count(*)::INTEGER AS n FROM pupils GROUP BY 1 ORDER BY 1`);
		expect(pupils.map((p) => p.school)).toEqual(['Oakfield Primary', 'Riverside High']);
		expect(pupils.reduce((n, p) => n + p.n, 0)).toBe(168);
		expect((await importSummary(db)).rejected.filter((r) => r.reason.startsWith('duplicate'))).toEqual([]);
	});

	it('names the file of the first row in a duplicate-id reason, with one file or several', async () => {
		const db = await openTestDb();
		const enc = new TextEncoder();
		const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });
		await importSchools(db, [{ school: 'S', files: [file('pupils_a.csv', 'pupil_id,year_group,sen_stage\nP1,3,K\n'), file('pupils_b.csv', 'pupil_id,year_group,sen_stage\nP1,4,K\n')] }]);
		await importSchools(db, [{ school: 'T', files: [file('pupils.csv', 'pupil_id,year_group,sen_stage\nP1,3,K\nP1,4,K\n')] }]);
		expect((await importSummary(db)).rejected.map((r) => [r.school, r.file, r.line, r.reason])).toEqual([
			['S', 'pupils_b.csv', 2, 'duplicate pupil_id, first on line 2 of pupils_a.csv'],
			['T', 'pupils.csv', 3, 'duplicate pupil_id, first on line 2 of pupils.csv']
		]);
	});
});
