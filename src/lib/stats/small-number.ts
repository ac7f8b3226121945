/**
 * The small-number rule, in one place. Below SMALL_NUMBER a rate carries a "small number" mark and
 * no comparison is tested (too few). Printed documents hide counts below their own threshold,
 * SMALL_NUMBER unless the user sets another between MIN_THRESHOLD and MAX_THRESHOLD.
 */
export const SMALL_NUMBER = 5;

/** The lowest threshold a printed document accepts: 1 would hide nothing. */
export const MIN_THRESHOLD = 2;
/** The highest threshold a printed document accepts. */
export const MAX_THRESHOLD = 20;

/** The threshold a printed document uses for what was asked: a whole number within MIN_THRESHOLD–MAX_THRESHOLD (the box shows this one). */
export const thresholdUsed = (asked: number): number => (Number.isFinite(asked) ? Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, Math.round(asked))) : SMALL_NUMBER);

/**
 * A share of none or all (0% or 100%) says something about every pupil in the group: a printed
 * document shows it only for a group of at least this many times its threshold (20 at 5).
 */
export const ALL_OR_NONE_TIMES = 4;

/**
 * A document published on a website (the inclusion strategy) never hides less than this: counts
 * under 10 are withheld, after public-statistics practice, stricter than the governors' report's 5.
 */
export const PUBLIC_THRESHOLD = 10;

/** The threshold a published document uses for what was asked: as `thresholdUsed`, never below PUBLIC_THRESHOLD. */
export const publicThresholdUsed = (asked: number): number => Math.max(PUBLIC_THRESHOLD, thresholdUsed(asked));
