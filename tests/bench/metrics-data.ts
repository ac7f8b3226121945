/**
 * A fuller synthetic export than synthetic-export.ts, for timing the metrics (not the import): all
 * five tables a local authority sends, in the proportions of issue 15 (1M targets: 250k plans, 83k
 * pupils, 5k runs, 333k allocations), spread over four years of termly plans, with the plan-quality
 * columns filled and targets linked to runs. Deterministic: the same size gives the same files.
 */
export function metricsExport(targetCount: number): { name: string; bytes: Uint8Array }[] {
	const plans = Math.ceil(targetCount / 4);
	const pupils = Math.ceil(plans / 3);
	const runs = Math.max(20, Math.ceil(targetCount / 200));
	const allocations = pupils * 4;
	const areas = ['C&I', 'C&L', 'SEMH', 'S&P'];
	const outcomes = ['YES', 'Progress', 'NO', '', 'YES'];
	const interventions = ['Precision Teaching', 'ELSA', 'Lego-based therapy', 'Reading Boost', 'reading boost', 'Numicon', 'Speech Link', 'Fine motor group', 'Lexia', 'Talk Boost'];
	const roles = ['TA', 'HLTA', 'Teacher', 'SENDCo', 'External'];
	const yn = (i: number) => (i % 5 === 0 ? '' : i % 3 ? 'Y' : 'N');
	const enc = new TextEncoder();
	const csv = (header: string, n: number, row: (i: number) => string) => {
		const lines = [header];
		for (let i = 0; i < n; i++) lines.push(row(i));
		return enc.encode(lines.join('\n') + '\n');
	};
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	const day = (base: string, plus: number) => iso(new Date(Date.parse(base) + plus * 86_400_000));
	// Twelve terms over four years, 2022/23 to 2025/26.
	const termStart = (k: number) => day('2022-09-05', Math.floor(k / 3) * 364 + (k % 3) * 119);
	const planStart = (i: number) => termStart(((i % pupils) % 4) * 3 + Math.floor(i / pupils) * 1);
	return [
		{
			name: 'pupils.csv',
			bytes: csv(
				'pupil_id,year_group,sen_stage,primary_need,sex,pupil_premium,eal',
				pupils,
				(i) => `P${i},${(i % 11) + 1},${i % 7 ? 'K' : 'E'},${['SLCN', 'SPLD', 'SEMH', 'ASD', 'MLD'][i % 5]},${i % 2 ? 'F' : 'M'},${yn(i)},${yn(i + 1)}`
			)
		},
		{
			name: 'plans.csv',
			bytes: csv(
				'plan_id,pupil_id,cycle,start_date,review_due,reviewed_on,review_decision,pupil_views,parent_views,strengths_recorded,case_holder,pupil_attended_review,parent_attended_review',
				plans,
				(i) => {
					const start = planStart(i);
					const due = day(start, i % 9 ? 98 : 130);
					const reviewed = i % 4 === 3 ? '' : day(due, (i % 6) * 4);
					return `PL${i},P${i % pupils},${Math.floor(i / pupils) + 1},${start},${due},${reviewed},${reviewed ? ['continue', 'increase_support', 'exit_sen_support', ''][i % 4] : ''},${yn(i)},${yn(i + 2)},${yn(i + 3)},CH${i % 40},${yn(i)},${yn(i + 1)}`;
				}
			)
		},
		{
			name: 'targets.csv',
			// 5,000 different wordings, as a school's bank of targets might have; one in six unlinked, one in five linked twice.
			bytes: csv('target_id,plan_id,need_area,target_text,outcome,provision_ids', targetCount, (i) => {
				const run = i % runs;
				const links = i % 6 === 0 ? '' : i % 5 === 0 ? `R${run};R${(run + 7) % runs}` : `R${run}`;
				const text = i % 3 ? `"[Pupil] will read ${i % 5000} words in class, on 4 out of 5 occasions by July"` : `"[Pupil] will be happier ${i % 5000}"`;
				return `T${i},PL${i % plans},${areas[i % 4]},${text},${outcomes[i % 5]},${links}`;
			})
		},
		{
			name: 'provisions.csv',
			bytes: csv('provision_id,intervention,need_area,wave,delivered_by,sessions_per_week,minutes_per_session,start_date,end_date,group_size,total_cost_gbp,funding_stream', runs, (i) => {
				const start = termStart(i % 12);
				return `R${i},${interventions[i % interventions.length]},${areas[i % 4]},${(i % 3) + 1},${i % 11 ? roles[i % roles.length] : ''},${i % 13 ? (i % 4) + 1 : ''},${i % 17 ? 30 : ''},${start},${i % 9 ? day(start, 90) : ''},${i % 4 ? '' : 6},${i % 19 ? '' : 500},${['notional SEN budget', 'pupil premium', 'top-up'][i % 3]}`;
			})
		},
		{
			name: 'allocations.csv',
			bytes: csv('provision_id,pupil_id,plan_id,measure,entry_value,exit_value,entry_date,exit_date,attendance_pct', allocations, (i) => {
				const pupil = i % pupils;
				const run = (pupil * 7 + Math.floor(i / pupils) * 13) % runs;
				const measure = ['standardised_score', 'reading_age_months', 'sdq_total', ''][i % 4];
				const entry = 80 + (i % 20);
				const start = termStart(run % 12);
				return `R${run},P${pupil},PL${pupil},${measure},${measure ? entry : ''},${measure && i % 5 ? entry + (i % 7) - 2 : ''},${start},${day(start, 90)},${i % 3 ? 60 + (i % 40) : ''}`;
			})
		}
	];
}
