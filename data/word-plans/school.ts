// A fictional primary school's year (2025/26) of plans as Word documents: pupils on SEN support or with
// an EHC plan, two or three APDR cycles each (autumn, spring, summer), mostly on the APDR template, some
// on the Pupil Support Plan or the older IEP form, marked every way people mark them, and a few Group
// Intervention Plans. Told as of 10 July 2026: the summer reviews are mostly still to come.
import { prov } from './fixtures';
import { areaOrder, type Area, type Child, type GroupDoc, type Marking, type Outcome, type Plan, type PlanDoc, type PupilDoc, type Provision, type Row } from './model';

function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Intervention {
	name: string;
	area: Area;
	by: string;
	sessions: number;
	minutes: number;
	group: number;
	achieve: number;
	partial: number;
}
const interventions: Intervention[] = [
	{ name: 'Precision Teaching', area: 'cognition_learning', by: 'TA', sessions: 5, minutes: 10, group: 1, achieve: 0.7, partial: 0.2 },
	{ name: 'Numicon', area: 'cognition_learning', by: 'TA', sessions: 3, minutes: 20, group: 3, achieve: 0.55, partial: 0.25 },
	{ name: 'Toe by Toe', area: 'cognition_learning', by: 'TA', sessions: 4, minutes: 15, group: 1, achieve: 0.6, partial: 0.25 },
	{ name: 'Phonics catch-up', area: 'cognition_learning', by: 'HLTA', sessions: 3, minutes: 30, group: 4, achieve: 0.5, partial: 0.3 },
	{ name: 'Talk Boost', area: 'communication_interaction', by: 'TA', sessions: 3, minutes: 30, group: 4, achieve: 0.6, partial: 0.25 },
	{ name: 'Speech and language programme', area: 'communication_interaction', by: 'TA', sessions: 2, minutes: 20, group: 1, achieve: 0.5, partial: 0.3 },
	{ name: 'Lego-based therapy', area: 'communication_interaction', by: 'TA', sessions: 1, minutes: 45, group: 3, achieve: 0.45, partial: 0.35 },
	{ name: 'ELSA', area: 'semh', by: 'HLTA', sessions: 1, minutes: 45, group: 1, achieve: 0.55, partial: 0.3 },
	{ name: 'Nurture group', area: 'semh', by: 'Teacher', sessions: 4, minutes: 60, group: 6, achieve: 0.35, partial: 0.35 },
	{ name: 'Zones of Regulation', area: 'semh', by: 'TA', sessions: 1, minutes: 50, group: 6, achieve: 0.45, partial: 0.3 },
	{ name: 'Fine motor skills group', area: 'sensory_physical', by: 'TA', sessions: 3, minutes: 20, group: 4, achieve: 0.5, partial: 0.3 },
	{ name: 'Sensory circuits', area: 'sensory_physical', by: 'TA', sessions: 5, minutes: 15, group: 5, achieve: 0.55, partial: 0.25 }
];
/** Support written with no quantities at all: unknown, never guessed. */
const unquantified: Record<Area, string[]> = {
	cognition_learning: ['Writing frame in class', 'Word mat and coloured overlay', 'Pre-teaching of topic vocabulary'],
	communication_interaction: ['Visual timetable', 'Help card used in all lessons', 'Social stories'],
	semh: ['Calm-down card and a safe space', 'Playground buddy', 'Meet and greet at the classroom door'],
	sensory_physical: ['Wobble cushion and movement breaks', 'Pencil grip and sloped board', 'Ear defenders in assembly'],
	medical: ['Care plan followed by all staff']
};
const targets: Record<Area, string[]> = {
	communication_interaction: [
		'[Pupil] will ask an adult for help using a help card in class on 4 out of 5 occasions',
		'[Pupil] will take turns in a small-group game with one adult prompt for 10 minutes on 3 consecutive sessions',
		'[Pupil] will answer "who" and "where" questions about a picture with visual support, 8 out of 10 correct',
		'[Pupil] will greet a familiar adult by name at the classroom door on 4 out of 5 mornings',
		'[Pupil] will improve their communication skills',
		'[Pupil] will follow a two-step instruction in class without a repeat on 4 out of 5 occasions'
	],
	cognition_learning: [
		'[Pupil] will read 30 high-frequency words from flash cards with 90% accuracy',
		'[Pupil] will use a number line to add two single-digit numbers, 8 out of 10 correct',
		'[Pupil] will spell 15 of the 20 common exception words for the year in a weekly check',
		'[Pupil] will write 3 sentences with capital letters and full stops using a writing frame',
		'[Pupil] will improve their reading',
		'[Pupil] will recall times tables facts for 2, 5 and 10 within 3 seconds each on 3 consecutive checks'
	],
	semh: [
		'[Pupil] will use the calm-down card to leave the room safely with one adult prompt on 4 out of 5 occasions',
		'[Pupil] will name 4 feelings and match each to a picture with an adult in ELSA sessions',
		'[Pupil] will stay in their seat for 15 minutes during lessons on 3 out of 5 days',
		'[Pupil] will be happier at school',
		'[Pupil] will join a playground game with 2 peers at lunchtime on 3 days a week, with a buddy'
	],
	sensory_physical: [
		'[Pupil] will form 10 lower-case letters correctly on lined paper using a pencil grip',
		'[Pupil] will complete a 5-step sensory circuit each morning with adult support on 4 out of 5 days',
		'[Pupil] will fasten 5 buttons on their coat independently within 2 minutes',
		'[Pupil] will improve fine motor skills'
	],
	medical: ['[Pupil] will tell an adult when feeling unwell on every occasion']
};
const difficulties: Record<Area, string[]> = {
	cognition_learning: ['Reading common words', 'Number facts', 'Spelling', 'Writing sentences'],
	communication_interaction: ['Understanding instructions', 'Asking for help', 'Turn-taking', 'Talking in a group'],
	semh: ['Managing big feelings', 'Playtimes', 'Staying in class', 'Worries'],
	sensory_physical: ['Handwriting', 'Sitting still on the carpet', 'Dressing', 'Noise'],
	medical: ['Tiredness']
};

const needWords: Record<Area, { code: string; words: string }[]> = {
	cognition_learning: [
		{ code: 'SPLD', words: 'Specific Learning Difficulty' },
		{ code: 'MLD', words: 'Moderate Learning Difficulty' }
	],
	communication_interaction: [
		{ code: 'SLCN', words: 'Speech, Language and Communication Needs' },
		{ code: 'ASD', words: 'Autistic Spectrum Disorder' }
	],
	semh: [{ code: 'SEMH', words: 'Social, Emotional and Mental Health' }],
	sensory_physical: [{ code: 'PD', words: 'Physical Disability' }],
	medical: [{ code: 'OTH', words: 'Other Difficulty/Disability' }]
};

const firstNames = [
	'Noah',
	'Isabella',
	'Leo',
	'Freya',
	'Arlo',
	'Poppy',
	'Ezra',
	'Harvey',
	'Zara',
	'Reuben',
	'Elsie',
	'Tobias',
	'Nia',
	'Finley',
	'Esme',
	'Kai',
	'Mabel',
	'Rohan',
	'Darcey',
	'Yusuf',
	'Lottie',
	'Caleb',
	'Anaya',
	'Jude',
	'Otis',
	'Clara',
	'Ibrahim',
	'Sienna',
	'Alfie',
	'Hana',
	'Stanley',
	'Maryam',
	'Elliot',
	'Phoebe',
	'Arjun',
	'Georgia',
	'Callum',
	'Lena',
	'Tomasz',
	'Evie',
	'Dexter',
	'Aisha',
	'Rory',
	'Imogen',
	'Bilal',
	'Matilda',
	'Oscar',
	'Layla',
	'Hugo',
	'Orla'
];
const surnames = [
	'Ashcombe',
	'Bellamy',
	'Carraway',
	'Dunmore',
	'Elphick',
	'Fairweather',
	'Gillingham',
	'Hartnell',
	'Ingleby',
	'Jessop',
	'Kettering',
	'Lovell',
	'Mallory',
	'Northcott',
	'Oduya',
	'Pendry',
	'Quarrie',
	'Rushworth',
	'Stallard',
	'Trelawny',
	'Vickery',
	'Wainwright',
	'Yardley',
	'Zielinski',
	'Abara',
	'Bhatt',
	'Castellano',
	'Dowling',
	'Everett',
	'Greenhalgh',
	'Haddad',
	'Iqbal',
	'Kowalczyk',
	'Lindqvist',
	'Mbeki',
	'Nairn',
	'Ormerod',
	'Penhaligon',
	'Rowntree',
	'Seabrook'
];
const roads = ['Larkspur Road', 'Tamblyn Close', 'Quillfeather Lane', 'Pellow Gardens', 'Brackenholt Way', 'Cordwell Street', 'Saltmarsh Row', 'Nettlecombe Road', 'Wexcombe Drive', 'Foxglove Mews'];
const sessionWords: Record<number, string[]> = { 1: ['once a week', 'weekly'], 2: ['twice a week', 'twice weekly'], 3: ['3 times a week', 'three times a week'], 4: ['4 times a week'], 5: ['daily'] };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => iso(new Date(Date.parse(s) + n * 86_400_000));
/** Schools plan on weekdays: a Saturday or Sunday moves to the Monday. */
const weekday = (s: string) => {
	const day = new Date(s).getUTCDay();
	return day === 6 ? addDays(s, 2) : day === 0 ? addDays(s, 1) : s;
};
const AS_OF = '2026-07-10';

export interface SchoolOptions {
	pupils: number;
	seed: number;
	/** Share of APDR pupils whose reviews are appended in one document. */
	appended: number;
	groups: boolean;
}

/** The demo folder's school (data/demo-word). */
export const DEMO_SCHOOL: SchoolOptions = { pupils: 40, seed: 20260105, appended: 0.2, groups: true };

export function buildSchool(o: SchoolOptions): PlanDoc[] {
	const rnd = mulberry32(o.seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const chance = (p: number) => rnd() < p;
	const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

	function provision(iv: Intervention): Provision {
		if (chance(0.12)) {
			const text = pick(unquantified[iv.area]);
			return chance(0.5) ? prov(text, text, '', null, null, null) : prov(`${text}, ${iv.by}`, text, iv.by, null, null, null);
		}
		if (iv.sessions === 5 && iv.group === 1 && chance(0.6)) return prov(`${iv.name}: 1:1 ${iv.by} ${iv.minutes} mins daily`, iv.name, iv.by, 5, iv.minutes, 1);
		const parts = [iv.group === 1 ? '1:1' : `group of ${iv.group}`, pick(sessionWords[iv.sessions]), `${iv.minutes} ${pick(['minutes', 'mins'])}`, iv.by];
		const noMinutes = chance(0.1);
		if (noMinutes) parts.splice(2, 1);
		if (chance(0.3)) parts.reverse();
		return prov(`${iv.name}${pick([': ', ', '])}${parts.join(', ')}`, iv.name, iv.by, iv.sessions, noMinutes ? null : iv.minutes, iv.group);
	}

	const markings: Marking[] = ['content-control', 'legacy-checkbox', 'typed-marks', 'options-deleted', 'bold', 'highlight', 'words'];
	const glyphSets = [['☒'], ['☑'], ['✓'], ['✔'], ['X'], ['☒', '☑', '✓', '✔', 'X']];
	const usedDobs = new Set<string>();
	const children: Child[] = [];
	for (let i = 0; i < o.pupils; i++) {
		const year = pick(['R', '1', '2', '3', '4', '5', '6']);
		const born = (year === 'R' ? 2020 : 2019 - Number(year)) + '-09-01';
		let dob = addDays(born, int(0, 364));
		while (usedDobs.has(dob)) dob = addDays(dob, 1);
		usedDobs.add(dob);
		const surname = surnames[i % surnames.length];
		const first = firstNames[(i * 7) % firstNames.length];
		const parent = `${pick(['Sarah', 'Michelle', 'Joanne', 'Kerry', 'Amir', 'Nadia', 'Gareth', 'Claire', 'Tomek', 'Funmi'])} ${surname}`;
		const n = i + 1;
		children.push({
			first,
			surname,
			dob,
			year,
			stage: chance(0.15) ? 'E' : 'K',
			area: pick(['cognition_learning', 'cognition_learning', 'communication_interaction', 'communication_interaction', 'semh', 'semh', 'sensory_physical'] as Area[]),
			address: `${n} ${roads[i % roads.length]}, Hollybrook, HB9 ${n % 10}ZZ`,
			phone: `01632 960${String(n).padStart(3, '0')}`,
			mobile: `07700 900${String(n).padStart(3, '0')}`,
			email: `${parent.split(' ')[0].toLowerCase()}.${surname.toLowerCase()}${n}@example.org`,
			parents: [parent]
		});
	}

	function plan(child: Child, term: 'autumn' | 'spring' | 'summer', cycle: number | null, grid: 'apdr' | 'other'): Plan {
		const start = weekday(term === 'autumn' ? addDays('2025-09-08', int(0, 11)) : term === 'spring' ? addDays('2026-01-05', int(0, 11)) : addDays('2026-04-20', int(0, 11)));
		let due = weekday(term === 'autumn' ? addDays('2025-12-01', int(0, 11)) : term === 'spring' ? addDays('2026-03-23', int(0, 9)) : addDays('2026-07-06', int(0, 11)));
		if (term === 'summer' && chance(0.1)) due = weekday(addDays('2026-06-22', int(0, 9))); // due early: now overdue or just reviewed
		let reviewed = '';
		if (due <= AS_OF && !chance(0.06)) reviewed = weekday(chance(0.12) ? addDays(due, int(14, 30)) : addDays(due, -int(0, 4)));
		if (reviewed > AS_OF) reviewed = '';
		const own = interventions.filter((iv) => iv.area === child.area);
		const other = interventions.filter((iv) => iv.area !== child.area);
		const count = pick([2, 3, 3, 4, 4]);
		const rows: Row[] = [];
		let last: Intervention | null = null;
		const usedText = new Set<string>();
		const usedNames = new Set<string>();
		for (let k = 0; k < count; k++) {
			const area = k === 0 || chance(0.75) ? child.area : pick(areaOrder.slice(0, 4));
			let p: Row['provision'];
			if (k > 0 && rows[k - 1].provision && grid === 'apdr' && chance(0.2)) p = 'above';
			else if (chance(0.05)) p = null;
			else {
				// One run of an intervention per plan: a second target it serves shares the (merged) cell.
				const inArea = other.filter((iv) => iv.area === area);
				const pool = (area === child.area || !inArea.length ? own : inArea).filter((iv) => !usedNames.has(iv.name));
				if (pool.length) {
					last = pick(pool);
					usedNames.add(last.name);
					p = provision(last);
					if (usedText.has(p.text)) p = null;
					else usedText.add(p.text);
				} else p = null;
			}
			let outcome: Outcome | '' | 'unreadable' = '';
			if (reviewed) {
				const iv = last ?? { achieve: 0.45, partial: 0.3 };
				const r = rnd();
				outcome = chance(0.015) ? 'unreadable' : r < iv.achieve ? 'achieved' : r < iv.achieve + iv.partial ? 'partial' : 'not_achieved';
			}
			const targetArea = area;
			const next =
				outcome === 'achieved'
					? pick(['New target set', 'Move on to the next step'])
					: outcome === 'partial'
						? pick(['Continue', '[Pupil] to keep practising at home'])
						: outcome === 'not_achieved'
							? pick(['Change the approach', 'Continue with more practice'])
							: outcome === 'unreadable'
								? 'Continue'
								: '';
			rows.push({ difficulty: pick(difficulties[targetArea]), provision: p, target: pick(targets[targetArea]), outcome, next, area: grid === 'other' ? targetArea : undefined });
		}
		// The APDR grid takes its area from the ticked main area of need.
		if (grid === 'apdr') for (const r of rows) r.area = undefined;
		return { start, due, reviewed, cycle, pupilViews: chance(0.75), parentViews: chance(0.8), strengths: chance(0.7), external: chance(0.35), rows };
	}

	const docs: PlanDoc[] = [];
	children.forEach((child, i) => {
		const layout: PupilDoc['layout'] = chance(0.7) ? 'apdr' : chance(0.5) ? 'iep' : 'pupil-support-plan';
		// Only the IEP form has a line for the primary need, written in words.
		if (layout === 'iep') child.primaryNeed = pick(needWords[child.area]);
		const terms: ('autumn' | 'spring' | 'summer')[] = chance(0.15) ? ['autumn', 'spring'] : chance(0.15) ? ['spring', 'summer'] : ['autumn', 'spring', 'summer'];
		const prior = chance(0.4) ? int(1, 3) : 0;
		const writeCycle = layout === 'iep' || chance(0.4);
		const plans = terms.map((t, k) => {
			const p = plan(child, t, writeCycle ? prior + k + 1 : null, layout === 'apdr' ? 'apdr' : 'other');
			// The APDR grid has no area column: its targets take the ticked area; the other layouts group or state theirs.
			if (layout !== 'apdr') for (const r of p.rows) r.area = layout === 'iep' ? undefined : r.area;
			return p;
		});
		const base = `Year ${child.year} ${child.first[0]}${child.surname[0]}${String(i + 1).padStart(2, '0')}`;
		const title = layout === 'apdr' ? 'SEN Support Plan' : layout === 'iep' ? 'IEP' : 'Pupil Support Plan';
		const marking = layout === 'apdr' ? pick(markings) : pick(['words', 'words', 'content-control', 'options-deleted'] as Marking[]);
		const common = { kind: 'pupil' as const, layout, marking, glyphs: pick(glyphSets), child, legacyDefaultChecked: chance(0.3), notes: '' };
		if (layout === 'apdr' && chance(o.appended)) docs.push({ ...common, file: `${base} ${title} 2025-26.docx`, plans });
		else
			plans.forEach((p, k) => {
				const doc: PupilDoc = { ...common, file: `${base} ${title} ${terms[k]} ${terms[k] === 'autumn' ? 2025 : 2026}.docx`, plans: [p] };
				// Once, a name typed differently in a later document (same date of birth): a possible match.
				if (i === 4 && k === plans.length - 1) doc.spelt = { first: /ie$/.test(child.first) ? child.first.replace(/ie$/, 'y') : child.first + child.first.slice(-1), surname: child.surname };
				docs.push(doc);
			});
	});
	// IEPs state one area for the whole plan: their rows take the child's.
	for (const d of docs) if (d.kind === 'pupil' && d.layout === 'iep') for (const p of d.plans) for (const r of p.rows) r.area = undefined;

	if (o.groups) {
		const group = (name: string, iv: Intervention, term: 'autumn' | 'spring' | 'summer', measure: GroupDoc['measure'], cost: number): GroupDoc => {
			const members = children.filter((c) => c.area === iv.area).slice(term === 'spring' ? 2 : 0, (term === 'spring' ? 2 : 0) + int(4, 6));
			const start = weekday(term === 'autumn' ? '2025-10-06' : term === 'spring' ? '2026-01-19' : '2026-04-27');
			const due = weekday(addDays(start, 7 * 9 + 4));
			const completed = due <= AS_OF ? due : '';
			const base = measure === 'standardised_score' ? 76 : measure === 'sdq_total' ? 20 : 80;
			return {
				kind: 'group',
				file: `Group plan ${name} ${term} ${term === 'autumn' ? 2025 : 2026}.docx`,
				year: [...new Set(members.map((c) => c.year))].sort().join(', '),
				area: iv.area,
				provision: provision({ ...iv, group: iv.group === 1 ? members.length : iv.group }),
				start,
				due,
				completed,
				cost,
				measure,
				members: members.map((child) => {
					const pre = base + int(0, 10);
					const gain = measure === 'sdq_total' ? -int(0, 4) : int(-1, 8);
					const post = completed && !chance(0.15) ? pre + gain : null;
					return { child, pre, post, progress: post === null ? '' : gain > 3 || gain < -2 ? 'Good progress' : 'Some progress', further: post === null ? '' : 'Review in class' };
				}),
				notes: ''
			};
		};
		const by = (name: string) => interventions.find((iv) => iv.name === name)!;
		docs.push(
			group('Talk Boost', by('Talk Boost'), 'autumn', 'standardised_score', 120),
			group('Numicon', by('Numicon'), 'autumn', 'standardised_score', 250),
			group('Nurture group', by('Nurture group'), 'spring', 'sdq_total', 400),
			group('Toe by Toe', by('Toe by Toe'), 'spring', 'reading_age_months', 90),
			group('Phonics catch-up', by('Phonics catch-up'), 'summer', 'standardised_score', 150)
		);
	}
	return docs;
}
