import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KDF_ITERATIONS, WRONG_PASSPHRASE, WrongPassphrase, deriveKey } from './crypto';
import { DamagedFile, NotAWorkspace, WrongOrDamaged, checkIntact, open, openWithKey, readHeader, seal } from './envelope';
import { DamagedContainer, pack, unpack } from './container';

const about = { keptAt: '2026-11-25T09:00:00.000Z', importedAt: '2026-11-24T15:30:00.000Z' };
const text = (s: string) => new TextEncoder().encode(s);
// A light work factor keeps these tests quick; the stored header carries it, so opening honours it.
const quickKey = (passphrase: string) => deriveKey(passphrase, undefined, 1_000);

describe('encrypted envelope', () => {
	it('opens with the right passphrase, giving back the exact bytes and a reusable key', async () => {
		const plain = text('pupil_id,year_group\nP001,3\n');
		const file = await seal(plain, await quickKey('correct horse battery'), about);
		const opened = await open(file, 'correct horse battery');
		expect(opened.plain).toEqual(plain);
		expect(opened.header.about).toEqual(about);
		// The returned key seals again without a second derivation, and that file opens too.
		expect((await open(await seal(plain, opened.key, about), 'correct horse battery')).plain).toEqual(plain);
	});

	it('derives the key with PBKDF2-SHA256 at 600,000 iterations by default and says so in the header', async () => {
		const file = await seal(text('x'), await deriveKey('a long passphrase'), about);
		const { header } = readHeader(file);
		expect(header.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: KDF_ITERATIONS });
		expect(KDF_ITERATIONS).toBe(600_000);
		expect(header.cipher.name).toBe('AES-256-GCM');
		expect(atob(header.kdf.salt)).toHaveLength(16);
		expect(atob(header.cipher.iv)).toHaveLength(12);
	});

	it('refuses a wrong passphrase with the message the page shows', async () => {
		const file = await seal(text('secret rows'), await quickKey('right one'), about);
		const attempt = open(file, 'wrong one');
		await expect(attempt).rejects.toBeInstanceOf(WrongPassphrase);
		await expect(open(file, 'wrong one')).rejects.toThrow(WRONG_PASSPHRASE);
		expect(WRONG_PASSPHRASE).toBe('That passphrase does not open the kept data; nothing has been changed.');
	});

	it('uses a fresh salt and IV every time and never stores the plain text', async () => {
		const plain = text('P001 P002 P003 Precision Teaching');
		const a = await seal(plain, await quickKey('same'), about);
		const b = await seal(plain, await quickKey('same'), about);
		expect(readHeader(a).header.kdf.salt).not.toBe(readHeader(b).header.kdf.salt);
		expect(readHeader(a).header.cipher.iv).not.toBe(readHeader(b).header.cipher.iv);
		const asText = new TextDecoder('latin1').decode(a);
		expect(asText).not.toContain('P001');
		expect(asText).not.toContain('Precision');
	});

	it('detects a changed header (the dates are authenticated, not just readable), and calls it damaged, not a wrong passphrase', async () => {
		const file = await seal(text('rows'), await quickKey('pass phrase'), about);
		const json = JSON.stringify(readHeader(file).header);
		const at = new TextDecoder('latin1').decode(file).indexOf('2026-11-24');
		expect(at).toBeGreaterThan(0);
		const altered = file.slice();
		altered[at + 3] = '5'.charCodeAt(0); // 2026 → 2025
		expect(JSON.stringify(readHeader(altered).header)).not.toBe(json);
		await expect(open(altered, 'pass phrase')).rejects.toBeInstanceOf(DamagedFile);
		await expect(checkIntact(altered)).rejects.toBeInstanceOf(DamagedFile);
		expect(await checkIntact(file)).toBe(true);
	});

	it('calls a file with any byte of its body or digest changed, or cut short, damaged, with the right passphrase or a wrong one', async () => {
		const file = await seal(text('rows of a school, long enough to have a body '.repeat(20)), await quickKey('pass phrase'), about);
		const start = readHeader(file).head.length;
		for (const at of [start, start + 100, file.length - 40, file.length - 1]) {
			const flipped = file.slice();
			flipped[at] ^= 1;
			for (const passphrase of ['pass phrase', 'not the passphrase']) {
				await expect(open(flipped, passphrase), `byte ${at}, ${passphrase}`).rejects.toThrow(/^This data file is damaged: /);
				await expect(open(flipped, passphrase)).rejects.not.toBeInstanceOf(WrongPassphrase);
			}
		}
		for (const cut of [start + 10, file.length - 1]) await expect(open(file.slice(0, cut), 'pass phrase')).rejects.toBeInstanceOf(DamagedFile);
		// An intact file with the wrong passphrase is a wrong passphrase, and only that.
		await expect(open(file, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphrase);
	});

	it('still opens a file saved by version 1, which has no digest: a failure there is "damaged or the passphrase is wrong"', async () => {
		// Written by the version before this one (envelope format 1), with a light work factor.
		const v1 = new Uint8Array(readFileSync(new URL('../../../tests/fixtures/kept/version-1.plws', import.meta.url)));
		expect(v1[4]).toBe(1);
		expect(new TextDecoder().decode((await open(v1, 'version one passphrase')).plain)).toBe('rows sealed by envelope version 1');
		expect(await checkIntact(v1)).toBe(false);
		await expect(open(v1, 'not the passphrase')).rejects.toBeInstanceOf(WrongOrDamaged);
		const flipped = v1.slice();
		flipped[flipped.length - 1] ^= 1;
		await expect(open(flipped, 'version one passphrase')).rejects.toThrow('This data file could not be opened: it is damaged or the passphrase is wrong.');
	});

	it('opens with a key already derived only when the file was sealed under it', async () => {
		const key = await quickKey('shared passphrase');
		const file = await seal(text('rows'), key, about);
		expect((await openWithKey(file, key))?.plain).toEqual(text('rows'));
		expect(await openWithKey(file, await quickKey('shared passphrase'))).toBeNull(); // same passphrase, another salt
		expect(await openWithKey(await seal(text('rows'), await quickKey('another'), about), key)).toBeNull();
	});

	it('treats the same passphrase typed with composed or decomposed accents as the same', async () => {
		const file = await seal(text('rows'), await quickKey('caf\u00e9 au lait'), about);
		expect((await open(file, 'cafe\u0301 au lait')).plain).toEqual(text('rows'));
	});

	it('says plainly when a file is not one of ours, is from a newer version or is cut short', async () => {
		await expect(open(text('pupil_id\nP001\n'), 'x')).rejects.toThrow('This is not a Provision Lens data file.');
		const file = await seal(text('rows'), await quickKey('p'), about);
		const newer = file.slice();
		newer[4] = 3;
		expect(() => readHeader(newer)).toThrow(/newer version/);
		expect(() => readHeader(file.slice(0, 20))).toThrow(NotAWorkspace);
		const badJson = file.slice();
		badJson[9] = 0x7b + 1;
		expect(() => readHeader(badJson)).toThrow(/damaged/);
	});
});

describe('container', () => {
	it('packs named parts and a manifest, compressed, and gives them back exactly', async () => {
		const parts = new Map([
			['a', text('first part '.repeat(200))],
			['empty', new Uint8Array(0)],
			['b', Uint8Array.from({ length: 300 }, (_, i) => i % 256)]
		]);
		const packed = await pack({ hello: 'world', n: 3 }, parts);
		expect(packed.length).toBeLessThan(2200 + 300); // 'first part ' × 200 compresses well
		const back = await unpack(packed);
		expect(back.manifest).toEqual({ hello: 'world', n: 3 });
		expect([...back.parts.keys()]).toEqual(['a', 'empty', 'b']);
		for (const [k, v] of parts) expect(back.parts.get(k)).toEqual(v);
	});

	it('refuses bytes that are not a packed block', async () => {
		await expect(unpack(text('not gzip at all'))).rejects.toBeInstanceOf(DamagedContainer);
		const packed = await pack({}, new Map([['a', text('abc')]]));
		const raw = new Uint8Array(await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
		const cut = new Uint8Array(await new Response(new Blob([raw.slice(0, raw.length - 1)]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
		await expect(unpack(cut)).rejects.toThrow('does not match its index');
	});
});
