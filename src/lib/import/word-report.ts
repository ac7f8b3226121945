import type { WordPlanRead, WordTable } from './word';

/** What the Word plans gave, for the import summary and `lens analyse --json`: counts, ids and documents, never a name. */
export interface WordReport extends Pick<WordPlanRead, 'problems' | 'refused' | 'noGrid' | 'personalLeftOut' | 'possibleMatches' | 'templates'> {
	/** Word documents given to the reader (refused ones included). */
	documents: number;
	/** The check of the school key the ids were made with (not the key). */
	keyCheck: string;
	found: Record<WordTable, number>;
}
