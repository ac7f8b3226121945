import { z } from 'zod';
import { sql } from '../db/sql';
import { col, metric } from './registry';
import { planIndicatorsSql } from './plan-quality';
import { withFilters, type Scope } from './scope';

/**
 * One pupil's story (the pupil page): who they are on the register, each plan with its review, each
 * target, and their assessment points, up to the as-of date. Ids only: the contract holds no names.
 * Lineages are `lineageList` with the pupil; provision is `pupilProvisionMap`.
 */
export interface Who {
	school: string;
	pupil_id: string;
}

/** The pupil's school, every pupil filter and period dropped: the whole story, whatever the page it came from was narrowed to. */
export const pupilScope = (s: Scope, who: Who): Scope => withFilters(s, { school: who.school, academicYear: null, term: null, keyStage: null, yearGroup: null, senStage: null, snapshot: null });

const example: Who[] = [{ school: 'Oakfield Primary', pupil_id: 'P0001' }];

export const pupilProfile = metric({
	id: 'pupil_profile',
	describe: "One pupil's register entry: year group, SEN stage, needs, attendance, and how many plans they have had by the as-of date",
	row: z.object({
		year_group: col.text,
		sen_stage: col.text,
		primary_need: col.text.nullable(),
		secondary_need: col.text.nullable(),
		sen_start_date: col.date.nullable(),
		attendance_pct: col.num.nullable(),
		plans: col.int
	}),
	sql: (_s, who: Who) => sql`SELECT p.year_group, p.sen_stage, p.primary_need, p.secondary_need, strftime(p.sen_start_date, '%Y-%m-%d') AS sen_start_date, p.attendance_pct,
      (SELECT count(*) FROM plans pl WHERE pl.school = p.school AND pl.pupil_id = p.pupil_id AND pl.start_date <= DATE ${_s.asOf})::INTEGER AS plans
    FROM pupils p WHERE p.school = ${who.school} AND p.pupil_id = ${who.pupil_id}`,
	/** null: no such pupil in the data loaded. */
	finish: (rows) => rows[0] ?? null,
	examples: example
});

export const reviewTimings = ['on_time', 'late', 'overdue', 'not_due'] as const;
export type ReviewTiming = (typeof reviewTimings)[number];

export const pupilPlans = metric({
	id: 'pupil_plans',
	describe: "One pupil's plans in order: dates, the review held on time (within 14 days of the date set) or late, who took part, the decision, targets achieved",
	row: z.object({
		plan_id: col.text,
		cycle: col.int.nullable(),
		start_date: col.date,
		review_due: col.date,
		reviewed_on: col.date.nullable(),
		review: z.enum(reviewTimings),
		review_decision: col.text.nullable(),
		pupil_attended_review: col.bool.nullable(),
		parent_attended_review: col.bool.nullable(),
		targets: col.int,
		achieved: col.int
	}),
	// The review's timing is plan quality's "reviewed on time" indicator, read for one plan.
	sql: (s, who: Who) => sql`SELECT q.plan_id, q.cycle, strftime(q.start_date, '%Y-%m-%d') AS start_date, strftime(q.review_due, '%Y-%m-%d') AS review_due,
      CASE WHEN q.reviewed_on <= DATE ${s.asOf} THEN strftime(q.reviewed_on, '%Y-%m-%d') END AS reviewed_on,
      CASE WHEN q.reviewed_on_time THEN 'on_time' WHEN q.reviewed_on_time IS NULL THEN 'not_due' WHEN q.reviewed_on <= DATE ${s.asOf} THEN 'late' ELSE 'overdue' END AS review,
      CASE WHEN q.reviewed_on <= DATE ${s.asOf} THEN pl.review_decision END AS review_decision,
      CASE WHEN q.reviewed_on <= DATE ${s.asOf} THEN pl.pupil_attended_review END AS pupil_attended_review,
      CASE WHEN q.reviewed_on <= DATE ${s.asOf} THEN pl.parent_attended_review END AS parent_attended_review,
      q.targets, (SELECT count(*) FROM targets t WHERE t.school = q.school AND t.plan_id = q.plan_id AND t.outcome = 'achieved')::INTEGER AS achieved
    FROM (${planIndicatorsSql(pupilScope(s, who), null)}) q
    JOIN plans pl ON pl.school = q.school AND pl.plan_id = q.plan_id
    WHERE q.pupil_id = ${who.pupil_id} AND q.start_date <= DATE ${s.asOf}
    ORDER BY q.start_date, q.plan_id`,
	examples: example
});

export const pupilTargets = metric({
	id: 'pupil_targets',
	describe: "One pupil's targets, plan by plan: area of need, the words as written (anonymised), due date and outcome",
	row: z.object({
		target_id: col.text,
		plan_id: col.text,
		need_area: col.text,
		target_text: col.text.nullable(),
		due: col.date,
		outcome: col.text.nullable(),
		next_steps: col.text.nullable()
	}),
	sql: (s, who: Who) => sql`SELECT t.target_id, t.plan_id, t.need_area, t.target_text, strftime(coalesce(t.due_date, pl.review_due), '%Y-%m-%d') AS due, t.outcome, t.next_steps
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    WHERE t.school = ${who.school} AND pl.pupil_id = ${who.pupil_id} AND pl.start_date <= DATE ${s.asOf}
    ORDER BY pl.start_date, pl.plan_id, t.source_line`,
	examples: example
});

export const pupilAssessments = metric({
	id: 'pupil_assessments',
	describe: "One pupil's assessment points by subject: attainment, the band expected, progress",
	row: z.object({ subject: col.text, assessed_on: col.date, attainment: col.text, expected_attainment: col.text.nullable(), progress: col.text.nullable() }),
	sql: (s, who: Who) => sql`SELECT subject, strftime(assessed_on, '%Y-%m-%d') AS assessed_on, attainment, expected_attainment, progress
    FROM assessments WHERE school = ${who.school} AND pupil_id = ${who.pupil_id} AND assessed_on <= DATE ${s.asOf}
    ORDER BY lower(subject), assessed_on`,
	examples: example
});

/** A review's timing in words. */
export const reviewTimingLabels: Record<ReviewTiming, string> = {
	on_time: 'On time',
	late: 'Late (more than 14 days after the date set)',
	overdue: 'Overdue (not held, more than 14 days after the date set)',
	not_due: 'Not yet due'
};
