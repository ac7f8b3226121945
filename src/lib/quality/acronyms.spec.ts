import { describe, expect, it } from 'vitest';
import { findAcronyms, unexplainedAcronyms } from './acronyms';

const names = (text: string, glossary?: { term: string; meaning: string }[]) => findAcronyms(text, glossary).map((f) => [f.acronym, f.explained]);

describe('acronym check', () => {
	it('knows glossary acronyms, including mixed case ones', () => {
		expect(names('[Pupil] will attend ELSA sessions and use WellComm cards with the SaLT')).toEqual([
			['ELSA', 'glossary'],
			['WellComm', 'glossary'],
			['SaLT', 'glossary']
		]);
	});
	it('accepts an explanation in brackets, before or after', () => {
		expect(names('[Pupil] will use ZOR (Zones of Regulation) cards')).toEqual([['ZOR', 'in_text']]);
		expect(names('[Pupil] will use the Zones of Regulation (ZOR) cards')).toEqual([['ZOR', 'in_text']]);
	});
	it('flags what is neither explained nor in the glossary', () => {
		expect(unexplainedAcronyms('[Pupil] will complete BRP tasks with the LSA')).toEqual([{ acronym: 'BRP', explained: null }]);
		expect(unexplainedAcronyms('[Pupil] will take part in SULP and TTRS')).toEqual([
			{ acronym: 'SULP', explained: null },
			{ acronym: 'TTRS', explained: null }
		]);
	});
	it('ignores placeholders, year groups, key stages and ordinary capitals', () => {
		expect(names('[XX] will read Y3 words by the end of KS2 on 4 out of 5 occasions')).toEqual([]);
		expect(names('I will say YES or NO using a card')).toEqual([]);
		expect(names('[Pupil] will read in EYFS')).toEqual([]);
	});
	it('counts each acronym once and handles plurals', () => {
		expect(names('TAs will check; the TA will record')).toEqual([
			['TAs', 'glossary'],
			['TA', 'glossary']
		]);
	});
	it('uses an edited glossary', () => {
		expect(names('[Pupil] will use PT cards', [])).toEqual([['PT', null]]);
		expect(names('[Pupil] will use BRP', [{ term: 'BRP', meaning: 'Better Reading Partnership' }])).toEqual([['BRP', 'glossary']]);
	});
	it('finds nothing in plain English', () => {
		expect(findAcronyms('[Pupil] will put on their coat independently at home time')).toEqual([]);
	});
});
