/**
 * The SMART target checker: plain TypeScript, no network. It reads a target as a teacher would
 * and says, part by part, what makes it specific, observable and measurable, or what is missing,
 * with a suggestion. It looks for the parts, never at length: a long vague target fails.
 */
export type SmartPart = 'who' | 'action' | 'conditions' | 'criterion' | 'time';
export interface Finding {
	part: SmartPart;
	/** null only for `time`, when a date needed to judge it is missing. */
	ok: boolean | null;
	reason: string;
	suggestion?: string;
}
export interface SmartResult {
	smart: boolean;
	findings: Finding[];
}

const WHO = /\[[^\]]{1,30}\]|\b(?:the (?:pupil|child|student|learner|young person)|he|she|they|xx)\b|(?:^|[\s"“(])I\b/i;

/** Verbs nobody can see or count. */
const VAGUE = [
	'improve', 'improves', 'improving', 'understand', 'understands', 'understanding', 'know', 'knows', 'develop', 'develops', 'developing',
	'engage', 'engages', 'be more confident', 'be confident', 'become more confident', 'be aware', 'become aware', 'feel', 'feels', 'learn',
	'learns', 'become', 'try to', 'work on', 'have better', 'be happier', 'be happy', 'enjoy', 'enjoys', 'manage', 'manages', 'be better',
	'be more independent', 'be more', 'appreciate', 'gain'
];
const VAGUE_RE = new RegExp(`\\b(?:${VAGUE.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** Things an adult can see a child do. */
const ACTIONS = [
	'read', 'write', 'say', 'name', 'ask', 'count', 'use', 'complete', 'follow', 'sit', 'take turns', 'take a turn', 'point', 'spell',
	'answer', 'identify', 'match', 'sort', 'tell', 'greet', 'share', 'wait', 'stay', 'walk', 'tie', 'dress', 'type', 'form', 'copy',
	'add', 'subtract', 'multiply', 'divide', 'recall', 'recite', 'label', 'draw', 'join', 'put', 'fasten', 'button', 'leave', 'return',
	'request', 'respond', 'reply', 'listen', 'look', 'choose', 'select', 'find', 'order', 'sequence', 'retell', 'describe', 'explain',
	'start', 'begin', 'finish', 'pack', 'unpack', 'line up', 'hold', 'catch', 'throw', 'kick', 'jump', 'hop', 'cut', 'colour', 'trace',
	'blend', 'segment', 'sound out', 'decode', 'check', 'record', 'show', 'give', 'accept', 'play', 'speak', 'sign', 'signal', 'move',
	'go', 'remain', 'toilet', 'wash', 'eat', 'drink', 'open', 'close', 'log', 'enter', 'arrive', 'attend', 'carry', 'bring', 'organise',
	'plan', 'make', 'build a sentence', 'calculate', 'measure', 'tell the time', 'solve', 'punctuate', 'edit', 'proofread', 'present',
	'contribute', 'request', 'stop', 'breathe', 'report', 'note', 'highlight', 'underline', 'tick', 'press', 'click', 'find'
];
const ACTION_RE = new RegExp(`\\b(?:${ACTIONS.map((a) => a.replace(/ /g, '\\s+')).join('|')})(?:s|es|ing)?\\b`, 'i');

const CONDITIONS_RE =
	/\b(?:with(?:out)?\s+(?:\w+\s+){0,3}(?:support|prompts?|help|reminders?|adults?|ta|hlta|visual|cards?|timer|frame|grip|cushion|buddy|peer|partner|aids?|line|square|mat|checklist|scaffold|model|word bank|resources?|fidget|headphones|equipment|key ?words?|sentence starters?|pictures?|symbols?)|independently|unaided|using\s+\w+|in\s+(?:class|the classroom|lessons?|the playground|assembly|the hall|a small group|small[- ]group|groups?|pairs?|pe|maths|english|literacy|phonics|the dinner hall|the lunch hall|the corridor|the library|the nurture room|the base|forest school|registration|tutor time|the mornings?|the afternoons?)|(?:using|use|uses|with|from|on)\s+(?:a|an|the|their|his|her|my|some)?\s*(?:[\w-]+\s+){0,2}?(?:line|cards?|flash ?cards|frame|mat|timetable|buttons|grip|numicon|counters|laptop|ipad|tablet|box|chart|board|square|resources?|equipment|timer|cushion|paper|pencil|scissors|keyboard|dictionary|word bank|checklist|visuals?|sound buttons)|during\s+\w+|at\s+(?:lunchtime|break ?time|playtime|home time|the start|the end|registration|the door|the classroom door|home)|on the carpet|when (?:prompted|asked|given|upset|anxious|angry|worried|he|she|they|I)|(?:given|after)\s+(?:a|an|one|two)\s+\w+|from (?:a|an|the)\s+(?:list|model|board|visual|timetable))\b/i;

const CRITERION_RE = new RegExp(
	[
		String.raw`\b\d+\s*(?:out\s+of|\/|of\s+the)\s*\d+\b`,
		String.raw`\b\d+(?:\.\d+)?\s*%`,
		String.raw`\b(?:on|in|at least|for)\s+\d+\s+(?:consecutive\s+)?(?:occasions?|sessions?|days?|lessons?|weeks?|times?|attempts?|mornings?|afternoons?|opportunities|checks?|tests?|assessments?)\b`,
		String.raw`\b\d+\s+consecutive\b`,
		String.raw`\b(?:within|in under|in less than|for(?: at least)?|up to)\s+\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?)\b`,
		String.raw`\b(?:once|twice|three times|\d+\s+times)\s+(?:a|per|each)\s+(?:day|week|lesson|session)\b`,
		String.raw`\b(?:every|each)\s+(?:day|morning|afternoon|lesson|session)\s+for\s+(?:a|\d+)\s+(?:week|weeks|days)\b`,
		String.raw`\b\d+\s+(?:high[- ]frequency\s+|common\s+(?:exception\s+)?|key\s+|new\s+|tricky\s+|sight\s+|topic\s+)?(?:words?|sentences?|letters?|sounds?|numbers?|facts?|questions?|steps?|feelings?|peers?|friends?|pages?|lines?|sums?|problems?|items?|instructions?|strategies|emotions?|buttons?|activities|tasks?|turns?|spellings?|bonds?|times tables?|phonemes?|graphemes?|digraphs?|lower[- ]case\s+letters?|capital\s+letters?)\b`,
		String.raw`\b(?:all|every one of the)\s+\d+\b`
	].join('|'),
	'i'
);
/** Numbers that are dates or year groups, not a measure of success. */
const NOT_A_MEASURE = /\b(?:by|in|for|before|at)\s+(?:year|y)\s*\d+\b|\byear\s*\d+\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}\b/gi;
const TIME_WORDS = /\b(?:by (?:the end of )?(?:christmas|easter|half[- ]term|the end of (?:term|the term|the year)|summer|the next review|[a-z]+ half term)|in \d+ weeks|within \d+ weeks|by \d{1,2}[/.-]\d{1,2})/i;

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

function normalise(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

function checkWho(t: string): Finding {
	const m = WHO.exec(t);
	if (m) return { part: 'who', ok: true, reason: `names who will do it ("${m[0].trim().replace(/^["“(]/, '')}")` };
	return {
		part: 'who',
		ok: false,
		reason: 'does not say who will do it',
		suggestion: 'start with the pupil, e.g. "[Pupil] will…", or in their own words, "I will…"'
	};
}

/** What follows "will", "to", "can": the verb the target is built on. */
const LEAD = /\b(?:will|to|can|should|must)\s+((?:(?:be able to|independently|confidently|consistently|now|also|always|then|begin to|start to|continue to)\s+)*)([a-z]+(?:\s+[a-z]+){0,2})/gi;
const startsWith = (re: RegExp, phrase: string) => new RegExp(`^(?:${re.source})`, 'i').exec(phrase);
const VAGUE_START = new RegExp(VAGUE.map((v) => v.replace(/ /g, '\\s+')).join('|'));
const ACTION_START = new RegExp(`(?:${ACTIONS.map((a) => a.replace(/ /g, '\\s+')).join('|')})(?:s|es|ing)?\\b`);

function checkAction(t: string): Finding {
	let vague: string | null = null;
	for (const m of t.matchAll(LEAD)) {
		const phrase = m[2].toLowerCase();
		const v = startsWith(VAGUE_START, phrase);
		if (v && !/^be able to/.test(m[1])) {
			vague ??= v[0].replace(/\s+/g, ' ');
			continue;
		}
		const a = startsWith(ACTION_START, phrase);
		if (a) return { part: 'action', ok: true, reason: `says what the pupil will do ("${a[0]}")` };
	}
	// Targets written without "will" ("Reads 20 words…"): the first word may be the action.
	const first = ACTION_RE.exec(t.split(' ').slice(0, 3).join(' '));
	if (!vague && first) return { part: 'action', ok: true, reason: `says what the pupil will do ("${first[0].toLowerCase()}")` };
	vague ??= VAGUE_RE.exec(t)?.[0].toLowerCase() ?? null;
	if (vague) {
		return {
			part: 'action',
			ok: false,
			reason: `"${vague}" cannot be seen or counted`,
			suggestion: 'say what the pupil will do that an adult can see, e.g. "read 20 high-frequency words" or "ask for help using a help card"'
		};
	}
	return { part: 'action', ok: false, reason: 'does not say what the pupil will do', suggestion: 'add an action an adult can see, e.g. "will write 3 sentences"' };
}

function checkConditions(t: string): Finding {
	const m = CONDITIONS_RE.exec(t);
	if (m) return { part: 'conditions', ok: true, reason: `says under what conditions ("${m[0]}")` };
	return {
		part: 'conditions',
		ok: false,
		reason: 'does not say under what conditions (support, materials or setting)',
		suggestion: 'add the support, materials or place, e.g. "with one adult prompt", "using a number line" or "in class"'
	};
}

function checkCriterion(t: string): Finding {
	const clean = t.replace(NOT_A_MEASURE, ' ');
	const m = CRITERION_RE.exec(clean);
	if (m) return { part: 'criterion', ok: true, reason: `says how success is measured ("${m[0].trim()}")` };
	return {
		part: 'criterion',
		ok: false,
		reason: 'does not say how success will be measured',
		suggestion: 'add how success is measured, e.g. "on 4 out of 5 occasions", "with 80% accuracy" or "within 2 minutes"'
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
		reason: days < 42 ? `due only ${Math.max(0, weeks)} week(s) after the plan starts${said}` : `due ${weeks} weeks after the plan starts, more than a term${said}`,
		suggestion: 'set it to be met within 6 to 16 weeks (about a term), then review'
	};
}

export function checkTarget(text: string, opts: { startDate?: string | null; dueDate?: string | null } = {}): SmartResult {
	const t = normalise(text);
	const findings = [checkWho(t), checkAction(t), checkConditions(t), checkCriterion(t), checkTime(t, opts.startDate, opts.dueDate)];
	const smart = findings.every((f) => f.ok !== false);
	return { smart, findings };
}
