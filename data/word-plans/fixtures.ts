// The small test documents: one per layout and per way of marking a choice, each kept to a few rows so
// its truth can be checked by hand. Fictional children, addresses on made-up roads, Ofcom's drama
// numbers (01632 960xxx, 07700 900xxx) and example.org addresses.
import type { Child, GroupDoc, PlanDoc, Provision, PupilDoc, Row } from './model';

export const prov = (text: string, intervention: string, by: string, sessions: number | null, minutes: number | null, group: number | null): Provision => ({
	text,
	intervention,
	by,
	sessions,
	minutes,
	group
});

const contact = (n: number, road: string, parents: string[]) => ({
	address: `${n} ${road}, Hollybrook, HB9 ${n % 10}ZZ`,
	phone: `01632 960${String(100 + n).padStart(3, '0')}`,
	mobile: `07700 900${String(200 + n).padStart(3, '0')}`,
	email: `${parents[0].split(' ')[0].toLowerCase()}.${parents[0].split(' ').at(-1)!.toLowerCase()}@example.org`,
	parents
});

export const children = {
	amelia: { first: 'Amelia', surname: 'Whitlock', dob: '2017-04-03', year: '3', stage: 'K', area: 'cognition_learning', ...contact(12, 'Larkspur Road', ['Joanne Whitlock']) },
	jayden: { first: 'Jayden', surname: 'Okafor', dob: '2015-11-21', year: '4', stage: 'K', area: 'communication_interaction', ...contact(7, 'Tamblyn Close', ['Grace Okafor', 'Daniel Okafor']) },
	priya: { first: 'Priya', surname: 'Raman', dob: '2015-06-09', year: '5', stage: 'E', area: 'semh', ...contact(31, 'Quillfeather Lane', ['Meena Raman']) },
	oliver: { first: 'Oliver', surname: 'Brennan', dob: '2018-01-30', year: '2', stage: 'K', area: 'sensory_physical', ...contact(4, 'Pellow Gardens', ['Siobhan Brennan']) },
	ruby: { first: 'Ruby', surname: 'Ashdown', dob: '2017-08-19', year: '3', stage: 'K', area: 'communication_interaction', ...contact(58, 'Brackenholt Way', ['Lisa Ashdown']) },
	theo: { first: 'Theo', surname: 'Marchetti', dob: '2018-05-12', year: '2', stage: 'K', area: 'cognition_learning', ...contact(9, 'Cordwell Street', ['Paula Marchetti']) },
	isla: { first: 'Isla', surname: 'Penrose', dob: '2015-09-27', year: '4', stage: 'K', area: 'semh', ...contact(22, 'Saltmarsh Row', ['Kirsty Penrose']) },
	maisie: { first: 'Maisie', surname: 'Thornbury', dob: '2016-02-14', year: '4', stage: 'K', area: 'semh', ...contact(15, 'Nettlecombe Road', ['Helen Thornbury']) },
	kacper: {
		first: 'Kacper',
		surname: 'Nowicki',
		dob: '2013-10-05',
		year: '6',
		stage: 'K',
		area: 'cognition_learning',
		primaryNeed: { code: 'SPLD', words: 'Specific Learning Difficulty' },
		...contact(3, 'Wexcombe Drive', ['Agnieszka Nowicki'])
	}
} satisfies Record<string, Child>;

const views = { pupilViews: true, parentViews: true, strengths: true, external: false };

const amelia1: Row[] = [
	{
		difficulty: 'Reading common words by sight',
		provision: prov('Precision Teaching: 1:1 TA 10 mins daily', 'Precision Teaching', 'TA', 5, 10, 1),
		target: '[Pupil] will read 30 high-frequency words from flash cards with 90% accuracy',
		outcome: 'achieved',
		next: 'Move on to the next 30 words'
	},
	{
		difficulty: 'Remembering spellings',
		provision: 'above',
		target: "[Pupil] will spell 15 of the 20 Year 2 common exception words in [Pupil]'s weekly check",
		outcome: 'partial',
		next: '[Pupil] to practise 5 words at home each week'
	},
	{
		difficulty: 'Adding numbers mentally',
		provision: prov('Numicon, group of 3, 3 times a week, 20 minutes, TA', 'Numicon', 'TA', 3, 20, 3),
		target: '[Pupil] will use a number line to add two single-digit numbers, 8 out of 10 correct',
		outcome: 'not_achieved',
		next: 'Change the approach: use Numicon shapes at home'
	},
	{
		difficulty: 'Writing sentences',
		provision: prov('Writing frame in class', 'Writing frame in class', '', null, null, null),
		target: '[Pupil] will write 3 sentences with capital letters and full stops using a writing frame',
		outcome: 'achieved',
		next: 'New target set'
	}
];

const pupilDocs: PupilDoc[] = [
	{
		kind: 'pupil',
		file: 'apdr-content-control.docx',
		layout: 'apdr',
		marking: 'content-control',
		child: children.amelia,
		plans: [{ start: '2025-09-15', due: '2025-12-05', reviewed: '2025-12-03', cycle: null, ...views, rows: amelia1 }],
		notes:
			'APDR plan, Word content-control checkboxes (w14:checkbox); provision cell merged down over targets 1 and 2; the first name (and a possessive) inside target and next-steps text; a provision with no quantities. Amelia appears again in apdr-appended-review.docx.'
	},
	{
		kind: 'pupil',
		file: 'apdr-legacy-checkbox.docx',
		layout: 'apdr',
		marking: 'legacy-checkbox',
		legacyDefaultChecked: true,
		child: children.jayden,
		plans: [
			{
				start: '2025-09-22',
				due: '2025-12-12',
				reviewed: '2025-12-10',
				cycle: 1,
				...views,
				external: true,
				rows: [
					{
						difficulty: 'Understanding instructions',
						provision: prov('Talk Boost, group of 4, twice a week, 45 minutes, HLTA', 'Talk Boost', 'HLTA', 2, 45, 4),
						target: '[Pupil] will follow a two-step instruction in class without a repeat on 4 out of 5 occasions',
						outcome: 'achieved',
						next: 'New target set'
					},
					{
						difficulty: 'Asking for help',
						provision: prov('Help card used in all lessons', 'Help card used in all lessons', '', null, null, null),
						target: '[Pupil] will ask an adult for help using a help card in class on 4 out of 5 occasions',
						outcome: 'partial',
						next: 'Continue'
					},
					{
						difficulty: 'Joining games at playtime',
						provision: prov('Lego-based therapy: group of 3, once a week, 45 mins, TA', 'Lego-based therapy', 'TA', 1, 45, 3),
						target: '[Pupil] will take turns in a small-group game with one adult prompt for 10 minutes on 3 consecutive sessions',
						outcome: 'not_achieved',
						next: 'Continue with more practice'
					}
				]
			}
		],
		notes:
			'APDR plan, legacy form-field checkboxes (FORMCHECKBOX): checked boxes alternately written with w:default w:val="1" (no w:checked: level of need, outcome of target 1 and 3) and with w:checked (area of need, cluster funding, target 2), unchecked with w:default w:val="0"; the cycle written ("APDR cycle 1"); professionals involved filled. Jayden is spelt "Jaydon" in apdr-name-spelt-differently.docx (same date of birth).'
	},
	{
		kind: 'pupil',
		file: 'apdr-typed-marks.docx',
		layout: 'apdr',
		marking: 'typed-marks',
		glyphs: ['☒', '☑', '☒', '✓', '✔', 'X', '☒'],
		child: children.priya,
		plans: [
			{
				start: '2025-09-16',
				due: '2025-12-08',
				reviewed: '2025-12-08',
				cycle: 2,
				...views,
				parentViews: false,
				external: true,
				rows: [
					{
						difficulty: 'Managing big feelings',
						provision: prov('ELSA: 1:1 with HLTA, once a week, 45 minutes', 'ELSA', 'HLTA', 1, 45, 1),
						target: '[Pupil] will name 4 feelings and match each to a picture with an adult in ELSA sessions',
						outcome: 'achieved',
						next: 'New target set'
					},
					{
						difficulty: 'Leaving the room safely',
						provision: prov('Calm-down card and a safe space, class teacher', 'Calm-down card and a safe space', 'Teacher', null, null, null),
						target: '[Pupil] will use the calm-down card to leave the room safely with one adult prompt on 4 out of 5 occasions',
						outcome: 'partial',
						next: 'Continue'
					},
					{
						difficulty: 'Lunchtimes',
						provision: prov('Lunchtime club, group of 6, daily, 30 minutes, TA', 'Lunchtime club', 'TA', 5, 30, 6),
						target: '[Pupil] will join a playground game with 2 peers at lunchtime on 3 days a week, with a buddy',
						outcome: 'not_achieved',
						next: 'Change the approach'
					}
				]
			}
		],
		notes:
			'APDR plan, marks typed beside the chosen option: ☒ (level of need, with ☐ beside the others), ☑ (area of need, with ☐), ☒ (cluster funding: NO), then the outcomes ✓ (YES), ✔ (Progress), X (NO); EHCP; cycle 2 written; empty parent section.'
	},
	{
		kind: 'pupil',
		file: 'apdr-options-deleted.docx',
		layout: 'apdr',
		marking: 'options-deleted',
		child: children.oliver,
		plans: [
			{
				start: '2025-09-10',
				due: '2025-12-01',
				reviewed: '2025-11-28',
				cycle: null,
				...views,
				pupilViews: false,
				rows: [
					{
						difficulty: 'Holding a pencil',
						provision: prov('Fine motor skills group: group of 4, 3 times a week, 20 minutes, TA', 'Fine motor skills group', 'TA', 3, 20, 4),
						target: '[Pupil] will form 10 lower-case letters correctly on lined paper using a pencil grip',
						outcome: 'partial',
						next: 'Continue'
					},
					{
						difficulty: 'Sitting on the carpet',
						provision: prov('Sensory circuits, daily, 15 minutes', 'Sensory circuits', '', 5, 15, null),
						target: '[Pupil] will sit on the carpet for 10 minutes with a wobble cushion on 4 out of 5 occasions',
						outcome: 'achieved',
						next: 'New target set'
					}
				]
			}
		],
		notes:
			'APDR plan, the options not chosen deleted (only "SEN Support/ Graduated approach", "Sensory and or Physical", "NO" and one outcome word remain); two targets, grid rows 3 and 4 left empty; empty "How I like to be supported"; a provision with no role.'
	},
	{
		kind: 'pupil',
		file: 'apdr-bold.docx',
		layout: 'apdr',
		marking: 'bold',
		child: children.ruby,
		plans: [
			{
				start: '2025-09-17',
				due: '2025-12-10',
				reviewed: '2025-12-09',
				cycle: null,
				...views,
				rows: [
					{
						difficulty: 'Talking in a group',
						provision: prov('Speech and language programme: 1:1 TA, twice weekly, 20 mins', 'Speech and language programme', 'TA', 2, 20, 1),
						target: '[Pupil] will answer "who" and "where" questions about a picture with visual support, 8 out of 10 correct',
						outcome: 'achieved',
						next: 'New target set'
					},
					{
						difficulty: 'Greeting adults',
						provision: prov('Meet and greet at the classroom door', 'Meet and greet at the classroom door', '', null, null, null),
						target: '[Pupil] will greet a familiar adult by name at the classroom door on 4 out of 5 mornings',
						outcome: 'not_achieved',
						next: 'Continue'
					}
				]
			}
		],
		notes: 'APDR plan, the chosen option in bold, the others plain (all options still typed).'
	},
	{
		kind: 'pupil',
		file: 'apdr-highlight.docx',
		layout: 'apdr',
		marking: 'highlight',
		child: children.theo,
		plans: [
			{
				start: '2025-09-15',
				due: '2025-12-05',
				reviewed: '2025-12-04',
				cycle: null,
				...views,
				strengths: false,
				rows: [
					{
						difficulty: 'Number bonds',
						provision: prov('Maths catch-up: group of 5, twice a week, 30 minutes, Teacher', 'Maths catch-up', 'Teacher', 2, 30, 5),
						target: '[Pupil] will recall number bonds to 10 within 3 seconds each on 3 consecutive checks',
						outcome: 'partial',
						next: 'Continue'
					},
					{
						difficulty: 'Phonics',
						provision: prov('Phonics: 1:1 TA 10 mins daily', 'Phonics', 'TA', 5, 10, 1),
						target: '[Pupil] will read 20 CVC words with 90% accuracy',
						outcome: 'achieved',
						next: 'Move on to the next step'
					}
				]
			}
		],
		notes: 'APDR plan, the chosen option highlighted (yellow), the others plain; empty strengths section.'
	},
	{
		kind: 'pupil',
		file: 'apdr-appended-review.docx',
		layout: 'apdr',
		marking: 'words',
		child: children.amelia,
		plans: [
			{
				start: '2026-01-12',
				due: '2026-03-27',
				reviewed: '2026-03-25',
				cycle: null,
				...views,
				rows: [
					{
						difficulty: 'Reading common words by sight',
						provision: prov('Precision Teaching: 1:1 TA 10 mins daily', 'Precision Teaching', 'TA', 5, 10, 1),
						target: '[Pupil] will read the next 30 high-frequency words from flash cards with 90% accuracy',
						outcome: 'achieved',
						next: 'New target set'
					},
					{
						difficulty: 'Adding numbers mentally',
						provision: prov('Numicon, group of 3, 3 times a week, 20 minutes, TA', 'Numicon', 'TA', 3, 20, 3),
						target: '[Pupil] will use a number line to add two single-digit numbers, 8 out of 10 correct',
						outcome: 'partial',
						next: 'Continue'
					},
					{
						difficulty: 'Spelling',
						provision: prov('Spelling practice at home', 'Spelling practice at home', '', null, null, null),
						target: '[Pupil] will spell 15 of the 20 Year 2 common exception words in a weekly check',
						outcome: 'not_achieved',
						next: 'Change the approach'
					}
				]
			},
			{
				start: '2026-04-20',
				due: '2026-07-10',
				reviewed: '',
				cycle: null,
				...views,
				parentViews: false,
				external: true,
				rows: [
					{
						difficulty: 'Adding numbers mentally',
						provision: prov('Numicon, group of 3, 3 times a week, 20 minutes, TA', 'Numicon', 'TA', 3, 20, 3),
						target: '[Pupil] will add two single-digit numbers mentally, 8 out of 10 correct',
						outcome: '',
						next: ''
					},
					{
						difficulty: 'Spelling',
						provision: prov('Toe by Toe, 4 times a week, 15 mins, TA', 'Toe by Toe', 'TA', 4, 15, null),
						target: '[Pupil] will spell 15 of the 20 Year 2 common exception words in a weekly check',
						outcome: '',
						next: ''
					}
				]
			}
		],
		notes:
			'APDR plan with the review typed in: outcomes as words ("Yes", "Partly", "not yet"), then a second plan appended in the same document (not yet reviewed: outcome cells blank). Same child as apdr-content-control.docx: read alone this document has cycles 1 and 2; read with the folder, 2 and 3.'
	},
	{
		kind: 'pupil',
		file: 'apdr-name-spelt-differently.docx',
		layout: 'apdr',
		marking: 'content-control',
		child: children.jayden,
		spelt: { first: 'Jaydon', surname: 'Okafor' },
		plans: [
			{
				start: '2026-01-07',
				due: '2026-03-20',
				reviewed: '',
				cycle: 2,
				...views,
				rows: [
					{
						difficulty: 'Joining games at playtime',
						provision: prov('Lego-based therapy: group of 3, once a week, 45 mins, TA', 'Lego-based therapy', 'TA', 1, 45, 3),
						target: '[Pupil] will take turns in a small-group game with one adult prompt for 10 minutes on 3 consecutive sessions',
						outcome: '',
						next: ''
					}
				]
			}
		],
		notes: 'The child of apdr-legacy-checkbox.docx with the first name spelt "Jaydon": same date of birth, so a different pupil id and a possible match (never merged). Not yet reviewed.'
	},
	{
		kind: 'pupil',
		file: 'apdr-unreadable-mark.docx',
		layout: 'apdr',
		marking: 'content-control',
		child: children.isla,
		plans: [
			{
				start: '2025-09-15',
				due: '2025-12-05',
				reviewed: '2025-12-05',
				cycle: null,
				...views,
				external: true,
				rows: [
					{
						difficulty: 'Worries',
						provision: prov('Worry box and check-in with the class teacher, daily, 5 minutes', 'Worry box and check-in with the class teacher', 'Teacher', 5, 5, null),
						target: '[Pupil] will tell an adult when worried using the worry box at least twice a week',
						outcome: 'achieved',
						next: 'Continue'
					},
					{
						difficulty: 'Staying in class',
						provision: prov('Zones of Regulation, group of 6, once a week, 50 minutes, TA', 'Zones of Regulation', 'TA', 1, 50, 6),
						target: '[Pupil] will stay in the classroom for 15 minutes during lessons on 3 out of 5 days',
						outcome: 'unreadable',
						next: 'Continue'
					}
				]
			}
		],
		notes: 'APDR plan with content-control checkboxes where target 2 has both YES and NO ticked: its outcome is unknown and listed as a problem.'
	},
	{
		kind: 'pupil',
		file: 'pupil-support-plan.docx',
		layout: 'pupil-support-plan',
		marking: 'words',
		child: children.maisie,
		plans: [
			{
				start: '2025-10-01',
				due: '2026-01-23',
				reviewed: '2026-01-21',
				cycle: null,
				...views,
				external: true,
				rows: [
					{
						area: 'semh',
						difficulty: '',
						provision: prov('ELSA, once a week, 45 minutes, HLTA', 'ELSA', 'HLTA', 1, 45, null),
						target: '[Pupil] will name 4 feelings and say what helps with each, in ELSA sessions',
						outcome: 'achieved',
						next: ''
					},
					{
						area: 'semh',
						difficulty: '',
						provision: prov('Playground buddy', 'Playground buddy', '', null, null, null),
						target: '[Pupil] will join a playground game with 2 peers at lunchtime on 3 days a week',
						outcome: 'partial',
						next: ''
					},
					{
						area: 'cognition_learning',
						difficulty: '',
						provision: prov('Handwriting group: group of 4, twice a week, 20 minutes, TA', 'Handwriting group', 'TA', 2, 20, 4),
						target: '[Pupil] will write 3 sentences in joined handwriting that others can read',
						outcome: 'not_achieved',
						next: ''
					}
				]
			}
		],
		notes:
			'Pupil Support Plan: surname and other names in separate fields, address, date of birth in words, parents, phone, mobile, email, a completed-by name and signatures; the outcomes table grouped under merged area headings (SEMH, then Cognition and Learning); outcomes typed as words in an added "Has this been achieved?" column.'
	},
	{
		kind: 'pupil',
		file: 'iep-target-strategies.docx',
		layout: 'iep',
		marking: 'words',
		child: children.kacper,
		plans: [
			{
				start: '2025-09-29',
				due: '2026-01-30',
				reviewed: '2026-01-28',
				cycle: 3,
				...views,
				parentViews: true,
				external: false,
				rows: [
					{
						difficulty: '',
						provision: prov('Toe by Toe: 1:1 with a TA, 4 times a week, 15 minutes', 'Toe by Toe', 'TA', 4, 15, 1),
						target: '[Pupil] will read a Year 4 reading book aloud with 95% accuracy',
						outcome: 'partial',
						next: ''
					},
					{
						difficulty: '',
						provision: prov('Touch-typing, twice a week, 25 minutes, TA, group of 4', 'Touch-typing', 'TA', 2, 25, 4),
						target: '[Pupil] will type 15 words a minute with 90% accuracy',
						outcome: 'achieved',
						next: ''
					},
					{
						difficulty: '',
						provision: prov('Coloured overlay and a word mat in lessons', 'Coloured overlay and a word mat in lessons', '', null, null, null),
						target: '[Pupil] will use a word mat to spell topic words in written work without a reminder',
						outcome: 'not_achieved',
						next: ''
					}
				]
			}
		],
		notes:
			'Another authority\'s IEP: "Target | Strategies | Success criteria | Outcome" with outcomes typed as words ("Achieved", "Partially achieved", "Not yet achieved"); level of need and area of need with the others deleted; a primary need named in words (Specific Learning Difficulty = SPLD); IEP number 3.'
	}
];

const group: GroupDoc = {
	kind: 'group',
	file: 'group-intervention-plan.docx',
	year: '3',
	area: 'cognition_learning',
	provision: prov('Reading booster, group of 4, 3 times a week, 20 minutes', 'Reading booster', 'TA', 3, 20, 4),
	start: '2025-10-06',
	due: '2025-12-12',
	completed: '2025-12-12',
	cost: 180,
	measure: 'standardised_score',
	members: [
		{ child: children.amelia, pre: 78, post: 84, progress: 'Good progress', further: 'None' },
		{ child: children.ruby, pre: 82, post: 83, progress: 'Some progress', further: 'Continue in spring' },
		{ child: children.jayden, pre: 75, post: null, progress: 'Absent for the post-test', further: 'Test in January' },
		{ child: children.theo, pre: 80, post: 88, progress: 'Good progress', further: 'None' }
	],
	notes:
		'Group Intervention Plan: one provision (id G + 8 hex of SHA-256 of the document name) and one allocation per pupil with pre and post standardised scores; pupils by name with a date of birth column (so their ids are the same as in their own plans); one post value missing; cost £180. Gives no pupils rows (it does not say the level of need).'
};

export const fixtureDocs: PlanDoc[] = [...pupilDocs, group];
