import { z } from 'zod';
import * as E from './enums';

/**
 * The data contract (shared/spec/data-contract.md) as zod schemas of the rows the app loads.
 * Each column's schema carries its metadata in `contract` (how raw text is read, aliases,
 * description); the SQL that validates and loads rows is generated from this file.
 */
export type ValueKind =
	| 'id'
	| 'id_list'
	| 'text'
	| 'date'
	| 'bool'
	| 'money'
	| 'positive'
	| 'count'
	| 'tally'
	| 'number'
	| 'percent'
	| 'year'
	| 'wave'
	| 'sen_stage'
	| 'need_code'
	| 'need_area'
	| 'sex'
	| 'outcome'
	| 'decision'
	| 'assessed_on'
	| 'attainment'
	| 'progress'
	| 'comparator';

export interface ColumnMeta {
	kind: ValueKind;
	required: boolean;
	aliases: string[];
	description: string;
	/** For ids that must exist in another table (checked against loaded rows). */
	references?: { table: TableName; column: string };
	/** The id column whose repeats are rejected. */
	unique?: boolean;
}

export type TableName = 'pupils' | 'plans' | 'targets' | 'provisions' | 'allocations' | 'sessions' | 'staff_rates' | 'assessments' | 'comparators';

export const contract = z.registry<ColumnMeta>();

/** The zod type of each kind's loaded (normalised) value. */
const kindSchema: Record<ValueKind, () => z.ZodType> = {
	id: () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
	id_list: () => z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
	text: () => z.string(),
	date: () => z.iso.date(),
	bool: () => z.boolean(),
	money: () => z.number().nonnegative(),
	positive: () => z.number().positive(),
	count: () => z.number().int().min(1),
	tally: () => z.number().int().min(0),
	number: () => z.number(),
	percent: () => z.number().min(0).max(100),
	year: () => E.yearGroup,
	wave: () => z.number().int().min(1).max(3),
	sen_stage: () => E.senStage,
	need_code: () => E.needCode,
	need_area: () => E.needArea,
	sex: () => E.sex,
	outcome: () => E.outcome,
	decision: () => E.reviewDecision,
	assessed_on: () => z.iso.date(),
	attainment: () => E.attainment,
	progress: () => E.progressJudgement,
	comparator: () => E.comparatorMeasure
};

function column(kind: ValueKind, required: boolean, description: string, extra: Partial<ColumnMeta> = {}) {
	const base = kindSchema[kind]();
	const schema = required ? base : base.nullable();
	schema.register(contract, { kind, required, aliases: [], description, ...extra });
	return schema;
}
const req = (kind: ValueKind, description: string, extra?: Partial<ColumnMeta>) => column(kind, true, description, extra);
const opt = (kind: ValueKind, description: string, extra?: Partial<ColumnMeta>) => column(kind, false, description, extra);

const boolNote = 'Y/N, Yes/No, TRUE/FALSE or 1/0; blank means not known.';

export const pupils = z.object({
	pupil_id: req('id', 'Pseudonymous pupil key: 1–64 letters, digits, _ or -. Never a name or UPN.', {
		unique: true,
		aliases: ['pupil', 'pupil ref', 'pupil reference', 'student id', 'learner id', 'pseudonym', 'anon id', 'child id']
	}),
	year_group: req('year', 'N1, N2, R or 1–14; also Y3, Year 3, YR, Reception, Nursery 2.', { aliases: ['year', 'yr', 'ncy', 'nc year', 'year group'] }),
	sen_stage: req(
		'sen_stage',
		'K = SEN support, E = EHC plan, N = no SEN (monitoring list); also "SEN Support", "EHCP", and the code with its words as SIMS writes them ("K - SEN Support", "E - EHC Plan", "N - No SEN").',
		{
			aliases: ['stage', 'sen status', 'sen provision', 'sen code', 'level of need', 'sen']
		}
	),
	primary_need: opt('need_code', 'DfE primary need code (SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA) or its full name.', {
		aliases: ['primary need', 'main need', 'main area of need', 'primary type of need', 'need type']
	}),
	secondary_need: opt('need_code', 'DfE code of a secondary need, as primary_need.', { aliases: ['secondary type of need', 'second need'] }),
	sex: opt('sex', 'F or M.', { aliases: ['gender'] }),
	pupil_premium: opt('bool', `Eligible for pupil premium. ${boolNote}`, { aliases: ['pp', 'pupil premium eligible', 'disadvantaged'] }),
	eal: opt('bool', `English as an additional language. ${boolNote}`, { aliases: ['english as an additional language'] }),
	looked_after: opt('bool', `Looked after (child in care). ${boolNote}`, { aliases: ['lac', 'cla', 'child in care', 'cic', 'looked after child'] }),
	young_carer: opt('bool', `Young carer. ${boolNote}`, { aliases: ['carer'] }),
	medical_condition: opt('bool', `Has a medical condition. ${boolNote}`, { aliases: ['medical', 'medical need'] }),
	sen_start_date: opt('date', 'When the pupil joined the SEN register.', { aliases: ['sen start', 'date added to register', 'register start'] }),
	attendance_pct: opt('percent', 'Share of possible sessions the pupil attended this year, 0–100 (from the MIS); 90 or below (10% or more missed) is persistently absent.', {
		aliases: ['attendance', 'attendance percent', 'overall attendance', 'attendance to date', 'year to date attendance']
	})
});

export const plans = z.object({
	plan_id: req('id', 'Unique id of the plan (one turn of Assess, Plan, Do, Review).', { unique: true, aliases: ['plan', 'plan ref', 'support plan id', 'iep id'] }),
	pupil_id: req('id', 'The pupil the plan is for; must be in pupils.', { references: { table: 'pupils', column: 'pupil_id' }, aliases: ['pupil', 'pupil ref', 'student id'] }),
	cycle: opt('count', "Plan number in the pupil's APDR cycle (1, 2, 3, …).", { aliases: ['plan number', 'apdr cycle', 'cycle number', 'plan no'] }),
	start_date: req('date', 'When the plan starts.', { aliases: ['start', 'plan start', 'date agreed', 'plan date'] }),
	review_due: req('date', 'Planned review date; not before start_date.', { aliases: ['review date', 'review due date', 'due', 'next review'] }),
	reviewed_on: opt('date', 'When the review was held; blank = not reviewed yet.', { aliases: ['reviewed', 'review held', 'date reviewed', 'actual review date'] }),
	review_decision: opt('decision', 'continue, increase_support, exit_sen_support or request_ehcna.', { aliases: ['decision', 'outcome of review', 'review outcome'] }),
	pupil_views: opt('bool', `The child's views are recorded. ${boolNote}`, { aliases: ['child views', 'pupil voice', 'child voice', 'student views'] }),
	parent_views: opt('bool', `The parents' views are recorded. ${boolNote}`, { aliases: ['parent voice', 'parent carer views', 'family views'] }),
	strengths_recorded: opt('bool', `Strengths are recorded as well as needs. ${boolNote}`, { aliases: ['strengths'] }),
	external_advice: opt('bool', `Advice from outside professionals is reflected. ${boolNote}`, { aliases: ['external', 'professional advice', 'outside agency advice'] }),
	pupil_attended_review: opt('bool', `The child took part in the review. ${boolNote}`, { aliases: ['pupil attended', 'child attended review'] }),
	parent_attended_review: opt('bool', `A parent took part in the review. ${boolNote}`, { aliases: ['parent attended', 'parents attended review'] }),
	case_holder: opt('text', "Anonymised staff identifier or role of the plan's owner.", { aliases: ['key person', 'owner', 'keyworker', 'key worker', 'case worker'] })
});

export const targets = z.object({
	target_id: req('id', 'Unique id of the target (outcome).', { unique: true, aliases: ['target ref', 'target no', 'outcome id'] }),
	plan_id: req('id', 'The plan the target belongs to; must be in plans.', { references: { table: 'plans', column: 'plan_id' }, aliases: ['plan', 'plan ref'] }),
	need_area: req('need_area', 'communication_interaction, cognition_learning, semh, sensory_physical, independence_self_help or medical; also C&I, C&L, SEMH, S&P and full names.', {
		aliases: ['area of need', 'area', 'need', 'broad area of need']
	}),
	target_text: opt('text', "The target as written, with the pupil's name already replaced (e.g. by [Pupil]).", { aliases: ['target', 'smart target', 'outcome text', 'description', 'text'] }),
	due_date: opt('date', "When the target should be met; blank = the plan's review_due.", { aliases: ['due', 'by when', 'target date'] }),
	outcome: opt('outcome', 'achieved, partial or not_achieved (also YES, NO, Progress, Partially achieved); blank = not reviewed yet.', {
		aliases: ['achieved', 'result', 'status', 'achieved yes no progress']
	}),
	provision_ids: opt('id_list', 'Provisions supporting this target, separated by ";"; each must be in provisions.', {
		references: { table: 'provisions', column: 'provision_id' },
		aliases: ['provisions', 'provision', 'interventions', 'provision id']
	}),
	next_steps: opt('text', 'What the review decided for this target.', { aliases: ['next step', 'actions'] }),
	carried_from: opt('id', 'The earlier target this one carries on (its target_id in an earlier plan of the same pupil); blank = matched by wording where it can be (docs/target-lineage.md).', {
		references: { table: 'targets', column: 'target_id' },
		aliases: ['carried over from', 'previous target', 'earlier target', 'continues target', 'follows on from']
	})
});

export const provisions = z.object({
	provision_id: req('id', 'Unique id of one run of an intervention (a group, or one pupil 1:1).', { unique: true, aliases: ['provision', 'run id', 'group id'] }),
	intervention: req('text', 'Name of the intervention, e.g. Precision Teaching, ELSA; grouped ignoring case and spaces.', {
		aliases: ['intervention name', 'programme', 'provision name', 'name of intervention']
	}),
	need_area: req('need_area', 'Area of need it serves (as in targets).', { aliases: ['area of need', 'area', 'need'] }),
	wave: opt('wave', '1 quality-first teaching, 2 small-group catch-up, 3 individual or specialist.', { aliases: ['tier'] }),
	delivered_by: opt('text', 'Staff role delivering it: TA, HLTA, Teacher, SENDCo, External… (matched to staff rates).', { aliases: ['staff', 'who', 'delivered by', 'role', 'staff role'] }),
	sessions_per_week: opt('positive', 'Sessions a week (> 0); blank = not quantified.', { aliases: ['sessions', 'frequency', 'times per week', 'sessions a week'] }),
	minutes_per_session: opt('positive', 'Minutes a session (> 0); blank = not quantified.', { aliases: ['minutes', 'duration', 'session length', 'mins', 'length of session'] }),
	start_date: req('date', 'When the run starts.', { aliases: ['start', 'from'] }),
	end_date: opt('date', 'When the run ends; blank = ongoing. Not before start_date.', { aliases: ['end', 'to', 'until'] }),
	weeks: opt('positive', 'Delivery weeks; blank = worked out from the dates.', { aliases: ['number of weeks', 'duration weeks'] }),
	group_size: opt('count', 'Pupils in the group; blank = the number of pupils allocated.', { aliases: ['group', 'size', 'ratio'] }),
	hourly_rate_gbp: opt('money', "Hourly staff rate in £ for this run; overrides the role's rate.", { aliases: ['hourly rate', 'rate'] }),
	other_costs_gbp: opt('money', 'Resources, licences, external fees for the whole run, in £.', { aliases: ['other costs', 'resources cost', 'resource costs'] }),
	total_cost_gbp: opt('money', 'Cost of the whole run in £; overrides the computed cost.', { aliases: ['total cost', 'cost'] }),
	funding_stream: opt('text', 'e.g. notional SEN budget, pupil premium, top-up.', { aliases: ['funding', 'funded by', 'budget'] })
});

export const allocations = z.object({
	provision_id: req('id', 'The provision; must be in provisions.', { references: { table: 'provisions', column: 'provision_id' }, aliases: ['provision', 'group id'] }),
	pupil_id: req('id', 'The pupil; must be in pupils.', { references: { table: 'pupils', column: 'pupil_id' }, aliases: ['pupil', 'pupil ref', 'student id'] }),
	plan_id: opt('id', 'The plan this provision serves (checked against plans).', { references: { table: 'plans', column: 'plan_id' }, aliases: ['plan'] }),
	measure: opt('text', 'standardised_score, reading_age_months, spelling_age_months, percent, count, scale, sdq_total or any other name.', {
		aliases: ['assessment', 'measure used']
	}),
	higher_is_better: opt('bool', `Whether a higher value is better; blank = known for named measures (sdq_total is lower-is-better), else yes.`, {
		aliases: ['higher better']
	}),
	entry_value: opt('number', 'Score on entry.', { aliases: ['entry', 'pre', 'baseline', 'entry score', 'pre score'] }),
	exit_value: opt('number', 'Score on exit.', { aliases: ['exit', 'post', 'exit score', 'post score'] }),
	entry_date: opt('date', 'Date of the entry assessment.', { aliases: ['pre date', 'baseline date'] }),
	exit_date: opt('date', 'Date of the exit assessment.', { aliases: ['post date'] }),
	attendance_pct: opt('percent', 'Share of sessions attended, 0–100.', { aliases: ['attendance', 'attendance percent'] }),
	// Delivery counts (docs/delivery.md): for this pupil's place on the run. A count that breaks the order planned ≥ delivered ≥ attended is cleared with a warning, never guessed.
	sessions_planned: opt('tally', "Sessions planned for this pupil's place on the run (0 or more).", { aliases: ['planned sessions', 'sessions planned', 'planned'] }),
	sessions_delivered: opt('tally', 'Sessions that actually ran while the pupil had the place; not more than sessions_planned.', {
		aliases: ['delivered sessions', 'sessions delivered', 'sessions run', 'delivered']
	}),
	sessions_attended: opt('tally', 'Sessions the pupil was at; not more than sessions_delivered.', { aliases: ['attended sessions', 'sessions attended', 'attended'] })
});

export const sessions = z.object({
	provision_id: req('id', 'The run the session belongs to; must be in provisions.', { references: { table: 'provisions', column: 'provision_id' }, aliases: ['provision', 'run id', 'group id'] }),
	session_date: req('date', 'The day the session was planned for.', { aliases: ['date', 'session date', 'day', 'planned date'] }),
	delivered: req('bool', 'Whether the session ran: Y/N, Yes/No, TRUE/FALSE or 1/0. A row with it blank is rejected: it says nothing.', {
		aliases: ['ran', 'took place', 'happened', 'delivered yes no', 'session delivered']
	}),
	reason: opt('text', 'Why it did not run, e.g. staff covering a class, trip, assembly. No names.', { aliases: ['reason not delivered', 'why', 'cancellation reason', 'note'] }),
	pupils_present: opt('tally', 'How many pupils were at it (0 or more); blank = not recorded. Must be blank or 0 when the session did not run.', {
		aliases: ['present', 'pupils attended', 'attendance count', 'number present']
	})
});

export const assessments = z.object({
	pupil_id: req('id', 'The pupil; must be in pupils.', { references: { table: 'pupils', column: 'pupil_id' }, aliases: ['pupil', 'pupil ref', 'student id'] }),
	subject: req('text', 'reading, writing, maths, science or any subject name; grouped ignoring case and spaces.', { aliases: ['subject name', 'curriculum subject', 'curriculum area'] }),
	assessed_on: req('assessed_on', 'Date of the assessment point, or its term: "Autumn 2025", "Spring 2025/26" (read as 15 Dec, 15 Mar, 15 Jul).', {
		aliases: ['date', 'assessment date', 'date assessed', 'term', 'assessment point', 'data drop']
	}),
	attainment: req('attainment', 'pre_key_stage, working_towards, expected or greater_depth; also PKS, WTS, EXS, GDS and the full names.', {
		aliases: ['current attainment', 'attainment level', 'band', 'teacher assessment', 'judgement', 'level']
	}),
	expected_attainment: opt('attainment', 'The band expected for this pupil at this point, as attainment; blank = expected.', {
		aliases: ['expected', 'expected attainment level', 'target attainment', 'expected level', 'target band']
	}),
	progress: opt('progress', 'less_than_expected, expected or more_than_expected since the last point; blank = not judged.', {
		aliases: ['current progress', 'progress judgement', 'progress made']
	})
});

export const comparators = z.object({
	measure: req('comparator', 'on_roll (number on roll), expected_pct (share at or above expected), attendance_pct or persistent_absence_pct.', {
		aliases: ['figure', 'indicator', 'statistic']
	}),
	value: req('number', 'The whole-school figure: a number of pupils for on_roll, else a percentage 0–100.', { aliases: ['figure value', 'amount', 'percent', 'percentage'] }),
	subject: opt('text', 'For expected_pct: the subject, as in assessments.', { aliases: ['subject name'] }),
	year_group: opt('year', 'For expected_pct: the year group; blank = the whole school.', { aliases: ['year', 'yr', 'ncy'] }),
	pupils: opt('count', 'How many pupils the percentage is of (e.g. assessed in that year); blank = the number on roll for whole-school figures.', {
		aliases: ['cohort', 'number of pupils', 'base', 'n']
	}),
	academic_year: opt('text', 'The academic year of the figure, as 2025/26; blank = the year of the as-of date.', { aliases: ['year of data', 'academic year'] })
});

export const staff_rates = z.object({
	role: req('text', 'Staff role, as written in provisions.delivered_by.', { unique: true, aliases: ['staff role', 'staff'] }),
	hourly_rate_gbp: req('money', 'Hourly rate in £ including on-costs.', { aliases: ['hourly rate', 'rate'] })
});

export const tables: Record<TableName, z.ZodObject> = { pupils, plans, targets, provisions, allocations, sessions, staff_rates, assessments, comparators };
/** Load order: every table after the tables it references. */
export const tableOrder: TableName[] = ['pupils', 'staff_rates', 'provisions', 'plans', 'targets', 'allocations', 'sessions', 'assessments', 'comparators'];
export const tableAliases: Record<TableName, string[]> = {
	pupils: ['pupils', 'pupil', 'register', 'senregister', 'students', 'learners'],
	plans: ['plans', 'plan', 'supportplans', 'senplans', 'ieps', 'apdr'],
	targets: ['targets', 'target', 'outcomes', 'smarttargets'],
	provisions: ['provisions', 'provision', 'interventions', 'provisionmap', 'runs'],
	allocations: ['allocations', 'allocation', 'pupilprovisions', 'entryexit', 'groups'],
	sessions: ['sessions', 'session', 'sessionlog', 'sessionregister', 'interventionregister', 'deliverylog'],
	staff_rates: ['staffrates', 'rates', 'staffcosts', 'hourlyrates'],
	assessments: ['assessments', 'assessment', 'attainment', 'teacherassessments', 'assessmentdata', 'tracking', 'datadrop'],
	comparators: ['comparators', 'comparator', 'wholeschool', 'schoolfigures', 'benchmarks']
};
export const tableDescriptions: Record<TableName, string> = {
	pupils: 'One row per pupil on the SEN register (or monitoring list).',
	plans: 'One row per SEN Support Plan: one turn of Assess, Plan, Do, Review.',
	targets: 'One row per SMART target (outcome) of a plan.',
	provisions: 'One row per run of an intervention (one group, or one pupil 1:1).',
	allocations: 'Which pupils a provision serves, with entry and exit data and, optionally, sessions planned, delivered and attended.',
	sessions: "Optional: one row per planned session of a run, from a register or session log: whether it ran, why not, how many pupils were there. Where a run has it, it decides the run's delivery.",
	staff_rates: 'Optional: hourly rates by staff role (the app has editable defaults).',
	assessments: 'Optional: one row per pupil, subject and assessment point: attainment band, expected band and progress.',
	comparators: 'Optional: whole-school figures copied from the MIS (number on roll, share at expected, attendance), one per row.'
};

export type Pupil = z.infer<typeof pupils>;
export type Plan = z.infer<typeof plans>;
export type Target = z.infer<typeof targets>;
export type Provision = z.infer<typeof provisions>;
export type Allocation = z.infer<typeof allocations>;
export type Session = z.infer<typeof sessions>;
export type Assessment = z.infer<typeof assessments>;
export type Comparator = z.infer<typeof comparators>;

export interface ColumnSpec extends ColumnMeta {
	name: string;
	schema: z.ZodType;
}

/** The columns of a table, in contract order, with their metadata. */
export function columnsOf(table: TableName): ColumnSpec[] {
	return Object.entries(tables[table].shape).map(([name, schema]) => {
		const meta = contract.get(schema as z.ZodType);
		if (!meta) throw new Error(`contract: ${table}.${name} has no metadata`);
		return { name, schema: schema as z.ZodType, ...meta };
	});
}
