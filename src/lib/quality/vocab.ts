/**
 * The words the SMART checker reads targets with. Conditions and criteria are recognised by their shape (a preposition
 * and a kind of noun, a number and a kind of unit), so the lists hold kinds of things, not whole targets.
 * All patterns run on lower-case text with straight quotes and single spaces (see `normalise` in smart.ts).
 */

const alt = (words: string[]) => words.map((w) => w.replace(/ /g, '\\s+')).join('|');

/** Numbers written as words, as targets often are ("three times a week", "two friends"). "one"/"a" are left out: "one adult prompt" is a condition, not a measure. */
const NUM_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred'];
export const NUM = `(?:\\d+|${NUM_WORDS.join('|')})`;

/** Supports, prompts and materials: what the pupil has to hand or is helped by. */
const MATERIALS = [
	'support', 'prompts?', 'help', 'reminders?', 'adults?', 'ta', 'hlta', 'peers?', 'partners?', 'talk partner', 'friends?', 'buddy', 'mentor',
	'key (?:adult|person|worker)', 'teachers?', 'visuals?', 'visual (?:prompts?|support|timetable|timer|cues?)', 'timers?', 'timetable', 'cards?',
	'flash ?cards', 'frames?', 'grips?', 'cushion', 'lines?', 'squares?', 'mats?', 'checklists?', 'scaffolds?', 'models?', 'word banks?',
	'banks?', 'resources', 'fidget(?: toy)?', 'toys?', 'headphones', 'ear defenders', 'key ?words', 'sentence[- ]starters?', 'starters?',
	'pictures?', 'symbols?', 'ruler', 'scissors', 'counters', 'numicon', 'laptop', 'ipad', 'tablet', 'computer', 'charts?', 'board',
	'whiteboard', 'planner', 'strips?', 'fans?', 'thermometer', 'scales?', 'aids?', 'bar model', 'handrail', 'sound buttons', 'buttons',
	'tray', 'reader pen', 'pen', 'pencil', 'crayons', 'spell-?checker', 'communication book', 'reading book', 'social story', 'library',
	'sheets?', 'grids?', 'sequence', 'box', 'bag', 'wobble cushion', 'writing slope', 'slope', 'calm box', 'worry box', 'workstation',
	'makaton', 'signs?', 'objects of reference', 'now and next', 'dictionary', 'keyboard', 'clock', 'program(?:me)?', 'app', 'text', 'list',
	'memory', 'paper', 'rubric', 'phrase', 'script', 'tools?', 'strategy', 'organiser', 'dictaphone', 'scribe', 'reader', 'spoon', 'cup'
];
/** Places, times of day and activities the action happens in. */
const SETTINGS = [
	'class', 'classroom', '(?:\\w+ )?lessons?', 'playground', 'playtimes?', 'breaks?', 'break ?times?', 'lunch(?: ?times?)?',
	'lunchtimes?', 'dinner hall', 'hall', 'assembly', 'nursery', 'reception', 'school', 'home', 'carpet', '(?:snack|story|circle|group|choosing|home|going-home|tidy-up|tidy up|lunch|break|play|carpet|quiet|reading|tutor|form|golden|free|outdoor|meal|dinner|nap|rest|transition|register|song|music|phonics|singing|fruit|milk|welcome|home-time|end-of-day|dance|sharing|show and tell|busy|work) ?time', 'groups?', 'pairs', 'sessions?', 'activit(?:y|ies)', 'games?', 'play', 'tests?', 'checks?', 'quiz(?:zes)?',
	'dictated sentences', 'dictation', '(?:independent |extended )?writing', '(?:guided|shared|group|paired) reading', 'registration',
	'mornings?', 'afternoons?', 'areas?', 'tray', 'table', 'teaching', 'trips?', 'outings?', 'forest school', 'base', 'library', 'corridors?', 'canteen', 'gate', 'door', 'bus', 'taxi',
	'conversations?', 'discussions?', 'tutor time', 'form time', 'mock papers?', 'papers?', 'exams?', 'assessments?',
	'bay', 'room', 'space', 'hub', 'unit', 'nurture room', 'group work', 'pair work', 'register'
];
/** School subjects are a setting after "in" or "during" ("in maths"), not after "at" ("better at maths"). */
const SUBJECTS = ['pe', 'maths', 'english', 'science', 'literacy', 'numeracy', 'phonics', 'elsa', 'history', 'geography', 'art', 'music', 'computing', 'drama', 'french', 'spanish', 'games', 'swimming', 'design', 'technology', 'rse', 'pshe', 're'];
const DET = `(?:(?:a|an|the|his|her|their|my|our|your|its|one|two|each|every|all|some|this|that|these|those|other)\\s+)?`;
/** Up to three describing words; never a number, "out of" or another preposition, so "in 3 lessons" stays a criterion. */
const ADJ = `(?:(?!\\d|(?:out|of|in|at|on|during|for|with|to|when|and)\\b)[\\w'-]+\\s+){0,3}?`;
const ADJ_OR_COUNT = `(?:[\\w'-]+\\s+){0,3}?`;

/** "with one adult prompt", "using a number line", "in class", "during pair work", "when asked", "independently". */
export const CONDITIONS = new RegExp(
	[
		String.raw`\b(?:using|via|through|following|holding|wearing)\s+[\w'-]+(?:\s+[\w'-]+){0,2}`,
		String.raw`\bwith(?:out)?\s+${DET}${ADJ_OR_COUNT}(?:${alt(MATERIALS)})\b`,
		String.raw`\b(?:uses?|on|from)\s+${DET}${ADJ}(?:${alt(MATERIALS)})\b`,
		String.raw`\b(?:in|at|during|on|around|inside|outside|for)\s+${DET}${ADJ}(?:${alt(SETTINGS)})\b`,
		String.raw`\b(?:in|during|for)\s+(?:${alt(SUBJECTS)})\b`,
		String.raw`\bduring\s+[\w'-]+`,
		String.raw`\b(?:independently|unaided|unprompted|without (?:adult |any |an )?(?:support|help|prompts?|prompting|reminders?)|from memory|on (?:his|her|their|my) own|by (?:him|her|them|my)sel(?:f|ves))\b`,
		String.raw`\bwhen\s+(?!to\b)[\w'-]+`,
		String.raw`\b(?:after|before)\s+(?:using|playtime|lunch|break|school|a break|each|every|the|his|her|their|my|assembly|pe)\b`,
		String.raw`\b(?:on (?:request|arrival|entry)|if (?:needed|necessary)|given\s+(?:a|an|one|two|the)\s+\w+|at the (?:start|end|beginning) of)\b`
	].join('|')
);

/**
 * Objects of engage/participate and destinations of arrive/go: "engage in turn-taking games" names the activity, not a
 * setting, and "arrive at lessons" names where the pupil goes. Blanked before conditions are looked for.
 */
export const NOT_A_CONDITION = /\b(?:engag(?:e|es|ing)|participat(?:e|es|ing)|take(?:s)? part|join(?:s)? in|arriv(?:e|es|ing)|come|comes|coming|go|goes|going|get|gets|travel|travels)\s+(?:in|at|into|in to|to|with)\b|\b(?:with|in)\s+(?:\d+|a|an|\w+)%?\s*(?:%|per ?cent|accuracy)|\bwith (?:the )?(?:correct|right) equipment\b|\badult-led\b/g;

const COUNTABLE = [
	'words?', 'sentences?', 'letters?', 'sounds?', 'facts?', 'questions?', 'feelings?', 'emotions?', 'peers?', 'friends?', 'pages?', 'lines?',
	'sums?', 'problems?', 'items?', 'instructions?', 'strategies', 'activities', 'tasks?', 'turns?', 'spellings?', 'bonds?', 'phonemes?',
	'graphemes?', 'digraphs?', 'trigraphs?', 'hops?', 'jumps?', 'throws?', 'catches?', 'kicks?', 'objects?', 'pairs?', 'things?', 'ideas?',
	'events?', 'devices?', 'signs?', 'songs?', 'colours?', 'shapes?', 'parts?', 'papers?', 'keys?', 'numbers?', 'coins?', 'names?', 'steps',
	'buttons?', 'beads?', 'marks?', 'errors?', 'mistakes?', 'points?', 'paragraphs?', 'stories', 'books?', 'texts?', 'calculations?',
	'answers?', 'times tables? facts?', 'multiplication facts?', 'phrases?', 'requests?', 'responses?', 'comments?', 'contributions?',
	'features?', 'details?', 'reasons?', 'examples?', 'exchanges?', 'pieces?', 'days?', 'lessons?', 'sessions?', 'occasions?', 'attempts?',
	'times', 'minutes?', 'mins?', 'seconds?', 'secs?', 'hours?', 'laps?', 'metres?', 'keywords?', 'tricky words?', 'pictures?', 'cards?',
	'strategies?', 'rules?', 'targets?', 'characters?', 'tens?', 'units?', 'pupils?', 'children', 'adults?'
];
const UNIT = '(?:day|week|lesson|session|morning|afternoon|term|half[- ]term|month|fortnight)';
const OCCASION = '(?:occasions?|sessions?|days?|lessons?|weeks?|times?|attempts?|tries|mornings?|afternoons?|opportunities|checks?|tests?|assessments?|pieces?|playtimes?|lunchtimes?|break ?times?|trials?|probes?|visits?|outings?)';
const DURATION = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)';

/** Counts, ratios, percentages, durations, frequencies and amounts. */
export const CRITERION = new RegExp(
	[
		String.raw`\b\d+\s+(?:[\w'-]+\s+)?(?:out\s+of|of\s+the(?:\s+first)?|of|in)\s+\d+\b`,
		String.raw`\b\d+\s*/\s*\d+\b`,
		String.raw`\b\d+(?:\.\d+)?\s*(?:%|per ?cent)`,
		String.raw`\b(?:on|in|at|for|over)\s+(?:at least\s+|up to\s+)?${NUM}\s+(?:consecutive\s+|separate\s+|different\s+)?${OCCASION}`,
		String.raw`\b${NUM}\s+(?:consecutive|successive)\b`,
		String.raw`\b${NUM}\s+(?:[\w'-]+\s+)?in a row\b`,
		String.raw`\b(?:within|in|in under|in less than|under|for|for at least|for up to|up to|after)\s+${NUM}\s*${DURATION}\b`,
		String.raw`\b${NUM}[- ]${DURATION.replace(/s\?/g, '')}\b`,
		String.raw`\b(?:once|twice|${NUM}\s+times|${NUM}\s+(?:[\w'-]+\s+)?${OCCASION})\s+(?:a|per|each|every|in a|in each|in every|this)\s+(?:[\w-]+\s+)?${UNIT}\b`,
		String.raw`\bat least\s+(?:once|twice|${NUM}\s+times)\b`,
		String.raw`\b(?:each|every)\s+(?:[\w-]+\s+)?(?:day|morning|afternoon|lesson|session|week|time|outing|trip|change|break|playtime|lunchtime|lunch ?time|visit|occasion|monday|tuesday|wednesday|thursday|friday)\b`,
		String.raw`\bevery\s+${NUM}\s+${DURATION}`,
		String.raw`\b(?:daily|weekly)\b`,
		String.raw`\b(?:all|at least|up to|no more than|no fewer than|fewer than|less than|more than|a minimum of|a maximum of|at most)\s+${NUM}\b`,
		String.raw`\b${NUM}\s+(?:(?!(?:to|of|and|in|on|at|with|from)\b)[\w'-]+\s+){0,2}?(?:${alt(COUNTABLE)})\b`,
		String.raw`\b(?:the\s+)?first\s+${NUM}\b`,
		String.raw`\bwithin\s+\d+\s*(?:cm|mm|centimetres?|millimetres?)\b`,
		String.raw`\b(?:a|one)\s+(?:full|whole)[- ](?:page|side)\b|\b(?:a|one)\s+(?:paragraph|page|side of a4)\b`,
		String.raw`\b(?:for|throughout)\s+(?:a|an|the|one)\s+(?:whole|full|entire)\s+\w+`,
		String.raw`\b(?:by|of)\s+${NUM}\s+(?:months?|points?|levels?|marks?)\b|\b${NUM}\s+months'?\s+progress\b`,
		String.raw`\b${NUM}\s+(?:words?|sentences?)\s+(?:per|a)\s+minute\b`,
		String.raw`\bevery time\b`
	].join('|')
);

/**
 * Numbers that name the content, the date or the group, not a measure of success: "count to 20", "number bonds to 10",
 * "the 2 times table", "a 2-digit number", "Phase 3", "Year 2", "1:1", "8:50", "£1", "a two-step instruction".
 */
export const NOT_A_MEASURE = new RegExp(
	[
		String.raw`\b(?:year|y|yr|phase|band|book band|stage|level|key stage|ks|set|group|step|chapter|unit|module|room|class|tier|wave)\s*${NUM}\b`,
		String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}(?::|\.)\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b`,
		String.raw`\b(?:1|one)\s*(?::|-to-|-|to)\s*(?:1|one)\b`,
		String.raw`\b(?:up to|beyond|count(?:s|ing)? (?:on |back )?(?:to|from)|(?:bonds?|numbers?|facts?|tables?|coins?|amounts?|money|values?|multiples?|digits?|objects?) (?:up )?to)\s+${NUM}\b(?!\s*(?:%|${DURATION}))`,
		String.raw`\b${NUM}\s*(?:to|-)\s*${NUM}\b(?!\s*(?:%|${DURATION}))|\b(?:from|over|across)\s+${NUM}\s*(?:metres?|m|feet|yards|cm)\b`,
		String.raw`\b${NUM}\s+(?:more|less|times(?= tables?| table)|times tables?)\b`,
		// The operands of a sum are its content: "add two 2-digit numbers" is one sum, not two of anything.
		String.raw`\b(?:add|adds|adding|subtract|subtracts|subtracting|multiply|multiplies|multiplying|divide|divides|dividing|compare|compares|comparing)\s+${NUM}\b(?!\s*(?:%|${DURATION}))`,
		String.raw`\b${NUM}[- ](?:step|digit|word|part|point|key|syllable|letter|sound|piece|sided|d)\b`,
		String.raw`[£$]\s*\d+(?:\.\d+)?|\b\d+p\b`,
		String.raw`\b(?:by|before|on|the)\s+\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*`,
		String.raw`\b(?:in|within|after)\s+${NUM}\s+(?:weeks?|months?)\b`
	].join('|'),
	'g'
);

/** Named programmes and interventions: attending one is provision, not a skill the pupil shows. */
export const PROGRAMME = new RegExp(
	`\\b(?:${alt([
		'sessions?', 'interventions?', 'groups?', 'clubs?', 'therapy', 'therapies', 'programmes?', 'lexia', 'elsa', 'precision teaching',
		'talk boost', 'nessy', 'toe by toe', 'read write inc', 'rwi', 'lego', 'thrive', 'nurture', 'boosters?', 'counselling', 'mentoring',
		'speech and language', 'salt', 'occupational therapy', 'ot', 'physio(?:therapy)?', 'catch up', 'catch-up', 'clicker', 'wellcomm',
		'social skills', 'forest school', 'sensory circuits?', '1:1 support', 'small group work', 'provision', 'classes'
	])})\\b`
);
