import { countOf, formatDate } from './format';

/**
 * What a cost rests on when the export leaves something out, in words for the cell that shows it:
 * a run with no group size is shared by all the pupils allocated to it (so a run of 27 pupils reads
 * as one group of 27); a run with no end date or weeks is costed up to the as-of date. Pages, the
 * report and the command line all say it with these words.
 */
export interface CostAssumptions {
	/** The runs behind the figure. */
	runs: number;
	/** Of them, runs with no group size, shared by their pupils. */
	groupAssumed: number;
	/** Of them, runs of known cost with no end date or weeks, costed to the as-of date. */
	toAsOf: number;
	/** The pupils a single run is shared by, to name the group. */
	group?: number | null;
	asOf: string;
}

export function assumptionsNote(a: CostAssumptions): string | null {
	const parts: string[] = [];
	if (a.groupAssumed) {
		parts.push(
			a.runs === 1 && a.group
				? `assumes one group of ${a.group} (no group size recorded)`
				: a.groupAssumed === 1
					? `assumes 1 run is one group of all its pupils (no group size recorded)`
					: `assumes each of ${a.groupAssumed} runs is one group of all its pupils (no group size recorded)`
		);
	}
	if (a.toAsOf) parts.push(`${a.runs === 1 ? '' : `${countOf(a.toAsOf, 'run')} `}costed to ${formatDate(a.asOf)} (no end date)`);
	return parts.length ? parts.join('; ') : null;
}

/** Beside a group size that is the pupils allocated, because none was recorded. */
export const GROUP_ASSUMED = 'no group size recorded: all its pupils';
/** Beside a figure worked out from another that carries the assumptions (cost per pupil from the total cost). */
export const ASSUMED_AS_FOR = (figure: string): string => `assumed as for the ${figure}`;

/** Beside a count of runs a figure leaves out, after the figure: "and 1 run whose cost is not known". */
export const runsLeftOut = (n: number, why: 'cost' | 'time'): string => `and ${countOf(n, 'run')} ${why === 'cost' ? 'whose cost is not known' : 'with no time recorded'}`;
