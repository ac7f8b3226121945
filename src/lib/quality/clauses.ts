/**
 * The clauses of a target that are never one of its parts, found by their grammar (a bracket, the word that opens a
 * reason or a record) rather than by favourite phrasings. Each is blanked with spaces of the same length, so a part
 * found in what is left can still be quoted from the original words. Runs on lower-case normalised text (smart.ts).
 */
import { NUM } from './vocab';

/** Replaces each match with spaces of its own length. */
export const blank = (text: string, pattern: RegExp) => text.replace(pattern, (s) => ' '.repeat(s.length));

/** Round-bracket asides and examples: "(e.g. spoon, coat)", "(i.e. a number line)", "(who, what, where, when, why)". */
const ASIDE = /\([^()]*\)|\b(?:e\.g|i\.e|etc)\.?(?=[\s,;:)]|$)/g;

/** A reason or purpose: "so that he can ...", "so she can ...", "in order to ...", "ready for ...", up to the next comma. */
const REASON = /\b(?:so\s+(?:that\s+)?(?:he|she|they|i|we|he\/she|[a-z]+)\s+(?:can|could|will|is|are|am|has|have|may)\b|so\s+that\b|in\s+order\s+to\b|ready\s+for\b)[^,;]*/g;

/**
 * A purpose infinitive after the action: "to improve vocabulary skills", "to build back strength". Its own words run to
 * the next comma or to the next phrase that belongs to the target ("with 90% accuracy", "over 4 sessions").
 */
const PURPOSE =
	/\b(?<!able\s)(?<!going\s)(?<!^(?:for\s+)?\S+\s)to\s+(?:improve|increase|develop|build|aid|help|support|strengthen|enhance|make|gain|reduce|decrease|access|demonstrate|show|avoid)\b[^,;]*?(?=,|;|$|\s(?:with|in|on|over|across|for|during|within|when|given|using|at\s+least)\s)/g;

/**
 * How the result is recorded, not the conditions of the action: "as measured by teacher observation", "measured weekly
 * using probes", "as noted by teacher records", "as shown by ...". Runs to the next comma or the next counted phrase.
 */
const RECORD = new RegExp(
	String.raw`\b(?:as\s+)?(?:measured|monitored|recorded|noted|documented|evidenced|tracked|assessed|charted)\s+(?:weekly\s+|daily\s+|termly\s+|monthly\s+|quarterly\s+)?(?:by|using|with|through|via|in|on|from)\b[^,;]*?(?=,|;|$|\s(?:on|in|over|across|for|at|with)\s+(?:at\s+least\s+|up\s+to\s+)?(?:${NUM}|each|every|all)\b)|\b(?:as\s+)?(?:measured|monitored|recorded)\s+(?:weekly|daily|termly|monthly|quarterly)\b`,
	'g'
);

/**
 * What a "given" or "provided with" clause hands the pupil: a condition, whose numbers name materials ("given 8 coins
 * and 5 notes"), never a measure of success. Runs to the comma that closes the clause.
 */
const GIVEN_CLAUSE = /(?:^|(?<=,\s*)|\bwhen\s+)(?:given|provided(?:\s+with)?|presented\s+with)\s+[^,;]*/g;

export interface Reading {
	/** Lower-case words, with asides, reasons, purposes and records blanked: where the subject and conditions are looked for. */
	forConditions: string;
	/** Asides, reasons and records blanked, and the materials of "given" clauses: where measures of success are looked for. */
	forCriterion: string;
	/** Lower-case words without asides or reasons, single-spaced: where the main verb is looked for. */
	forVerb: string;
}

/** Blanks only when a cheap look finds the word the pattern opens with: most targets have none of these clauses. */
const blankIf = (text: string, cue: RegExp, pattern: RegExp) => (cue.test(text) ? blank(text, pattern) : text);

export function readClauses(lower: string): Reading {
	const noAsides = blankIf(lower, /[(.]/, ASIDE);
	const noReasons = blankIf(noAsides, /\bso\b|\border\b|\bready\b/, REASON);
	const noRecords = blankIf(noReasons, /measured|monitored|recorded|noted|documented|evidenced|tracked|assessed|charted/, RECORD);
	return {
		forConditions: blankIf(noRecords, /\bto\s/, PURPOSE),
		// A purpose can carry the count ("to show an adult how they feel at the start of each lesson").
		forCriterion: blankIf(noRecords, /given|provided|presented/, GIVEN_CLAUSE),
		forVerb:
			noReasons === lower
				? lower
				: noReasons
						.replace(/\s+/g, ' ')
						.replace(/\s+([,.;:])/g, '$1')
						.trim()
	};
}
