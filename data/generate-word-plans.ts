// Writes fictional Word plans and, beside them, what a correct reader must make of them:
//   tests/fixtures/word/           one small document per layout and way of marking, plus bad files;
//   tests/fixtures/word/expected/  each document's truth (<file name>.json) and the folder's (_folder.json);
//   data/demo-word/                a primary school's year of plans, for the "try it with Word plans" demo;
//   data/demo-word-csv/            the same plans as contract CSVs (the same figures; group ids may differ).
// `npm run demo:word`; `npm run demo:word -- --plans 300 --out /tmp/plans` writes only a school of 300
// plan documents (for benchmarks). Seeded: the same bytes every time. Names, dates of birth, addresses,
// phone numbers (Ofcom's drama ranges) and emails (example.org) are all invented.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { keyFile, makeSchoolKey, readKeyFile, type SchoolKey } from '../src/lib/import/word/pseudonym';
import { damaged, noGrid, noGridLabels, oldWord, passwordProtected, pdf } from './word-plans/bad-files';
import { fixtureDocs } from './word-plans/fixtures';
import type { PlanDoc } from './word-plans/model';
import { toDocx } from './word-plans/package';
import { render } from './word-plans/render';
import { buildSchool, DEMO_SCHOOL } from './word-plans/school';
import { emptyRows, personalValues, possibleMatches, tableNames, toCsv, truthOf, type Rows } from './word-plans/truth';

const root = new URL('..', import.meta.url).pathname;
const KEY_FILE = join(root, 'data/demo-word-key.json');

/** The demo key: made once and committed, so ids in the truth files stay put. */
async function demoKey(): Promise<SchoolKey> {
	if (!existsSync(KEY_FILE)) {
		writeFileSync(KEY_FILE, JSON.stringify(keyFile(await makeSchoolKey('2026-01-05')), null, '\t') + '\n');
		console.log(`Made a new demo key: ${KEY_FILE} (commit it)`);
	}
	const key = await readKeyFile(readFileSync(KEY_FILE, 'utf8'));
	if ('problem' in key) throw new Error(`${KEY_FILE}: ${key.problem}`);
	return key;
}

function write(path: string, bytes: Uint8Array | string) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, bytes);
}
const json = (value: unknown) => JSON.stringify(value, null, '\t') + '\n';

async function writeDocs(docs: PlanDoc[], dir: string) {
	const bytes = new Map<string, Uint8Array>();
	for (const doc of docs) {
		const docx = await toDocx(render(doc));
		bytes.set(doc.file, docx);
		write(join(dir, doc.file), docx);
	}
	return bytes;
}

function writeCsv(tables: Rows, dir: string) {
	rmSync(dir, { recursive: true, force: true });
	for (const t of tableNames) write(join(dir, `${t}.csv`), toCsv(t, tables[t]));
}

const refusedFiles = [
	{ file: 'old-word.doc', kind: 'old Word document (.doc): save it as .docx', bytes: oldWord },
	{ file: 'password-protected.docx', kind: 'password-protected: remove the password in Word, then save', bytes: passwordProtected },
	{ file: 'scanned-plan.pdf', kind: 'PDF: not a Word document', bytes: pdf }
];

async function fixtures(key: SchoolKey) {
	const dir = join(root, 'tests/fixtures/word');
	rmSync(dir, { recursive: true, force: true });
	const bytes = await writeDocs(fixtureDocs, dir);
	write(join(dir, 'README.md'), readFileSync(join(root, 'data/word-plans/fixtures-readme.md'), 'utf8'));
	for (const doc of fixtureDocs) {
		const { tables, problems } = await truthOf([doc], key);
		write(
			join(dir, 'expected', `${doc.file}.json`),
			json({
				document: doc.file,
				layout: doc.kind === 'group' ? 'group-intervention-plan' : doc.layout,
				marking: doc.kind === 'group' ? null : doc.marking,
				notes: doc.notes,
				tables,
				problems,
				refused: [],
				noGrid: [],
				possibleMatches: [],
				mustNotAppear: personalValues(doc)
			})
		);
	}
	const bad: { file: string; bytes: Uint8Array; refused?: string; noGrid?: string[] }[] = [
		...refusedFiles.map((f) => ({ file: f.file, bytes: f.bytes(), refused: f.kind })),
		{ file: 'damaged.docx', bytes: damaged(bytes.get('apdr-content-control.docx')!), refused: 'damaged: the file is cut short and cannot be opened' },
		{ file: 'no-plan-grid.docx', bytes: await toDocx(noGrid('Amelia Whitlock')), noGrid: noGridLabels }
	];
	for (const b of bad) {
		write(join(dir, b.file), b.bytes);
		write(
			join(dir, 'expected', `${b.file}.json`),
			json({
				document: b.file,
				layout: null,
				marking: null,
				notes: b.refused ? `Refused whole: ${b.refused}.` : 'A letter with labels but no plan grid: listed with the labels found, nothing loaded.',
				tables: emptyRows(),
				problems: [],
				refused: b.refused ? [{ document: b.file, why: b.refused }] : [],
				noGrid: b.noGrid ? [{ document: b.file, labels: b.noGrid }] : [],
				possibleMatches: [],
				mustNotAppear: b.noGrid ? ['Amelia Whitlock', 'Amelia', 'Whitlock'] : []
			})
		);
	}
	const all = await truthOf(fixtureDocs, key);
	write(
		join(dir, 'expected', '_folder.json'),
		json({
			document: null,
			notes: 'Every file of this folder read together: cycles numbered across documents, one pupils row per child, the spelling difference offered as a possible match.',
			tables: all.tables,
			problems: all.problems,
			refused: bad.filter((b) => b.refused).map((b) => ({ document: b.file, why: b.refused })),
			noGrid: bad.filter((b) => b.noGrid).map((b) => ({ document: b.file, labels: b.noGrid })),
			possibleMatches: await possibleMatches(fixtureDocs, key),
			mustNotAppear: [...new Set(fixtureDocs.flatMap(personalValues))]
		})
	);
	console.log(`tests/fixtures/word: ${fixtureDocs.length + bad.length} files, with their truth`);
}

async function demo(key: SchoolKey) {
	const docs = buildSchool(DEMO_SCHOOL);
	const dir = join(root, 'data/demo-word');
	rmSync(dir, { recursive: true, force: true });
	await writeDocs(docs, dir);
	const { tables, problems } = await truthOf(docs, key);
	writeCsv(tables, join(root, 'data/demo-word-csv'));
	write(join(root, 'data/demo-word-csv/README.md'), readFileSync(join(root, 'data/word-plans/demo-readme.md'), 'utf8'));
	write(join(root, 'data/demo-word-csv/expected.json'), json({ as_of: '2026-07-10', documents: docs.length, problems, possibleMatches: await possibleMatches(docs, key), refused: [], noGrid: [] }));
	console.log(`data/demo-word: ${docs.length} documents; data/demo-word-csv: ${tableNames.map((t) => `${tables[t].length} ${t}`).join(', ')}`);
}

async function bench(plans: number, out: string) {
	const docs = buildSchool({ pupils: Math.ceil(plans / 2.6), seed: 20260106, appended: 0, groups: false }).slice(0, plans);
	rmSync(out, { recursive: true, force: true });
	await writeDocs(docs, out);
	console.log(`${out}: ${docs.length} plan documents`);
}

const { values } = parseArgs({ options: { plans: { type: 'string' }, out: { type: 'string' } } });
const key = await demoKey();
if (values.plans) await bench(Number(values.plans), values.out ?? '/tmp/word-plans');
else {
	await fixtures(key);
	await demo(key);
}
