import { describe, expect, it } from 'vitest';
import { withRates } from '$lib/metrics/achievement';
import type { SchoolAchievement } from '$lib/metrics/schools';
import { Suppressor } from '$lib/report/suppress';
import { achievementStatements } from './statements';

const school = (name: string, achieved: number, reviewed: number, rest: [number, number], versus_rest: SchoolAchievement['versus_rest']): SchoolAchievement => ({
	...withRates({ reviewed, achieved, partial: 0, not_achieved: reviewed - achieved, open: 0, overdue: 0 }),
	school: name, total: reviewed, rest_achieved: rest[0], rest_reviewed: rest[1], rest_rate: rest[0] / rest[1], versus_rest
});

describe('what the comparison of schools says', () => {
	const sup = new Suppressor(5);

	it('says a school achieves more or less only on the test\'s verdict, with both shares', () => {
		const { said } = achievementStatements([school('North', 20, 25, [6, 12], 'higher'), school('South', 6, 12, [20, 25], 'lower')], sup);
		expect(said).toEqual([
			'North achieved a larger share of its reviewed targets (80%) than the other schools together (50%), a gap larger than chance would explain.',
			'South achieved a smaller share of its reviewed targets (50%) than the other schools together (80%), a gap larger than chance would explain.'
		]);
	});

	it('says "no clear difference" otherwise, and only names a school whose share would give a small number away', () => {
		const { said, tooFew } = achievementStatements([school('East', 10, 20, [12, 20], 'no clear difference'), school('West', 3, 20, [19, 40], 'no clear difference')], sup);
		// West's 3 achieved is between 1 and 4: its share is withheld, so no sentence gives it, and East's is said without the
		// other schools' share, which with East's would give West's away.
		expect(said).toEqual(['East: 50% of its reviewed targets were achieved, against the other schools together. That is no clear difference.']);
		expect(tooFew).toEqual(['West']);
		expect(achievementStatements([school('East', 10, 20, [12, 20], 'no clear difference'), school('West', 12, 20, [10, 20], 'no clear difference')], sup).said[0]).toBe(
			'East: 50% of its reviewed targets were achieved, against the other schools together (60%). That is no clear difference.'
		);
	});
});
