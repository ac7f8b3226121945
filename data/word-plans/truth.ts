// The rows a correct reader must give for the documents, worked out from the same values the documents
// were written from, with the ids of the shared interface (docs in tests/fixtures/word/README.md).
import { createHash } from 'node:crypto';
import { pupilPseudonym, type SchoolKey } from '../../src/lib/import/word/pseudonym';
import { fullName, ukDate, type GroupDoc, type PlanDoc, type Provision, type PupilDoc } from './model';

export type WordTable = 'pupils' | 'plans' | 'targets' | 'provisions' | 'allocations';
export type Rows = Record<WordTable, Record<string, string>[]>;

/** The columns a Word plan can give; any other contract column a reader adds must be blank. */
export const columns: Record<WordTable, string[]> = {
	pupils: ['pupil_id', 'year_group', 'sen_stage', 'primary_need'],
	plans: ['plan_id', 'pupil_id', 'cycle', 'start_date', 'review_due', 'reviewed_on', 'pupil_views', 'parent_views', 'strengths_recorded', 'external_advice'],
	targets: ['target_id', 'plan_id', 'need_area', 'target_text', 'due_date', 'outcome', 'provision_ids', 'next_steps'],
	provisions: ['provision_id', 'intervention', 'need_area', 'wave', 'delivered_by', 'sessions_per_week', 'minutes_per_session', 'start_date', 'end_date', 'weeks', 'group_size', 'total_cost_gbp'],
	allocations: ['provision_id', 'pupil_id', 'plan_id', 'measure', 'entry_value', 'exit_value', 'entry_date', 'exit_date']
};
export const tableNames = Object.keys(columns) as WordTable[];
export const emptyRows = (): Rows => ({ pupils: [], plans: [], targets: [], provisions: [], allocations: [] });

export interface Problem {
	table: WordTable;
	/** The id of the row the problem is about. */
	id: string;
	column: string;
	why: string;
}

const yn = (b: boolean) => (b ? 'Y' : 'N');
const num = (n: number | null) => (n === null ? '' : String(n));
const compact = (iso: string) => iso.replaceAll('-', '');
export const groupProvisionId = (document: string) => 'G' + createHash('sha256').update(document).digest('hex').slice(0, 8);

function provisionRow(id: string, p: Provision, needArea: string, start: string, end: string, cost = ''): Record<string, string> {
	return {
		provision_id: id,
		intervention: p.intervention,
		need_area: needArea,
		wave: '',
		delivered_by: p.by,
		sessions_per_week: num(p.sessions),
		minutes_per_session: num(p.minutes),
		start_date: start,
		end_date: end,
		weeks: '',
		group_size: num(p.group),
		total_cost_gbp: cost
	};
}

interface ReadPlan {
	doc: PupilDoc;
	index: number;
	pupilId: string;
}

/**
 * The rows for a set of documents read together (one document alone is a set of one). Cycles: as
 * written, else the plan's place among the pupil's plans in date order; plan ids get -2, -3 when one
 * pupil has two plans starting the same day.
 */
export async function truthOf(docs: PlanDoc[], key: SchoolKey, name: (doc: PlanDoc) => string = (d) => d.file): Promise<{ tables: Rows; problems: (Problem & { document: string })[] }> {
	const tables = emptyRows();
	const problems: (Problem & { document: string })[] = [];
	const pupilDocs = docs.filter((d): d is PupilDoc => d.kind === 'pupil');
	const read: ReadPlan[] = [];
	for (const doc of pupilDocs) {
		const pupilId = await pupilPseudonym(key, fullName(doc), doc.child.dob);
		doc.plans.forEach((_, index) => read.push({ doc, index, pupilId }));
	}
	const pupils = new Map<string, { year: string; stage: string; need: string; latest: string }>();
	const byPupil = new Map<string, ReadPlan[]>();
	for (const r of read) byPupil.set(r.pupilId, [...(byPupil.get(r.pupilId) ?? []), r]);
	for (const [pupilId, plans] of byPupil) {
		const ordered = [...plans].sort((a, b) => a.doc.plans[a.index].start.localeCompare(b.doc.plans[b.index].start));
		const used = new Map<string, number>();
		ordered.forEach((r, position) => {
			const plan = r.doc.plans[r.index];
			const { child } = r.doc;
			const seen = pupils.get(pupilId);
			if (!seen || plan.start >= seen.latest) pupils.set(pupilId, { year: child.year, stage: child.stage, need: child.primaryNeed?.code ?? '', latest: plan.start });
			const base = `${pupilId}-${compact(plan.start)}`;
			const n = (used.get(base) ?? 0) + 1;
			used.set(base, n);
			const planId = n === 1 ? base : `${base}-${n}`;
			tables.plans.push({
				plan_id: planId,
				pupil_id: pupilId,
				cycle: String(plan.cycle ?? position + 1),
				start_date: plan.start,
				review_due: plan.due,
				reviewed_on: plan.reviewed,
				pupil_views: yn(plan.pupilViews),
				parent_views: yn(plan.parentViews),
				strengths_recorded: yn(plan.strengths),
				external_advice: yn(plan.external)
			});
			let provisionNo = 0;
			let current = '';
			plan.rows.forEach((row, i) => {
				const targetId = `${planId}-T${i + 1}`;
				const area = row.area ?? child.area;
				if (row.provision === 'above') {
					// The merged cell is the provision of the row above.
				} else if (row.provision) {
					current = `${planId}-P${++provisionNo}`;
					tables.provisions.push(provisionRow(current, row.provision, area, plan.start, plan.reviewed));
					tables.allocations.push({ provision_id: current, pupil_id: pupilId, plan_id: planId, measure: '', entry_value: '', exit_value: '', entry_date: '', exit_date: '' });
				} else current = '';
				tables.targets.push({
					target_id: targetId,
					plan_id: planId,
					need_area: area,
					target_text: row.target,
					due_date: '',
					outcome: row.outcome === 'unreadable' ? '' : row.outcome,
					provision_ids: current,
					// Only the APDR grid has a next-steps column: the other layouts' documents say none.
					next_steps: r.doc.layout === 'apdr' ? row.next : ''
				});
				if (row.outcome === 'unreadable') problems.push({ document: name(r.doc), table: 'targets', id: targetId, column: 'outcome', why: 'two options marked: the mark cannot be read' });
			});
		});
	}
	for (const [pupilId, p] of pupils) tables.pupils.push({ pupil_id: pupilId, year_group: p.year, sen_stage: p.stage, primary_need: p.need });
	for (const doc of docs.filter((d): d is GroupDoc => d.kind === 'group')) await groupTruth(doc, key, name(doc), tables);
	// Reading order: rows sorted by id, so a reader's order does not matter.
	for (const t of tableNames) tables[t].sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|')));
	return { tables, problems };
}

async function groupTruth(doc: GroupDoc, key: SchoolKey, document: string, tables: Rows) {
	const id = groupProvisionId(document);
	tables.provisions.push(provisionRow(id, doc.provision, doc.area, doc.start, doc.completed, doc.cost === null ? '' : String(doc.cost)));
	for (const m of doc.members) {
		tables.allocations.push({
			provision_id: id,
			pupil_id: await pupilPseudonym(key, `${m.child.first} ${m.child.surname}`, m.child.dob),
			plan_id: '',
			measure: m.pre === null && m.post === null ? '' : doc.measure,
			entry_value: num(m.pre),
			exit_value: num(m.post),
			// Pre Plan is measured when the group starts, Post Plan at its evaluation.
			entry_date: m.pre === null ? '' : doc.start,
			exit_date: m.post === null ? '' : doc.completed
		});
	}
}

/** Children with the same date of birth whose names are written differently: offered as possible matches. */
export async function possibleMatches(docs: PlanDoc[], key: SchoolKey, name: (doc: PlanDoc) => string = (d) => d.file) {
	const byDob = new Map<string, Map<string, Set<string>>>();
	const add = async (first: string, surname: string, dob: string, document: string) => {
		const id = await pupilPseudonym(key, `${first} ${surname}`, dob);
		const ids = byDob.get(dob) ?? new Map<string, Set<string>>();
		ids.set(id, (ids.get(id) ?? new Set()).add(document));
		byDob.set(dob, ids);
	};
	for (const doc of docs) {
		if (doc.kind === 'pupil') await add(doc.spelt?.first ?? doc.child.first, doc.spelt?.surname ?? doc.child.surname, doc.child.dob, name(doc));
		else for (const m of doc.members) await add(m.child.first, m.child.surname, m.child.dob, name(doc));
	}
	return [...byDob.values()].filter((ids) => ids.size > 1).map((ids) => ({ pupilIds: [...ids.keys()].sort(), documents: [...new Set([...ids.values()].flatMap((s) => [...s]))].sort() }));
}

/**
 * What must appear in no table, problem, label list, error or log: the personal values written in the
 * document, and each date of birth as an ISO date too.
 */
export function personalValues(doc: PlanDoc): string[] {
	const values = new Set<string>();
	const children = doc.kind === 'pupil' ? [{ ...doc.child, ...(doc.spelt ?? {}) }] : doc.members.map((m) => m.child);
	const psp = doc.kind === 'pupil' && doc.layout === 'pupil-support-plan';
	for (const c of children) {
		values
			.add(`${c.first} ${c.surname}`)
			.add(c.first)
			.add(c.surname)
			.add(c.dob)
			.add(ukDate(c.dob, psp ? 'words' : 'slash'));
		if (psp) values.add(c.address).add(c.phone).add(c.mobile).add(c.email);
		if (doc.kind === 'pupil' && doc.layout !== 'iep') values.add(c.parents[0]);
		if (psp) for (const p of c.parents) values.add(p);
	}
	return [...values];
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** A table of rows as a contract CSV. */
export const toCsv = (table: WordTable, rows: Record<string, string>[]) => [columns[table].join(','), ...rows.map((r) => columns[table].map((c) => csvCell(r[c] ?? '')).join(','))].join('\n') + '\n';
