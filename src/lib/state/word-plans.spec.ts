import { describe, expect, it } from 'vitest';
import { keyFile, makeSchoolKey } from '../import/word/pseudonym';
import { schoolKey } from './word-plans.svelte';

describe('the school key on the page', () => {
	it('is made once, on first use, and asked to be saved', async () => {
		schoolKey.forget();
		const first = await schoolKey.provide();
		expect(schoolKey.unsaved).toBe(true);
		expect(await schoolKey.provide()).toBe(first);
		const saved = JSON.parse(schoolKey.fileText());
		expect(saved).toEqual(keyFile(first));
		expect(schoolKey.unsaved).toBe(false);
	});

	it('says when the key to read with is not the one the loaded ids were made with', async () => {
		schoolKey.forget();
		const other = await makeSchoolKey('2025-01-01');
		schoolKey.loaded((await schoolKey.provide()).check);
		expect(schoolKey.differs).toBe(false);
		expect(await schoolKey.use(JSON.stringify(keyFile(other)))).toEqual({ check: other.check });
		expect(schoolKey.differs).toBe(true);
		expect(await schoolKey.use('{"kind":"something else"}')).toEqual({ problem: 'This is not a Provision Lens school key file.' });
		expect(schoolKey.key?.check).toBe(other.check);
	});

	it('is kept with the data it made and comes back with it', async () => {
		schoolKey.forget();
		const key = await schoolKey.provide();
		schoolKey.loaded(key.check);
		const extras = schoolKey.extras();
		schoolKey.forget();
		expect(schoolKey.key).toBeNull();
		await schoolKey.restore(JSON.parse(JSON.stringify(extras)));
		// Data kept without a key (read from CSV) leaves the key in memory as it is.
		await schoolKey.restore({});
		expect(schoolKey.ofData).toBeNull();
		expect(schoolKey.key?.check).toBe(key.check);
		await schoolKey.restore(JSON.parse(JSON.stringify(extras)));
		expect(schoolKey.key?.check).toBe(key.check);
		expect(Array.from(schoolKey.key!.secret)).toEqual(Array.from(key.secret));
		expect(schoolKey.ofData).toBe(key.check);
		expect(schoolKey.unsaved).toBe(false);
	});
});
