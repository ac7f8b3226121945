/** The shared interface of the Word plan reader (issue 24): what `readWordPlans` takes and gives. */

export interface WordFile {
	/** The path as chosen, e.g. 'Plans/Year 3/Amy S.docx'. */
	name: string;
	bytes: Uint8Array;
}

export type WordTable = 'pupils' | 'plans' | 'targets' | 'provisions' | 'allocations';
export const wordTables: readonly WordTable[] = ['pupils', 'plans', 'targets', 'provisions', 'allocations'];

/** `where`: e.g. 'plan grid (table 3), row 2' or 'header: Year group'. */
export interface WordOrigin {
	document: string;
	where: string;
}

export interface WordProblem {
	document: string;
	where: string;
	table: WordTable | null;
	what: string;
	why: string;
}

export interface WordPlanRead {
	/** Rows as a CSV export would hold them: contract column name -> text ('' = blank/unknown). */
	tables: Record<WordTable, Record<string, string>[]>;
	/** Where each row came from, parallel to tables[t]. */
	origins: Record<WordTable, WordOrigin[]>;
	/** Every field, target or provision that could not be read, and every unreadable mark. */
	problems: WordProblem[];
	/** Files refused whole (.doc, PDF, password-protected, damaged), with what to do. */
	refused: { document: string; why: string }[];
	/** Documents with no recognisable plan grid, with the labels that were found. */
	noGrid: { document: string; labels: string[] }[];
	/** Personal fields seen and left out, as counts only (never values). */
	personalLeftOut: { kind: string; count: number }[];
	/** Children whose names are spelt differently with the same date of birth: ids and documents, never names. */
	possibleMatches: { pupilIds: string[]; documents: string[] }[];
	/** What was recognised, per template (for the "what we recognised" view and per-template corrections). */
	templates: { template: string; documents: string[]; fields: { label: string; field: string | null }[] }[];
}

/**
 * The fields a label can stand for. Personal fields are read only to make the pseudonym (name, date of
 * birth) or to be counted as left out; `ignore` is a label the reader knows and deliberately does not load.
 */
export const wordFields = [
	'child_name',
	'name',
	'surname',
	'other_names',
	'date_of_birth',
	'address',
	'phone',
	'email',
	'parent_names',
	'signature',
	'photo',
	'staff_name',
	'year_group',
	'sen_stage',
	'need_area',
	'primary_need',
	'start_date',
	'review_due',
	'reviewed_on',
	'cycle',
	'pupil_views',
	'parent_views',
	'strengths',
	'external_advice',
	'intervention',
	'delivered_by',
	'group_cost',
	'group_end',
	'pupils_involved',
	'reason',
	'ignore'
] as const;
export type WordField = (typeof wordFields)[number];

/**
 * The SENDCo's corrections, per template (its id from `templates[].template`): a label's wording, as
 * listed in `templates[].fields[].label`, to the field it stands for, or null to ignore it.
 */
export type TemplateMappings = Record<string, Record<string, WordField | null>>;
