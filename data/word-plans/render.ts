// The four layouts as Word documents: the Norfolk-style APDR plan (seed 001), the Pupil Support Plan and
// the Group Intervention Plan (seed 003), and another authority's IEP table. The wording of labels and
// headings follows the templates; the words typed into them are invented.
import { Document, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { choiceRuns, type ChoiceStyle } from './marks';
import { plainPng } from './photo';
import { areaOrder, areaWords, firstName, fullName, ukDate, withName, type Area, type GroupDoc, type Outcome, type Plan, type PupilDoc, type Row } from './model';

export const SCHOOL = 'Hollybrook Primary School';

type Content = string | ParagraphChild[] | Paragraph[];
interface CellOptions {
	span?: number;
	rows?: number;
	label?: boolean;
}

function paragraphs(content: Content, bold = false): Paragraph[] {
	if (typeof content === 'string') return content.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
	if (content.length && content[0] instanceof Paragraph) return content as Paragraph[];
	return [new Paragraph({ children: content as ParagraphChild[] })];
}
const cell = (content: Content, o: CellOptions = {}) => new TableCell({ children: paragraphs(content, o.label), columnSpan: o.span, rowSpan: o.rows });
const label = (text: string, o: CellOptions = {}) => cell(text, { ...o, label: true });
/** A label above its value in one cell, as the APDR header has them. */
const stacked = (name: string, value: Content) => new TableCell({ children: [...paragraphs(name, true), ...paragraphs(value)] });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const table = (...rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const blank = () => new Paragraph({ children: [] });

/** The choices of one document, each with the next glyph when marks are typed. */
class Marker {
	private n = 0;
	constructor(private readonly doc: PupilDoc) {}
	style(): ChoiceStyle {
		const glyphs = this.doc.glyphs ?? ['☒'];
		const n = this.n++;
		return { marking: this.doc.marking, glyph: glyphs[n % glyphs.length], legacyDefault: this.doc.legacyDefaultChecked && n % 2 === 0 };
	}
	choose(options: string[], chosen: number[]): ParagraphChild[] {
		return choiceRuns(options, chosen, this.style());
	}
	level(options: string[]): ParagraphChild[] {
		return this.choose(options, [this.doc.child.stage === 'K' ? 0 : 1]);
	}
	area(): ParagraphChild[] {
		return this.choose(
			areaOrder.map((a) => areaWords[a]),
			[areaOrder.indexOf(this.doc.child.area)]
		);
	}
	/** An outcome: the options [achieved, not achieved, partly] as the layout words them, or the word typed. */
	outcome(outcome: Row['outcome'], options: [string, string, string], typed: Record<Outcome, string>): ParagraphChild[] {
		if (this.doc.marking === 'words') {
			this.n++;
			return [new TextRun(outcome === '' ? '' : outcome === 'unreadable' ? '?' : typed[outcome])];
		}
		const chosen = outcome === '' ? [] : outcome === 'unreadable' ? [0, 1] : [{ achieved: 0, not_achieved: 1, partial: 2 }[outcome]];
		return this.choose(options, chosen);
	}
}

const typedWords: Record<Outcome, string> = { achieved: 'Yes', partial: 'Partly', not_achieved: 'not yet' };
const texts = {
	strengths: 'Kind to younger children; loves drawing and building things; good at remembering routines.',
	hard: 'Goes quiet, puts head down on the table, or leaves the carpet.',
	supported: 'I like it when an adult shows me first and I can have a go on my own. I like working with one friend.',
	parentNews: 'Grandparent moved in over the summer; sleep is better now.',
	professionals: 'Educational Psychologist (visit in October); Speech and Language Therapy advice on file',
	interventions: 'Seated near the front; visual timetable; instructions chunked; pre-teaching of vocabulary',
	identified: 'Class assessments, school screening, observations by the SENDCo and discussion with parents'
};

/** The provision cells of a grid: a provision merged with the one above is drawn as one tall cell. */
function provisionCells(rows: Row[], first: string): (TableCell | null)[] {
	return rows.map((r, i) => {
		if (r.provision === 'above') return null;
		let span = 1;
		while (rows[i + span]?.provision === 'above') span++;
		return cell(r.provision ? withName(r.provision.text, first) : '', { rows: span > 1 ? span : undefined });
	});
}

function apdrGrid(doc: PupilDoc, plan: Plan, marker: Marker): Table {
	const first = firstName(doc);
	const rows = [...plan.rows];
	while (rows.length < 4) rows.push({ difficulty: '', provision: null, target: '', outcome: '', next: '' });
	const provisions = provisionCells(rows, first);
	return table(
		row(
			label('Things I find difficult (SEN need) (eg. Making friends, Difficult to maintain concentration)'),
			label(
				'Provision and Strategies—(additional to /different from what is normally available to children of the same age) (Specific and quantifiable resource—Who, when, what, how often) (eg. 1:1 designated staff delivery of 10 minutes support a day delivering phonics)'
			),
			label('Short term targets (Outcomes) These need to be SMART (Specific, Measurable, Achievable, Realistic and Time bound)'),
			label('Has the target been achieved or what progress has been made towards the target ?'),
			label('Next steps: new targets or alternative provision/ strategies?')
		),
		...rows.map((r, i) =>
			row(
				...[
					cell(`${i + 1}. ${withName(r.difficulty, first)}`),
					provisions[i],
					cell(withName(r.target, first)),
					cell(marker.outcome(r.outcome, ['YES', 'NO', 'Progress'], typedWords)),
					cell(withName(r.next, first))
				].filter((c): c is TableCell => c !== null)
			)
		),
		row(cell(`Review held on: ${ukDate(plan.reviewed)}`, { span: 5 }))
	);
}

export function apdr(doc: PupilDoc): Document {
	const { child } = doc;
	const marker = new Marker(doc);
	const name = fullName(doc);
	const [plan, ...later] = doc.plans;
	const children: (Paragraph | Table)[] = [
		heading('Special Educational Needs (SEN) Support Plan'),
		para('SEN support is a cycle of Assess, Plan, Do and Review: help that is additional to or different from what most children of the same age receive.'),
		table(
			row(label("Child's Name"), cell(name)),
			row(label('School'), cell(SCHOOL)),
			row(label('Year group/Form'), cell(`Year ${child.year === 'R' ? 'R' : child.year} / Willow class`)),
			row(label("Child's Photo"), cell([new ImageRun({ type: 'png', data: plainPng(), transformation: { width: 64, height: 64 }, altText: { name: 'Photo', description: 'Photo', title: 'Photo' } })]))
		),
		blank(),
		table(
			row(label('Things that people like and admire about me (my strengths) and things I like doing are.....'), cell(plan.strengths ? texts.strengths : '')),
			row(label("You will know when I'm finding things hard when (behaviours) ....."), cell(texts.hard)),
			row(label('How I like to be supported.....'), cell(plan.pupilViews ? texts.supported : ''))
		),
		blank(),
		table(
			row(label('My role as a parent will be to:'), label('My role as child/young person will be to:'), label('My role as the class teacher will be to:'), label('Plan agreed by SENCO')),
			row(
				cell('Read with me at home three times a week.'),
				cell('Try my best and use my help card.'),
				cell('Plan small steps and share progress each half term.'),
				cell(`Date: ${ukDate(plan.start)}\nName: SENDCo`)
			),
			row(cell(`Parent signature: ${child.parents[0]}`), cell(`Young person/child signature: ${firstName(doc)}`), cell('Class teacher signature:'), cell(`Review date: ${ukDate(plan.due)}`))
		),
		para('This is not a legal document'),
		heading('SEN Support Plan—Assess, Plan, Do, Review', HeadingLevel.HEADING_2),
		table(
			row(
				stacked("Child's name", name),
				stacked('Date of birth', ukDate(child.dob)),
				stacked('Class teacher/Year head/Tutor', 'Class teacher, Willow class'),
				stacked('Professionals involved', plan.external ? texts.professionals : '')
			),
			row(label('Level of need'), label('Main area of Special Educational Need'), label('Cluster funding'), label('Attainment Level')),
			row(
				cell(marker.level(['SEN Support/ Graduated approach', 'EHCP'])),
				cell(marker.area()),
				cell(marker.choose(['YES', 'NO'], [1])),
				cell('Previous Attainment: working towards\nCurrent Attainment: working towards')
			),
			row(
				label('Current Interventions/ Adjustments /Support (all teachers need to be aware)'),
				label('How have needs been identified/assessed - by school/outside professionals/parents', { span: 2 }),
				label('Any new information from parent/carers E.g. change in family circumstances/ bereavement')
			),
			row(cell(texts.interventions), cell(texts.identified, { span: 2 }), cell(plan.parentViews ? texts.parentNews : '')),
			...(plan.cycle !== null ? [row(label('APDR cycle'), cell(String(plan.cycle), { span: 3 }))] : [])
		),
		blank(),
		apdrGrid(doc, plan, marker)
	];
	for (const next of later) {
		children.push(
			blank(),
			heading('Review and next SEN Support Plan—Assess, Plan, Do, Review', HeadingLevel.HEADING_2),
			table(
				row(label('Plan agreed by SENCO, date'), cell(ukDate(next.start)), label('Review date'), cell(ukDate(next.due))),
				row(label('How I like to be supported.....'), cell(next.pupilViews ? texts.supported : '', { span: 3 })),
				row(label('Any new information from parent/carers'), cell(next.parentViews ? texts.parentNews : '', { span: 3 })),
				row(label('Things that people like and admire about me (my strengths)'), cell(next.strengths ? texts.strengths : '', { span: 3 })),
				row(label('Professionals involved'), cell(next.external ? texts.professionals : '', { span: 3 })),
				...(next.cycle !== null ? [row(label('APDR cycle'), cell(String(next.cycle), { span: 3 }))] : [])
			),
			blank(),
			apdrGrid(doc, next, marker)
		);
	}
	return new Document({ creator: 'Provision Lens demo', title: 'SEN Support Plan', sections: [{ children }] });
}

export function pupilSupportPlan(doc: PupilDoc): Document {
	const { child } = doc;
	const marker = new Marker(doc);
	const spelt = doc.spelt ?? child;
	const plan = doc.plans[0];
	const first = firstName(doc);
	const outcomeRows: TableRow[] = [];
	let area: Area | undefined;
	plan.rows.forEach((r, i) => {
		if (r.area !== area) {
			area = r.area;
			if (area) outcomeRows.push(row(label(areaWords[area], { span: 5 })));
		}
		outcomeRows.push(
			row(
				cell(String(i + 1)),
				cell(withName(r.target, first)),
				cell('Visual prompts; praise for effort; work broken into short steps'),
				cell(r.provision && r.provision !== 'above' ? withName(r.provision.text, first) : ''),
				cell(marker.outcome(r.outcome, ['Yes', 'No', 'Partly'], typedWords))
			)
		);
	});
	const children: (Paragraph | Table)[] = [
		heading('Pupil Support Plan'),
		para('A Pupil Support Plan is for a pupil whose access to learning needs additional support that the school can provide from its own budget.'),
		table(
			row(label('Child/young person', { span: 4 })),
			row(label('Surname'), cell(spelt.surname, { span: 3 })),
			row(label('Other names'), cell(spelt.first, { span: 3 })),
			row(label('Address'), cell(child.address, { span: 3 })),
			row(label('Date of birth'), cell(ukDate(child.dob, 'words'), { span: 3 })),
			row(label('Year group'), cell(child.year === 'R' ? 'Reception' : `Year ${child.year}`, { span: 3 })),
			row(label('Level of need'), cell(marker.level(['SEN Support', 'EHCP']), { span: 3 })),
			row(label('Language at home'), cell('English', { span: 3 })),
			row(label("Child/ young person's parent/s or person responsible"), cell(child.parents.join(' and '), { span: 3 })),
			row(label('Address if different'), cell(''), label('Relationship to pupil'), cell('Mother')),
			row(label('Telephone'), cell(child.phone), label('Mobile'), cell(child.mobile)),
			row(label('Email'), cell(child.email, { span: 3 })),
			row(label('Best time for contact'), cell('After 3.15pm'), label('Best method of contact'), cell('Phone')),
			row(label('Any other important information e.g. medical, social, communication'), cell('Wears glasses for reading.', { span: 3 })),
			...(plan.cycle !== null ? [row(label('Plan number'), cell(String(plan.cycle), { span: 3 }))] : [])
		),
		blank(),
		table(
			row(label('This is me'), cell(plan.pupilViews ? `${first} says: "I like Lego, my dog and playing tag. I don't like loud rooms."` : '', { span: 3 })),
			row(label('What I want to do/be in the future'), cell('A vet', { span: 3 })),
			row(
				label('Things I am good at'),
				cell(plan.strengths ? 'Drawing, looking after the class plants, remembering facts about animals' : ''),
				label('Things I find difficult'),
				cell('Writing, busy playtimes')
			),
			row(label('How I liked to be helped'), cell('A quiet reminder, not in front of everyone', { span: 3 })),
			row(label('What is important to me now and in the future'), cell('My friends and my family', { span: 3 })),
			row(label('If this section has been completed by or with someone else please fill in the details below', { span: 4 })),
			row(label('Name'), cell(child.parents[0]), label('Relationship'), cell('Mother'))
		),
		blank(),
		table(row(label('What the family think is important now and in the future')), row(cell(plan.parentViews ? 'That our child feels happy and safe and keeps their friendships.' : ''))),
		blank(),
		table(row(label('Strengths and difficulties')), row(cell(plan.strengths ? 'Summary: settled in class, good at drawing; finds writing and unstructured times hard.' : 'Summary:'))),
		blank(),
		table(row(label('Date of plan'), cell(ukDate(plan.start)))),
		blank(),
		table(
			row(label('Key people involved:', { span: 4 })),
			row(label('Name'), label('Role'), label('Name'), label('Role')),
			row(cell('Class teacher'), cell('Daily support'), cell('SENDCo'), cell('Monitoring this plan')),
			row(label('Professionals involved'), cell(plan.external ? 'Educational Psychologist' : '', { span: 3 })),
			row(label('The person responsible for monitoring this provision'), cell('SENDCo', { span: 3 }))
		),
		blank(),
		table(
			row(label('The outcomes we want to see this year', { span: 5 })),
			row(
				label('No.'),
				label('What we want to achieve and what success will look like'),
				label('What approaches will be used'),
				label('What provision will be made available'),
				label('Has this been achieved?')
			),
			...outcomeRows
		),
		blank(),
		table(row(label('Review held on'), cell(ukDate(plan.reviewed))), row(label('When will this plan be reviewed'), cell(ukDate(plan.due)))),
		para('I agree that copies of this document may be shared with education and training providers who can help me.'),
		table(
			row(label('Signatures', { span: 3 })),
			row(label('Party'), label('Signature'), label('Date')),
			row(cell('Child/Young person'), cell(first), cell(ukDate(plan.start))),
			row(cell('Parent/s'), cell(child.parents[0]), cell(ukDate(plan.start))),
			row(cell('School'), cell('SENDCo'), cell(ukDate(plan.start)))
		)
	];
	return new Document({ creator: 'Provision Lens demo', title: 'Pupil Support Plan', sections: [{ children }] });
}

export function iep(doc: PupilDoc): Document {
	const { child } = doc;
	const marker = new Marker(doc);
	const first = firstName(doc);
	const plan = doc.plans[0];
	const rows = plan.rows;
	const provisions = provisionCells(rows, first);
	const children: (Paragraph | Table)[] = [
		heading('Westshire County Council — Individual Education Plan (IEP)'),
		table(
			row(label('Name'), cell(fullName(doc)), label('Date of birth'), cell(ukDate(child.dob))),
			row(label('Year'), cell(child.year === 'R' ? 'YR' : `Y${child.year}`), label('IEP number'), cell(plan.cycle === null ? '' : String(plan.cycle))),
			row(label('Stage'), cell(marker.level(['SEN Support', 'EHCP'])), label('Area(s) of need'), cell(marker.area())),
			row(label('Primary need'), cell(child.primaryNeed?.words ?? ''), label('Outside agencies'), cell(plan.external ? 'Speech and Language Therapy' : '')),
			row(label('Start date'), cell(ukDate(plan.start)), label('Review date'), cell(ukDate(plan.due))),
			row(label('Date reviewed'), cell(ukDate(plan.reviewed), { span: 3 }))
		),
		blank(),
		table(
			row(label("Pupil's views"), cell(plan.pupilViews ? 'I want to get better at reading so I can read comics.' : '')),
			row(label("Parent's views"), cell(plan.parentViews ? 'We practise spellings at home; gets tired by Thursday.' : '')),
			row(label('Strengths'), cell(plan.strengths ? 'Great at practical maths and at helping others' : ''))
		),
		blank(),
		table(
			row(label('Target'), label('Strategies'), label('Success criteria'), label('Outcome')),
			...rows.map((r, i) =>
				row(
					...[
						cell(withName(r.target, first)),
						provisions[i],
						cell('Checked by the class teacher in a short weekly task'),
						cell(marker.outcome(r.outcome, ['Achieved', 'Not achieved', 'Partially achieved'], { achieved: 'Achieved', partial: 'Partially achieved', not_achieved: 'Not yet achieved' }))
					].filter((c): c is TableCell => c !== null)
				)
			)
		)
	];
	return new Document({ creator: 'Provision Lens demo', title: 'Individual Education Plan', sections: [{ children }] });
}

const measureText = (measure: GroupDoc['measure'], value: number | null) => {
	if (value === null) return '';
	if (measure === 'reading_age_months') return `Reading age ${Math.floor(value / 12)}y ${value % 12}m`;
	return measure === 'sdq_total' ? `SDQ ${value}` : `Standardised score ${value}`;
};

export function groupPlan(doc: GroupDoc): Document {
	const names = doc.members.map((m) => `${m.child.first} ${m.child.surname}`);
	const children: (Paragraph | Table)[] = [
		heading('Group Intervention Plan'),
		table(
			row(label('Year /Tutor Group'), cell(doc.year === 'R' ? 'Reception' : doc.year.includes(',') ? `Years ${doc.year}` : `Year ${doc.year}`)),
			row(label('Pupils involved'), cell(names.join(', '))),
			row(label('Reason the intervention is required'), cell('Progress in the autumn assessments was slower than expected for these pupils.')),
			row(label('Area of need'), cell(areaWords[doc.area])),
			row(label('Start date'), cell(ukDate(doc.start))),
			row(label('Review date'), cell(ukDate(doc.due))),
			row(label('Intervention'), cell(doc.provision.text)),
			row(label('Delivered by'), cell(doc.provision.by)),
			row(label('Reason for choosing this particular intervention'), cell('Used in school before with good results; fits the timetable.'))
		),
		blank(),
		table(
			row(label('Intervention Review', { span: 6 })),
			row(label('Pupil'), label('Date of birth'), label('Pre Plan'), label('Post Plan'), label('Progress'), label('Further Action?')),
			...doc.members.map((m, i) => row(cell(names[i]), cell(ukDate(m.child.dob)), cell(measureText(doc.measure, m.pre)), cell(measureText(doc.measure, m.post)), cell(m.progress), cell(m.further)))
		),
		blank(),
		table(
			row(label('Intervention Evaluation'), cell('')),
			row(label('Cost of intervention'), cell(doc.cost === null ? '' : `£${doc.cost.toLocaleString('en-GB')}`)),
			row(label('Progress made'), cell(doc.completed ? 'Most of the group moved on; see the table above.' : '')),
			row(label('Pupil feedback'), cell(doc.completed ? 'They liked the games and the sticker chart.' : '')),
			row(label('Any suggested changes'), cell(''))
		),
		blank(),
		table(row(label('Completed by'), cell(doc.completed ? 'SENDCo' : ''), label('Date'), cell(ukDate(doc.completed))))
	];
	return new Document({ creator: 'Provision Lens demo', title: 'Group Intervention Plan', sections: [{ children }] });
}

export function render(doc: PupilDoc | GroupDoc): Document {
	if (doc.kind === 'group') return groupPlan(doc);
	return doc.layout === 'apdr' ? apdr(doc) : doc.layout === 'iep' ? iep(doc) : pupilSupportPlan(doc);
}
