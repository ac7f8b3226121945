import { broadAreaOfCode } from '$lib/contract/enums';
import { openDocx } from './container';
import { cellParagraphs, findLayout, linesOf, type Found, type FoundGrid, type FoundLabel, type GridRow } from './layout';
import { readChoice } from './marks';
import { readDocumentXml, type Cell, type Paragraph } from './model';
import { nameStriker, namesAlike } from './names';
import { normaliseName, pupilPseudonym, type SchoolKey } from './pseudonym';
import { provisionWords } from './quantities';
import { wordTables, type TemplateMappings, type WordField, type WordFile, type WordOrigin, type WordPlanRead, type WordProblem, type WordTable } from './types';
import { readCount, readDate, readMeasure, readMoney, readNeedCode, readYearGroup } from './values';
import { areaOptions, labelKey, outcomeOptions, stageOptions } from './wordings';

/**
 * Reading a folder of Word plans into the contract's rows. Each document is opened, read into its
 * labels and grids, and held in memory with the child's name and date of birth only until the pupil's
 * pseudonym is made; nothing returned holds either.
 */

export interface ReadOptions {
	mappings?: TemplateMappings;
	/** Called after each document; the caller may return a promise to give the page a turn. */
	onDocument?: (done: number, total: number) => void | Promise<void>;
	/** Called often while the rows are put together after the last document; may return a promise to give the page a turn. */
	turn?: () => void | null | Promise<void>;
}

/** A plan's labels by field, plus its grids. */
interface Section {
	fields: Map<WordField, FoundLabel[]>;
	grids: FoundGrid[];
}

interface DocRead {
	document: string;
	/** In memory only: to make the pseudonym and strike the name. */
	childName: string;
	dob: string;
	fields: Map<WordField, FoundLabel[]>;
	sections: Section[];
	group: FoundGrid | null;
	strike: (text: string) => string;
}

const PLAN_FIELDS = new Set<WordField>(['start_date', 'review_due', 'reviewed_on', 'cycle', 'pupil_views', 'parent_views', 'strengths', 'external_advice']);
/** A plan field met again after a grid starts the next plan (a review appended in the same document). */
const NEW_PLAN_FIELDS = new Set<WordField>(['start_date', 'review_due', 'cycle']);

const PERSONAL_KIND: Partial<Record<WordField, string>> = {
	child_name: "child's name",
	name: 'name',
	surname: "child's name",
	other_names: "child's name",
	pupils_involved: "child's name",
	date_of_birth: 'date of birth',
	address: 'address',
	phone: 'phone number',
	email: 'email address',
	parent_names: "parents' names",
	signature: 'signature',
	photo: 'photo',
	staff_name: 'staff name'
};

async function sha256Hex(text: string): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const emptyTables = <T>(make: () => T): Record<WordTable, T> => Object.fromEntries(wordTables.map((t) => [t, make()])) as Record<WordTable, T>;
const firstText = (labels: FoundLabel[] | undefined) => labels?.find((l) => l.text)?.text ?? '';
const cellsText = (cells: Cell[] | undefined) => (cells ? linesOf(cells.flatMap(cellParagraphs)) : '');
const cellsParagraphs = (cells: Cell[] | undefined): Paragraph[] => (cells ? cells.flatMap(cellParagraphs) : []);
const NONE = /^(?:none|n\/?a|no|nil|not applicable|-+|–)\.?$/i;

/** Why a grid row has no area of need: it names none, and the plan ticks none or several. */
const noAreaWhy = (ticked: unknown[]) => `the row names no area of need and the plan ticks ${ticked.length > 1 ? 'more than one' : 'none'}`;

export async function readWordPlans(files: WordFile[], key: SchoolKey, options: ReadOptions = {}): Promise<WordPlanRead> {
	const out: WordPlanRead = {
		tables: emptyTables(() => []),
		origins: emptyTables(() => []),
		problems: [],
		refused: [],
		noGrid: [],
		personalLeftOut: [],
		possibleMatches: [],
		templates: []
	};
	const personal = new Map<string, number>();
	const templates = new Map<string, { documents: string[]; fields: Map<string, string | null> }>();
	const mappings = new Map<string, Map<string, WordField | null>>();
	for (const [template, m] of Object.entries(options.mappings ?? {})) mappings.set(template, new Map(Object.entries(m).map(([k, v]) => [labelKey(k), v])));
	const problem = (document: string, where: string, table: WordTable | null, what: string, why: string) => out.problems.push({ document, where, table, what, why });
	const docs: DocRead[] = [];

	for (let i = 0; i < files.length; i++) {
		const file = files[i];
		const doc = await readOne(file);
		if (doc) docs.push(doc);
		await options.onDocument?.(i + 1, files.length);
	}

	async function readOne(file: WordFile): Promise<DocRead | null> {
		const opened = openDocx(file.name, file.bytes);
		if ('refused' in opened) {
			out.refused.push({ document: file.name, why: opened.refused });
			return null;
		}
		let found: Found[];
		let pictures: number;
		try {
			const model = readDocumentXml(opened.xml);
			pictures = model.pictures;
			found = findLayout(model);
		} catch {
			out.refused.push({ document: file.name, why: 'This document is damaged: its text cannot be read. Open it in Word; if Word repairs it, save it again as .docx and choose it again.' });
			return null;
		}
		// A template is known by its wordings: the same words, the same template, wherever they sit. Only
		// the dictionary's wordings and grid headings count: a bold line the dictionary does not know may be a
		// title with the child's name in it.
		const labels = found.filter((f): f is FoundLabel => f.kind === 'label');
		const grids = found.filter((f): f is FoundGrid => f.kind === 'grid');
		const wordings = [...new Set([...labels.filter((l) => l.field).map((l) => l.key), ...grids.flatMap((g) => g.headings.filter((h) => h.role).map((h) => labelKey(h.label)))])].sort();
		const template = 'T' + (await sha256Hex(wordings.join('\n'))).slice(0, 10);
		// "Completed by … Date": the date the group's run was completed.
		labels.forEach((l, i) => {
			if (l.key === 'date' && labels[i - 1]?.key === 'completed by') l.field = 'group_end';
		});
		const corrections = mappings.get(template);
		for (const l of labels) {
			const corrected = corrections?.get(l.key);
			if (corrected !== undefined) l.field = corrected ?? 'ignore';
		}

		const fields = new Map<WordField, FoundLabel[]>();
		for (const l of labels) if (l.field) fields.set(l.field, [...(fields.get(l.field) ?? []), l]);
		const nameOf = () => {
			const specific = firstText(fields.get('child_name'));
			if (specific) return specific;
			const parts = [firstText(fields.get('other_names')), firstText(fields.get('surname'))].filter(Boolean).join(' ');
			if (parts) return parts;
			const bare = fields.get('name') ?? [];
			return bare.length === 1 ? bare[0].text : '';
		};
		const childName = nameOf().split('\n')[0].trim();
		const strike = nameStriker(childName ? [childName] : []);
		// A file is often named after the child ("Amy Smith SSP.docx"): the name is struck from how the
		// document is named in everything read, as from its text. (A file refused unread keeps its name: it
		// is shown on the page and never loaded.)
		const document = nameStriker(childName ? [childName] : [], true)(file.name);

		for (const l of labels) {
			const kind = l.field ? PERSONAL_KIND[l.field] : undefined;
			if (kind && l.text && l.field !== 'photo') personal.set(kind, (personal.get(kind) ?? 0) + 1);
		}
		if (pictures > 0) personal.set('photo or picture', (personal.get('photo or picture') ?? 0) + pictures);

		const entry = templates.get(template) ?? { documents: [], fields: new Map<string, string | null>() };
		templates.set(template, entry);
		entry.documents.push(document);
		for (const l of labels) if (!entry.fields.has(strike(l.wording))) entry.fields.set(strike(l.wording), l.field === 'ignore' ? null : l.field);
		for (const g of grids) for (const h of g.headings) if (h.label && !entry.fields.has(h.label)) entry.fields.set(strike(h.label), h.role ? `grid: ${h.role}` : null);

		const planGrids = grids.filter((g) => !g.group);
		const group = grids.find((g) => g.group) ?? null;
		if (planGrids.length === 0 && !group) {
			out.noGrid.push({ document, labels: [...new Set(labels.map((l) => strike(l.wording)))] });
			return null;
		}

		const dobLabel = fields.get('date_of_birth')?.find((l) => l.text);
		const dob = dobLabel ? (readDate(dobLabel.text) ?? '') : '';
		if (!group) {
			if (!childName) {
				problem(document, 'header', 'pupils', "child's name", "no child's name was found, so this plan cannot be given a pupil id; its rows were not loaded");
				return null;
			}
			if (!dob)
				problem(
					document,
					dobLabel ? dobLabel.where : 'header',
					'pupils',
					'date of birth',
					dobLabel ? 'it is not written as a date, so the pupil id is made from the name alone' : 'no date of birth was found, so the pupil id is made from the name alone'
				);
		}

		// Plans in order: a plan field met again after a grid begins the next plan.
		const sections: Section[] = [];
		let current: Section = { fields: new Map(), grids: [] };
		sections.push(current);
		for (const f of found) {
			if (f.kind === 'grid') {
				if (!f.group) current.grids.push(f);
				continue;
			}
			if (!f.field || !PLAN_FIELDS.has(f.field)) continue;
			if (NEW_PLAN_FIELDS.has(f.field) && current.grids.length > 0 && current.fields.has(f.field)) {
				current = { fields: new Map(), grids: [] };
				sections.push(current);
			}
			current.fields.set(f.field, [...(current.fields.get(f.field) ?? []), f]);
		}
		// A part with no grid of its own belongs to the plan before it (or after it, for the first).
		const kept: Section[] = [];
		for (const s of sections) {
			const host = s.grids.length ? null : (kept.at(-1) ?? null);
			if (host) {
				for (const [k, v] of s.fields) if (!host.fields.has(k)) host.fields.set(k, v);
			} else kept.push(s);
		}
		if (kept.length > 1 && kept[0].grids.length === 0) {
			for (const [k, v] of kept[0].fields) if (!kept[1].fields.has(k)) kept[1].fields.set(k, v);
			kept.shift();
		}
		return { document, childName, dob, fields, sections: group ? [] : kept, group, strike };
	}

	// Pupils: one pseudonym per child; spellings that differ with the same date of birth are offered, not merged.
	interface PupilAcc {
		names: Set<string>;
		dob: string;
		documents: Set<string>;
		row: Record<string, string> | null;
		origin: WordOrigin | null;
		latest: string;
	}
	const pupils = new Map<string, PupilAcc>();
	const idOf = new Map<DocRead, string>();
	for (const d of docs) {
		await options.turn?.();
		if (d.group) continue;
		const id = await pupilPseudonym(key, d.childName, d.dob);
		idOf.set(d, id);
		const acc = pupils.get(id) ?? { names: new Set(), dob: d.dob, documents: new Set(), row: null, origin: null, latest: '' };
		acc.names.add(d.childName);
		acc.documents.add(d.document);
		pupils.set(id, acc);
	}

	// Plans: every section of every pupil's documents, in date order per pupil.
	interface PlanAcc {
		doc: DocRead;
		section: Section;
		start: string;
		review: string;
		reviewed: string;
		cycle: string;
		id: string;
	}
	const plansOf = new Map<string, PlanAcc[]>();
	for (const d of docs) {
		await options.turn?.();
		const pupil = idOf.get(d);
		if (!pupil) continue;
		for (const section of d.sections) {
			const date = (field: WordField, required: boolean) => {
				const labels = section.fields.get(field);
				for (const l of labels ?? []) {
					const iso = readDate(l.text);
					if (iso) return iso;
				}
				const written = labels?.find((l) => l.text);
				if (written) problem(d.document, written.where, 'plans', written.wording, 'it is not written as a date (for example 08/09/2025)');
				else if (required)
					problem(
						d.document,
						labels?.[0]?.where ?? 'header',
						'plans',
						field === 'start_date' ? 'plan start date' : 'review date',
						labels ? 'it is not filled in' : 'no label for it was found in this document'
					);
				return '';
			};
			const cycleLabel = section.fields.get('cycle')?.find((l) => l.text);
			const cycle = cycleLabel ? (readCount(cycleLabel.text) ?? '') : '';
			if (cycleLabel && !cycle) problem(d.document, cycleLabel.where, 'plans', cycleLabel.wording, 'it is not a plan number');
			const list = plansOf.get(pupil) ?? [];
			list.push({ doc: d, section, start: date('start_date', true), review: date('review_due', true), reviewed: date('reviewed_on', false), cycle, id: '' });
			plansOf.set(pupil, list);
		}
	}

	const planRows: { plan: PlanAcc; pupil: string }[] = [];
	for (const [pupil, list] of plansOf) {
		await options.turn?.();
		list.sort((a, b) => (a.start || '9999').localeCompare(b.start || '9999') || a.doc.document.localeCompare(b.doc.document));
		const taken = new Map<string, number>();
		list.forEach((plan, n) => {
			const base = `${pupil}-${plan.start ? plan.start.replace(/-/g, '') : 'undated'}`;
			const seen = (taken.get(base) ?? 0) + 1;
			taken.set(base, seen);
			plan.id = seen === 1 ? base : `${base}-${seen}`;
			if (!plan.cycle) plan.cycle = String(n + 1);
			planRows.push({ plan, pupil });
		});
	}

	const add = (table: WordTable, row: Record<string, string>, origin: WordOrigin) => {
		out.tables[table].push(row);
		out.origins[table].push(origin);
	};
	const flag = (labels: FoundLabel[] | undefined, isNone: (text: string) => boolean = () => false) => {
		if (!labels?.length) return '';
		return labels.some((l) => /\p{L}{2}/u.test(l.text) && !isNone(l.text.trim())) ? 'Y' : 'N';
	};

	for (const { plan, pupil } of planRows) {
		await options.turn?.();
		const d = plan.doc;
		const s = plan.section;
		const where = s.grids[0] ? `plan grid (table ${s.grids[0].table})` : 'header';
		add(
			'plans',
			{
				plan_id: plan.id,
				pupil_id: pupil,
				cycle: plan.cycle,
				start_date: plan.start,
				review_due: plan.review,
				reviewed_on: plan.reviewed,
				review_decision: '',
				pupil_views: flag(s.fields.get('pupil_views')),
				parent_views: flag(s.fields.get('parent_views')),
				strengths_recorded: flag(s.fields.get('strengths')),
				external_advice: flag(s.fields.get('external_advice'), (t) => NONE.test(t)),
				pupil_attended_review: '',
				parent_attended_review: '',
				case_holder: ''
			},
			{ document: d.document, where }
		);

		// The pupil's areas of need, ticked in the header: the default for a grid row that names none.
		const areaLabel = d.fields.get('need_area')?.[0];
		const areaRead = areaLabel ? readChoice(areaLabel.value, areaOptions, true) : null;
		// A DfE need only where the words name one ("Primary need: Specific Learning Difficulty").
		const primaryLabel = d.fields.get('primary_need')?.find((l) => l.text);
		const primaryNeed = primaryLabel ? (readNeedCode(primaryLabel.text) ?? '') : '';
		let areas: string[] = areaRead?.state === 'chosen' ? areaRead.values : [];
		if (areas.length === 0 && primaryNeed && broadAreaOfCode[primaryNeed as keyof typeof broadAreaOfCode] !== 'other') areas = [broadAreaOfCode[primaryNeed as keyof typeof broadAreaOfCode]];

		const reviewed = !!plan.reviewed;
		let t = 0;
		let pn = 0;
		const provisionOf = new Map<Cell, string>();
		const rows = s.grids.flatMap((g) => g.rows);
		const outcomes = rows.map((r) => (r.cells.outcome ? readChoice(cellsParagraphs(r.cells.outcome), outcomeOptions) : ({ state: 'blank' } as const)));
		const anyOutcome = reviewed || outcomes.some((o) => o.state === 'chosen');
		rows.forEach((row: GridRow, i) => {
			const target = d.strike(cellsText(row.cells.target));
			const provisionCells = row.cells.provision ?? row.cells.strategies;
			const provisionText = d.strike(cellsText(provisionCells).replace(/\n/g, '; '));
			const nextSteps = d.strike(cellsText(row.cells.next_steps));
			if (!/\p{L}/u.test(target) && !/\p{L}/u.test(provisionText)) {
				if (/\p{L}/u.test(nextSteps)) problem(d.document, row.where, 'targets', 'target', 'next steps are written but the target is empty, so there is no target to attach them to');
				return;
			}
			// The row's own area, where its need cell names one; else the plan's, where it ticks one.
			const one = (read: ReturnType<typeof readChoice<string>> | null) => (read?.state === 'chosen' && read.values.length === 1 ? read.values[0] : '');
			const area =
				one(row.cells.need ? readChoice(cellsParagraphs(row.cells.need), areaOptions, true) : null) ||
				one(row.heading.length ? readChoice(row.heading, areaOptions, true) : null) ||
				(areas.length === 1 ? areas[0] : '');

			let provisionId = '';
			if (/\p{L}/u.test(provisionText)) {
				const origin = provisionCells![0].origin ?? provisionCells![0];
				provisionId = provisionOf.get(origin) ?? '';
				if (!provisionId) {
					provisionId = `${plan.id}-P${++pn}`;
					provisionOf.set(origin, provisionId);
					const words = provisionWords(provisionText);
					if (!area) problem(d.document, row.where, 'provisions', `provision ${pn}: area of need`, noAreaWhy(areas));
					add(
						'provisions',
						{
							provision_id: provisionId,
							intervention: words.intervention,
							need_area: area,
							wave: '',
							delivered_by: words.delivered_by,
							sessions_per_week: words.sessions_per_week,
							minutes_per_session: words.minutes_per_session,
							start_date: plan.start,
							end_date: plan.reviewed,
							weeks: '',
							group_size: words.group_size,
							hourly_rate_gbp: '',
							other_costs_gbp: '',
							total_cost_gbp: '',
							funding_stream: ''
						},
						{ document: d.document, where: row.where }
					);
					add(
						'allocations',
						{ provision_id: provisionId, pupil_id: pupil, plan_id: plan.id, measure: '', higher_is_better: '', entry_value: '', exit_value: '', entry_date: '', exit_date: '', attendance_pct: '' },
						{ document: d.document, where: row.where }
					);
				}
			}
			if (!/\p{L}/u.test(target)) return;
			t++;
			const o = outcomes[i];
			let outcome = '';
			if (o.state === 'chosen') outcome = o.values[0];
			else if (o.state === 'unreadable') problem(d.document, row.where, 'targets', `target ${t}: outcome`, o.why);
			else if (o.state === 'none' && anyOutcome) problem(d.document, row.where, 'targets', `target ${t}: outcome`, 'the plan has been reviewed but nothing marks whether this target was achieved');
			if (!area) problem(d.document, row.where, 'targets', `target ${t}: area of need`, noAreaWhy(areas));
			add(
				'targets',
				{
					target_id: `${plan.id}-T${t}`,
					plan_id: plan.id,
					need_area: area,
					target_text: target,
					due_date: '',
					outcome,
					provision_ids: provisionId,
					next_steps: nextSteps
				},
				{ document: d.document, where: row.where }
			);
		});

		// The pupil's row: from their latest plan that says.
		const acc = pupils.get(pupil)!;
		if (!acc.row || plan.start >= acc.latest) {
			const yearLabel = d.fields.get('year_group')?.find((l) => l.text);
			const year = yearLabel ? readYearGroup(yearLabel.text) : null;
			const stageLabel = d.fields.get('sen_stage')?.[0];
			const stage = stageLabel ? readChoice(stageLabel.value, stageOptions) : null;
			const previous = acc.row;
			acc.row = {
				pupil_id: pupil,
				year_group: year ?? previous?.year_group ?? '',
				sen_stage: stage?.state === 'chosen' ? stage.values[0] : (previous?.sen_stage ?? ''),
				primary_need: primaryNeed || (previous?.primary_need ?? ''),
				secondary_need: '',
				sex: '',
				pupil_premium: '',
				eal: '',
				looked_after: '',
				young_carer: '',
				medical_condition: areas.includes('medical') ? 'Y' : '',
				sen_start_date: ''
			};
			acc.origin = { document: d.document, where: 'header' };
			acc.latest = plan.start;
			if (plan === plansOf.get(pupil)!.at(-1)) {
				if (yearLabel && !year) problem(d.document, yearLabel.where, 'pupils', yearLabel.wording, 'it does not say the year group (for example Year 3, Y3 or Reception)');
				if (!yearLabel && !acc.row.year_group) problem(d.document, 'header', 'pupils', 'year group', 'no year group was found');
				if (stage && stage.state !== 'chosen')
					problem(
						d.document,
						stageLabel!.where,
						'pupils',
						stageLabel!.wording,
						stage.state === 'unreadable' ? stage.why : stage.state === 'none' ? 'neither SEN Support nor EHCP is marked' : 'it is not filled in'
					);
				if (!stageLabel && !acc.row.sen_stage) problem(d.document, 'header', 'pupils', 'level of need', 'no level of need (SEN Support or EHCP) was found');
				if (areaRead && areaRead.state !== 'chosen' && !primaryNeed)
					problem(d.document, areaLabel!.where, 'pupils', areaLabel!.wording, areaRead.state === 'unreadable' ? areaRead.why : 'no area of need is marked');
				if (primaryLabel && !primaryNeed)
					problem(d.document, primaryLabel.where, 'pupils', primaryLabel.wording, 'it names no DfE need (for example Specific Learning Difficulty, SLCN or Autistic Spectrum Disorder)');
			}
		}
	}

	// Group Intervention Plans: one provision, an allocation per pupil with the entry and exit measures.
	const byName = new Map<string, Set<string>>();
	for (const [id, acc] of pupils) for (const n of acc.names) byName.set(normaliseName(n), new Set([...(byName.get(normaliseName(n)) ?? []), id]));
	for (const d of docs) {
		await options.turn?.();
		const g = d.group;
		if (!g) continue;
		const names = g.rows.map((r) =>
			cellsText(r.cells.pupil)
				.split('\n')[0]
				.replace(/\([^)]*\)/g, ' ')
				.replace(/[\d.]+/g, ' ')
				.replace(/\s+/g, ' ')
				.trim()
		);
		const strike = nameStriker(names.filter(Boolean));
		const id = `G${(await sha256Hex(d.document)).slice(0, 8)}`;
		const text = (f: WordField) => strike(firstText(d.fields.get(f)));
		const words = provisionWords(text('intervention'));
		const deliveredText = text('delivered_by');
		const delivered = deliveredText ? provisionWords(deliveredText).delivered_by : words.delivered_by;
		if (deliveredText && !delivered)
			problem(d.document, d.fields.get('delivered_by')![0].where, 'provisions', 'delivered by', 'it names no staff role (TA, HLTA, teacher, SENDCo or an outside professional)');
		// The area of need: as written for the group, else in the reason for it, else in the intervention's name.
		const areaOf = (paragraphs: Paragraph[]) => {
			const read = readChoice(paragraphs, areaOptions, true);
			return read.state === 'chosen' && read.values.length === 1 ? read.values[0] : '';
		};
		const plain = (text: string): Paragraph[] => [{ kind: 'p', inlines: [{ kind: 'text', text, bold: false, highlight: false, strike: false }] }];
		const areaLabel = d.fields.get('need_area')?.[0];
		const reasonLabel = d.fields.get('reason')?.[0];
		const area = (areaLabel && areaOf(areaLabel.value)) || (reasonLabel && areaOf(reasonLabel.value)) || areaOf(plain(text('intervention')));
		const start = readDate(text('start_date')) ?? '';
		const end = readDate(text('group_end')) ?? '';
		const costText = text('group_cost');
		const cost = costText ? readMoney(costText) : null;
		if (!text('intervention')) problem(d.document, 'header: Intervention', 'provisions', 'intervention', 'the intervention is not named');
		if (!area) problem(d.document, areaLabel?.where ?? reasonLabel?.where ?? 'header', 'provisions', 'area of need', 'the group plan does not say which area of need the intervention is for');
		if (!start)
			problem(
				d.document,
				d.fields.get('start_date')?.[0]?.where ?? 'header',
				'provisions',
				'start date',
				d.fields.get('start_date') ? 'it is not written as a date (for example 08/09/2025)' : 'no start date was found in this group plan'
			);
		if (costText && cost === null) problem(d.document, d.fields.get('group_cost')![0].where, 'provisions', 'cost of intervention', 'it is not one sum of money (for example £450)');
		add(
			'provisions',
			{
				provision_id: id,
				intervention: words.intervention,
				need_area: area,
				wave: '',
				delivered_by: delivered,
				sessions_per_week: words.sessions_per_week,
				minutes_per_session: words.minutes_per_session,
				start_date: start,
				end_date: end,
				weeks: '',
				group_size: words.group_size,
				hourly_rate_gbp: '',
				other_costs_gbp: '',
				total_cost_gbp: cost ?? '',
				funding_stream: ''
			},
			{ document: d.document, where: `header` }
		);
		for (let i = 0; i < g.rows.length; i++) {
			const row = g.rows[i];
			const name = names[i];
			const pre = cellsText(row.cells.pre);
			const post = cellsText(row.cells.post);
			if (!/\p{L}{2}/u.test(name)) {
				if (pre || post) problem(d.document, row.where, 'allocations', 'pupil', 'measures are written but no pupil is named');
				continue;
			}
			personal.set("child's name", (personal.get("child's name") ?? 0) + 1);
			// A date of birth beside the name gives the pupil's own id; without one, the name is matched to a pupil with a plan.
			const dobText = cellsText(row.cells.dob);
			const dob = dobText ? readDate(dobText) : null;
			if (dobText) personal.set('date of birth', (personal.get('date of birth') ?? 0) + 1);
			if (dobText && !dob) problem(d.document, row.where, 'allocations', 'date of birth', 'it is not written as a date, so the pupil id is made from the name alone');
			const known = dob ? null : byName.get(normaliseName(name));
			let pupil: string;
			if (known?.size === 1) pupil = [...known][0];
			else {
				pupil = await pupilPseudonym(key, name, dob ?? '');
				if (known && known.size > 1)
					problem(d.document, row.where, 'allocations', 'pupil', 'more than one child with this name has a plan, and the group plan gives no date of birth to tell them apart');
			}
			pupils.get(pupil)?.documents.add(d.document);
			const entry = readMeasure(pre);
			const exit = readMeasure(post);
			if (pre && !entry) problem(d.document, row.where, 'allocations', 'pre measure', 'it is not one number or age (for example SS 85 or 6y 3m)');
			if (post && !exit) problem(d.document, row.where, 'allocations', 'post measure', 'it is not one number or age (for example SS 92 or 6y 9m)');
			const measure = entry?.measure || exit?.measure || '';
			add(
				'allocations',
				{
					provision_id: id,
					pupil_id: pupil,
					plan_id: '',
					measure,
					higher_is_better: '',
					entry_value: entry?.value ?? '',
					exit_value: exit?.value ?? '',
					entry_date: entry ? start : '',
					exit_date: exit ? end : '',
					attendance_pct: ''
				},
				{ document: d.document, where: row.where }
			);
		}
	}

	for (const acc of pupils.values()) if (acc.row && acc.origin) add('pupils', acc.row, acc.origin);

	// Possible matches: the same date of birth, names a letter or two apart.
	const byDob = new Map<string, string[]>();
	for (const [id, acc] of pupils) if (acc.dob) byDob.set(acc.dob, [...(byDob.get(acc.dob) ?? []), id]);
	for (const ids of byDob.values()) {
		if (ids.length < 2) continue;
		const groups: string[][] = [];
		for (const id of ids) {
			const alike = groups.find((g) => g.some((other) => [...pupils.get(other)!.names].some((a) => [...pupils.get(id)!.names].some((b) => namesAlike(a, b)))));
			if (alike) alike.push(id);
			else groups.push([id]);
		}
		for (const g of groups) if (g.length > 1) out.possibleMatches.push({ pupilIds: g.sort(), documents: [...new Set(g.flatMap((id) => [...pupils.get(id)!.documents]))].sort() });
	}

	out.personalLeftOut = [...personal].map(([kind, count]) => ({ kind, count }));
	out.templates = [...templates].map(([template, t]) => ({ template, documents: t.documents, fields: [...t.fields].map(([label, field]) => ({ label, field })) }));
	return out;
}

export type { WordProblem };
