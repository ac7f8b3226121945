import { describe, expect, it } from 'vitest';
import { keyFile, makeSchoolKey, normaliseName, pupilPseudonym, readKeyFile } from './pseudonym';

describe('pupil pseudonyms', () => {
	it('normalises order, case, accents and punctuation of a name', () => {
		expect(normaliseName('SMITH, Amy-Jo')).toBe(normaliseName('Amy Jo Smith'));
		expect(normaliseName('Zoë  Brontë')).toBe('bronte zoe');
		expect(normaliseName('Amy Smith')).not.toBe(normaliseName('Amy Smyth'));
	});

	it('gives one id per child under one key, another under another key, and a valid contract id', async () => {
		const a = await makeSchoolKey('2026-12-06');
		const b = await makeSchoolKey('2026-12-06');
		const id = await pupilPseudonym(a, 'Amy Smith', '2017-03-04');
		expect(id).toMatch(/^W[A-Z]{11}$/);
		expect(await pupilPseudonym(a, 'SMITH, Amy', '2017-03-04')).toBe(id);
		expect(await pupilPseudonym(a, 'Amy Smith', '2017-03-05')).not.toBe(id);
		expect(await pupilPseudonym(b, 'Amy Smith', '2017-03-04')).not.toBe(id);
		expect(a.check).not.toBe(b.check);
	});

	it('makes ids of letters only, so no id nor a plan id made from it (with its start date) looks like a phone number or a UPN', async () => {
		const key = await makeSchoolKey('2026-12-06');
		for (let i = 0; i < 300; i++) {
			const id = await pupilPseudonym(key, `Child ${String.fromCharCode(65 + (i % 26))}${i}`, '2017-03-04');
			expect(id).toMatch(/^W[A-Z]{11}$/);
			// The guard's phone rule needs a 0 after a non-digit followed by 8 or 9 more digits: a letter then -20250908 never gives one.
			expect(`${id}-20250908-T1`).not.toMatch(/(^|[^0-9+])0[1-9]([ .()-]{0,2}[0-9]){8,9}([^0-9]|$)/);
		}
	});

	it('reads back its own key file, and refuses a changed one', async () => {
		const key = await makeSchoolKey('2026-12-06');
		const text = JSON.stringify(keyFile(key));
		const back = await readKeyFile(text);
		if ('problem' in back) throw new Error(back.problem);
		expect(await pupilPseudonym(back, 'Amy Smith', '2017-03-04')).toBe(await pupilPseudonym(key, 'Amy Smith', '2017-03-04'));
		const changed = JSON.parse(text);
		changed.key = btoa(String.fromCharCode(...new Uint8Array(32)));
		expect(await readKeyFile(JSON.stringify(changed))).toHaveProperty('problem');
		expect(await readKeyFile('{"hello":1}')).toHaveProperty('problem');
	});
});
