import { describe, expect, it } from 'vitest';
import { checkTarget, type SmartPart } from './smart';

const dates = { startDate: '2025-09-08', dueDate: '2025-11-28' }; // 81 days: within a term

// [target, SMART?, who, action, conditions, criterion]: real-looking targets across the areas of need.
const cases: [string, boolean, boolean, boolean, boolean, boolean][] = [
	// Communication and interaction
	['[Pupil] will ask an adult for help using a help card in class on 4 out of 5 occasions', true, true, true, true, true],
	['[Pupil] will take turns in a small-group game with one adult prompt on 3 consecutive sessions', true, true, true, true, true],
	['[Pupil] will answer "who" and "where" questions about a picture with visual support, 8 out of 10 correct', true, true, true, true, true],
	['[Pupil] will greet a familiar adult by name at the classroom door on 4 out of 5 mornings', true, true, true, true, true],
	['[Pupil] will follow a two-step instruction in class without a repeat on 4 out of 5 occasions', true, true, true, true, true],
	['[Pupil] will improve their communication skills', false, true, false, false, false],
	['[Pupil] will use WellComm strategies to develop their language', false, true, true, false, false],
	['To be more confident when talking to friends', false, false, false, false, false],
	['[Pupil] will engage more with other children at playtime', false, true, false, true, false],
	['I will put my hand up to ask a question in maths lessons at least twice a week', true, true, true, true, true],
	// Cognition and learning
	['[Pupil] will read 30 high-frequency words from flash cards with 90% accuracy', true, true, true, true, true],
	['[Pupil] will use a number line to add two single-digit numbers, 8 out of 10 correct', true, true, true, true, true],
	['[Pupil] will spell 15 of the 20 Year 2 common exception words independently in a weekly check', true, true, true, true, true],
	['[Pupil] will write 3 sentences with capital letters and full stops using a writing frame', true, true, true, true, true],
	['[Pupil] will improve their reading', false, true, false, false, false],
	['[Pupil] will know their number bonds to 10', false, true, false, false, false],
	['[Pupil] will develop their understanding of place value', false, true, false, false, false],
	['[Pupil] will recall 2, 5 and 10 times tables facts within 3 seconds each, independently, on 3 consecutive checks', true, true, true, true, true],
	['[Pupil] will read by Year 4', false, true, true, false, false],
	['[Pupil] will be able to blend CVC words using sound buttons, 8 out of 10 words', true, true, true, true, true],
	['To understand fractions', false, false, false, false, false],
	['[Name] will learn their phonics sounds in phonics sessions', false, true, false, true, false],
	// SEMH
	['[Pupil] will use their calm-down card to leave the room safely with one adult prompt on 4 out of 5 occasions', true, true, true, true, true],
	['[Pupil] will name 4 feelings and match each to a picture with an adult in ELSA sessions', true, true, true, true, true],
	['[Pupil] will stay in their seat during lessons for 15 minutes on 3 out of 5 days', true, true, true, true, true],
	['[Pupil] will be happier at school', false, true, false, false, false],
	['[Pupil] will engage with THRIVE activities', false, true, false, false, false],
	['[Pupil] will join a playground game with 2 peers at lunchtime on 3 days a week, with a buddy', true, true, true, true, true],
	['[Pupil] will manage their emotions better', false, true, false, false, false],
	['I will tell an adult when I feel worried using my worry box at least twice a week', true, true, true, true, true],
	['He will feel calmer in the mornings', false, true, false, true, false],
	// Sensory and physical
	['[Pupil] will form 10 lower-case letters correctly on lined paper using a pencil grip', true, true, true, true, true],
	['[Pupil] will complete a 5-step sensory circuit each morning with adult support on 4 out of 5 days', true, true, true, true, true],
	['[Pupil] will fasten 5 buttons on their coat independently within 2 minutes', true, true, true, true, true],
	['[Pupil] will improve fine motor skills', false, true, false, false, false],
	['[Pupil] will sit on the carpet for 10 minutes with a wobble cushion on 4 out of 5 occasions', true, true, true, true, true],
	// Independence and self-help
	['[Pupil] will put on their coat independently at home time on 4 out of 5 days', true, true, true, true, true],
	['[Pupil] will use the toilet independently with a visual prompt on 4 out of 5 occasions', true, true, true, true, true],
	['[Pupil] will be more independent', false, true, false, false, false],
	// Long but vague: length is not quality
	[
		'[Pupil] will continue to develop and improve their overall confidence, self-esteem and understanding of their own emotions and feelings so that they can become happier, more settled and better able to engage with learning and with the other children across the whole of the school day and at home',
		false, true, false, true, false // "at home" is a setting, but nothing can be seen or counted
	],
	['Work on handwriting', false, false, false, false, false],
	['She will type a paragraph of 50 words on a laptop in English lessons within 10 minutes', true, true, true, true, true]
];

describe('SMART target checker', () => {
	it('has a table of at least 40 targets', () => expect(cases.length).toBeGreaterThanOrEqual(40));

	for (const [text, smart, who, action, conditions, criterion] of cases) {
		it(`${smart ? 'SMART' : 'not SMART'}: ${text.slice(0, 70)}`, () => {
			const r = checkTarget(text, dates);
			const ok = (part: SmartPart) => r.findings.find((f) => f.part === part)?.ok;
			expect({ who: ok('who'), action: ok('action'), conditions: ok('conditions'), criterion: ok('criterion') }).toEqual({ who, action, conditions, criterion });
			expect(r.smart).toBe(smart);
		});
	}

	it('gives every failed part a plain reason and a suggestion', () => {
		const r = checkTarget('[Pupil] will improve their reading', dates);
		const action = r.findings.find((f) => f.part === 'action')!;
		expect(action.reason).toBe('"improve" cannot be seen or counted');
		expect(r.findings.filter((f) => f.ok === false).every((f) => f.suggestion && f.reason)).toBe(true);
		expect(r.findings.find((f) => f.part === 'criterion')?.suggestion).toContain('on 4 out of 5 occasions');
	});

	it('judges the time frame from the dates: 6 to 16 weeks', () => {
		const time = (due: string | null) => checkTarget('[Pupil] will read 10 words in class on 3 occasions', { startDate: '2025-09-01', dueDate: due }).findings.find((f) => f.part === 'time')!;
		expect(time('2025-10-12').ok).toBe(false); // 41 days
		expect(time('2025-10-13').ok).toBe(true); // 42 days
		expect(time('2025-12-22').ok).toBe(true); // 112 days
		expect(time('2025-12-23').ok).toBe(false); // 113 days
		expect(time(null).ok).toBeNull();
		// An unknown time frame is reported but does not make the target non-SMART.
		expect(checkTarget('[Pupil] will read 10 words in class on 3 occasions').smart).toBe(true);
		expect(checkTarget('[Pupil] will read 10 words in class on 3 occasions', { startDate: '2025-09-01', dueDate: '2026-03-01' }).smart).toBe(false);
	});
});
