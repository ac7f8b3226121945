// What a fictional plan document says, before it is written as Word: the generator renders these and
// works out, from the same values, the rows a correct reader must give back (truth.ts).
// Everything here is invented: no real school, pupil or member of staff.

export type Area = 'communication_interaction' | 'cognition_learning' | 'semh' | 'sensory_physical' | 'medical';
export type Outcome = 'achieved' | 'partial' | 'not_achieved';
/** How the person filling the document marked a choice. */
export type Marking = 'content-control' | 'legacy-checkbox' | 'typed-marks' | 'options-deleted' | 'bold' | 'highlight' | 'words';
export type Layout = 'apdr' | 'pupil-support-plan' | 'iep' | 'group-intervention-plan';

export interface Child {
	first: string;
	surname: string;
	/** ISO date. */
	dob: string;
	/** Contract year group: 'R', '1'…'6'. */
	year: string;
	stage: 'K' | 'E';
	area: Area;
	/** A DfE need, named in words only by the IEP layout; `code` is what the reader makes of the words. */
	primaryNeed?: { code: string; words: string };
	address: string;
	phone: string;
	mobile: string;
	email: string;
	parents: string[];
}

export interface Provision {
	/** The cell as a teacher would type it. */
	text: string;
	intervention: string;
	by: string;
	sessions: number | null;
	minutes: number | null;
	group: number | null;
}

export interface Row {
	/** "Things I find difficult": written, never loaded. */
	difficulty: string;
	/** null: the cell is left blank; 'above': merged with the cell above (the same provision). */
	provision: Provision | null | 'above';
	/** The target with the child's name as `[Pupil]` (the truth); the document has the first name there. */
	target: string;
	/** '' = not reviewed (nothing marked); 'unreadable' = two options marked. */
	outcome: Outcome | '' | 'unreadable';
	next: string;
	/** The Pupil Support Plan groups its outcomes under area headings. */
	area?: Area;
}

export interface Plan {
	start: string;
	due: string;
	/** '' = not reviewed yet. */
	reviewed: string;
	/** The cycle as written in the document; null when the document does not say. */
	cycle: number | null;
	pupilViews: boolean;
	parentViews: boolean;
	strengths: boolean;
	external: boolean;
	rows: Row[];
}

export interface PupilDoc {
	kind: 'pupil';
	file: string;
	layout: Exclude<Layout, 'group-intervention-plan'>;
	marking: Marking;
	/** Which typed glyph marks a choice, when marking is 'typed-marks' (rotated through per choice). */
	glyphs?: string[];
	child: Child;
	/** The name as spelt in this document, when it differs from the child's usual spelling. */
	spelt?: { first: string; surname: string };
	/** One or more plans: a review appended in the same document is the next plan. */
	plans: Plan[];
	/** A legacy checkbox written checked through its default value rather than w:checked. */
	legacyDefaultChecked?: boolean;
	notes: string;
}

export interface GroupMember {
	child: Child;
	pre: number | null;
	post: number | null;
	progress: string;
	further: string;
}

export interface GroupDoc {
	kind: 'group';
	file: string;
	/** As written beside "Year /Tutor Group": one year group, or several ('2, 3'); not loaded. */
	year: string;
	area: Area;
	provision: Provision;
	start: string;
	due: string;
	/** The evaluation's date ("Completed by … Date"); '' while the group runs. */
	completed: string;
	cost: number | null;
	measure: 'standardised_score' | 'reading_age_months' | 'sdq_total';
	members: GroupMember[];
	notes: string;
}

export type PlanDoc = PupilDoc | GroupDoc;

export const areaWords: Record<Area, string> = {
	cognition_learning: 'Cognition and Learning',
	communication_interaction: 'Communication and Interaction',
	sensory_physical: 'Sensory and or Physical',
	semh: 'Social, Emotional and Mental Health',
	medical: 'Medical'
};
export const areaOrder: Area[] = ['cognition_learning', 'communication_interaction', 'sensory_physical', 'semh', 'medical'];
export const areaShort: Record<Area, string> = { cognition_learning: 'C&L', communication_interaction: 'C&I', sensory_physical: 'S&P', semh: 'SEMH', medical: 'Medical' };

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 2025-09-15 as 15/09/2025 (most documents) or 15 September 2025. */
export function ukDate(iso: string, style: 'slash' | 'words' = 'slash'): string {
	if (!iso) return '';
	const [y, m, d] = iso.split('-');
	return style === 'slash' ? `${d}/${m}/${y}` : `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

export const fullName = (doc: PupilDoc) => (doc.spelt ? `${doc.spelt.first} ${doc.spelt.surname}` : `${doc.child.first} ${doc.child.surname}`);
export const firstName = (doc: PupilDoc) => doc.spelt?.first ?? doc.child.first;
/** A target or next step as the document has it: the child's first name where the truth has [Pupil]. */
export const withName = (text: string, first: string) => text.replaceAll('[Pupil]', first);
