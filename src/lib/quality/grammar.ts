/**
 * Reads the grammar of a target, not a list of approved verbs: finds the verb the target is built on (after will / can /
 * to / "I can", past adverbs and "be able to") and judges it observable unless it names a state of mind, a vague
 * change or attendance at a programme. Also spots adult-led targets. Runs on lower-case normalised text (see smart.ts).
 */
import { PROGRAMME } from './vocab';

export type VerbVerdict = { kind: 'action'; verb: string } | { kind: 'vague'; verb: string } | { kind: 'programme'; verb: string } | { kind: 'none' };

/** States of mind and vague changes: nobody can see or count them (stems; inflections allowed). */
const VAGUE = new RegExp(
	'^(?:' +
		[
			'understand',
			'know',
			'improve',
			'develop',
			'learn',
			'feel',
			'engag',
			'enjoy',
			'manag',
			'gain',
			'grow',
			'cope',
			'behav',
			'increas',
			'reduc',
			'progress',
			'reach (?!for|out|up|across|over)',
			'tr(?:y|ies|ied) (?:to|harder|hard|his|her|their|my|your)\\b',
			'appreciat',
			'becom',
			'became',
			'believ',
			'think',
			'realis',
			'want',
			'like',
			'love',
			'wish',
			'care',
			'settl',
			'extend',
			'enhanc',
			'boost',
			'strengthen',
			'build (?:on|up|confidence|resilience|self)',
			'consolidat',
			'secur',
			'embed',
			'be (?!able to)',
			'been',
			'have',
			'has',
			'get (?:better|on)',
			'work (?:on|towards?|at)',
			'make (?:\\S+ ){0,2}(?:progress|friends|good choices|better choices|the right choices|sensible choices|choices|an effort|improvements?)',
			'do (?:his|her|their|my|your) best',
			'achieve (?:his|her|their|my|your) (?:potential|best|goals?|targets?)',
			'take (?:responsibility|ownership|pride)',
			'continu(?:e|es|ing) (?:to )?(?:make|develop|improve|work)',
			'(?:show|demonstrat)\\w* (?:an? |more |some |greater |increased |improved |good |better |his |her |their )*(?:understanding|awareness|knowledge|confidence|improvement|progress|positive|respect|empathy|resilience|interest|maturity|willingness|readiness|an awareness|independence|self)',
			'aware',
			'confident',
			'happ(?:y|ier)',
			'kind',
			'ready',
			'motivat',
			'focus better',
			'concentrat\\w* better',
			'participate fully',
			'accept (?:that|responsibility)',
			'respect'
		].join('|') +
		')'
);
/** Changes of degree that make any verb vague: "communicate more effectively", "focus better", "read with more fluency". */
const VAGUE_DEGREE = /^(?:\S+\s+){0,5}?(?:better|harder|faster|quicker|more (?!than\b)\w+ly|with (?:more|greater|increased|improved|better)\b|more positive|less (?!than\b)\w+)/;
/** Participation verbs: what follows decides whether it is a skill or provision. */
const PARTICIPATE = /^(?:attend(?:s|ing)?|go(?:es)? to|take(?:s)? part in|participat(?:e|es|ing) in|join(?:s)? in(?: with)?|join(?:s)?|access(?:es)?|receiv(?:e|es))\b/;
/** Attending school or lessons is an attendance outcome a SENDCo counts; attending Lexia is provision. */
const ATTENDANCE = /^attend(?:s|ing)?\s+(?:school|all\b|every|his|her|their|my|lessons|class|registration|tutor|form|morning|full|the whole|\d)/;

/** Words between the anchor and the verb that do not change what the pupil does. */
const SKIP =
	/^(?:(?:now|also|always|then|still|soon|often|not only|be able to|begin to|start to|continue to|go on to|aim to|need to|be expected to|attempt to|learn to|be taught to|independently and|with support|with help)\s+|(?!(?:apply|reply|supply|multiply|comply|rely|fly|ally|bully|tally|rally|belly|jelly)\b)[a-z]+ly\s+)+/;

/** First words that show a line is not a target written without its subject. */
const NOT_A_VERB = /^(?:see|n|na|none|nil|tbc|tba|as|same|the|a|an|this|that|these|target|targets|pupil|child|student|area|outcome|outcomes|ongoing|no|not|yes|and|or|but|if|for|of|in|on|at|with)$/;
const MODAL = /\b(?:will|can|could|shall|should|must|(?:am|is|are) going to|(?:would like|wants?|aims?|needs?|is|are|am) to|target is to|(?:is|are|am|be) able to)\s+/g;

function stripSkips(rest: string): string {
	const m = SKIP.exec(rest);
	return m ? rest.slice(m[0].length) : rest;
}

/**
 * Words that open a sentence as its verb or a preposition, never as the pupil's name: "Respond to greetings…",
 * "Listen to a story…", "To read…". Read by the subject finder (smart.ts) as well as here.
 */
export const OPENING_WORDS = new Set(
	'to by use work can will read reads when with in at during using this it there we you all each every given provided after before within upon for respond listen go talk speak reply point move walk run attend come get return transition turn say stick keep learn begin start try need want like be aim continue stop indicate write count show ask tell look wait sit stay help support provide encourage enable ensure allow model teach give offer'.split(
		' '
	)
);

/** The verb phrase the target is built on, starting at its main verb (lower case). */
export function mainVerbPhrase(t: string): string | null {
	// "By the end of the spring term, [Pupil] will…": the time frame is not the target.
	const body = t.replace(/^by [^,]{1,60},\s*/, '');
	MODAL.lastIndex = 0;
	const m = MODAL.exec(body.replace(/\b(will|can|could|should|must)\s*,\s*[^,]{1,100},\s*/, '$1 '));
	// "Student will, when given a prompt, use…": a clause between commas parts the modal from its verb.
	if (m) return stripSkips(body.replace(/\b(will|can|could|should|must)\s*,\s*[^,]{1,100},\s*/, '$1 ').slice(m.index + m[0].length));
	// "[Pupil] to read…", "Pupil to read…", "For XXX to count…", "Ben to improve…": a subject and "to" are the verb's
	// anchor, as in plans written as headings.
	const subjectTo = /^(?:for\s+)?(?:\[[^\]]{1,30}\]|(?:the )?(?:pupil|child|student|learner|young person)|[a-z'-]+)\s+to\s+(?=[a-z])/.exec(body);
	// The first word is the subject unless it is itself a verb or preposition ("Respond to greetings…").
	if (subjectTo && !OPENING_WORDS.has(subjectTo[0].replace(/^for\s+/, '').split(' ', 1)[0])) return stripSkips(body.slice(subjectTo[0].length));
	// "To read…": the verb follows "to". "Reads 20 words…" or "Use a visual timetable": the first word is the verb, if
	// the text reads like a target at all ("N/A", "See above" and a bare heading do not).
	const rest = stripSkips(body.replace(/^(?:to|i|we)\s+/, ''));
	if (/^to\s/.test(body)) return rest;
	const words = rest.split(' ', 3);
	return words.length >= 3 && /^[a-z]+$/.test(words[0]) && !NOT_A_VERB.test(words[0]) ? rest : null;
}

const firstWords = (phrase: string, n: number) =>
	phrase
		.split(' ', n)
		.join(' ')
		.replace(/[^a-z' -]+$/, '');

/** Judges the verb phrase. `phrase` starts at the verb. */
export function judgeVerb(phrase: string | null): VerbVerdict {
	if (!phrase || !/^[a-z]/.test(phrase)) return { kind: 'none' };
	const vague = VAGUE.exec(phrase);
	if (vague) {
		const words = phrase.split(' ');
		const verb = /^(?:be|been|have|has|make|do|take|get|work|show|demonstrat|continu)/.test(vague[0]) ? firstWords(phrase, Math.min(3, words.length)) : words[0];
		return { kind: 'vague', verb: verb.replace(/[,.;:]+$/, '') };
	}
	const part = PARTICIPATE.exec(phrase);
	if (part && !ATTENDANCE.test(phrase)) {
		// The programme is what is attended, before any setting or measure: "attend Lexia 3 times a week".
		const object = /^[^,\d]*?(?=,|\d|\b(?:at|during|when|on|for|using|with|by|from|until|before|after|to|in)\b|$)/.exec(phrase.slice(part[0].length))![0];
		if (/^(?:attend|access|receiv)/.test(part[0]) || PROGRAMME.test(object)) return { kind: 'programme', verb: `${part[0]}${object}`.trim() };
	}
	const degree = VAGUE_DEGREE.exec(phrase);
	if (degree) return { kind: 'vague', verb: degree[0] };
	return { kind: 'action', verb: phrase.split(' ', 1)[0].replace(/[,.;:]+$/, '') };
}

/**
 * Adult-led targets describe provision: "Support [Pupil] to…", "To provide…", "[TA] will…", "[Pupil] will be given…".
 * Returns the words that show it, or null.
 */
const ADULT_LED = new RegExp(
	[
		String.raw`^(?:by [^,]{1,60},\s*)?(?:to\s+)?(?:provide|support|supporting|help|encourage|enable|allow|offer|ensure|deliver|teach|give|model|prompt|remind|set up|put in place|implement|arrange)\b`,
		String.raw`^(?:by [^,]{1,60},\s*)?(?:the |all |his |her |their |class |key |school )?(?:adults?|staff|tas?|teachers?|teaching assistants?|hltas?|sendco|senco|key ?workers?|key adults?|parents?|carers?|we|school|mentors?|therapists?|salt)\s+(?:will|to|should|must|can)\b`,
		String.raw`^(?:by [^,]{1,60},\s*)?\[(?:ta|hlta|teacher|class teacher|adult|staff|sendco|senco|key ?worker|keyworker|key adult|mentor|parent|therapist|salt)[^\]]*\]`,
		String.raw`\bwill\s+(?:be\s+(?:given|provided|offered|supported|helped|taught|encouraged|allowed|prompted|reminded)|receive|have (?:access to|daily|weekly|regular|a (?:daily|weekly|regular))|get (?:support|help))\b`
	].join('|')
);
export function adultLed(lower: string): RegExpExecArray | null {
	return ADULT_LED.exec(lower);
}

/** In an adult-led target, the pupil's own verb, if any: "Support [Pupil] to read 20 words" → "read 20 words". */
export function pupilVerbInAdultLed(t: string): string | null {
	const m = /(?:\[[^\]]*\]|\b(?:him|her|them|the (?:pupil|child|student)))\s+to\s+(.+)$/.exec(t);
	return m ? stripSkips(m[1]) : null;
}
