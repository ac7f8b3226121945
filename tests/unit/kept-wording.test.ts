import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainError } from '../../src/lib/state/kept.svelte';
import { WRONG_PASSPHRASE, deriveKey } from '../../src/lib/storage/crypto';
import { KEPT_FILE, inspectKept, writeKept } from '../../src/lib/storage/device';
import { open, seal } from '../../src/lib/storage/envelope';
import { FakeDir, browserGlobals } from './kept-fakes';

/**
 * A damaged kept file is reported as damaged, not as a wrong passphrase (issue 23). The words are
 * the ones the page shows (plainError), for the kept copy and for a file the user chose.
 */
const about = { keptAt: '2026-11-25T09:00:00.000Z', importedAt: '2026-11-24T15:30:00.000Z' };
const PASSPHRASE = 'the right passphrase';
const sealed = async () => seal(new TextEncoder().encode('the rows of Fixture school '.repeat(40)), await deriveKey(PASSPHRASE, undefined, 1_000), about);
const failure = async (file: Uint8Array<ArrayBuffer>, passphrase: string) =>
	open(file, passphrase).then(
		() => null,
		(e: unknown) => e
	);
const flip = (file: Uint8Array<ArrayBuffer>, at: number) => {
	const out = file.slice();
	out[at] ^= 0x20;
	return out;
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('what the page says when the kept data does not open', () => {
	it('a damaged kept file is called damaged, with the right passphrase and with a wrong one, never a wrong passphrase', async () => {
		const file = await sealed();
		for (const at of [200, file.length - 100, file.length - 1]) {
			for (const passphrase of [PASSPHRASE, 'a wrong passphrase']) {
				const said = plainError(await failure(flip(file, at), passphrase));
				expect(said).not.toBe(WRONG_PASSPHRASE);
				expect(said).not.toMatch(/passphrase is wrong|does not open/);
				expect(said).toMatch(/^The kept data is damaged: .*no passphrase can open it\. Nothing has been changed\./);
			}
		}
		// Cut short, as a copy interrupted mid-way would be.
		expect(plainError(await failure(file.slice(0, file.length - 5), PASSPHRASE))).toMatch(/^The kept data is damaged/);
		expect(plainError(await failure(file.slice(0, 12), PASSPHRASE))).toMatch(/^The kept data is damaged/);
		// Not ours at all (an empty file where the kept copy should be): damaged too, for the kept copy.
		expect(plainError(await failure(new Uint8Array(0), PASSPHRASE))).toMatch(/^The kept data is damaged/);
	});

	it('a wrong passphrase for an intact file is a wrong passphrase', async () => {
		expect(plainError(await failure(await sealed(), 'a wrong passphrase'))).toBe(WRONG_PASSPHRASE);
		expect(plainError(await failure(await sealed(), 'a wrong passphrase'), 'file')).toBe('That passphrase does not open this file; nothing has been changed.');
	});

	it('only a file of the earlier format, which cannot tell, says "damaged or the passphrase is wrong"', async () => {
		const v1 = new Uint8Array(readFileSync(new URL('../fixtures/kept/version-1.plws', import.meta.url)));
		expect(plainError(await failure(v1, 'a wrong passphrase'))).toBe('The kept file could not be opened: it is damaged or the passphrase is wrong. Nothing has been changed.');
		expect(plainError(await failure(flip(v1, v1.length - 1), 'version one passphrase'), 'file')).toBe(
			'This file could not be opened: it is damaged or the passphrase is wrong. Nothing has been changed.'
		);
	});

	it('a damaged file the user chose is called damaged, in words about that file', async () => {
		const file = await sealed();
		expect(plainError(await failure(flip(file, file.length - 1), PASSPHRASE), 'file')).toBe(
			'This file is damaged (cut short or altered while copying), so no passphrase can open it. Nothing has been changed.'
		);
		expect(plainError(await failure(new TextEncoder().encode('pupil_id\nP001\n'), PASSPHRASE), 'file')).toBe('This is not a Provision Lens data file.');
	});

	it('the start-of-visit check finds a damaged kept copy before any passphrase is asked for', async () => {
		const dir = new FakeDir('atomic');
		for (const [name, value] of Object.entries(browserGlobals(dir))) vi.stubGlobal(name, value);
		const file = await sealed();
		await writeKept(file);
		expect(await inspectKept()).toMatchObject({ about, damaged: null });
		dir.files.set(KEPT_FILE, flip(file, file.length - 100));
		expect((await inspectKept())?.damaged).toMatch(/not as it was saved/);
		dir.files.set(KEPT_FILE, new Uint8Array(0));
		expect(await inspectKept()).toMatchObject({ about: null, damaged: expect.stringMatching(/not as it was saved/) });
	});
});
