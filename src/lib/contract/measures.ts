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

/**
 * A mean gain in words with its direction. `gain` is already turned round for measures where lower
 * is better (positive = better), so "SDQ … fell by 2.3 points on average: an improvement".
 */
export function describeGain(measure: string, gain: number | null, digits = 1): string {
	if (gain === null || !Number.isFinite(gain)) return 'not known';
	const m = known[measure];
	const label = m ? m.label : measure.replace(/_/g, ' ');
	const unit = m?.unit ? ` ${m.unit}` : '';
	const change = isLowerBetter(measure) ? -gain : gain;
	const size = Math.abs(change).toLocaleString('en-GB', { maximumFractionDigits: digits });
	if (Number(size) === 0) return `the ${label} did not change on average`;
	const verdict = gain > 0 ? 'an improvement' : 'a decline';
	return `the ${label} ${change > 0 ? 'rose' : 'fell'} by ${size}${unit} on average: ${verdict}`;
}
