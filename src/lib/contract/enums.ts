import { z } from 'zod';

/**
 * Enumerations of the data contract and the spellings schools actually use for them.
 * Alias keys are matched after `enumKey` (lower case, `&` read as "and", everything but
 * letters and digits removed), so `C & I`, `c and i` and `C&I` are one key.
 */
export function enumKey(raw: string): string {
	return raw
		.toLowerCase()
		.replace(/&/g, 'and')
		.replace(/[^a-z0-9]/g, '');
}

export const senStage = z.enum(['K', 'E', 'N']);
type SenStage = z.infer<typeof senStage>;
const senStageWords: Record<string, SenStage> = {
	k: 'K',
	sensupport: 'K',
	support: 'K',
	schoolsupport: 'K',
	e: 'E',
	ehcp: 'E',
	ehcplan: 'E',
	ehc: 'E',
	educationhealthandcareplan: 'E',
	educationhealthcareplan: 'E',
	statement: 'E',
	n: 'N',
	nosen: 'N',
	nospecialeducationalneed: 'N',
	nospecialeducationalneeds: 'N',
	monitoring: 'N',
	monitor: 'N',
	monitoringlist: 'N',
	none: 'N'
};
/**
 * The stage's words, and the code and its words together as an MIS writes them (SIMS: `K - SEN Support`,
 * `E - EHC Plan`, `N - No Special Educational Need`; others: `SEN Support (K)`). The code and the words
 * must agree: `K - EHC Plan` is not read.
 */
export const senStageAliases: Record<string, SenStage> = {
	...senStageWords,
	...Object.fromEntries(
		Object.entries(senStageWords)
			.filter(([word, code]) => word !== code.toLowerCase())
			.flatMap(([word, code]) => [
				[`${code.toLowerCase()}${word}`, code],
				[`${word}${code.toLowerCase()}`, code]
			])
	)
};
export const senStageLabels: Record<z.infer<typeof senStage>, string> = {
	K: 'SEN support',
	E: 'EHC plan',
	N: 'Monitoring (no SEN)'
};

export const needCode = z.enum(['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA']);
export type NeedCode = z.infer<typeof needCode>;
export const needCodeAliases: Record<string, NeedCode> = {
	...Object.fromEntries(needCode.options.map((c) => [c.toLowerCase(), c])),
	specificlearningdifficulty: 'SPLD',
	dyslexia: 'SPLD',
	moderatelearningdifficulty: 'MLD',
	severelearningdifficulty: 'SLD',
	profoundandmultiplelearningdifficulty: 'PMLD',
	profoundmultiplelearningdifficulty: 'PMLD',
	socialemotionalandmentalhealth: 'SEMH',
	socialemotionalmentalhealth: 'SEMH',
	speechlanguageandcommunicationneeds: 'SLCN',
	speechlanguageandcommunicationneed: 'SLCN',
	speechlanguageandcommunication: 'SLCN',
	speechlanguagecommunicationneeds: 'SLCN',
	hearingimpairment: 'HI',
	visualimpairment: 'VI',
	visionimpairment: 'VI',
	multisensoryimpairment: 'MSI',
	physicaldisability: 'PD',
	autisticspectrumdisorder: 'ASD',
	autism: 'ASD',
	autismspectrumdisorder: 'ASD',
	asc: 'ASD',
	autismspectrumcondition: 'ASD',
	otherdifficultydisability: 'OTH',
	otherdifficultyordisability: 'OTH',
	other: 'OTH',
	sensupportbutnospecialistassessmentoftypeofneed: 'NSA',
	nospecialistassessment: 'NSA'
};
export const needArea = z.enum(['communication_interaction', 'cognition_learning', 'semh', 'sensory_physical', 'independence_self_help', 'medical']);
export type NeedArea = z.infer<typeof needArea>;
export const needAreaAliases: Record<string, NeedArea> = {
	communicationinteraction: 'communication_interaction',
	communicationandinteraction: 'communication_interaction',
	candi: 'communication_interaction',
	ci: 'communication_interaction',
	cognitionlearning: 'cognition_learning',
	cognitionandlearning: 'cognition_learning',
	candl: 'cognition_learning',
	cl: 'cognition_learning',
	semh: 'semh',
	socialemotionalandmentalhealth: 'semh',
	socialemotionalmentalhealth: 'semh',
	sensoryphysical: 'sensory_physical',
	sensoryandphysical: 'sensory_physical',
	sensoryandorphysical: 'sensory_physical',
	sandp: 'sensory_physical',
	sp: 'sensory_physical',
	independenceselfhelp: 'independence_self_help',
	independenceandselfhelp: 'independence_self_help',
	selfhelp: 'independence_self_help',
	medical: 'medical',
	medicalneeds: 'medical',
	medicalneed: 'medical'
};
/** Broad areas as shown to people; `other` and `unknown` are the DfE codes OTH/NSA and blanks. */
export const needAreaLabels: Record<string, string> = {
	communication_interaction: 'Communication and interaction',
	cognition_learning: 'Cognition and learning',
	semh: 'Social, emotional and mental health',
	sensory_physical: 'Sensory and/or physical',
	independence_self_help: 'Independence and self-help',
	medical: 'Medical',
	other: 'Other / not assessed',
	unknown: 'Not recorded'
};
/** DfE primary need code → broad area (metrics.md). */
export const broadAreaOfCode: Record<NeedCode, string> = {
	SLCN: 'communication_interaction',
	ASD: 'communication_interaction',
	SPLD: 'cognition_learning',
	MLD: 'cognition_learning',
	SLD: 'cognition_learning',
	PMLD: 'cognition_learning',
	SEMH: 'semh',
	HI: 'sensory_physical',
	VI: 'sensory_physical',
	MSI: 'sensory_physical',
	PD: 'sensory_physical',
	OTH: 'other',
	NSA: 'other'
};

export const sex = z.enum(['F', 'M']);
export const sexAliases: Record<string, z.infer<typeof sex>> = { f: 'F', female: 'F', girl: 'F', m: 'M', male: 'M', boy: 'M' };

export const outcome = z.enum(['achieved', 'partial', 'not_achieved']);
export type Outcome = z.infer<typeof outcome>;
// `partly` on its own is deliberately not an alias: the contract treats `Partly?` as a bad value.
export const outcomeAliases: Record<string, Outcome> = {
	achieved: 'achieved',
	yes: 'achieved',
	y: 'achieved',
	met: 'achieved',
	fullyachieved: 'achieved',
	partial: 'partial',
	partiallyachieved: 'partial',
	partlyachieved: 'partial',
	progress: 'partial',
	someprogress: 'partial',
	partiallymet: 'partial',
	partlymet: 'partial',
	notachieved: 'not_achieved',
	no: 'not_achieved',
	n: 'not_achieved',
	notmet: 'not_achieved',
	notyetachieved: 'not_achieved'
};

export const reviewDecision = z.enum(['continue', 'increase_support', 'exit_sen_support', 'request_ehcna']);
export const reviewDecisionAliases: Record<string, z.infer<typeof reviewDecision>> = {
	continue: 'continue',
	continuesupport: 'continue',
	continuesensupport: 'continue',
	newtargets: 'continue',
	increasesupport: 'increase_support',
	changeprovision: 'increase_support',
	increase: 'increase_support',
	moresupport: 'increase_support',
	exitsensupport: 'exit_sen_support',
	exit: 'exit_sen_support',
	nofurthersupport: 'exit_sen_support',
	removefromregister: 'exit_sen_support',
	nofurthersupportneeded: 'exit_sen_support',
	requestehcna: 'request_ehcna',
	ehcna: 'request_ehcna',
	needsassessment: 'request_ehcna',
	requestneedsassessment: 'request_ehcna',
	ehcneedsassessment: 'request_ehcna',
	requestehcneedsassessment: 'request_ehcna',
	needsassessmentrequested: 'request_ehcna'
};

export const yearGroup = z.enum(['N1', 'N2', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
export type YearGroup = z.infer<typeof yearGroup>;

export const keyStages = ['EYFS', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5'] as const;
export type KeyStage = (typeof keyStages)[number];
/** The one rule for key stages (metrics.md): the year groups each covers. */
export const yearsOfKeyStage: Record<KeyStage, YearGroup[]> = {
	EYFS: ['N1', 'N2', 'R'],
	KS1: ['1', '2'],
	KS2: ['3', '4', '5', '6'],
	KS3: ['7', '8', '9'],
	KS4: ['10', '11'],
	KS5: ['12', '13', '14']
};

/** Year groups in school order (N1, N2, R, 1 … 14), from the key stages: the one ordering everywhere. */
export const yearGroupOrder: readonly YearGroup[] = Object.values(yearsOfKeyStage).flat();

/** What a review decided, in words. */
export const reviewDecisionLabels: Record<z.infer<typeof reviewDecision> | 'not recorded', string> = {
	continue: 'Continue as planned',
	increase_support: 'Increase support',
	exit_sen_support: 'Leave SEN support',
	request_ehcna: 'Request an EHC needs assessment',
	'not recorded': 'Not recorded'
};

/** Attainment bands schools record against age-related expectations, lowest first. */
export const attainment = z.enum(['pre_key_stage', 'working_towards', 'expected', 'greater_depth']);
export type Attainment = z.infer<typeof attainment>;
export const attainmentAliases: Record<string, Attainment> = {
	prekeystage: 'pre_key_stage',
	pks: 'pre_key_stage',
	prekeystagestandard: 'pre_key_stage',
	belowkeystage: 'pre_key_stage',
	pre: 'pre_key_stage',
	engagementmodel: 'pre_key_stage',
	engagement: 'pre_key_stage',
	bks: 'pre_key_stage',
	pk: 'pre_key_stage',
	workingtowards: 'working_towards',
	workingtowardstheexpectedstandard: 'working_towards',
	workingtowardsexpected: 'working_towards',
	wts: 'working_towards',
	wt: 'working_towards',
	wtes: 'working_towards',
	belowexpected: 'working_towards',
	expected: 'expected',
	expectedstandard: 'expected',
	workingattheexpectedstandard: 'expected',
	atexpected: 'expected',
	workingatexpected: 'expected',
	exs: 'expected',
	exp: 'expected',
	ex: 'expected',
	are: 'expected',
	ageexpected: 'expected',
	greaterdepth: 'greater_depth',
	greaterdepthstandard: 'greater_depth',
	workingatgreaterdepth: 'greater_depth',
	workingatagreaterdepth: 'greater_depth',
	gds: 'greater_depth',
	gd: 'greater_depth',
	aboveexpected: 'greater_depth',
	higherstandard: 'greater_depth',
	hs: 'greater_depth'
};
export const attainmentLabels: Record<Attainment, string> = {
	pre_key_stage: 'Pre-key stage',
	working_towards: 'Working towards',
	expected: 'Expected',
	greater_depth: 'Greater depth'
};

/** A teacher's judgement of progress since the last assessment point. */
export const progressJudgement = z.enum(['less_than_expected', 'expected', 'more_than_expected']);
export type ProgressJudgement = z.infer<typeof progressJudgement>;
export const progressAliases: Record<string, ProgressJudgement> = {
	lessthanexpected: 'less_than_expected',
	less: 'less_than_expected',
	belowexpected: 'less_than_expected',
	lte: 'less_than_expected',
	lessthanexpectedprogress: 'less_than_expected',
	slowprogress: 'less_than_expected',
	insufficient: 'less_than_expected',
	notexpected: 'less_than_expected',
	expected: 'expected',
	expectedprogress: 'expected',
	asexpected: 'expected',
	ontrack: 'expected',
	inline: 'expected',
	e: 'expected',
	exp: 'expected',
	morethanexpected: 'more_than_expected',
	more: 'more_than_expected',
	aboveexpected: 'more_than_expected',
	mte: 'more_than_expected',
	morethanexpectedprogress: 'more_than_expected',
	accelerated: 'more_than_expected',
	acceleratedprogress: 'more_than_expected',
	betterthanexpected: 'more_than_expected'
};
export const progressLabels: Record<ProgressJudgement | 'not recorded', string> = {
	less_than_expected: 'Less than expected',
	expected: 'Expected',
	more_than_expected: 'More than expected',
	'not recorded': 'Not recorded'
};

/** Whole-school figures a school copies from its MIS, so no other child's row is needed. */
export const comparatorMeasure = z.enum(['on_roll', 'expected_pct', 'attendance_pct', 'persistent_absence_pct']);
export type ComparatorMeasure = z.infer<typeof comparatorMeasure>;
export const comparatorAliases: Record<string, ComparatorMeasure> = {
	onroll: 'on_roll',
	numberonroll: 'on_roll',
	nor: 'on_roll',
	roll: 'on_roll',
	pupilsonroll: 'on_roll',
	expectedpct: 'expected_pct',
	expected: 'expected_pct',
	atexpected: 'expected_pct',
	expectedorabove: 'expected_pct',
	atorabove: 'expected_pct',
	atoraboveexpected: 'expected_pct',
	expectedstandard: 'expected_pct',
	percentexpected: 'expected_pct',
	attendancepct: 'attendance_pct',
	attendance: 'attendance_pct',
	attendancepercent: 'attendance_pct',
	overallattendance: 'attendance_pct',
	persistentabsencepct: 'persistent_absence_pct',
	persistentabsence: 'persistent_absence_pct',
	pa: 'persistent_absence_pct',
	persistentlyabsent: 'persistent_absence_pct',
	persistentabsencepercent: 'persistent_absence_pct'
};
export const comparatorLabels: Record<ComparatorMeasure, string> = {
	on_roll: 'Number on roll',
	expected_pct: 'Share at or above expected (%)',
	attendance_pct: 'Attendance (%)',
	persistent_absence_pct: 'Persistently absent (% of pupils)'
};

/** Measures whose lower values are better, when the file does not say. */
export const lowerIsBetterMeasures = ['sdq_total', 'sdq', 'boxall_difficulties', 'errors', 'incidents'];
