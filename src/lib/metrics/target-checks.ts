import { z } from 'zod';
import { empty, sql } from '../db/sql';
import { checkTarget } from '../quality/smart';
import { pupilWhere } from './facts';
import { col, metric } from './registry';

/** The checker's findings on targets with text (all of them, or one plan's), worked out again from the text. */
export const targetChecks = metric({
	id: 'target_checks',
	describe: "The SMART checker's findings on each target with text (all, or one plan's)",
	row: z.object({ school: col.text, target_id: col.text, target_text: col.text, start_date: col.date, due: col.date }),
	sql: (s, plan: { school: string; plan_id: string } | null) => sql`
    SELECT t.school, t.target_id, t.target_text, pl.start_date, coalesce(t.due_date, pl.review_due) AS due
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    JOIN pupils p ON p.school = pl.school AND p.pupil_id = pl.pupil_id
    WHERE ${pupilWhere(s.filters)} AND t.target_text IS NOT NULL
      ${plan ? sql`AND t.school = ${plan.school} AND t.plan_id = ${plan.plan_id}` : empty} ORDER BY t.school, t.target_id`,
	finish: (rows) =>
		rows.map((r) => {
			const { smart, findings } = checkTarget(r.target_text, { startDate: r.start_date, dueDate: r.due });
			return { school: r.school, target_id: r.target_id, smart, findings };
		}),
	examples: [null]
});
export type TargetCheck = ReturnType<typeof targetChecks.finish>[number];

/** The words of one plan's targets beside the checker's findings. */
export const planTargets = metric({
	id: 'plan_targets',
	describe: "One plan's targets: their words, due date and outcome, and the checker's findings",
	row: z.object({ target_id: col.text, target_text: col.text.nullable(), start_date: col.date, due: col.date, outcome: col.text.nullable() }),
	sql: (_s, plan: { school: string; plan_id: string }) => sql`
    SELECT t.target_id, t.target_text, pl.start_date, coalesce(t.due_date, pl.review_due) AS due, t.outcome
    FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    WHERE t.school = ${plan.school} AND t.plan_id = ${plan.plan_id} ORDER BY t.target_id`,
	finish: (rows) =>
		rows.map((r) => ({
			...r,
			check: r.target_text === null ? null : checkTarget(r.target_text, { startDate: r.start_date, dueDate: r.due })
		})),
	examples: [{ school: 'Oakfield Primary', plan_id: 'PL0001' }]
});
