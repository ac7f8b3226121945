import type { Db } from '../db/types';
import { findAcronyms, type GlossaryEntry } from '../quality/acronyms';
import { pupilWhere, type Filters } from './filters';

export interface AcronymUsage {
	acronym: string;
	targets: number;
	/** How many of those targets leave it unexplained (not in brackets, not in the glossary). */
	unexplained: number;
	meaning: string | null;
}

/** Acronyms across the targets' text, most unexplained first. The text check runs in TypeScript. */
export async function acronymUsage(db: Db, filters: Filters, glossary: GlossaryEntry[]): Promise<{ rows: AcronymUsage[]; targetsWithText: number; targetsUnexplained: number }> {
	const texts = await db.query<{ target_text: string }>(`
    SELECT t.target_text FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
    JOIN pupils p ON p.school = pl.school AND p.pupil_id = pl.pupil_id
    WHERE ${pupilWhere(filters)} AND t.target_text IS NOT NULL`);
	const usage = new Map<string, AcronymUsage>();
	let targetsUnexplained = 0;
	for (const { target_text } of texts) {
		const found = findAcronyms(target_text, glossary);
		if (found.some((f) => f.explained === null)) targetsUnexplained++;
		for (const f of found) {
			const u = usage.get(f.acronym) ?? { acronym: f.acronym, targets: 0, unexplained: 0, meaning: f.meaning ?? null };
			u.targets++;
			if (f.explained === null) u.unexplained++;
			usage.set(f.acronym, u);
		}
	}
	const rows = [...usage.values()].sort((a, b) => b.unexplained - a.unexplained || b.targets - a.targets || a.acronym.localeCompare(b.acronym));
	return { rows, targetsWithText: texts.length, targetsUnexplained };
}
