/**
 * Plain language: acronyms in a target are flagged unless the target explains them in brackets or
 * the glossary (editable) knows them. Families should never meet an unexplained "ELSA".
 */
export interface GlossaryEntry {
	term: string;
	meaning: string;
}

export const defaultGlossary: GlossaryEntry[] = [
	{ term: 'ELSA', meaning: 'Emotional Literacy Support Assistant: a trained assistant who helps children understand and manage their feelings' },
	{ term: 'THRIVE', meaning: 'The Thrive Approach: activities that support children’s emotional and social development' },
	{ term: 'WellComm', meaning: 'a speech and language screening toolkit with activities for each stage of language' },
	{ term: 'SaLT', meaning: 'Speech and Language Therapist (or therapy)' },
	{ term: 'SALT', meaning: 'Speech and Language Therapist (or therapy)' },
	{ term: 'EP', meaning: 'Educational Psychologist' },
	{ term: 'OT', meaning: 'Occupational Therapist: helps with movement, handwriting, dressing and sensory needs' },
	{ term: 'PECS', meaning: 'Picture Exchange Communication System: swapping picture cards to ask for things' },
	{ term: 'TA', meaning: 'Teaching Assistant' },
	{ term: 'HLTA', meaning: 'Higher Level Teaching Assistant' },
	{ term: 'SENDCo', meaning: 'Special Educational Needs and Disabilities Coordinator: the teacher who leads SEN support' },
	{ term: 'SENCO', meaning: 'Special Educational Needs Coordinator: the teacher who leads SEN support' },
	{ term: 'EHCP', meaning: 'Education, Health and Care Plan' },
	{ term: 'SEN', meaning: 'Special Educational Needs' },
	{ term: 'SEND', meaning: 'Special Educational Needs and Disabilities' },
	{ term: 'SEMH', meaning: 'Social, Emotional and Mental Health' },
	{ term: 'SLCN', meaning: 'Speech, Language and Communication Needs' },
	{ term: 'ASD', meaning: 'Autistic Spectrum Disorder' },
	{ term: 'ADHD', meaning: 'Attention Deficit Hyperactivity Disorder' },
	{ term: 'SpLD', meaning: 'Specific Learning Difficulty, such as dyslexia' },
	{ term: 'PT', meaning: 'Precision Teaching: short daily practice of a few facts or words' },
	{ term: 'IEP', meaning: 'Individual Education Plan' },
	{ term: 'APDR', meaning: 'Assess, Plan, Do, Review: the cycle of SEN support' },
	{ term: 'CAMHS', meaning: 'Child and Adolescent Mental Health Services' },
	{ term: 'LSA', meaning: 'Learning Support Assistant' },
	{ term: 'EAL', meaning: 'English as an Additional Language' },
	{ term: 'CVC', meaning: 'consonant-vowel-consonant words, such as "cat"' },
	{ term: 'PE', meaning: 'Physical Education' }
];

export interface AcronymFinding {
	acronym: string;
	explained: 'in_text' | 'glossary' | null;
	meaning?: string;
}

/** Capitalised words that are not acronyms. */
const IGNORE = new Set(['I', 'YES', 'NO', 'OK', 'AM', 'PM', 'UK', 'TV', 'PC', 'II', 'III', 'IV', 'VI', 'A', 'AND', 'THE', 'NOT']);
const YEAR_OR_STAGE = /^(?:Y\d{1,2}|KS\d|EYFS?|N[12]|R)$/;

/** Each acronym's pattern, made once: the same few acronyms recur across thousands of targets. */
const explanationPatterns = new Map<string, RegExp>();

function explainedInText(text: string, acronym: string): boolean {
	// Both ways of explaining use brackets; without one the pattern would backtrack through the whole text for nothing.
	if (!text.includes('(')) return false;
	let pattern = explanationPatterns.get(acronym);
	if (!pattern) {
		const esc = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		// "ELSA (Emotional Literacy Support Assistant)" or "Emotional Literacy Support Assistant (ELSA)"
		pattern = new RegExp(`\\b${esc}\\s*\\([^)]{6,}\\)|[A-Za-z][^()]{5,}\\(\\s*${esc}\\s*\\)`);
		if (explanationPatterns.size < 10_000) explanationPatterns.set(acronym, pattern);
	}
	return pattern.test(text);
}

/** What a glossary says, read once for many targets (on the page the glossary is reactive state, slow to read). */
export interface GlossaryIndex {
	known: Map<string, GlossaryEntry>;
	mixed: Set<string>;
}

export function glossaryIndex(glossary: GlossaryEntry[] = defaultGlossary): GlossaryIndex {
	return {
		known: new Map(glossary.map((g) => [g.term.toLowerCase(), { term: g.term, meaning: g.meaning }])),
		mixed: new Set(glossary.filter((g) => /[a-z]/.test(g.term) && /[A-Z].*[A-Z]/.test(g.term)).map((g) => g.term))
	};
}

export function findAcronyms(text: string, glossary: GlossaryEntry[] | GlossaryIndex = defaultGlossary): AcronymFinding[] {
	const withoutPlaceholders = text.replace(/\[[^\]]*\]/g, ' ');
	const { known, mixed } = Array.isArray(glossary) ? glossaryIndex(glossary) : glossary;
	const tokens = withoutPlaceholders.match(/\b[A-Za-z][A-Za-z]*\b/g) ?? [];
	const seen = new Set<string>();
	const out: AcronymFinding[] = [];
	for (const token of tokens) {
		const isCaps = /^[A-Z]{2,}s?$/.test(token) && !IGNORE.has(token.replace(/s$/, ''));
		const isMixed = mixed.has(token) || (/^[A-Z][a-z]?[A-Z][A-Za-z]*$/.test(token) && /[a-z]/.test(token));
		if (!(isCaps || isMixed) || YEAR_OR_STAGE.test(token) || seen.has(token)) continue;
		seen.add(token);
		if (explainedInText(text, token)) out.push({ acronym: token, explained: 'in_text' });
		else {
			const g = known.get(token.toLowerCase()) ?? known.get(token.replace(/s$/, '').toLowerCase());
			out.push(g ? { acronym: token, explained: 'glossary', meaning: g.meaning } : { acronym: token, explained: null });
		}
	}
	return out;
}

export function unexplainedAcronyms(text: string, glossary: GlossaryEntry[] = defaultGlossary): AcronymFinding[] {
	return findAcronyms(text, glossary).filter((f) => f.explained === null);
}
