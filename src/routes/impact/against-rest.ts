import { compareRates, moreNeeded, restOf, type Difference, type Proportion } from '$lib/stats/compare';
import { SMALL_NUMBER } from '$lib/stats/wilson';

interface Counts {
	achieved: number;
	reviewed: number;
}

export interface AgainstRest {
	/** 'too few' when the group has fewer than 5 reviewed targets, 'none' when it has none. */
	verdict: Difference | 'too few' | 'none';
	/** Roughly how many more reviewed targets at the same rate would show a clear difference, when there is none yet. */
	more: number | null;
}

/**
 * A group's achievement rate against the rest of the school (its own targets taken out), by the
 * two-proportion test at 95% in compareRates: the only basis on which a page says "better" or "worse".
 */
export function againstRest(whole: Counts, group: Counts): AgainstRest {
	if (group.reviewed === 0) return { verdict: 'none', more: null };
	const g: Proportion = { successes: group.achieved, n: group.reviewed };
	const rest = restOf({ successes: whole.achieved, n: whole.reviewed }, g);
	// A group that is the whole school (or not inside it) has no rest to be compared with.
	if (rest.n <= 0 || rest.successes < 0 || rest.successes > rest.n) return { verdict: 'none', more: null };
	const verdict = group.reviewed < SMALL_NUMBER ? 'too few' : compareRates(g, rest);
	return { verdict, more: verdict === 'higher' || verdict === 'lower' ? null : moreNeeded(g, rest) };
}

/** The verdict as a table cell reads it. */
export const verdictWords: Record<AgainstRest['verdict'], string> = {
	higher: 'Clearly higher',
	lower: 'Clearly lower',
	'no clear difference': 'No clear difference yet',
	'too few': 'Too few reviewed to tell',
	none: '—'
};

/** Beyond this many more targets, "how many more" is not a useful number: the gap is simply small. */
const MANY = 200;

/**
 * "about 40 more reviewed targets at this rate would show a clear difference", or, for a gap so small
 * that hundreds more would be needed (or rates that are equal), says so; null when there is a difference.
 */
export function moreWords(a: AgainstRest): string | null {
	if (a.verdict !== 'no clear difference' && a.verdict !== 'too few') return null;
	if (a.more === null || a.more > MANY) return 'the gap is small: hundreds more reviewed targets would be needed to show it clearly';
	return `about ${a.more.toLocaleString('en-GB')} more reviewed target${a.more === 1 ? '' : 's'} at this rate would show a clear difference`;
}
