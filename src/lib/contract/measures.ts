import { lowerIsBetterMeasures } from './enums';

/** Entry and exit measures schools use, in words; any other measure is shown by its own name, tidied. */
const known: Record<string, { label: string; unit: string }> = {
	standardised_score: { label: 'standardised score', unit: 'points' },
	reading_age_months: { label: 'reading age', unit: 'months' },
	spelling_age_months: { label: 'spelling age', unit: 'months' },
	maths_age_months: { label: 'maths age', unit: 'months' },
	sdq_total: { label: 'SDQ total difficulties score', unit: 'points' },
	sdq: { label: 'SDQ total difficulties score', unit: 'points' },
	boxall_difficulties: { label: 'Boxall Profile difficulties score', unit: 'points' },
	errors: { label: 'number of errors', unit: '' },
	incidents: { label: 'number of incidents', unit: '' }
};

export function measureLabel(measure: string): string {
	const m = known[measure];
	const text = m ? m.label : measure.replace(/_/g, ' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const isLowerBetter = (measure: string) => lowerIsBetterMeasures.includes(measure);

/** A measure's name and unit as they read in a sentence ("reading age", " months"), and whether its gains are turned round. */
export function measureWords(measure: string): { label: string; unit: string; lowerIsBetter: boolean } {
	const m = known[measure];
	return { label: m ? m.label : measure.replace(/_/g, ' '), unit: m?.unit ? ` ${m.unit}` : '', lowerIsBetter: isLowerBetter(measure) };
}
