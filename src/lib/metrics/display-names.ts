import { raw, type Sql } from '../db/sql';
import { defaultGlossary } from '../quality/acronyms';

/**
 * Words kept in capitals when a name typed all in capitals or all in lower case is put in sentence
 * case: the glossary's acronyms as it spells them (ELSA, TA, SaLT, WellComm), and a few programme
 * names. Left out: glossary terms that are also ordinary words ("send", "thrive"), which a name in
 * lower case means as words.
 */
const ORDINARY_WORDS = new Set(['SEND', 'THRIVE']);
const PROGRAMMES = ['NELI', 'RWI', 'IDL', 'SAFMEDS', 'KS1', 'KS2', 'KS3', 'KS4', 'EYFS', 'SEMH', 'SLCN'];
export const keptCapitals: readonly string[] = [...new Set([...defaultGlossary.map((g) => g.term).filter((t) => !ORDINARY_WORDS.has(t.toUpperCase())), ...PROGRAMMES])];

/** Only letters and digits reach a pattern: the list is the code's own, but a pattern is no place for a stray symbol. */
const safe = (w: string) => /^[A-Za-z0-9]+$/.test(w);

/**
 * A name as shown (`x` a SQL expression of one spelling, spaces already tidied): as typed when it
 * mixes capitals and small letters ("Lego Therapy", "1:1 Reading"); in sentence case when typed all
 * in capitals or all in small letters ("FINE MOTOR GROUP" → "Fine motor group", "lego-based therapy"
 * → "Lego-based therapy"), with the acronyms above put back ("ELSA SESSIONS" → "ELSA sessions").
 */
export function displayNameSql(x: string): Sql {
	let out = `upper(left(${x}, 1)) || lower(substr(${x}, 2))`;
	for (const word of keptCapitals.filter(safe)) out = `regexp_replace(${out}, '\\b${word}\\b', '${word}', 'gi')`;
	return raw(`(CASE WHEN ${x} = upper(${x}) OR ${x} = lower(${x}) THEN ${out} ELSE ${x} END)`);
}

/** True (as SQL) when a spelling mixes capitals and small letters: someone chose its capitals. */
export const mixedCaseSql = (x: string): Sql => raw(`(${x} <> upper(${x}) AND ${x} <> lower(${x}))`);
