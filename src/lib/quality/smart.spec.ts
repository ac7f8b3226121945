import { describe, expect, it } from 'vitest';
import { checkTarget, EXAMPLE_TARGET, exampleCheck, type SmartPart } from './smart';

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
	// Changed (issue 14): conditions now true. "when talking to friends" names the situation the target is about, a
	// context like "when asked" or "when upset"; the target is still not SMART (no pupil, nothing seen or counted).
	['To be more confident when talking to friends', false, false, false, true, false],
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
	// Changed (issue 14): conditions now true. "at school" is a setting, as "in class" and "at playtime" are; the
	// target is still not SMART because happiness cannot be seen or counted.
	['[Pupil] will be happier at school', false, true, false, true, false],
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
		false,
		true,
		false,
		true,
		false // "at home" is a setting, but nothing can be seen or counted
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

	it('always returns the five parts in order, whatever the text', () => {
		for (const text of ['', 'N/A', 'See above', 'Support [Pupil] to read', cases[0][0]]) {
			expect(checkTarget(text, dates).findings.map((f) => f.part)).toEqual(['who', 'action', 'conditions', 'criterion', 'time']);
		}
		expect(checkTarget('N/A', dates).findings.find((f) => f.part === 'action')?.ok).toBe(false);
	});

	// The phrasings issue 14 found the old word list missed, and the weak targets it passed.
	const part = (text: string, p: SmartPart) => checkTarget(text, dates).findings.find((f) => f.part === p)!;
	it('finds the main verb from the grammar, past adverbs and "be able to", beyond any fixed list', () => {
		for (const [text, verb] of [
			['[Pupil] will maintain attention for 5 minutes', 'maintain'],
			['[Pupil] will tolerate a peer at his table', 'tolerate'],
			['[Pupil] will slow their rate of speech', 'slow'],
			['[Pupil] will correctly use full stops', 'use'],
			['[Pupil] will be able to correctly identify 10 coins', 'identify'],
			['I can initiate a conversation', 'initiate'],
			['[Pupil] will achieve 95% attendance', 'achieve']
		]) {
			expect(part(text, 'action'), text).toMatchObject({ ok: true, evidence: verb });
		}
		expect(part('[Pupil] will be able to understand instructions', 'action')).toMatchObject({ ok: false, evidence: 'understand' });
		expect(part('[Pupil] will communicate his needs more effectively', 'action').ok).toBe(false);
	});

	it('reads conditions as contexts as well as supports, and criteria as amounts of work', () => {
		for (const c of ['in a weekly spelling test', 'in dictated sentences', 'on an analogue clock', 'during a structured activity', 'at breaks and lunch times', 'during one session at Nursery']) {
			expect(part(`[Pupil] will read 10 words ${c}`, 'conditions'), c).toMatchObject({ ok: true });
		}
		for (const c of ['5 simple facts', 'a full-page story', 'each day', 'at least twice a week']) {
			const f = part(`[Pupil] will write ${c} in class`, 'criterion');
			expect(f.ok, c).toBe(true);
			expect(c).toContain(f.evidence);
		}
		// Numbers that name the content are not a measure of success.
		for (const text of ['[Pupil] will count to 20 in class', '[Pupil] will know his 2 times table', '[Pupil] will add two 2-digit numbers', '[Pupil] will read Phase 3 sounds']) {
			expect(part(text, 'criterion').ok, text).toBe(false);
		}
	});

	it('says attending a programme is not a skill, and why a counted target still lacks conditions', () => {
		const lexia = part('[Pupil] will attend Lexia 3 times a week', 'action');
		expect(lexia.ok).toBe(false);
		expect(lexia.reason).toContain('"attend lexia" is taking part in provision');
		expect(part('[Pupil] will attend school on 95% of days with a meet and greet', 'action').ok).toBe(true);
		const count = checkTarget('[Pupil] will count to 20 accurately on 4 out of 5 occasions', dates);
		expect(count.smart).toBe(false);
		expect(count.findings.find((f) => f.part === 'conditions')!.reason).toContain('doing it with an adult and doing it alone are different targets');
	});

	it('flags adult-led targets as provision, never SMART, with a suggestion', () => {
		for (const text of [
			'Support [Pupil] to read 20 words in class on 4 out of 5 occasions',
			'To provide [Pupil] with a visual timetable',
			'[TA] will read with [Pupil] 3 times a week',
			'[Pupil] will be given movement breaks every 20 minutes'
		]) {
			const r = checkTarget(text, dates);
			expect(r.adultLed, text).toBe(true);
			expect(r.smart, text).toBe(false);
			expect(r.findings[0]).toMatchObject({ part: 'who', ok: false });
			expect(r.findings[0].suggestion).toContain('write what the pupil will do');
		}
		expect(checkTarget(cases[0][0], dates).adultLed).toBe(false);
		// The pupil's own verb inside an adult-led target is still judged.
		expect(part('Support [Pupil] to read 20 words', 'action')).toMatchObject({ ok: true, evidence: 'read' });
	});

	it('quotes the words that satisfied each part, as written', () => {
		const r = checkTarget('By Easter, Amir will Read 30 Words from Flash Cards on 4 out of 5 occasions', dates);
		expect(r.findings.slice(0, 4).map((f) => f.evidence)).toEqual(['Amir', 'read', 'from Flash Cards', '30 Words']);
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

describe('the example Plan quality opens with', () => {
	it('is checked once a session and gives what checking its text gives', () => {
		const first = exampleCheck();
		expect(exampleCheck()).toBe(first);
		expect(first).toEqual(checkTarget(EXAMPLE_TARGET));
	});
});
