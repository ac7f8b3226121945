import { z } from 'zod';
import { empty, raw, sql } from '../db/sql';
import { findAcronyms, glossaryIndex } from '../quality/acronyms';
import { byPupil, pupilWhere } from './facts';
import { col, metric } from './registry';

export interface AcronymUsage {
	acronym: string;
	targets: number;
	/** How many of those targets leave it unexplained (not in brackets, not in the scope's glossary). */
	unexplained: number;
	meaning: string | null;
}

/** Acronyms across the targets' text, most unexplained first; the text check runs in TypeScript over the scope's glossary. */
export const acronymUsage = metric({
	id: 'acronym_usage',
	describe: 'Acronyms in targets, and how many targets leave one unexplained (the glossary counts as explaining)',
	row: z.object({ target_text: col.text, n: col.int }),
	sql: (s) => sql`
    SELECT t.target_text, count(*)::INTEGER AS n FROM targets t
    ${byPupil(s.filters) ? raw('JOIN target_facts p ON p.school = t.school AND p.target_id = t.target_id') : empty}
    WHERE ${pupilWhere(s.filters, byPupil(s.filters) ? 'p' : 't')} AND t.target_text IS NOT NULL GROUP BY 1`,
	finish: (texts, s) => {
		const usage = new Map<string, AcronymUsage>();
		let targetsUnexplained = 0;
		let targetsWithText = 0;
		const glossary = glossaryIndex(s.glossary);
		for (const { target_text, n } of texts) {
			targetsWithText += n;
			const found = findAcronyms(target_text, glossary);
			if (found.some((f) => f.explained === null)) targetsUnexplained += n;
			for (const f of found) {
				const u = usage.get(f.acronym) ?? { acronym: f.acronym, targets: 0, unexplained: 0, meaning: null };
				// The glossary's meaning, whichever target happens to be read first.
				u.meaning ??= f.meaning ?? null;
				u.targets += n;
				if (f.explained === null) u.unexplained += n;
				usage.set(f.acronym, u);
			}
		}
		const rows = [...usage.values()].sort((a, b) => b.unexplained - a.unexplained || b.targets - a.targets || a.acronym.localeCompare(b.acronym));
		return { rows, targetsWithText, targetsUnexplained };
	}
});
