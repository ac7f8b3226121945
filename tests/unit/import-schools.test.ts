import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestDb } from './test-db';
import { assignSchools, chooseTheFolder, groupBySchool, namesChosenTwice, tablesChosenTwice, type ChosenFile } from '../../src/lib/import/group-files';
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

	it('names each file of a trust by its path from the trust folder, and keeps schools apart whose files sit in folders of the same name', () => {
		const f = (path: string): ChosenFile => ({ name: path.split('/').pop()!, path, bytes: new Uint8Array() });
		const groups = groupBySchool([f('Trust/North/2025/pupils.csv'), f('Trust/South/2025/pupils.csv'), f('Trust/South/2025/plans.csv'), f('Trust/notes.csv')], 'Oak');
		expect(groups.map((g) => [g.school, g.files.map((x) => x.name)])).toEqual([
			['North', ['North/2025/pupils.csv']],
			['South', ['South/2025/pupils.csv', 'South/2025/plans.csv']],
			['Trust', ['Trust/notes.csv']]
		]);
		expect(namesChosenTwice(groups)).toEqual([]);
	});

	it('refuses files chosen one by one from several schools, whose names say nothing of their school', () => {
		// All fourteen files of the two demo schools, chosen without their folders: two pupils.csv, two plans.csv…
		const loose = trustFiles().map((f) => ({ ...f, path: f.name }));
		const groups = groupBySchool(loose, 'My school');
		expect(namesChosenTwice(groups).sort()).toEqual(['allocations.csv', 'assessments.csv', 'comparators.csv', 'plans.csv', 'provisions.csv', 'pupils.csv', 'targets.csv']);
		expect(chooseTheFolder(namesChosenTwice(groups))).toBe(
			"Files of the same name were chosen (allocations.csv, assessments.csv…), so their schools cannot be told apart and nothing was read: choose the trust's folder instead (“Or choose a folder”), with one subfolder per school."
		);
		expect(namesChosenTwice(groupBySchool(trustFiles(), 'My school'))).toEqual([]);
	});

	it('says which school’s file a rejected row is in, by its path', async () => {
		const db = await openTestDb();
		const enc = new TextEncoder();
		const f = (path: string, text: string): ChosenFile => ({ name: path.split('/').pop()!, path, bytes: enc.encode(text) });
		const pupils = 'pupil_id,year_group,sen_stage\nP1,3,K\n';
		await importSchools(db, groupBySchool([f('Trust/North/pupils.csv', pupils), f('Trust/South/pupils.csv', pupils + 'P1,4,K\n')], 'My school'));
		expect((await importSummary(db)).rejected.map((r) => [r.school, r.file, r.line, r.reason])).toEqual([['South', 'South/pupils.csv', 3, 'duplicate pupil_id, first on line 2 of South/pupils.csv']]);
		expect(await db.query(`SELECT school, pupil_id FROM pupils ORDER BY ALL`)).toEqual([
			{ school: 'North', pupil_id: 'P1' },
			{ school: 'South', pupil_id: 'P1' }
		]);
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
