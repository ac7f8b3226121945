/**
 * The working dose of a targeted intervention, as the EEF's guidance on making the best use of
 * teaching assistants and on targeted support puts it: sessions of about 20–50 minutes, 3–5 times
 * a week, for 8–20 weeks. Data, so the rule and the words about it come from one place
 * (docs/delivery.md).
 */
export const EEF_DOSE = {
	minutes: { low: 20, high: 50 },
	perWeek: { low: 3, high: 5 },
	weeks: { low: 8, high: 20 }
} as const;

export type DosePart = keyof typeof EEF_DOSE;
export const doseParts = ['minutes', 'perWeek', 'weeks'] as const satisfies readonly DosePart[];

/** Where a run's dose (or one part of it) sits against the EEF ranges; `not_known` when a part is missing. */
export type DoseBand = 'below' | 'within' | 'above' | 'not_known';
export const doseBands = ['below', 'within', 'above', 'not_known'] as const satisfies readonly DoseBand[];

/**
 * An intervention (or run) that delivered less than this share of its planned sessions is marked
 * before its outcomes are read: three sessions in four is where a programme's own guidance
 * usually stops counting it as run as designed.
 */
export const LOW_DELIVERY_SHARE = 0.75;
