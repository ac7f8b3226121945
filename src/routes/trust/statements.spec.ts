import { describe, expect, it } from 'vitest';
import { withRates } from '$lib/metrics/achievement';
import type { SchoolAchievement } from '$lib/metrics/schools';
import { Suppressor } from '$lib/report/suppress';
import { versus } from '$lib/stats/compare';
import { achievementStatements } from './statements';

// The verdict is the metric's own (`versus`), worked out from the same counts.
const school = (name: string, achieved: number, reviewed: number, rest: [number, number]): SchoolAchievement => ({
	...withRates({ reviewed, achieved, partial: 0, not_achieved: reviewed - achieved, open: 0, overdue: 0 }),
	school: name,
	total: reviewed,
	rest_achieved: rest[0],
	rest_reviewed: rest[1],
	rest_rate: rest[0] / rest[1],
	versus_rest: versus({ successes: achieved, n: reviewed }, { successes: rest[0], n: rest[1] })
});

describe('what the comparison of schools says', () => {
	const sup = new Suppressor(5);

	it("says a school achieves more or less only on the test's verdict, with both shares", () => {
		const { said } = achievementStatements([school('North', 20, 25, [5, 15]), school('South', 5, 15, [20, 25])], sup);
		expect(said).toEqual([
			'North achieved a larger share of its reviewed targets (80%) than the other schools together (33%), a gap larger than chance would explain.',
			'South achieved a smaller share of its reviewed targets (33%) than the other schools together (80%), a gap larger than chance would explain.'
		]);
	});

	it('says "no clear difference" otherwise, and only names a school whose share would give a small number away', () => {
		const { said, tooFew } = achievementStatements([school('East', 10, 20, [12, 20]), school('West', 3, 20, [19, 40])], sup);
		// West's 3 achieved is between 1 and 4: its share is withheld, so no sentence gives it, and East's is said without the
		// other schools' share, which with East's would give West's away.
		expect(said).toEqual(['East: 50% of its reviewed targets were achieved, against the other schools together: no clear difference yet.']);
		expect(tooFew).toEqual(['West']);
		expect(achievementStatements([school('East', 10, 20, [12, 20]), school('West', 12, 20, [10, 20])], sup).said[0]).toBe(
			'East: 50% of its reviewed targets were achieved, against the other schools together (60%): no clear difference yet.'
		);
	});
});
