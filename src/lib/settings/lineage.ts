import { z } from 'zod';

/**
 * A "matched by wording" link the SENDCo undid (docs/target-lineage.md): the later target and the
 * earlier one it was matched to, in one school. Target ids are about a pupil's plans, so the list is
 * held in the page's memory and kept only inside the encrypted kept copy, never in local storage.
 */
export const undoneMatchSchema = z.object({
	school: z.string().min(1).max(200),
	/** The later target, matched by its wording… */
	target_id: z.string().min(1).max(200),
	/** …to this target of the plan before. */
	prev: z.string().min(1).max(200)
});
export type UndoneMatch = z.infer<typeof undoneMatchSchema>;

export const undoneMatchesSchema = z.array(undoneMatchSchema).max(10_000);

export const sameMatch = (a: UndoneMatch, b: UndoneMatch) => a.school === b.school && a.target_id === b.target_id && a.prev === b.prev;
