// Writes the demo dataset: two fictional schools, one academic year (2025/26) of APDR cycles and the summer 2025 plans before it, told as
// of 20 March 2026. Deterministic (seeded), so `npm run demo` always writes the same bytes.
// Everything here is invented: no real school, pupil or member of staff.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Area = 'communication_interaction' | 'cognition_learning' | 'semh' | 'sensory_physical' | 'independence_self_help';
interface Intervention {
	name: string;
	area: Area;
	wave: number;
	by: string;
	sessions: number | null;
	minutes: number | null;
	group: number;
	/** Chance a linked target is achieved / partly achieved. */
	achieve: number;
	partial: number;
	measure?: 'standardised_score' | 'reading_age_months' | 'spelling_age_months' | 'sdq_total';
	/** Typical gain on the measure over a term. */
	gain?: number;
	other?: number;
	total?: number;
	rate?: number;
	fund: string;
}
interface School {
	name: string;
	seed: number;
	years: string[];
	pupils: number;
	needs: [string, number][];
	interventions: Intervention[];
}

const areaOfNeed: Record<string, Area> = {
	SLCN: 'communication_interaction',
	ASD: 'communication_interaction',
	SPLD: 'cognition_learning',
	MLD: 'cognition_learning',
	SLD: 'cognition_learning',
	SEMH: 'semh',
	HI: 'sensory_physical',
	VI: 'sensory_physical',
	PD: 'sensory_physical',
	OTH: 'semh',
	NSA: 'cognition_learning'
};

const texts: Record<Area, string[]> = {
	communication_interaction: [
		'[Pupil] will ask an adult for help using a help card in class on 4 out of 5 occasions',
		'[Pupil] will take turns in a small-group game with one adult prompt for 10 minutes on 3 consecutive sessions',
		'[Pupil] will answer "who" and "where" questions about a picture with visual support, 8 out of 10 correct',
		'[Pupil] will greet a familiar adult by name at the classroom door on 4 out of 5 mornings',
		'[Pupil] will improve their communication skills',
		'[Pupil] will use WellComm strategies to develop their language',
		'[Pupil] will follow a two-step instruction in class without a repeat on 4 out of 5 occasions',
		'To be more confident when talking to friends'
	],
	cognition_learning: [
		'[Pupil] will read 30 high-frequency words from flash cards with 90% accuracy',
		'[Pupil] will use a number line to add two single-digit numbers, 8 out of 10 correct',
		'[Pupil] will spell 15 of the 20 Year 2 common exception words in a weekly check',
		'[Pupil] will write 3 sentences with capital letters and full stops using a writing frame',
		'[Pupil] will improve their reading',
		'[Pupil] will know their number bonds to 10',
		'[Pupil] will recall times tables facts for 2, 5 and 10 within 3 seconds each on 3 consecutive checks',
		'[Pupil] will complete TTRS practice for 10 minutes 3 times a week',
		'[Pupil] will develop their understanding of place value'
	],
	semh: [
		'[Pupil] will use their calm-down card to leave the room safely with one adult prompt on 4 out of 5 occasions',
		'[Pupil] will name 4 feelings and match each to a picture with an adult in ELSA sessions',
		'[Pupil] will stay in their seat for 15 minutes during lessons on 3 out of 5 days',
		'[Pupil] will be happier at school',
		'[Pupil] will engage with THRIVE activities',
		'[Pupil] will join a playground game with 2 peers at lunchtime on 3 days a week, with a buddy',
		'[Pupil] will manage their emotions better',
		'[Pupil] will attend SULP sessions and use the strategies in class',
		'I will tell an adult when I feel worried using my worry box at least twice a week'
	],
	sensory_physical: [
		'[Pupil] will form 10 lower-case letters correctly on lined paper using a pencil grip',
		'[Pupil] will complete a 5-step sensory circuit each morning with adult support on 4 out of 5 days',
		'[Pupil] will fasten 5 buttons on their coat independently within 2 minutes',
		'[Pupil] will improve fine motor skills',
		'[Pupil] will sit on the carpet for 10 minutes with a wobble cushion on 4 out of 5 occasions',
		'[Pupil] will use OT exercises daily'
	],
	independence_self_help: [
		'[Pupil] will put on their coat independently at home time on 4 out of 5 days',
		'[Pupil] will use the toilet independently with a visual prompt on 4 out of 5 occasions',
		'[Pupil] will be more independent'
	]
};

const schools: School[] = [
	{
		name: 'Oakfield Primary',
		seed: 20250901,
		years: ['R', '1', '2', '3', '4', '5', '6'],
		pupils: 56,
		needs: [
			['SLCN', 30],
			['SEMH', 18],
			['MLD', 14],
			['SPLD', 12],
			['ASD', 12],
			['PD', 4],
			['HI', 3],
			['NSA', 4],
			['', 3]
		],
		interventions: [
			{
				name: 'Precision Teaching',
				area: 'cognition_learning',
				wave: 3,
				by: 'TA',
				sessions: 5,
				minutes: 10,
				group: 1,
				achieve: 0.72,
				partial: 0.18,
				measure: 'standardised_score',
				gain: 6,
				fund: 'notional SEN budget'
			},
			{ name: 'Talk Boost', area: 'communication_interaction', wave: 2, by: 'TA', sessions: 3, minutes: 30, group: 4, achieve: 0.62, partial: 0.24, other: 120, fund: 'notional SEN budget' },
			{
				name: 'Speech and language programme (SaLT)',
				area: 'communication_interaction',
				wave: 3,
				by: 'TA',
				sessions: 2,
				minutes: 20,
				group: 1,
				achieve: 0.5,
				partial: 0.3,
				fund: 'notional SEN budget'
			},
			{ name: 'ELSA', area: 'semh', wave: 3, by: 'HLTA', sessions: 1, minutes: 45, group: 1, achieve: 0.55, partial: 0.3, measure: 'sdq_total', gain: 3, fund: 'pupil premium' },
			{ name: 'Nurture group', area: 'semh', wave: 2, by: 'Teacher', sessions: 4, minutes: 60, group: 6, achieve: 0.35, partial: 0.35, measure: 'sdq_total', gain: 1, fund: 'notional SEN budget' },
			{
				name: 'Numicon',
				area: 'cognition_learning',
				wave: 2,
				by: 'TA',
				sessions: 3,
				minutes: 20,
				group: 3,
				achieve: 0.58,
				partial: 0.22,
				measure: 'standardised_score',
				gain: 4,
				other: 250,
				fund: 'notional SEN budget'
			},
			{
				name: 'Toe by Toe',
				area: 'cognition_learning',
				wave: 3,
				by: 'TA',
				sessions: 4,
				minutes: 15,
				group: 1,
				achieve: 0.6,
				partial: 0.25,
				measure: 'reading_age_months',
				gain: 7,
				fund: 'pupil premium'
			},
			{ name: 'Lego-based therapy', area: 'communication_interaction', wave: 2, by: 'TA', sessions: 1, minutes: 45, group: 3, achieve: 0.45, partial: 0.35, fund: 'notional SEN budget' },
			{ name: 'Fine motor skills group', area: 'sensory_physical', wave: 2, by: 'TA', sessions: null, minutes: 20, group: 4, achieve: 0.5, partial: 0.3, fund: 'notional SEN budget' },
			{ name: 'Sensory circuits', area: 'sensory_physical', wave: 2, by: '', sessions: 5, minutes: 15, group: 5, achieve: 0.55, partial: 0.25, fund: 'notional SEN budget' },
			{ name: 'Play therapy (external)', area: 'semh', wave: 3, by: 'External', sessions: 1, minutes: 50, group: 1, achieve: 0.4, partial: 0.4, total: 1850, fund: 'top-up' }
		]
	},
	{
		name: 'Riverside High',
		seed: 20250902,
		years: ['7', '8', '9', '10', '11'],
		pupils: 112,
		needs: [
			['SEMH', 26],
			['SPLD', 22],
			['ASD', 18],
			['MLD', 14],
			['SLCN', 10],
			['VI', 2],
			['HI', 3],
			['PD', 2],
			['OTH', 3],
			['', 4]
		],
		interventions: [
			{
				name: 'Lexia',
				area: 'cognition_learning',
				wave: 2,
				by: 'TA',
				sessions: 3,
				minutes: 30,
				group: 6,
				achieve: 0.55,
				partial: 0.25,
				measure: 'standardised_score',
				gain: 4,
				other: 900,
				fund: 'notional SEN budget'
			},
			{
				name: 'Beat Dyslexia',
				area: 'cognition_learning',
				wave: 3,
				by: 'HLTA',
				sessions: 2,
				minutes: 30,
				group: 2,
				achieve: 0.5,
				partial: 0.3,
				measure: 'spelling_age_months',
				gain: 6,
				fund: 'notional SEN budget'
			},
			{
				name: 'Reading Plus tutoring',
				area: 'cognition_learning',
				wave: 3,
				by: 'Teacher',
				sessions: 2,
				minutes: 30,
				group: 1,
				achieve: 0.7,
				partial: 0.2,
				measure: 'reading_age_months',
				gain: 9,
				fund: 'pupil premium'
			},
			{ name: 'Mentoring', area: 'semh', wave: 2, by: 'HLTA', sessions: 1, minutes: 30, group: 1, achieve: 0.5, partial: 0.3, measure: 'sdq_total', gain: 2, fund: 'pupil premium' },
			{ name: 'Counselling', area: 'semh', wave: 3, by: 'External', sessions: 1, minutes: 50, group: 1, achieve: 0.32, partial: 0.4, total: 2400, measure: 'sdq_total', gain: 3, fund: 'top-up' },
			{ name: 'Zones of Regulation', area: 'semh', wave: 2, by: 'TA', sessions: 1, minutes: 50, group: 6, achieve: 0.45, partial: 0.3, fund: 'notional SEN budget' },
			{ name: 'Social skills group (Talkabout)', area: 'communication_interaction', wave: 2, by: 'TA', sessions: 1, minutes: 50, group: 5, achieve: 0.48, partial: 0.3, fund: 'notional SEN budget' },
			{ name: 'Touch-typing', area: 'sensory_physical', wave: 2, by: 'TA', sessions: 2, minutes: 25, group: 4, achieve: 0.66, partial: 0.2, other: 150, fund: 'notional SEN budget' },
			{
				name: 'Maths catch-up',
				area: 'cognition_learning',
				wave: 2,
				by: 'Teacher',
				sessions: 2,
				minutes: null,
				group: 5,
				achieve: 0.42,
				partial: 0.3,
				measure: 'standardised_score',
				gain: 2,
				fund: 'notional SEN budget'
			},
			{ name: 'Homework club', area: 'cognition_learning', wave: 1, by: 'TA', sessions: 3, minutes: 45, group: 8, achieve: 0.4, partial: 0.35, rate: 15, fund: 'notional SEN budget' }
		]
	}
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => iso(new Date(Date.parse(s) + n * 86_400_000));
const csvCell = (v: unknown) => {
	const s = v === null || v === undefined ? '' : String(v);
	return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const toCsv = (header: string[], rows: Record<string, unknown>[]) => [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n';

function build(school: School) {
	const rnd = mulberry32(school.seed);
	const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
	const chance = (p: number) => rnd() < p;
	const weighted = (xs: [string, number][]) => {
		let r = rnd() * xs.reduce((s, [, w]) => s + w, 0);
		for (const [x, w] of xs) if ((r -= w) < 0) return x;
		return xs[0][0];
	};
	const yn = (p: number, blank = 0.08) => (chance(blank) ? '' : chance(p) ? 'Y' : 'N');

	const pupils = Array.from({ length: school.pupils }, (_, i) => {
		const stage = chance(0.1) ? 'N' : chance(0.14) ? 'E' : 'K';
		const need = stage === 'N' ? (chance(0.5) ? weighted(school.needs) : '') : weighted(school.needs);
		return {
			pupil_id: `P${String(i + 1).padStart(4, '0')}`,
			year_group: pick(school.years),
			sen_stage: stage,
			primary_need: need,
			secondary_need: chance(0.2) ? weighted(school.needs) : '',
			sex: chance(0.03) ? '' : chance(0.62) ? 'M' : 'F',
			pupil_premium: yn(0.42),
			eal: yn(0.16),
			looked_after: yn(0.04, 0.02),
			young_carer: yn(0.03, 0.15),
			medical_condition: yn(0.09, 0.2),
			sen_start_date: stage === 'N' ? '' : addDays('2021-09-06', Math.floor(rnd() * 1500))
		};
	});

	// Runs: each intervention runs in the autumn, most again in the spring (ongoing on the demo date).
	type Run = Intervention & { id: string; start: string; end: string; weeks: string; members: string[]; spelled: string };
	const runs: Run[] = [];
	school.interventions.forEach((iv) => {
		const terms = iv.group >= 4 ? 2 : 3;
		for (let t = 0; t < terms; t++) {
			const autumn = t === 0 || (t === 2 && chance(0.5));
			const start = autumn ? addDays('2025-09-15', Math.floor(rnd() * 10)) : addDays('2026-01-12', Math.floor(rnd() * 7));
			const end = autumn ? addDays(start, 7 * (8 + Math.floor(rnd() * 5)) - 3) : chance(0.6) ? '' : addDays(start, 7 * 10 - 3);
			// Exports spell the same intervention differently now and then; the app groups them.
			const spelled = t === 1 && chance(0.3) ? iv.name.toLowerCase() : t === 2 && chance(0.3) ? ` ${iv.name}  ` : iv.name;
			runs.push({ ...iv, id: `PR${String(runs.length + 1).padStart(3, '0')}`, start, end, weeks: '', members: [], spelled });
		}
	});

	const plans: Record<string, unknown>[] = [];
	const targets: Record<string, unknown>[] = [];
	const allocations: Record<string, unknown>[] = [];
	let planNo = 0;
	let targetNo = 0;
	const asOf = '2026-03-20';

	for (const p of pupils.filter((x) => x.sen_stage !== 'N')) {
		const mainArea = areaOfNeed[p.primary_need] ?? 'cognition_learning';
		const priorCycles = chance(0.4) ? Math.floor(rnd() * 4) : 0;
		for (const term of ['autumn', 'spring'] as const) {
			if (term === 'spring' && chance(0.06)) continue; // left SEN support at the autumn review
			planNo++;
			const planId = `PL${String(planNo).padStart(4, '0')}`;
			const start = term === 'autumn' ? addDays('2025-09-08', Math.floor(rnd() * 12)) : addDays('2026-01-05', Math.floor(rnd() * 10));
			let due = term === 'autumn' ? addDays('2025-12-01', Math.floor(rnd() * 12)) : addDays('2026-03-23', Math.floor(rnd() * 14));
			if (term === 'spring' && chance(0.07)) due = addDays('2026-02-23', Math.floor(rnd() * 5)); // due early, now overdue
			if (chance(0.03)) due = addDays(start, 7 * 20); // review set too far ahead
			let reviewed = '';
			if (due < asOf) {
				const r = rnd();
				if (r < 0.07)
					reviewed = ''; // never reviewed: overdue
				else if (r < 0.17)
					reviewed = addDays(due, 21 + Math.floor(rnd() * 21)); // late
				else reviewed = addDays(due, -Math.floor(rnd() * 6));
			}
			const decision = reviewed
				? weighted([
						['continue', 70],
						['increase_support', 15],
						['exit_sen_support', 7],
						['request_ehcna', 5],
						['', 3]
					])
				: '';
			plans.push({
				plan_id: planId,
				pupil_id: p.pupil_id,
				cycle: chance(0.05) ? '' : priorCycles + (term === 'autumn' ? 1 : 2),
				start_date: start,
				review_due: due,
				reviewed_on: reviewed,
				review_decision: decision,
				pupil_views: yn(0.75, 0.1),
				parent_views: yn(0.8, 0.1),
				strengths_recorded: yn(0.7, 0.12),
				external_advice: yn(0.35, 0.2),
				pupil_attended_review: reviewed ? yn(0.6) : '',
				parent_attended_review: reviewed ? yn(0.8) : '',
				case_holder: school.name.startsWith('Oak') ? pick(['SENDCo', 'Class teacher', 'Class teacher']) : pick(['CH01', 'CH02', 'CH03', 'CH04', 'SENDCo'])
			});

			// Provision this term: one or two runs, mostly in the pupil's main area of need.
			const inTerm = runs.filter((r) => (term === 'autumn' ? r.start < '2026-01-01' : r.start >= '2026-01-01'));
			const mine: Run[] = [];
			const wanted = chance(0.35) ? 2 : 1;
			for (let k = 0; k < wanted; k++) {
				const pool = inTerm.filter((r) => !mine.includes(r) && r.members.length < Math.max(r.group, 1) * (r.group === 1 ? 3 : 1) && (k === 0 ? r.area === mainArea : true));
				if (pool.length && !chance(0.05)) mine.push(pick(pool));
			}
			for (const run of mine) {
				run.members.push(p.pupil_id);
				const ended = run.end && run.end < asOf;
				const a: Record<string, unknown> = { provision_id: run.id, pupil_id: p.pupil_id, plan_id: planId, attendance_pct: chance(0.2) ? '' : 65 + Math.floor(rnd() * 36) };
				if (run.measure && !chance(0.15)) {
					const base = run.measure === 'standardised_score' ? 72 + Math.floor(rnd() * 16) : run.measure === 'sdq_total' ? 14 + Math.floor(rnd() * 14) : 70 + Math.floor(rnd() * 50);
					const swing = (run.gain ?? 0) * (0.2 + rnd() * 1.6) - (run.measure === 'sdq_total' ? 0 : 1);
					const exitValue = run.measure === 'sdq_total' ? Math.max(0, Math.round(base - swing)) : Math.round(base + swing);
					Object.assign(a, { measure: run.measure, entry_value: base, entry_date: run.start });
					if (ended) Object.assign(a, { exit_value: exitValue, exit_date: run.end });
				}
				allocations.push(a);
			}

			// 3–4 targets (a few plans 2 or 5), linked to this term's provision.
			const n = chance(0.06) ? 2 : chance(0.05) ? 5 : chance(0.55) ? 3 : 4;
			for (let k = 0; k < n; k++) {
				targetNo++;
				const run = mine.length && !chance(0.1) ? mine[k % mine.length] : null;
				const area: Area = run ? run.area : k === 0 ? mainArea : pick(['communication_interaction', 'cognition_learning', 'semh', 'sensory_physical'] as Area[]);
				const areaFor = p.year_group === 'R' && chance(0.3) ? 'independence_self_help' : area;
				const linked = run ? [run.id, ...(mine.length > 1 && chance(0.2) ? [mine.find((m) => m !== run)!.id] : [])] : [];
				let outcome = '';
				if (reviewed && !chance(0.04)) {
					const iv = run ?? { achieve: 0.45, partial: 0.3 };
					const r = rnd();
					outcome = r < iv.achieve ? 'achieved' : r < iv.achieve + iv.partial ? 'partial' : 'not_achieved';
				}
				targets.push({
					target_id: `T${String(targetNo).padStart(5, '0')}`,
					plan_id: planId,
					need_area: areaFor,
					target_text: pick(texts[areaFor]),
					due_date: chance(0.1) ? addDays(start, 7 * 6) : '',
					outcome,
					provision_ids: [...new Set(linked)].join(';'),
					next_steps: outcome === 'achieved' ? pick(['New target set', 'Move on to the next step', '']) : outcome ? pick(['Continue', 'Continue with more practice', 'Change the approach']) : ''
				});
			}
		}
	}

	const provisions = runs.map((r) => ({
		provision_id: r.id,
		intervention: r.spelled,
		need_area: r.area,
		wave: r.wave,
		delivered_by: r.by,
		sessions_per_week: r.sessions ?? '',
		minutes_per_session: r.minutes ?? '',
		start_date: r.start,
		end_date: r.end,
		weeks: r.weeks,
		group_size: r.group === 1 ? 1 : chance(0.5) ? r.group : '',
		hourly_rate_gbp: r.rate ?? '',
		other_costs_gbp: r.other ?? '',
		total_cost_gbp: r.total ? `£${r.total.toLocaleString('en-GB')}` : '',
		funding_stream: r.fund
	}));
	return { pupils, plans, targets, provisions, allocations, runs };
}

/**
 * Attendance, two assessment points (autumn and spring) and the whole-school comparators, from a
 * random stream of their own so the register, plans and provision above stay exactly as they were.
 * Oakfield writes its bands as codes (WTS, EXS…) and its points as terms; Riverside writes words and dates.
 */
function buildAttainment(school: School, pupils: { pupil_id: string; year_group: string; sen_stage: string; primary_need: string }[]) {
	const rnd = mulberry32(school.seed + 16);
	const chance = (p: number) => rnd() < p;
	const primary = school.name.startsWith('Oak');
	const subjects = primary ? ['Reading', 'Writing', 'Maths'] : ['English', 'Maths', 'Science'];
	const written = primary ? ['PKS', 'WTS', 'EXS', 'GDS'] : ['Pre-key stage', 'Working towards', 'Expected', 'Greater depth'];
	const points = primary ? ['Autumn 2025', 'Spring 2026'] : ['2025-12-05', '2026-03-13'];
	const attendance: Record<string, number | ''> = {};
	const assessments: Record<string, unknown>[] = [];
	for (const p of pupils) {
		const lowAttendance = p.sen_stage === 'E' ? 0.3 : p.sen_stage === 'K' ? 0.24 : 0.15;
		attendance[p.pupil_id] = chance(0.06) ? '' : chance(lowAttendance) ? 72 + Math.floor(rnd() * 180) / 10 : 90 + Math.floor(rnd() * 100) / 10;
		// Pupils with an EHC plan and cognition needs more often work below the key stage.
		const cognition = ['MLD', 'SLD', 'SPLD', 'NSA'].includes(p.primary_need);
		const base = p.sen_stage === 'E' ? (cognition ? 0.4 : 0.8) : p.sen_stage === 'K' ? (cognition ? 1.2 : 1.5) : 1.9;
		for (const subject of subjects) {
			if (chance(0.04)) continue; // not assessed in this subject
			const first = Math.max(0, Math.min(3, Math.round(base + (rnd() - 0.5) * 1.6)));
			const move = rnd();
			const second = Math.max(0, Math.min(3, first + (move < 0.15 ? -1 : move > 0.8 ? 1 : 0)));
			const expected = p.sen_stage === 'E' && first === 0 ? (chance(0.5) ? 'pre_key_stage' : 'working_towards') : chance(0.1) ? 'expected' : '';
			points.forEach((on, i) => {
				const band = i === 0 ? first : second;
				const progress = i === 0 ? '' : chance(0.1) ? '' : band > first || (band === first && chance(0.15)) ? 'more_than_expected' : band < first || chance(0.3) ? 'less_than_expected' : 'expected';
				assessments.push({ pupil_id: p.pupil_id, subject, assessed_on: on, attainment: written[band], expected_attainment: expected, progress: progress.replace(/_/g, ' ') });
			});
		}
	}
	const onRoll = primary ? 412 : 1046;
	const comparators: Record<string, unknown>[] = [
		{ measure: 'on_roll', value: onRoll, academic_year: '2025/26' },
		{ measure: 'attendance_pct', value: primary ? 95.2 : 92.6, academic_year: '2025/26' },
		{ measure: 'persistent_absence_pct', value: primary ? 14.1 : 21.8, pupils: onRoll, academic_year: '2025/26' }
	];
	const shares: Record<string, number> = primary ? { Reading: 74, Writing: 66, Maths: 71 } : { English: 64, Maths: 62, Science: 58 };
	for (const subject of subjects) {
		comparators.push({ measure: 'expected_pct', subject, value: shares[subject], pupils: onRoll - (primary ? 60 : 0), academic_year: '2025/26' });
		for (const year of school.years.filter((y) => y !== 'R')) {
			const cohort = Math.round(onRoll / school.years.length);
			comparators.push({ measure: 'expected_pct', subject, year_group: year, value: Math.round(shares[subject] - 6 + rnd() * 12), pupils: cohort, academic_year: '2025/26' });
		}
	}
	return { attendance, assessments, comparators };
}

/** Interventions that were often not delivered in the story: a teacher-led nurture group lost to cover, a TA group lost to mock exams. */
const LOW_DELIVERY = new Set(['Nurture group', 'Zones of Regulation']);
const NOT_RUN_REASONS = ['TA covering a class', 'Staff absence', 'School trip', 'Assembly or event', 'Room not available', 'Assessment week'];
/** Weekday offsets of a run's sessions in each week: Monday, Wednesday, Friday, Tuesday, Thursday. */
const SESSION_DAYS = [0, 2, 4, 1, 3];

/**
 * What was actually delivered (docs/delivery.md), from a random stream of its own so everything above
 * stays as it was. Most runs ran nearly in full; some lost sessions to cover and events; a few were cut
 * short; two interventions were often not run. Some runs recorded nothing (not known). Oakfield keeps a
 * session log and each place's sessions attended; Riverside writes planned, delivered and attended on
 * each allocation. A place's attended follows its attendance_pct where it has one.
 */
function buildDelivery(school: School, built: ReturnType<typeof build>, asOf: string) {
	const rnd = mulberry32(school.seed + 32);
	const chance = (p: number) => rnd() < p;
	const logged = school.name.startsWith('Oak');
	const sessions: Record<string, unknown>[] = [];
	const allocations = built.allocations.map((a) => ({ ...a }));
	for (const run of built.runs) {
		if (!run.sessions || chance(0.12)) continue; // nothing recorded for this run: delivery not known
		const perWeek = Math.min(5, Math.max(1, Math.round(run.sessions)));
		const until = run.end && run.end < asOf ? run.end : asOf;
		const dates: string[] = [];
		for (let w = 0; addDays(run.start, 7 * w) <= until; w++) {
			for (const d of SESSION_DAYS.slice(0, perWeek).map((k) => addDays(run.start, 7 * w + k))) if (d <= until) dates.push(d);
		}
		if (!dates.length) continue;
		const low = LOW_DELIVERY.has(run.name);
		const profile = rnd();
		const cutShort = low ? chance(0.5) : profile < 0.1;
		const missRate = low ? 0.35 : profile < 0.4 ? 0.12 : 0.03;
		const stopAt = cutShort ? Math.floor(dates.length * (0.4 + rnd() * 0.2)) : dates.length;
		const ran = dates.map((_, i) => i < stopAt && !chance(missRate));
		const delivered = ran.filter(Boolean).length;
		if (logged) {
			dates.forEach((d, i) =>
				sessions.push({
					provision_id: run.id,
					session_date: d,
					delivered: ran[i] ? 'Y' : 'N',
					reason: ran[i] ? '' : i >= stopAt ? 'Programme stopped early' : NOT_RUN_REASONS[Math.floor(rnd() * NOT_RUN_REASONS.length)],
					pupils_present: ran[i] ? Math.max(0, run.members.length - (chance(0.3) ? 1 : 0)) : ''
				})
			);
		}
		for (const a of allocations.filter((x) => x.provision_id === run.id)) {
			const share = typeof a.attendance_pct === 'number' ? a.attendance_pct / 100 : chance(0.2) ? 0.5 + rnd() * 0.25 : 0.85 + rnd() * 0.15;
			const attended = Math.min(delivered, Math.round(delivered * share));
			Object.assign(a, logged ? { sessions_attended: attended } : { sessions_planned: dates.length, sessions_delivered: delivered, sessions_attended: attended });
		}
	}
	return { allocations, sessions };
}

/**
 * The pupils' summer 2025 plans (the cycle before the autumn's), so a target can be followed across
 * three plans (docs/target-lineage.md). From a random stream of its own, so the autumn and spring
 * plans keep their rows: only their cycle numbers move up, some targets name the one they carry on in
 * `carried_from`, and a few spring targets carry on an autumn target that was itself carried.
 * Some carried targets are linked only by their wording (carried_from left blank), some reworded
 * (a number changed), so "matched by wording" and "carried over, reworded" both show.
 */
function addEarlierCycle(school: School, built: ReturnType<typeof build>) {
	const rnd = mulberry32(school.seed + 32);
	const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
	const chance = (p: number) => rnd() < p;
	const yn = (p: number, blank = 0.08) => (chance(blank) ? '' : chance(p) ? 'Y' : 'N');
	// One number lowered (a smaller step the term before): a reworded target still matched by its words.
	const earlierWording = (text: string) => text.replace(/\d+/, (n) => String(Number(n) > 1 ? Number(n) - 1 : Number(n) + 1));
	let planNo = built.plans.length;
	let targetNo = built.targets.length;
	const plans: Record<string, unknown>[] = [];
	const targets: Record<string, unknown>[] = [];
	const takenInSpring = new Set<Record<string, unknown>>();
	for (const p of built.pupils) {
		const mine = built.plans.filter((pl) => pl.pupil_id === p.pupil_id);
		const autumn = mine.find((pl) => String(pl.start_date) < '2026-01-01');
		if (!autumn || !p.sen_start_date || p.sen_start_date >= '2025-04-01') continue;
		const spring = mine.find((pl) => pl !== autumn);
		for (const pl of mine) if (pl.cycle !== '') pl.cycle = Number(pl.cycle) + 1;
		planNo++;
		const planId = `PL${String(planNo).padStart(4, '0')}`;
		const start = addDays('2025-04-22', Math.floor(rnd() * 10));
		const due = addDays('2025-07-07', Math.floor(rnd() * 10));
		const reviewed = chance(0.1) ? addDays(due, 21 + Math.floor(rnd() * 20)) : addDays(due, -Math.floor(rnd() * 6));
		plans.push({
			plan_id: planId,
			pupil_id: p.pupil_id,
			cycle: autumn.cycle === '' ? '' : Number(autumn.cycle) - 1,
			start_date: start,
			review_due: due,
			reviewed_on: reviewed,
			review_decision: chance(0.04) ? '' : chance(0.8) ? 'continue' : chance(0.75) ? 'increase_support' : 'request_ehcna',
			pupil_views: yn(0.7, 0.1),
			parent_views: yn(0.8, 0.1),
			strengths_recorded: yn(0.65, 0.12),
			external_advice: yn(0.3, 0.2),
			pupil_attended_review: yn(0.55),
			parent_attended_review: yn(0.8),
			case_holder: autumn.case_holder
		});
		const newTarget = (area: string, text: string, outcome: string) => {
			targetNo++;
			const t = { target_id: `T${String(targetNo).padStart(5, '0')}`, plan_id: planId, need_area: area, target_text: text, due_date: '', outcome, provision_ids: '', next_steps: '', carried_from: '' };
			t.next_steps = outcome === 'achieved' ? pick(['New target set', 'Move on to the next step', '']) : pick(['Continue', 'Carry over to the next plan', 'Continue with more practice']);
			targets.push(t);
			return t;
		};
		const autumnTargets = built.targets.filter((t) => t.plan_id === autumn.plan_id);
		let carried = 0;
		for (const t of autumnTargets) {
			if (!chance(0.45)) continue;
			carried++;
			const text = String(t.target_text);
			const before = newTarget(String(t.need_area), chance(0.3) ? earlierWording(text) : text, chance(0.6) ? 'partial' : 'not_achieved');
			// Most schools name the target carried on; some leave it to the wording.
			if (chance(0.6)) t.carried_from = before.target_id;
			// Carried again into the spring plan when the autumn review did not find it achieved.
			const springTarget =
				spring && t.outcome !== 'achieved' && chance(0.6) ? built.targets.find((s) => s.plan_id === spring.plan_id && s.need_area === t.need_area && !takenInSpring.has(s)) : undefined;
			if (springTarget) {
				takenInSpring.add(springTarget);
				springTarget.target_text = text;
				if (chance(0.6)) springTarget.carried_from = t.target_id;
			}
		}
		const mainArea = String(autumnTargets[0]?.need_area ?? 'cognition_learning') as Area;
		for (let k = carried; k < 3 + (chance(0.3) ? 1 : 0); k++) {
			const r = rnd();
			newTarget(mainArea, pick(texts[mainArea]), r < 0.55 ? 'achieved' : r < 0.8 ? 'partial' : 'not_achieved');
		}
	}
	built.plans.push(...plans);
	built.targets.push(...targets);
}

const headers = {
	pupils: [
		'pupil_id',
		'year_group',
		'sen_stage',
		'primary_need',
		'secondary_need',
		'sex',
		'pupil_premium',
		'eal',
		'looked_after',
		'young_carer',
		'medical_condition',
		'sen_start_date',
		'attendance_pct'
	],
	plans: [
		'plan_id',
		'pupil_id',
		'cycle',
		'start_date',
		'review_due',
		'reviewed_on',
		'review_decision',
		'pupil_views',
		'parent_views',
		'strengths_recorded',
		'external_advice',
		'pupil_attended_review',
		'parent_attended_review',
		'case_holder'
	],
	targets: ['target_id', 'plan_id', 'need_area', 'target_text', 'due_date', 'outcome', 'provision_ids', 'next_steps', 'carried_from'],
	provisions: [
		'provision_id',
		'intervention',
		'need_area',
		'wave',
		'delivered_by',
		'sessions_per_week',
		'minutes_per_session',
		'start_date',
		'end_date',
		'weeks',
		'group_size',
		'hourly_rate_gbp',
		'other_costs_gbp',
		'total_cost_gbp',
		'funding_stream'
	],
	allocations: [
		'provision_id',
		'pupil_id',
		'plan_id',
		'measure',
		'higher_is_better',
		'entry_value',
		'exit_value',
		'entry_date',
		'exit_date',
		'attendance_pct',
		'sessions_planned',
		'sessions_delivered',
		'sessions_attended'
	],
	sessions: ['provision_id', 'session_date', 'delivered', 'reason', 'pupils_present'],
	assessments: ['pupil_id', 'subject', 'assessed_on', 'attainment', 'expected_attainment', 'progress'],
	comparators: ['measure', 'subject', 'year_group', 'value', 'pupils', 'academic_year']
};

const out = new URL('./demo/', import.meta.url).pathname;
for (const school of schools) {
	const dir = `${out}${school.name}`;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const built = build(school);
	addEarlierCycle(school, built);
	const extra = buildAttainment(school, built.pupils);
	const delivery = buildDelivery(school, built, '2026-03-20');
	const tables = {
		...built,
		allocations: delivery.allocations,
		sessions: delivery.sessions,
		pupils: built.pupils.map((p) => ({ ...p, attendance_pct: extra.attendance[p.pupil_id] })),
		assessments: extra.assessments,
		comparators: extra.comparators
	};
	for (const [table, header] of Object.entries(headers)) {
		const rows = tables[table as keyof typeof tables] as Record<string, unknown>[];
		if (!rows.length) continue; // a table this school does not keep (Riverside has no session log)
		writeFileSync(`${dir}/${table}.csv`, toCsv(header, rows));
		console.log(`${school.name}/${table}.csv: ${rows.length} rows`);
	}
}
