import type { ChoiceOption } from './marks';
import type { WordField } from './types';

/**
 * The dictionary of wordings: how templates word their labels and grid headings, and the choices they
 * print. Templates are recognised by these words, never by where things sit on the page. Wordings are
 * compared after `labelKey` (like the contract's column aliases).
 */

/** A label as the dictionary compares it: lower case, brackets and hints dropped, punctuation a space. */
export function labelKey(text: string): string {
	if (text.length > 200) return makeKey(text);
	let key = keys.get(text);
	if (key === undefined) {
		key = makeKey(text);
		if (keys.size > 50_000) keys.clear();
		keys.set(text, key);
	}
	return key;
}
/** Templates repeat their wordings in every document: each is worked out once. */
const keys = new Map<string, string>();

function makeKey(text: string): string {
	// eslint-disable-next-line no-control-regex
	const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
	return plain
		.toLowerCase()
		.replace(/[’‘`]/g, "'")
		.replace(/\([^)]*\)?/g, ' ')
		.replace(/\b(?:e\.?g\.?|eg)\b.*$/, ' ')
		.replace(/'s\b/g, 's')
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const LABELS: Record<WordField, string[]> = {
	child_name: [
		"child's name",
		'name of child',
		"pupil's name",
		'pupil name',
		'full name',
		'student name',
		"young person's name",
		"child or young person's name",
		"child/young person's name",
		'name of pupil',
		'name of child/young person'
	],
	name: ['name'],
	surname: ['surname', 'last name', 'family name'],
	other_names: ['other names', 'first name', 'first names', 'forename', 'forenames', 'given name', 'given names', 'preferred name', 'known as'],
	date_of_birth: ['date of birth', 'dob', 'd.o.b', 'birth date', 'date of birth/age'],
	address: ['address', 'home address', 'address if different', 'postcode', 'post code'],
	phone: ['telephone', 'phone', 'mobile', 'tel', 'contact number', 'telephone number', 'phone number', 'home phone', 'work phone', 'mobile number'],
	email: ['email', 'e-mail', 'email address', 'e-mail address'],
	parent_names: [
		"parent's name",
		"parents' names",
		'parent/carer name',
		'parent/carer',
		'parents/carers',
		'name of parent/carer',
		"child/ young person's parent/s or person responsible",
		"child/young person's parent/s or person responsible",
		'parent/s or person responsible'
	],
	signature: ['signature', 'signatures', 'signed', 'parent signature', 'young person/child signature', 'class teacher signature', 'senco signature', 'sendco signature', 'pupil signature'],
	photo: ["child's photo", "pupil's photo", 'photo of child', "child / young person's chosen picture or symbolic choice", 'photo', 'photograph', 'picture', 'my photo'],
	staff_name: [
		'class teacher/year head/tutor',
		'class teacher',
		'teacher',
		'key worker',
		'completed by',
		'case holder',
		'key adult',
		'the person responsible for monitoring this provision',
		'on a daily basis',
		'responsible for support and additional provision',
		'key people involved'
	],
	year_group: [
		'year group/form',
		'year/form',
		'year group / form',
		'year and class',
		'year group and form',
		'year group',
		'year',
		'class',
		'form',
		'tutor group',
		'year /tutor group',
		'year/tutor group',
		'form group',
		'year group/class',
		'nc year',
		'national curriculum year',
		'year group and class'
	],
	sen_stage: ['level of need', 'sen stage', 'sen status', 'stage', 'sen register status', 'support level', 'code of practice stage', 'sen support level'],
	primary_need: ['primary need', 'primary area of need', 'category of need', 'type of need', 'main need', 'primary sen need', 'primary need (dfe)', 'diagnosis'],
	need_area: [
		'area of need (main)',
		'areas of need (tick)',
		'main area of special educational need',
		'main area of need',
		'area of need',
		'areas of need',
		'broad area of need',
		'main area of sen',
		'area(s) of need'
	],
	start_date: [
		'plan agreed by senco',
		'plan agreed by sendco',
		'plan agreed by senco, date',
		'plan agreed by sendco, date',
		'date plan agreed by senco',
		'plan agreed',
		'date of plan',
		'plan start',
		'plan start date',
		'start date',
		'date plan agreed',
		'date agreed',
		'plan date',
		'date started',
		'date plan started',
		'date of meeting',
		'date plan set',
		'date set',
		'intervention start date',
		'date of start'
	],
	review_due: [
		'review date',
		'date of next review',
		'next review date',
		'next review',
		'when will this plan be reviewed',
		'review due',
		'date to be reviewed',
		'planned review date',
		'review due date',
		'date for review'
	],
	reviewed_on: ['date reviewed', 'review held on', 'date of review', 'reviewed on', 'review meeting date', 'date review held', 'date of review meeting'],
	cycle: ['iep number', 'iep no', 'sen support plan number', 'cycle', 'plan number', 'apdr cycle', 'cycle number', 'plan no', 'plan no.', 'support plan number'],
	pupil_views: [
		'how i like to be supported',
		'how i like to be helped',
		"pupil's views",
		'views of the child/young person',
		"child's views",
		'pupil views',
		"pupil's views",
		'my views',
		"child/young person's views",
		"young person's views",
		'views of the child',
		'views of the pupil',
		'this is me',
		'pupil voice',
		'child voice',
		'what i think',
		"child's comments",
		"pupil's comments"
	],
	parent_views: [
		'what the family think is important',
		"parents/carers' views",
		'parent/carer comments',
		"parent's views",
		"parents' views",
		'parent/carer views',
		"parent/carer's views",
		'views of parents/carers',
		'what the family think is important now and in the future',
		'any new information from parent/carers',
		"parent's comments",
		'parent voice',
		"parents' comments"
	],
	strengths: [
		'things that people like and admire about me and things i like doing are',
		'things that people like and admire about me',
		'things people like and admire about me',
		'strengths',
		"child's strengths",
		'things i am good at',
		'strengths and difficulties',
		'what i am good at',
		'my strengths',
		"pupil's strengths",
		'what people like and admire about me'
	],
	external_advice: [
		'professionals involved',
		'outside agencies',
		'outside agencies involved',
		'external agencies',
		'other professionals involved',
		'external agencies involved',
		'agencies involved',
		'outside professionals'
	],
	intervention: ['intervention', 'intervention name', 'name of intervention', 'programme'],
	delivered_by: ['delivered by', 'led by', 'staff delivering', 'who will deliver'],
	group_cost: ['cost of intervention', 'cost', 'total cost', 'cost of provision'],
	group_end: ['end date', 'date completed', 'completion date', 'finish date', 'date ended'],
	pupils_involved: ['pupils involved', 'pupils', 'group members', 'children involved'],
	reason: ['reason the intervention is required', 'reason for intervention', 'need being addressed'],
	ignore: [
		'school',
		'name of school',
		"you will know when i'm finding things hard when",
		'you will know when i am finding things hard when',
		'school/setting',
		'setting',
		'cluster funding',
		'attainment level',
		'current interventions/ adjustments /support',
		'how have needs been identified/assessed - by school/outside professionals/parents',
		'how have needs been identified/assessed',
		'language at home',
		'best time for contact',
		'best method of contact',
		'relationship',
		'relationship to pupil',
		'any other important information',
		'what i want to do/be in the future',
		'things i find difficult',
		'how i liked to be helped',
		'what is important to me now and in the future',
		'reason for choosing this particular intervention',
		'intervention evaluation',
		'progress made',
		'pupil feedback',
		'any suggested changes',
		'summary',
		'role',
		'party',
		'date',
		'details',
		'child/young person',
		'my role as a parent will be to',
		'my role as child/young person will be to',
		'my role as the class teacher will be to',
		'intervention review',
		'review'
	]
};

const labelIndex = new Map<string, WordField>();
for (const [field, words] of Object.entries(LABELS) as [WordField, string[]][]) for (const w of words) labelIndex.set(labelKey(w), field);
/** Wordings of several words by their first word, longer first, for the label written with its value after it ("Review date 12/03/2026"). */
const prefixes = new Map<string, string[]>();
for (const k of [...labelIndex.keys()].filter((k) => k.includes(' ')).sort((a, b) => b.length - a.length)) {
	const first = k.slice(0, k.indexOf(' '));
	prefixes.set(first, [...(prefixes.get(first) ?? []), k]);
}

/** The field a label's wording stands for, or undefined when the dictionary does not know it. */
export function fieldOfLabel(key: string): WordField | undefined {
	return labelIndex.get(key);
}

/** The known label a text starts with (several words long), with the key of the rest. */
export function labelPrefix(key: string): { label: string; field: WordField } | undefined {
	const space = key.indexOf(' ');
	for (const p of prefixes.get(space < 0 ? key : key.slice(0, space)) ?? []) if (key.startsWith(p + ' ')) return { label: p, field: labelIndex.get(p)! };
	return undefined;
}

/** What a column of a plan grid holds. */
export type GridRole = 'dob' | 'number' | 'need' | 'provision' | 'strategies' | 'target' | 'success' | 'outcome' | 'next_steps' | 'pupil' | 'pre' | 'post';

/** Grid headings by their words, most specific first ("Next steps: new targets or alternative provision" is next steps). */
const HEADINGS: [RegExp, GridRole][] = [
	[/^(?:date of birth|dob|d o b|birth date)$/, 'dob'],
	[/^(?:no|number|ref|\d+)$/, 'number'],
	[/next steps|further action|new targets|what next/, 'next_steps'],
	[/\bachieved\b|has the target|progress made|^progress$|^outcomes?$|^review$|^result|^evaluation|^rating|^review of/, 'outcome'],
	[/^pre\b|pre plan|baseline|^entry|starting point|^before/, 'pre'],
	[/^post\b|post plan|^exit|end point|^after/, 'post'],
	[/^(?:pupil|pupils|child|children|name|pupil name|student|students)$/, 'pupil'],
	[/target|what we want to achieve|outcomes? we want|\bsmart\b|^aims?$|^goals?$|^objectives?$/, 'target'],
	[/success criteria|what success will look like|how will we know/, 'success'],
	[/provision|resources|^interventions?$|^support$/, 'provision'],
	[/strateg|approach|how will|what we will do|^actions?$/, 'strategies'],
	[/difficult|need|barrier|^area|concern/, 'need']
];

export function roleOfHeading(key: string): GridRole | null {
	if (!key) return null;
	for (const [re, role] of HEADINGS) if (re.test(key)) return role;
	return null;
}

export const stageOptions: ChoiceOption<'K' | 'E'>[] = [
	{ value: 'K', words: ['sen support', 'graduated approach', 'school support', 'sen support graduated approach'] },
	{ value: 'E', words: ['ehcp', 'ehc plan', 'education, health and care plan', 'education health and care plan', 'statement'] }
];

export const areaOptions: ChoiceOption<string>[] = [
	{ value: 'cognition_learning', words: ['cognition and learning', 'cognition & learning', 'c&l', 'c & l', 'c and l'] },
	{ value: 'communication_interaction', words: ['communication and interaction', 'communication & interaction', 'c&i', 'c & i', 'c and i'] },
	{
		value: 'sensory_physical',
		words: ['sensory and or physical', 'sensory and/or physical', 'sensory and physical', 'sensory &/or physical', 'sensory & physical', 's&p', 's & p', 'physical and sensory', 'sensory/physical']
	},
	{ value: 'semh', words: ['social, emotional and mental health', 'social emotional and mental health', 'social, emotional & mental health', 'semh'] },
	{ value: 'medical', words: ['medical', 'medical needs'] },
	{ value: 'independence_self_help', words: ['independence and self-help', 'independence and self help', 'self-help', 'self help'], printed: false }
];

export const outcomeOptions: ChoiceOption<'achieved' | 'partial' | 'not_achieved'>[] = [
	{ value: 'achieved', words: ['yes', 'achieved', 'fully achieved', 'met', 'target achieved'] },
	{ value: 'not_achieved', words: ['no', 'not achieved', 'not yet', 'not met', 'not yet achieved'] },
	{ value: 'partial', words: ['progress', 'partly', 'partially', 'partially achieved', 'partly achieved', 'some progress', 'partially met', 'progress made'] }
];
