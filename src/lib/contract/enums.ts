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
export const senStageAliases: Record<string, z.infer<typeof senStage>> = {
	k: 'K', sensupport: 'K', support: 'K', schoolsupport: 'K',
	e: 'E', ehcp: 'E', ehcplan: 'E', ehc: 'E', educationhealthandcareplan: 'E', statement: 'E',
	n: 'N', nosen: 'N', monitoring: 'N', monitor: 'N', monitoringlist: 'N', none: 'N'
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
	specificlearningdifficulty: 'SPLD', dyslexia: 'SPLD',
	moderatelearningdifficulty: 'MLD',
	severelearningdifficulty: 'SLD',
	profoundandmultiplelearningdifficulty: 'PMLD', profoundmultiplelearningdifficulty: 'PMLD',
	socialemotionalandmentalhealth: 'SEMH', socialemotionalmentalhealth: 'SEMH',
	speechlanguageandcommunicationneeds: 'SLCN', speechlanguageandcommunicationneed: 'SLCN',
	speechlanguageandcommunication: 'SLCN', speechlanguagecommunicationneeds: 'SLCN',
	hearingimpairment: 'HI',
	visualimpairment: 'VI', visionimpairment: 'VI',
	multisensoryimpairment: 'MSI',
	physicaldisability: 'PD',
	autisticspectrumdisorder: 'ASD', autism: 'ASD', autismspectrumdisorder: 'ASD', asc: 'ASD', autismspectrumcondition: 'ASD',
	otherdifficultydisability: 'OTH', otherdifficultyordisability: 'OTH', other: 'OTH',
	sensupportbutnospecialistassessmentoftypeofneed: 'NSA', nospecialistassessment: 'NSA'
};
export const needCodeLabels: Record<NeedCode, string> = {
	SPLD: 'Specific learning difficulty', MLD: 'Moderate learning difficulty', SLD: 'Severe learning difficulty',
	PMLD: 'Profound and multiple learning difficulty', SEMH: 'Social, emotional and mental health',
	SLCN: 'Speech, language and communication needs', HI: 'Hearing impairment', VI: 'Vision impairment',
	MSI: 'Multi-sensory impairment', PD: 'Physical disability', ASD: 'Autistic spectrum disorder',
	OTH: 'Other difficulty or disability', NSA: 'SEN support, no specialist assessment of need'
};

export const needArea = z.enum([
	'communication_interaction', 'cognition_learning', 'semh', 'sensory_physical', 'independence_self_help', 'medical'
]);
export type NeedArea = z.infer<typeof needArea>;
export const needAreaAliases: Record<string, NeedArea> = {
	communicationinteraction: 'communication_interaction', communicationandinteraction: 'communication_interaction',
	candi: 'communication_interaction', ci: 'communication_interaction',
	cognitionlearning: 'cognition_learning', cognitionandlearning: 'cognition_learning', candl: 'cognition_learning', cl: 'cognition_learning',
	semh: 'semh', socialemotionalandmentalhealth: 'semh', socialemotionalmentalhealth: 'semh',
	sensoryphysical: 'sensory_physical', sensoryandphysical: 'sensory_physical', sensoryandorphysical: 'sensory_physical',
	sandp: 'sensory_physical', sp: 'sensory_physical',
	independenceselfhelp: 'independence_self_help', independenceandselfhelp: 'independence_self_help', selfhelp: 'independence_self_help',
	medical: 'medical', medicalneeds: 'medical', medicalneed: 'medical'
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
	SLCN: 'communication_interaction', ASD: 'communication_interaction',
	SPLD: 'cognition_learning', MLD: 'cognition_learning', SLD: 'cognition_learning', PMLD: 'cognition_learning',
	SEMH: 'semh',
	HI: 'sensory_physical', VI: 'sensory_physical', MSI: 'sensory_physical', PD: 'sensory_physical',
	OTH: 'other', NSA: 'other'
};

export const sex = z.enum(['F', 'M']);
export const sexAliases: Record<string, z.infer<typeof sex>> = { f: 'F', female: 'F', girl: 'F', m: 'M', male: 'M', boy: 'M' };

export const outcome = z.enum(['achieved', 'partial', 'not_achieved']);
export type Outcome = z.infer<typeof outcome>;
// `partly` on its own is deliberately not an alias: the contract treats `Partly?` as a bad value.
export const outcomeAliases: Record<string, Outcome> = {
	achieved: 'achieved', yes: 'achieved', y: 'achieved', met: 'achieved', fullyachieved: 'achieved',
	partial: 'partial', partiallyachieved: 'partial', partlyachieved: 'partial', progress: 'partial',
	someprogress: 'partial', partiallymet: 'partial', partlymet: 'partial',
	notachieved: 'not_achieved', no: 'not_achieved', n: 'not_achieved', notmet: 'not_achieved', notyetachieved: 'not_achieved'
};

export const reviewDecision = z.enum(['continue', 'increase_support', 'exit_sen_support', 'request_ehcna']);
export const reviewDecisionAliases: Record<string, z.infer<typeof reviewDecision>> = {
	continue: 'continue', continuesupport: 'continue', continuesensupport: 'continue', newtargets: 'continue',
	increasesupport: 'increase_support', changeprovision: 'increase_support', increase: 'increase_support', moresupport: 'increase_support',
	exitsensupport: 'exit_sen_support', exit: 'exit_sen_support', nofurthersupport: 'exit_sen_support',
	removefromregister: 'exit_sen_support', nofurthersupportneeded: 'exit_sen_support',
	requestehcna: 'request_ehcna', ehcna: 'request_ehcna', needsassessment: 'request_ehcna',
	requestneedsassessment: 'request_ehcna', ehcneedsassessment: 'request_ehcna', requestehcneedsassessment: 'request_ehcna',
	needsassessmentrequested: 'request_ehcna'
};

export const yearGroup = z.enum(['N1', 'N2', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
export type YearGroup = z.infer<typeof yearGroup>;

export const keyStages = ['EYFS', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5'] as const;
export function keyStageOf(year: YearGroup): (typeof keyStages)[number] {
	if (year === 'N1' || year === 'N2' || year === 'R') return 'EYFS';
	const n = Number(year);
	return n <= 2 ? 'KS1' : n <= 6 ? 'KS2' : n <= 9 ? 'KS3' : n <= 11 ? 'KS4' : 'KS5';
}

/** Measures whose lower values are better, when the file does not say. */
export const lowerIsBetterMeasures = ['sdq_total', 'sdq', 'boxall_difficulties', 'errors', 'incidents'];
