/**
 * A made-up export, no person in it: `targetCount` targets, 4 to a plan, 4 plans to a pupil. The
 * benchmarks and tests import it at any size; the import page imports a few of its rows to warm the
 * engine up (warm-up.ts).
 */
export function madeUpExport(targetCount: number): { name: string; bytes: Uint8Array }[] {
	const plansCount = Math.ceil(targetCount / 4);
	const pupilCount = Math.ceil(plansCount / 4);
	const areas = ['C&I', 'C&L', 'SEMH', 'S&P'];
	const outcomes = ['YES', 'Progress', 'NO', ''];
	const enc = new TextEncoder();
	const csv = (header: string, n: number, row: (i: number) => string) => {
		const lines = [header];
		for (let i = 0; i < n; i++) lines.push(row(i));
		return enc.encode(lines.join('\n') + '\n');
	};
	return [
		{ name: 'pupils.csv', bytes: csv('pupil_id,year_group,sen_stage,primary_need', pupilCount, (i) => `P${i},Y${(i % 11) + 1},${i % 7 ? 'K' : 'E'},SLCN`) },
		{
			name: 'plans.csv',
			bytes: csv('plan_id,pupil_id,cycle,start_date,review_due,reviewed_on', plansCount, (i) => `PL${i},P${i % pupilCount},${(i % 4) + 1},08/09/2025,12/12/2025,${i % 3 ? '15/12/2025' : ''}`)
		},
		{
			name: 'targets.csv',
			// 5,000 different wordings, as a school's bank of targets might have.
			bytes: csv(
				'target_id,plan_id,need_area,target_text,outcome',
				targetCount,
				(i) => `T${i},PL${i % plansCount},${areas[i % 4]},"[Pupil] will read ${i % 5000} words in class, on 4 out of 5 occasions",${outcomes[i % 4]}`
			)
		}
	];
}
