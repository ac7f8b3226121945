/**
 * Provision words to quantities: "1:1 TA 10 mins daily", "Lego therapy group of 4, twice weekly, 30 mins,
 * HLTA". Each quantity is read only where the words say it, once: words that give two different answers
 * (two session lengths, say) leave it blank. A blank is unknown, never zero.
 */

export interface ProvisionWords {
	intervention: string;
	delivered_by: string;
	sessions_per_week: string;
	minutes_per_session: string;
	group_size: string;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, once: 1, two: 2, twice: 2, three: 3, thrice: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, an: 1 };
const num = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
const N = String.raw`(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)`;

/** Staff roles as the contract's staff rates name them; the longer wording first. */
const ROLES: [RegExp, string][] = [
	[/\bHLTAs?\b|\bhigher level teaching assistants?\b/i, 'HLTA'],
	[/\bSENDCos?\b|\bSENCOs?\b|\bSENCos?\b/i, 'SENDCo'],
	[/\bTAs?\b/, 'TA'],
	[/\bteaching assistants?\b|\bLSAs?\b|\blearning support assistants?\b/i, 'TA'],
	[/\b(?:class |specialist )?teachers?\b/i, 'Teacher'],
	[/\bSALT\b|\bspeech and language therapists?\b|\beducational psychologists?\b|\boccupational therapists?\b|\boutside agency\b|\bexternal\b/i, 'External']
];

interface Rule {
	re: RegExp;
	value: (m: RegExpExecArray) => number;
	/** The words stay part of the intervention's name ("Paired reading"). */
	keep?: boolean;
}

const SESSIONS: Rule[] = [
	{ re: new RegExp(String.raw`\b${N}\s*(?:x|times?)\s*(?:a|per|each|every)?\s*(?:week|weekly|wk)\b`, 'gi'), value: (m) => num(m[1]) },
	{ re: /\b(once|twice|thrice)\s*(?:a|per|each|every)?\s*(?:week|weekly)\b/gi, value: (m) => num(m[1]) },
	{ re: new RegExp(String.raw`\b${N}\s*(?:x|times?)\s*(?:a|per|each|every)?\s*(?:day|daily)\b`, 'gi'), value: (m) => num(m[1]) * 5 },
	{ re: /\b(once|twice|thrice)\s*(?:a|per|each|every)?\s*(?:day|daily)\b/gi, value: (m) => num(m[1]) * 5 },
	{ re: new RegExp(String.raw`\bx\s*${N}\s*(?:a|per|each|every)?\s*(?:week|weekly|wk)\b`, 'gi'), value: (m) => num(m[1]) },
	{ re: /\b(?:daily|every day|each day|a day|per day|every morning|every afternoon|each morning|each afternoon)\b/gi, value: () => 5 },
	{ re: /\b(?:weekly|every week|each week|a week|per week)\b/gi, value: () => 1 },
	{ re: /\b(?:fortnightly|every two weeks|every other week)\b/gi, value: () => 0.5 }
];

const MINUTES: Rule[] = [
	{ re: /\bhalf an? hour\b/gi, value: () => 30 },
	{ re: new RegExp(String.raw`\b${N}\s*(?:-|to)\s*${N}\s*(?:mins?|minutes?)\b`, 'gi'), value: () => NaN },
	{ re: new RegExp(String.raw`\b${N}\s*(?:mins?|minutes?|m)\b`, 'gi'), value: (m) => num(m[1]) },
	{ re: new RegExp(String.raw`\b${N}\s*(?:hours?|hrs?)\b`, 'gi'), value: (m) => num(m[1]) * 60 },
	{ re: /\ban hour\b/gi, value: () => 60 }
];

const GROUP: Rule[] = [
	{ re: /\b(?:1\s*:\s*1|1\s*-\s*1|one[ -]to[ -]one|individual(?:ly)?|1 to 1)\b/gi, value: () => 1 },
	{ re: new RegExp(String.raw`\bgroups?\s+of\s+${N}\b`, 'gi'), value: (m) => num(m[1]) },
	{ re: new RegExp(String.raw`\b${N}\s+(?:pupils|children|students)\b`, 'gi'), value: (m) => num(m[1]) },
	{ re: /\b1\s*:\s*(\d+)\b/gi, value: (m) => Number(m[1]) },
	{ re: /\b(\d+)\s*:\s*1\b/gi, value: (m) => Number(m[1]) },
	{ re: /\b(?:in )?pairs?\b|\bpaired\b/gi, value: () => 2, keep: true }
];

/** The one value the rules find, with the spans they cover; blank when none or when they disagree. */
function readRules(text: string, rules: Rule[], taken: [number, number][], named: [number, number][]): string {
	const values = new Set<number>();
	for (const rule of rules) {
		rule.re.lastIndex = 0;
		for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
			const span: [number, number] = [m.index, m.index + m[0].length];
			if (taken.some(([a, b]) => span[0] < b && a < span[1])) continue;
			taken.push(span);
			if (!rule.keep) named.push(span);
			values.add(rule.value(m));
		}
	}
	if (values.size !== 1) return '';
	const [value] = values;
	return Number.isFinite(value) && value > 0 ? String(value) : '';
}

const FILLER_WORDS = String.raw`(?:delivered by|delivery of|delivered|led by|run by|with|by|from|and|the|for|sessions?|support(?: of)?|of|per|each|every|times?|mins?|minutes?|x|as (?:and when )?(?:needed|required)|when needed|mornings?|afternoons?)`;
const LEADING_FILLER = new RegExp(String.raw`^(?:${FILLER_WORDS}\b\s*)+`, 'i');
const TRAILING_FILLER = new RegExp(String.raw`(?:\s*\b${FILLER_WORDS})+$`, 'i');

export function provisionWords(raw: string): ProvisionWords {
	const text = raw.replace(/\s+/g, ' ').trim();
	const taken: [number, number][] = [];
	const group_size = readRules(text, GROUP, taken, []);
	const minutes_per_session = readRules(text, MINUTES, taken, []);
	const sessions_per_week = readRules(text, SESSIONS, taken, []);
	const roles = new Set<string>();
	for (const [re, role] of ROLES) {
		const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
		for (let m = g.exec(text); m; m = g.exec(text)) {
			if (taken.some(([a, b]) => m!.index < b && a < m!.index + m![0].length)) continue;
			taken.push([m.index, m.index + m[0].length]);
			roles.add(role);
		}
	}
	return {
		intervention: interventionName(text),
		delivered_by: roles.size === 1 ? [...roles][0] : '',
		sessions_per_week,
		minutes_per_session,
		group_size
	};
}

/**
 * The intervention's name: the words before the first colon or comma ("Precision Teaching: 1:1 TA…",
 * "Numicon, group of 3…"), less any quantities written in them ("Lego therapy group of 4"); the words
 * as written when nothing but quantities and roles is left ("1:1 TA 10 mins daily").
 */
function interventionName(text: string): string {
	const first = text.split(/:\s|[,;\n(–—]|\s-\s/)[0].trim();
	const spans: [number, number][] = [];
	const kept: [number, number][] = [];
	for (const rules of [GROUP, MINUTES, SESSIONS]) readRules(first, rules, kept, spans);
	let rest = '';
	let at = 0;
	for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
		if (a > at) rest += first.slice(at, a);
		rest += ' ';
		at = Math.max(at, b);
	}
	rest += first.slice(at);
	// A role written after the name with the quantities ("Precision teaching 1:1 TA 10 mins daily") is not part of it.
	const name = rest
		.replace(/\s+/g, ' ')
		.trim()
		.replace(LEADING_FILLER, '')
		.replace(TRAILING_FILLER, '')
		.replace(spans.length ? /(?:\s+(?:with|by|from)?\s*(?:an?\s+)?(?:HLTA|TA|LSA|SENDCo|SENCO|SENCo)s?)+$/ : /$^/, '')
		.replace(/^[\s,.:-]+|[\s,.:-]+$/g, '');
	let withoutRoles = name;
	for (const [re] of ROLES) withoutRoles = withoutRoles.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'), ' ');
	const left = withoutRoles.replace(/\s+/g, ' ').trim().replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
	return (/\p{L}{2}/u.test(left) ? name : text).slice(0, 120);
}
