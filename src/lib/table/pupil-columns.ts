import { attainmentLabels, progressLabels, reviewDecisionLabels } from '../contract/enums';
import { formatDate } from '../format';
import type { pupilAssessments, pupilPlans } from '../metrics/pupil';
import { reviewTimingLabels } from '../metrics/pupil';
import type { Column } from './columns';

type Plan = ReturnType<typeof pupilPlans.finish>[number];
type Point = ReturnType<typeof pupilAssessments.finish>[number];

const yesNo = (b: boolean | null) => (b === null ? 'not recorded' : b ? 'yes' : 'no');
/** A target's outcome in words, for a pupil's story. */
export const outcomeLabels: Record<string, string> = { achieved: 'achieved', partial: 'partly achieved', not_achieved: 'not achieved' };

/**
 * A pupil's plans, one a row: the pupil page's full table, or `brief` (no cycle, review date or
 * target count) for the transfer summary's printed page.
 */
export function pupilPlanColumns(brief = false): Column<Plan>[] {
	/** Only in the full table. */
	const full = new Set(['cycle', 'review_due', 'targets']);
	const columns: Column<Plan>[] = [
		{ key: 'plan_id', heading: 'Plan', rowHeader: true },
		{ key: 'cycle', heading: 'Cycle', kind: 'count' },
		{ key: 'start_date', heading: 'Started', kind: 'date' },
		{ key: 'review_due', heading: 'Review set for', kind: 'date' },
		{ key: 'reviewed_on', heading: 'Reviewed on', kind: 'date', format: (p) => (p.reviewed_on ? formatDate(p.reviewed_on) : 'not yet') },
		{ key: 'review', heading: 'Review', format: (p) => reviewTimingLabels[p.review] },
		{ key: 'pupil_attended_review', heading: 'Child took part', format: (p) => (p.reviewed_on ? yesNo(p.pupil_attended_review) : '—') },
		{ key: 'parent_attended_review', heading: 'Parent took part', format: (p) => (p.reviewed_on ? yesNo(p.parent_attended_review) : '—') },
		{
			key: 'review_decision',
			heading: 'Decision',
			format: (p) => (p.reviewed_on ? (reviewDecisionLabels[(p.review_decision ?? 'not recorded') as keyof typeof reviewDecisionLabels] ?? p.review_decision ?? '') : '—')
		},
		{ key: 'achieved', heading: 'Targets achieved', format: (p) => `${p.achieved} of ${p.targets}` },
		{ key: 'targets', heading: 'Targets', kind: 'count', screen: false }
	];
	return brief ? columns.filter((c) => !full.has(c.key)) : columns;
}

/** A pupil's assessment points; `withExpected` adds what was expected at each point. */
export function assessmentPointColumns(withExpected = false): Column<Point>[] {
	return [
		{ key: 'subject', heading: 'Subject', rowHeader: true },
		{ key: 'assessed_on', heading: 'Point', kind: 'date' },
		{ key: 'attainment', heading: 'Attainment', format: (p) => attainmentLabels[p.attainment as keyof typeof attainmentLabels] ?? p.attainment },
		...(withExpected
			? [
					{
						key: 'expected_attainment',
						heading: 'Expected',
						format: (p: Point) => (p.expected_attainment ? (attainmentLabels[p.expected_attainment as keyof typeof attainmentLabels] ?? p.expected_attainment) : attainmentLabels.expected)
					} satisfies Column<Point>
				]
			: []),
		{ key: 'progress', heading: 'Progress', format: (p) => progressLabels[(p.progress ?? 'not recorded') as keyof typeof progressLabels] ?? p.progress ?? '' }
	];
}
