/**
 * The SMART target checker: plain TypeScript, no network. It reads a target as a teacher would and says, part by part,
 * what makes it specific, observable and measurable (quoting the words), or what is missing, with a suggestion.
 * It reads the grammar (grammar.ts: the subject and main verb; clauses.ts: the asides, reasons and records that are
 * never parts) and the shapes of conditions and measures (vocab.ts), never the length: a long vague target fails.
 * Tested against labelled sets of targets (tests/fixtures/targets/; docs/smart-checker.md).
 */
import { countOf } from '../format';
import { readClauses, type Reading } from './clauses';
import { adultLed, judgeVerb, mainVerbPhrase, OPENING_WORDS, pupilVerbInAdultLed } from './grammar';
import { CONDITIONS, CRITERION, NOT_A_CONDITION, NOT_A_MEASURE } from './vocab';

export type SmartPart = 'who' | 'action' | 'conditions' | 'criterion' | 'time';
export interface Finding {
	part: SmartPart;
	/** null only for `time`, when a date needed to judge it is missing. */
	ok: boolean | null;
	reason: string;
	suggestion?: string;
	/** The words in the target that satisfied (or, for a vague action, failed) this part. */
	evidence?: string;
}
export interface SmartResult {
	smart: boolean;
	/** Always the five parts, in the order who, action, conditions, criterion, time. */
	findings: Finding[];
	/** The target describes provision ("Support [Pupil] to…", "To provide…"), not the pupil's outcome: never SMART. */
	adultLed?: boolean;
}

const WHO = /\[[^\]]{1,30}\]|\b(?:the (?:pupil|child|student|learner|young person)|my child|he\/she|he|she|they|xx)\b/i;
/** The pupil's own voice: "I", never the "i" of "i.e." (asides are blanked before this is read). */
const VOICE = /(?:^|[\s"(])I\b|^[Mm]y\b/;
/**
 * The subject of the target's main verb, wherever the sentence puts it: after a leading clause ("When given a
 * model, Student will…", "By the end of Year 2, [Pupil] will…", "With support, Jill will…"), a generic subject
 * ("Student", "Child", "XXX") or a first name, just before will / can / to.
 */
const SUBJECT =
	/(?:^|[,;:]\s*|\bthen\s+)(?:[Ff]or\s+)?((?:the\s+)?(?:[Ss]tudents?|STUDENT|[Cc]hild(?:ren)?|[Pp]upils?|[Ll]earners?)|[Xx]{1,3}|[A-Z][a-z'-]+)(?:\s+with\s+[^,]{1,40}?)?\s+(?:will|can|could|should|must|is|has|to)\b/;
const TIME_WORDS =
	/\b(?:by (?:the end of )?(?:christmas|easter|half[- ]term|the end of (?:term|the term|the year)|summer|the next review|[a-z]+ half term)|in \d+ weeks|within \d+ weeks|by \d{1,2}[/.-]\d{1,2})/i;

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

function normalise(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Quotes the original words behind a match in the lower-case copy (same indices unless lower-casing changed the length). */
const quoter = (t: string, lower: string) => (m: RegExpExecArray) => (t.length === lower.length ? t.slice(m.index, m.index + m[0].length) : m[0]).trim().replace(/[,.;:]+$/, '');

const ADULT_SUGGESTION =
	'write what the pupil will do as a result, e.g. "[Pupil] will read 20 high-frequency words with adult support on 4 out of 5 occasions"; put the support itself in the provision map';

function checkWho(t: string, reading: Reading, adult: string | null): Finding {
	if (adult) {
		return { part: 'who', ok: false, reason: `describes what adults will do or provide ("${adult}"), not what the pupil will do`, suggestion: ADULT_SUGGESTION, evidence: adult };
	}
	// Asides and reasons do not hold the subject: not the "i" of "(i.e. …)", nor the "I" of "so I can play".
	const blanked = reading.forConditions;
	let plain = t;
	if (blanked.length === t.length && blanked !== t.toLowerCase()) {
		plain = '';
		for (let i = 0; i < t.length; i++) plain += blanked.charCodeAt(i) === 32 ? ' ' : t[i];
	}
	const m = WHO.exec(plain) ?? VOICE.exec(plain);
	const subject = m ? null : SUBJECT.exec(plain);
	const who = m ? m[0].trim().replace(/^["(]/, '') : subject && !OPENING_WORDS.has(subject[1].toLowerCase()) ? subject[1] : null;
	if (who) return { part: 'who', ok: true, reason: `names who will do it ("${who}")`, evidence: who };
	return { part: 'who', ok: false, reason: 'does not say who will do it', suggestion: 'start with the pupil, e.g. "[Pupil] will…", or in their own words, "I will…"' };
}

function checkAction(words: string, adult: string | null): Finding {
	const phrase = adult ? pupilVerbInAdultLed(words) : mainVerbPhrase(words);
	const v = judgeVerb(phrase);
	switch (v.kind) {
		case 'action':
			return { part: 'action', ok: true, reason: `says what the pupil will do ("${v.verb}")`, evidence: v.verb };
		case 'vague':
			return {
				part: 'action',
				ok: false,
				reason: `"${v.verb}" cannot be seen or counted`,
				suggestion: 'say what the pupil will do that an adult can see, e.g. "read 20 high-frequency words" or "ask for help using a help card"',
				evidence: v.verb
			};
		case 'programme':
			return {
				part: 'action',
				ok: false,
				reason: `"${v.verb}" is taking part in provision, not something the pupil shows they can do`,
				suggestion: 'say what the pupil will be able to do because of it, e.g. "read 10 CVC words using sound buttons" rather than "attend Lexia"',
				evidence: v.verb
			};
		default:
			return adult
				? { part: 'action', ok: false, reason: 'says what adults will do, not what the pupil will do', suggestion: ADULT_SUGGESTION }
				: { part: 'action', ok: false, reason: 'does not say what the pupil will do', suggestion: 'add an action an adult can see, e.g. "will write 3 sentences"' };
	}
}

function checkConditions(t: string, lower: string, reading: Reading, adult: string | null, measured: boolean): Finding {
	if (adult) return { part: 'conditions', ok: true, reason: `names support adults will give ("${adult}"): the target describes provision`, evidence: adult };
	const m = CONDITIONS.exec(reading.forConditions.replace(NOT_A_CONDITION, (s) => '~'.repeat(s.length)));
	if (m) {
		const words = quoter(t, lower)(m);
		return { part: 'conditions', ok: true, reason: `says under what conditions ("${words}")`, evidence: words };
	}
	return {
		part: 'conditions',
		ok: false,
		reason: measured
			? 'says how success is counted but not under what conditions (with what help, materials or in what setting): doing it with an adult and doing it alone are different targets'
			: 'does not say under what conditions (support, materials or setting)',
		suggestion: 'add the support, materials or place, e.g. "with one adult prompt", "using a number line", "in class" or "in a weekly spelling test"'
	};
}

function checkCriterion(t: string, lower: string, reading: Reading): Finding {
	// Blanked with spaces of the same length so quoted words still line up with the original.
	const m = CRITERION.exec(reading.forCriterion.replace(NOT_A_MEASURE, (s) => ' '.repeat(s.length)));
	if (m) {
		const words = quoter(t, lower)(m);
		return { part: 'criterion', ok: true, reason: `says how success is measured ("${words}")`, evidence: words };
	}
	return {
		part: 'criterion',
		ok: false,
		reason: 'does not say how success will be measured',
		suggestion: 'add how success is measured, e.g. "on 4 out of 5 occasions", "with 80% accuracy", "within 2 minutes" or "3 times a week"'
	};
}

function checkTime(t: string, startDate?: string | null, dueDate?: string | null): Finding {
	const words = TIME_WORDS.exec(t);
	const said = words ? ` (the target says "${words[0]}")` : '';
	if (!startDate || !dueDate) {
		return { part: 'time', ok: null, reason: `no start or due date to check the time frame${said}`, suggestion: 'give the target or its plan a review date' };
	}
	const days = daysBetween(startDate, dueDate);
	const weeks = Math.round(days / 7);
	if (days >= 42 && days <= 112) return { part: 'time', ok: true, reason: `due ${weeks} weeks after the plan starts` };
	return {
		part: 'time',
		ok: false,
		reason: days < 42 ? `due only ${countOf(Math.max(0, weeks), 'week')} after the plan starts${said}` : `due ${weeks} weeks after the plan starts, more than a term${said}`,
		suggestion: 'set it to be met within 6 to 16 weeks (about a term), then review'
	};
}

/** The target Plan quality's checker opens with, for a user to change. */
export const EXAMPLE_TARGET = '[Pupil] will read 20 high-frequency words with an adult on 4 out of 5 occasions';

let example: SmartResult | undefined;
/**
 * The example's findings, worked out once a session: the checker's patterns are compiled over its first
 * runs (about 0.1 s, then 13–40 ms as V8 compiles them to machine code), which the page need not wait for.
 */
export const exampleCheck = (): SmartResult => (example ??= checkTarget(EXAMPLE_TARGET));

export function checkTarget(text: string, opts: { startDate?: string | null; dueDate?: string | null } = {}): SmartResult {
	const t = normalise(text);
	const lower = t.toLowerCase();
	const led = adultLed(lower);
	const adult = led ? quoter(t, lower)(led).replace(/^by [^,]{1,60},\s*/i, '') : null;
	const reading = readClauses(lower);
	const criterion = checkCriterion(t, lower, reading);
	const findings = [
		checkWho(t, reading, adult),
		checkAction(reading.forVerb, adult),
		checkConditions(t, lower, reading, adult, criterion.ok === true),
		criterion,
		checkTime(t, opts.startDate, opts.dueDate)
	];
	// An adult-led target always has a failed part (who), so the stored five-part code agrees with `smart`.
	const smart = findings.every((f) => f.ok !== false);
	return { smart, findings, adultLed: adult !== null };
}
