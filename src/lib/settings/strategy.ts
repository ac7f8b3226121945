import { z } from 'zod';
import principlesFile from '../../../data/inclusion-principles.json';
import { MAX_THRESHOLD, PUBLIC_THRESHOLD } from '../stats/small-number';

/**
 * What only the school can write in its inclusion strategy (docs/inclusion-strategy.md): kept with
 * the settings (local storage) and in the kept workspace, one draft per school and academic year,
 * never guessed. An empty field is "still to be written", never filled in for the school.
 */

/** The seven principles of inclusion, from their one editable data file. */
export const principles: { id: string; label: string }[] = principlesFile.principles;
export const principlesSource: string = principlesFile.source;
export const principleLabel = (id: string | null | undefined): string | null => principles.find((p) => p.id === id)?.label ?? null;

/** How much of an activity the Inclusive Mainstream Fund pays for: none of it, all of it, or a sum. */
export const imfShares = ['none', 'all', 'part'] as const;
export type ImfShare = (typeof imfShares)[number];

const text = (max: number) => z.string().max(max).default('');
const money = z.number().nonnegative().max(100_000_000);

export const activityPartsSchema = z.object({
	principle: z.string().max(40).nullable().default(null),
	imf: z.enum(imfShares).default('none'),
	/** The sum the fund pays when it pays part. */
	imf_gbp: money.nullable().default(null),
	/** Numbers of the school's barriers (1 = the first) this activity works on. */
	barriers: z.array(z.number().int().min(1).max(20)).max(20).default([])
});
export type ActivityParts = z.infer<typeof activityPartsSchema>;

export const strategyPartsSchema = z.object({
	/** The Inclusive Mainstream Fund allocation for the year (from the Department's statement). */
	imf_allocation_gbp: money.nullable().default(null),
	/** Counts below this are withheld in the published strategy: never below 10. */
	threshold: z.number().int().min(PUBLIC_THRESHOLD).max(MAX_THRESHOLD).default(PUBLIC_THRESHOLD),
	/** Number on roll, for the register's shares of the roll. */
	roll: z.number().int().min(1).max(10_000).nullable().default(null),
	/** How many academic years the strategy covers, from the chosen one (a multi-year strategy is reviewed every year). */
	years: z.number().int().min(1).max(3).default(1),
	statement_of_intent: text(12_000),
	barriers: z.array(z.string().max(1_000)).max(20).default([]),
	outcomes: z
		.array(z.object({ outcome: text(1_000), success_criteria: text(2_000) }))
		.max(20)
		.default([]),
	approved_by: text(200),
	approved_on: z.iso.date().nullable().default(null),
	review_date: z.iso.date().nullable().default(null),
	further_information: text(6_000),
	/** By activity key (`activityKey`). */
	activities: z.record(z.string().max(300), activityPartsSchema).default({})
});
export type StrategyParts = z.infer<typeof strategyPartsSchema>;

export const emptyStrategyParts = (): StrategyParts => strategyPartsSchema.parse({});

/** Every school's drafts, by `draftKey`. */
export const strategyDraftsSchema = z.record(z.string().max(400), strategyPartsSchema);
export type StrategyDrafts = z.infer<typeof strategyDraftsSchema>;

/** One draft per school and academic year ("All schools" is never a draft: a trust has one per school). */
export const draftKey = (school: string, year: string): string => `${school}\u0000${year}`;

/** An activity's key: its intervention (grouped ignoring case and spaces) and its layer. */
export const activityKey = (interventionKey: string, layer: string): string => `${interventionKey}\u0000${layer}`;

/** The years a strategy starting in `year` covers: `2026/27` for one, `2026/27 to 2028/29` for three. */
export function yearsCovered(year: string, years: number): string {
	if (years <= 1) return year;
	const start = Number(year.slice(0, 4)) + years - 1;
	return `${year} to ${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
