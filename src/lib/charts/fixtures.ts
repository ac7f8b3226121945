/**
 * Fixed data for the chart snapshot tests, shaped like the demo school's: costs skewed (most runs
 * £0–200, two near £900), long and short names, small numbers, and an intervention of unknown cost.
 */
import { withRates } from '../metrics/achievement';
import type { GainPoint } from '../metrics/entry-exit';
import type { InterventionCost } from '../metrics/provision';
import type { LabelledShare } from './achievement-bars';
import type { CostProgressPoint } from './cost-vs-progress';
import type { IndicatorRow } from './quality-indicators';

const counts = (reviewed: number, achieved: number, partial: number) => ({ reviewed, achieved, partial, not_achieved: reviewed - achieved - partial, open: 1, overdue: 2 });

export const areaBars: LabelledShare[] = [
	{ label: 'Communication and interaction', ...withRates(counts(20, 12, 4)) },
	{ label: 'Cognition and learning', ...withRates(counts(4, 1, 2)) },
	{ label: 'Social, emotional and mental health', ...withRates(counts(37, 30, 3)) },
	{ label: 'Sensory and/or physical needs', ...withRates(counts(9, 0, 4)) },
	{ label: 'Nothing reviewed', ...withRates(counts(0, 0, 0)) }
];

const costBase = {
	intervention_key: 'x',
	provisions_not_quantified: 0,
	need_area: 'semh',
	wave: 2,
	delivered_by: 'TA',
	provisions: 1,
	pupils: 3,
	typical_group_size: 3,
	sessions_per_week: 2,
	minutes_per_session: 30,
	staff_hours_per_week: 1,
	weeks: 10,
	cost_per_pupil_gbp: 100,
	cost_band: '££',
	provisions_group_assumed: 0,
	provisions_to_as_of: 0,
	funding_streams: null
};
export const interventionCosts: InterventionCost[] = [
	{ ...costBase, intervention: 'Speech and language therapy (external)', total_cost_gbp: 11100, provisions_cost_unknown: 0 },
	{ ...costBase, intervention: 'ELSA', total_cost_gbp: 4200, provisions_cost_unknown: 1 },
	{ ...costBase, intervention: 'Precision Teaching', total_cost_gbp: 1850, provisions_cost_unknown: 0 },
	{ ...costBase, intervention: 'Lego therapy', total_cost_gbp: 300, provisions_cost_unknown: 0 },
	{ ...costBase, intervention: 'Touch-typing', total_cost_gbp: 45, provisions_cost_unknown: 2 },
	{ ...costBase, intervention: 'Not costed', total_cost_gbp: null, provisions_cost_unknown: 2 }
];

const point = (intervention: string, cost: number, reviewed: number, achieved: number, pupils: number): CostProgressPoint => {
	const r = withRates(counts(reviewed, achieved, 0));
	return { intervention, cost_per_pupil_gbp: cost, y: r.achievement_rate!, y_low: r.ci_low, y_high: r.ci_high, pupils };
};
/** Most cost £20–200 a pupil and crowd the low end; Play therapy and Counselling cost about £900. */
export const costProgress: CostProgressPoint[] = [
	point('Precision Teaching', 60, 40, 26, 18),
	point('Reading Boost', 85, 30, 15, 14),
	point('Lego therapy', 120, 22, 12, 9),
	point('Nurture group', 140, 23, 7, 12),
	point('ELSA', 180, 26, 14, 10),
	point('Touch-typing', 35, 5, 4, 5),
	point('Speech and language groups', 150, 18, 9, 8),
	point('Fine motor skills', 45, 12, 6, 6),
	point('Social stories', 55, 10, 6, 5),
	point('Maths catch-up', 95, 20, 11, 11),
	point('Play therapy', 925, 7, 1, 4),
	point('Counselling', 880, 9, 4, 5)
];

export const indicatorRows: IndicatorRow[] = [
	{ label: 'Every target is specific and measurable', met: 210, not_met: 90, unknown: 7 },
	{ label: 'Linked provision is quantified (who, how often, how long, from when)', met: 150, not_met: 140, unknown: 17 },
	{ label: 'Pupil voice recorded', met: 295, not_met: 4, unknown: 8 },
	{ label: 'Review date set', met: 12, not_met: 280, unknown: 15 }
];

const gain = (pupil_id: string, measure: string, g: number, ratio: number | null): GainPoint => ({
	school: 'S',
	intervention: 'Reading Boost',
	pupil_id,
	measure,
	entry_value: 80,
	exit_value: 80 + g,
	gain: g,
	ratio_gain: ratio
});
/** Points gains on scores and months gains on ages, and (for ages) ratio gains: two panels. */
export const gainPoints: GainPoint[] = [
	gain('A', 'Standardised score', 6, null),
	gain('B', 'Standardised score', 2, null),
	gain('C', 'Standardised score', -1, null),
	gain('D', 'Reading age (months)', 9, 2.2),
	gain('E', 'Reading age (months)', 4, 1.1),
	gain('F', 'Reading age (months)', 7, 1.7)
];

export const trendRows = [
	{ academic_year: '2024/25', term: 'Summer' as const, order: 1, ...withRates(counts(10, 5, 2)) },
	{ academic_year: '2025/26', term: 'Autumn' as const, order: 2, ...withRates(counts(12, 8, 2)) },
	{ academic_year: '2025/26', term: 'Spring' as const, order: 3, ...withRates(counts(30, 19, 4)) }
];
