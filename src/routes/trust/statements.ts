import type { SchoolAchievement } from '$lib/metrics/schools';
import { GAP_BEYOND_CHANCE, verdictClause } from '$lib/phrasebook';
import type { FigureWriter } from '$lib/report/suppress';

/**
 * Whether every school's share achieved may be shown (a school with nothing reviewed hides nothing).
 * Where one is withheld, a share of the other schools together, or of all of them, would let it be
 * worked out by difference, so those are left out too.
 */
export const everyRateShows = (rows: SchoolAchievement[], sup: FigureWriter): boolean => rows.every((r) => r.reviewed === 0 || sup.rateShows(r.achieved, r.reviewed));

/**
 * What the comparison of achievement says, school by school, in words. A school is said to achieve
 * a larger or smaller share of its targets only where the two-proportion test against the other
 * schools together says so (`versus_rest`); otherwise the words say there is no clear difference.
 * A school whose share, or the other schools', would give a small number away is only named.
 */
export function achievementStatements(rows: SchoolAchievement[], sup: FigureWriter): { said: string[]; tooFew: string[] } {
	const said: string[] = [];
	const tooFew: string[] = [];
	const restShows = everyRateShows(rows, sup);
	for (const r of rows) {
		if (!sup.rateShows(r.achieved, r.reviewed) || !sup.rateShows(r.rest_achieved, r.rest_reviewed)) {
			tooFew.push(r.school);
			continue;
		}
		const own = sup.share(r.achieved, r.reviewed);
		const rest = restShows ? ` (${sup.share(r.rest_achieved, r.rest_reviewed)})` : '';
		const verdict = r.versus_rest?.verdict ?? 'too_few';
		if (verdict === 'higher' || verdict === 'lower') {
			said.push(`${r.school} achieved ${verdict === 'higher' ? 'a larger' : 'a smaller'} share of its reviewed targets (${own}) than the other schools together${rest}, ${GAP_BEYOND_CHANCE}.`);
		} else {
			said.push(`${r.school}: ${own} of its reviewed targets were achieved, against the other schools together${rest}: ${verdictClause[verdict]}.`);
		}
	}
	return { said, tooFew };
}
