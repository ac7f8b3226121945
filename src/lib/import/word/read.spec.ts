import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSchoolKey, pupilPseudonym, type SchoolKey } from './pseudonym';
import { readWordPlans } from './read';
import { box, del, docx, formBox, p, r, tbl, tc, tr } from '../../../../tests/unit/word-docx';
import type { WordFile, WordPlanRead } from './types';

/** An APDR plan (the Norfolk layout): labels above their values, ticked boxes, the four-column grid with a merged provision cell. */
const apdr = docx(
	p(r('SEN Support Plan—Assess, Plan, Do, Review', { b: true })),
	tbl(
		tr("Child's name", 'Date of birth', 'Class teacher/Year head/Tutor', 'Professionals involved'),
		tr('Amy Smith', '04/03/2017', 'Mrs Jones', 'Educational psychologist (Spring term)'),
		tr('Level of need', 'Main area of Special Educational Need', 'Year group', 'Plan agreed'),
		tr(
			tc([p(box(true), ' SEN Support/ Graduated approach ', box(false), ' EHCP')]),
			tc([p('☐ Cognition and Learning ☒ Communication and Interaction ☐ Sensory and or Physical ☐ Social, Emotional and Mental Health ☐ Medical')]),
			'Year 3',
			'8th September 2025'
		),
		tr('Review date', 'Date reviewed', "Child's views", "Parent's views"),
		tr('12/12/2025', '10.12.25', 'I like Lego. Amy wants to make friends.', '')
	),
	tbl(
		tr(
			'Things I find difficult (SEN need) (eg. Making friends)',
			'Provision and Strategies—(additional to /different from what is normally available)',
			tc([p('Short term targets (Outcomes)'), p('These need to be SMART')]),
			'Has the target been achieved or what progress has been made towards the target ?',
			'Next steps: new targets or alternative provision/ strategies?'
		),
		tr(
			'1. Making friends',
			tc('Lego therapy group of 4, twice weekly, 30 mins, HLTA', { merge: 'restart' }),
			'Amy will take turns in a game with 3 other children for 10 minutes.',
			tc([p('YES ', formBox(true), ' NO ', formBox(false), ' Progress ', formBox(false))]),
			"Amy's next target: start a game herself"
		),
		tr('2. Listening', tc([p()], { merge: 'continue' }), 'Amy will follow a 2-step instruction 4 times out of 5.', tc([p('YES NO ', r('Progress', { b: true }))]), ''),
		tr('3.', '', '', 'YES No Progress', '')
	)
);

/** An IEP-style plan written as paragraphs, with its next plan appended in the same document. */
const iep = docx(
	p(r('Individual Education Plan', { b: true })),
	p('Surname: SMITH'),
	p('First name: Amy'),
	p('DOB: 4 March 2017'),
	p('Year group: Y3'),
	p('SEN stage: SEN Support ☒ EHCP ☐'),
	p('Area of need: C&L'),
	p('Plan start: 05/01/2026'),
	p('Review date: 27/03/2026'),
	p('Cycle: 2'),
	tbl(
		tr('Target', 'Strategies', 'Success criteria', 'Outcome'),
		tr('Amy will read 20 high-frequency words.', 'Precision teaching 1:1 TA 10 mins daily', 'Reads 20/20 words on 3 days', 'Partly'),
		tr('Amy will write her name.', 'Handwriting group, weekly', '', '')
	),
	p(r('Review and next plan', { b: true })),
	p('Plan start: 13/04/2026'),
	p('Review date: 10/07/2026'),
	tbl(tr('Target', 'Strategies', 'Success criteria', 'Outcome'), tr('Amy will read 40 words.', 'Precision teaching daily 10 minutes, TA', '', ''))
);

/** A two-column header, a spelling that differs (Smyth), EHCP typed, an outcome column spanning two grid columns. */
const twoColumn = docx(
	tbl(
		tr('Name of child', 'Amy Smyth'),
		tr('Date of birth', '04/03/2017'),
		tr('Address', '16 Cordwell Street, Hollybrook, HB9 6ZZ'),
		tr('Telephone', '01632 960016'),
		tr('Email', 'joanne.smyth@example.org'),
		tr("Parent's name", 'Joanne Smyth'),
		tr('Year', '3'),
		tr('Level of need', 'EHCP'),
		tr('Area of need', 'SEMH'),
		tr('Date of plan', '1 Feb 2026'),
		tr('Next review date', '1 May 2026')
	),
	tbl(tr('Area of need', 'Provision', 'Target', tc('Achieved?', { span: 2 })), tr('SEMH', 'ELSA weekly 45 minutes', 'Smyth will name 3 feelings.', '', 'Yes'))
);

/** A Group Intervention Plan: one intervention, pre and post measures per pupil. */
const group = docx(
	p(r('Group Intervention Plan', { b: true })),
	tbl(
		tr('Year /Tutor Group', 'Year 3'),
		tr('Pupils involved', 'Amy Smith, Ben Jones'),
		tr('Reason the intervention is required', 'Phonics gaps (cognition and learning)'),
		tr('Start date', '06/01/2026'),
		tr('Review date', '27/03/2026'),
		tr('Intervention', 'Phonics catch-up, group of 3, 3x weekly, 20 minutes'),
		tr('Delivered by', 'Mrs Patel (TA)')
	),
	tbl(tr('Pupil', 'Pre Plan', 'Post Plan', 'Progress', 'Further Action?'), tr('Amy Smith', 'RA 6y 3m', 'RA 6y 9m', 'Good', ''), tr('Ben Jones', 'SS 82', 'SS 88', '', ''), tr('', '', '', '', '')),
	tbl(tr('Cost of intervention', '£450'), tr('Date completed', '27/03/2026'))
);

const letter = docx(p('Dear parent,'), p("Child's name: Amy Smith"), p('Date: 1 March 2026'));
const damagedXml = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') });
const ole = (extra = '') => {
	const bytes = new Uint8Array(1024);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	bytes.set(
		Array.from(extra).flatMap((c) => [c.charCodeAt(0), 0]),
		200
	);
	return bytes;
};

const files: WordFile[] = [
	{ name: 'Plans/Autumn/plan 01.docx', bytes: apdr },
	{ name: 'Plans/Spring/plan 02.docx', bytes: iep },
	{ name: 'Plans/Spring/plan 03.docx', bytes: twoColumn },
	{ name: 'Plans/Group phonics.docx', bytes: group },
	{ name: 'Plans/letter home.docx', bytes: letter },
	{ name: 'Plans/old plan.doc', bytes: ole() },
	{ name: 'Plans/locked.docx', bytes: ole('EncryptedPackage') },
	{ name: 'Plans/scan.pdf', bytes: strToU8('%PDF-1.7 ...') },
	{ name: 'Plans/broken.docx', bytes: strToU8('PK\u0003\u0004 not really a zip') },
	{ name: 'Plans/bad xml.docx', bytes: damagedXml },
	{ name: 'Plans/~$plan 01.docx', bytes: strToU8('lock') }
];

const blankPlan = { review_decision: '', pupil_attended_review: '', parent_attended_review: '', case_holder: '' };
const noCosts = { wave: '', weeks: '', hourly_rate_gbp: '', other_costs_gbp: '', total_cost_gbp: '', funding_stream: '' };
const ownAllocation = { measure: '', higher_is_better: '', entry_value: '', exit_value: '', entry_date: '', exit_date: '', attendance_pct: '' };
const pupilBlanks = { secondary_need: '', sex: '', pupil_premium: '', eal: '', looked_after: '', young_carer: '', sen_start_date: '' };

describe('reading a folder of Word plans', () => {
	let key: SchoolKey;
	let read: WordPlanRead;
	let amy: string;
	let amySmyth: string;
	let ben: string;
	let groupId: string;
	const progress: [number, number][] = [];

	beforeAll(async () => {
		key = await makeSchoolKey('2026-12-06');
		read = await readWordPlans(files, key, { onDocument: (done, total) => void progress.push([done, total]) });
		amy = await pupilPseudonym(key, 'Amy Smith', '2017-03-04');
		amySmyth = await pupilPseudonym(key, 'Amy Smyth', '2017-03-04');
		ben = await pupilPseudonym(key, 'Ben Jones', '');
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('Plans/Group phonics.docx')));
		groupId = 'G' + Array.from(digest.slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
	});

	it('reports progress after every document', () => {
		expect(progress).toEqual(files.map((_, i) => [i + 1, files.length]));
	});

	it('refuses .doc, password-protected, PDF, damaged and lock files one by one, with what to do', () => {
		const why = Object.fromEntries(read.refused.map((r) => [r.document, r.why]));
		expect(Object.keys(why).sort()).toEqual(['Plans/bad xml.docx', 'Plans/broken.docx', 'Plans/locked.docx', 'Plans/old plan.doc', 'Plans/scan.pdf', 'Plans/~$plan 01.docx']);
		expect(why['Plans/old plan.doc']).toMatch(/old Word format.*save it as a Word Document \(\.docx\)/);
		expect(why['Plans/locked.docx']).toMatch(/password.*Remove the password/);
		expect(why['Plans/scan.pdf']).toMatch(/PDF/);
		expect(why['Plans/broken.docx']).toMatch(/damaged/);
		expect(why['Plans/bad xml.docx']).toMatch(/damaged/);
	});

	it('lists a document with no plan grid with the labels it found', () => {
		expect(read.noGrid).toEqual([{ document: 'Plans/letter home.docx', labels: ["Child's name", 'Date'] }]);
	});

	it('gives one child one id across documents and layouts, and each plan its cycle in date order', () => {
		const plans = read.tables.plans.map((p) => [p.plan_id, p.pupil_id, p.cycle, p.start_date, p.review_due, p.reviewed_on]);
		expect(plans).toEqual([
			[`${amy}-20250908`, amy, '1', '2025-09-08', '2025-12-12', '2025-12-10'],
			[`${amy}-20260105`, amy, '2', '2026-01-05', '2026-03-27', ''],
			[`${amy}-20260413`, amy, '3', '2026-04-13', '2026-07-10', ''],
			[`${amySmyth}-20260201`, amySmyth, '1', '2026-02-01', '2026-05-01', '']
		]);
		expect(read.tables.plans[0]).toEqual({
			plan_id: `${amy}-20250908`,
			pupil_id: amy,
			cycle: '1',
			start_date: '2025-09-08',
			review_due: '2025-12-12',
			reviewed_on: '2025-12-10',
			pupil_views: 'Y',
			parent_views: 'N',
			strengths_recorded: '',
			external_advice: 'Y',
			...blankPlan
		});
		expect(read.origins.plans[0]).toEqual({ document: 'Plans/Autumn/plan 01.docx', where: 'plan grid (table 2)' });
	});

	it('reads each grid row to a target with its outcome, name struck, and its provision (a merged cell is one provision)', () => {
		const p1 = `${amy}-20250908-P1`;
		expect(read.tables.targets.filter((t) => t.plan_id === `${amy}-20250908`)).toEqual([
			{
				target_id: `${amy}-20250908-T1`,
				plan_id: `${amy}-20250908`,
				need_area: 'communication_interaction',
				target_text: '[Pupil] will take turns in a game with 3 other children for 10 minutes.',
				due_date: '',
				outcome: 'achieved',
				provision_ids: p1,
				next_steps: "[Pupil]'s next target: start a game herself"
			},
			{
				target_id: `${amy}-20250908-T2`,
				plan_id: `${amy}-20250908`,
				need_area: 'communication_interaction',
				target_text: '[Pupil] will follow a 2-step instruction 4 times out of 5.',
				due_date: '',
				outcome: 'partial',
				provision_ids: p1,
				next_steps: ''
			}
		]);
		expect(read.tables.provisions.filter((p) => p.provision_id.startsWith(`${amy}-20250908`))).toEqual([
			{
				provision_id: p1,
				intervention: 'Lego therapy',
				need_area: 'communication_interaction',
				delivered_by: 'HLTA',
				sessions_per_week: '2',
				minutes_per_session: '30',
				start_date: '2025-09-08',
				end_date: '2025-12-10',
				group_size: '4',
				...noCosts
			}
		]);
		expect(read.origins.targets[1]).toEqual({ document: 'Plans/Autumn/plan 01.docx', where: 'plan grid (table 2), row 2' });
	});

	it('reads the IEP layout, typed outcomes, success criteria and a review appended in the same document', () => {
		const spring = `${amy}-20260105`;
		const summer = `${amy}-20260413`;
		expect(read.tables.targets.filter((t) => t.plan_id !== `${amy}-20250908` && t.plan_id.startsWith(amy)).map((t) => [t.target_id, t.need_area, t.target_text, t.outcome, t.provision_ids])).toEqual([
			[`${spring}-T1`, 'cognition_learning', '[Pupil] will read 20 high-frequency words.', 'partial', `${spring}-P1`],
			[`${spring}-T2`, 'cognition_learning', '[Pupil] will write her name.', '', `${spring}-P2`],
			[`${summer}-T1`, 'cognition_learning', '[Pupil] will read 40 words.', '', `${summer}-P1`]
		]);
		expect(
			read.tables.provisions
				.filter((p) => p.provision_id.startsWith(spring) || p.provision_id.startsWith(summer))
				.map((p) => [p.provision_id, p.intervention, p.delivered_by, p.sessions_per_week, p.minutes_per_session, p.group_size, p.end_date])
		).toEqual([
			[`${spring}-P1`, 'Precision teaching', 'TA', '5', '10', '1', ''],
			[`${spring}-P2`, 'Handwriting group', '', '1', '', '', ''],
			[`${summer}-P1`, 'Precision teaching', 'TA', '5', '10', '', '']
		]);
	});

	it('gives every provision of a pupil’s own plan an allocation to that pupil and plan', () => {
		const own = read.tables.allocations.filter((a) => !a.provision_id.startsWith('G'));
		expect(own).toEqual(
			read.tables.provisions
				.filter((p) => !p.provision_id.startsWith('G'))
				.map((p) => ({ provision_id: p.provision_id, pupil_id: p.provision_id.slice(0, 12), plan_id: p.provision_id.replace(/-P\d+$/, ''), ...ownAllocation }))
		);
	});

	it('reads a two-column header, a typed level of need and an outcome under a merged heading', () => {
		expect(read.tables.targets.filter((t) => t.plan_id.startsWith(amySmyth)).map((t) => [t.need_area, t.target_text, t.outcome])).toEqual([['semh', '[Pupil] will name 3 feelings.', 'achieved']]);
		expect(read.tables.provisions.find((p) => p.provision_id.startsWith(amySmyth))).toMatchObject({ intervention: 'ELSA', need_area: 'semh', sessions_per_week: '1', minutes_per_session: '45' });
	});

	it('reads the pupils from their latest plan', () => {
		const byId = Object.fromEntries(read.tables.pupils.map((p) => [p.pupil_id, p]));
		expect(byId[amy]).toEqual({ pupil_id: amy, year_group: '3', sen_stage: 'K', primary_need: '', medical_condition: '', ...pupilBlanks });
		// A ticked or typed area is a broad area, not a DfE need code; a group plan gives no pupils rows (it does not say the level of need).
		expect(byId[amySmyth]).toEqual({ pupil_id: amySmyth, year_group: '3', sen_stage: 'E', primary_need: '', medical_condition: '', ...pupilBlanks });
		expect(read.tables.pupils).toHaveLength(2);
	});

	it('reads a Group Intervention Plan as one provision and an allocation per pupil with entry and exit values', () => {
		expect(read.tables.provisions.find((p) => p.provision_id === groupId)).toEqual({
			provision_id: groupId,
			intervention: 'Phonics catch-up',
			need_area: 'cognition_learning',
			delivered_by: 'TA',
			sessions_per_week: '3',
			minutes_per_session: '20',
			start_date: '2026-01-06',
			end_date: '2026-03-27',
			group_size: '3',
			...noCosts,
			total_cost_gbp: '450'
		});
		expect(read.tables.allocations.filter((a) => a.provision_id === groupId)).toEqual([
			{
				provision_id: groupId,
				pupil_id: amy,
				plan_id: '',
				measure: 'reading_age_months',
				higher_is_better: '',
				entry_value: '75',
				exit_value: '81',
				entry_date: '2026-01-06',
				exit_date: '2026-03-27',
				attendance_pct: ''
			},
			{
				provision_id: groupId,
				pupil_id: ben,
				plan_id: '',
				measure: 'standardised_score',
				higher_is_better: '',
				entry_value: '82',
				exit_value: '88',
				entry_date: '2026-01-06',
				exit_date: '2026-03-27',
				attendance_pct: ''
			}
		]);
	});

	it('offers two spellings with one date of birth as a possible match, never merging them', () => {
		expect(read.possibleMatches).toEqual([
			{ pupilIds: [amy, amySmyth].sort(), documents: ['Plans/Autumn/plan 01.docx', 'Plans/Group phonics.docx', 'Plans/Spring/plan 02.docx', 'Plans/Spring/plan 03.docx'] }
		]);
	});

	it('counts the personal fields left out, and has nothing it could not read in these plans', () => {
		expect(Object.fromEntries(read.personalLeftOut.map((p) => [p.kind, p.count]))).toEqual({
			"child's name": 8,
			'date of birth': 3,
			'staff name': 1,
			address: 1,
			'phone number': 1,
			'email address': 1,
			"parents' names": 1
		});
		expect(read.problems).toEqual([]);
	});

	it('lists every field, target and provision it could not read, and guesses none of them', async () => {
		const bytes = docx(
			tbl(
				tr("Child's name", 'Cara Lee'),
				tr('Date of birth', '01/01/2018'),
				tr('Class', 'Oak class'),
				tr('Level of need', '☐ SEN Support ☐ EHCP'),
				tr('Main area of need', '☒ C&L ☒ SEMH'),
				tr('Plan start', '01/09/2025'),
				tr('Review date', 'next term'),
				tr('Date reviewed', '10/12/2025')
			),
			tbl(tr('Target', 'Provision', 'Achieved?'), tr('Cara will count to 20.', 'Maths group, weekly', '☒ YES ☒ NO ☐ Progress'), tr('Cara will write her name.', '', 'YES NO Progress'))
		);
		const one = await readWordPlans([{ name: 'c.docx', bytes }], key);
		expect(one.problems.map((p) => [p.where, p.table, p.what])).toEqual([
			['header: Review date', 'plans', 'Review date'],
			['plan grid (table 2), row 1', 'provisions', 'provision 1: area of need'],
			['plan grid (table 2), row 1', 'targets', 'target 1: outcome'],
			['plan grid (table 2), row 1', 'targets', 'target 1: area of need'],
			['plan grid (table 2), row 2', 'targets', 'target 2: outcome'],
			['plan grid (table 2), row 2', 'targets', 'target 2: area of need'],
			['header: Class', 'pupils', 'Class'],
			['header: Level of need', 'pupils', 'Level of need']
		]);
		expect(one.tables.targets.map((t) => [t.outcome, t.need_area])).toEqual([
			['', ''],
			['', '']
		]);
		expect(one.tables.plans[0]).toMatchObject({ start_date: '2025-09-01', review_due: '', reviewed_on: '2025-12-10' });
		expect(one.tables.pupils[0]).toMatchObject({ year_group: '', sen_stage: '' });
		expect(JSON.stringify(one)).not.toMatch(/Cara|Lee|2018/);
	});

	it('lists each template with what it recognised', () => {
		expect(read.templates).toHaveLength(5);
		const apdrTemplate = read.templates.find((t) => t.documents.includes('Plans/Autumn/plan 01.docx'))!;
		expect(apdrTemplate.fields).toEqual(
			expect.arrayContaining([
				{ label: "Child's name", field: 'child_name' },
				{ label: 'Level of need', field: 'sen_stage' },
				{ label: 'Plan agreed', field: 'start_date' },
				{ label: 'Short term targets (Outcomes)', field: 'grid: target' }
			])
		);
	});

	// The documents' own names are the caller's (as chosen); these are named without a child's name so the search is strict.
	it('never returns a name, date of birth or staff name anywhere', () => {
		const all = JSON.stringify(read);
		const personal = ['Amy', 'Smith', 'Smyth', 'Ben', 'Jones', 'Patel', 'Mrs', 'Joanne', '2017', '04/03', '4 March', 'Cordwell', 'HB9', '01632', '960016', 'example'];
		for (const word of personal) expect(all).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
	});

	it('strikes the child’s name from a document’s file name, in any case', async () => {
		const named = await readWordPlans(
			[
				{ name: 'Plans/Amy Smith SSP autumn.docx', bytes: apdr },
				{ name: 'Plans/smith_amy_iep.docx', bytes: iep }
			],
			key
		);
		const documents = new Set([
			...named.problems.map((p) => p.document),
			...named.templates.flatMap((t) => t.documents),
			...Object.values(named.origins)
				.flat()
				.map((o) => o.document)
		]);
		expect([...documents].sort()).toEqual(['Plans/[Pupil] SSP autumn.docx', 'Plans/[Pupil]_[Pupil]_iep.docx']);
		expect(JSON.stringify(named)).not.toMatch(/amy|smith/i);
	});

	it('gives the same ids with the same key, and different ids with another', async () => {
		const again = await readWordPlans(files, key);
		expect(again.tables.pupils.map((p) => p.pupil_id)).toEqual(read.tables.pupils.map((p) => p.pupil_id));
		const other = await readWordPlans(files, await makeSchoolKey('2026-12-06'));
		expect(other.tables.pupils.map((p) => p.pupil_id).filter((id) => read.tables.pupils.some((p) => p.pupil_id === id))).toEqual([]);
	});

	it('applies a SENDCo’s correction to a template’s label', async () => {
		const template = read.templates.find((t) => t.documents.includes('Plans/Spring/plan 03.docx'))!.template;
		const corrected = await readWordPlans([{ name: 'a.docx', bytes: twoColumn }], key, { mappings: { [template]: { Year: null, 'Next review date': 'reviewed_on' } } });
		expect(corrected.tables.plans[0]).toMatchObject({ review_due: '', reviewed_on: '2026-05-01' });
		expect(corrected.tables.pupils[0].year_group).toBe('');
		expect(corrected.templates[0].fields).toEqual(expect.arrayContaining([{ label: 'Year', field: null }]));
	});

	it('skips deleted text', async () => {
		const bytes = docx(
			tbl(tr("Child's name", 'Cara Lee'), tr('Date of birth', '01/01/2018'), tr('Plan start', '01/09/2025'), tr('Review date', '01/12/2025')),
			tbl(tr('Target', 'Provision'), tr(tc([p('Cara will count to ', del('10'), '20.')]), 'Maths group'))
		);
		const one = await readWordPlans([{ name: 'c.docx', bytes }], key);
		expect(one.tables.targets[0].target_text).toBe('[Pupil] will count to 20.');
	});
});
