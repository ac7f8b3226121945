import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKey } from '../../src/lib/storage/crypto';
import { KEPT_FILE, readKept, writeKept } from '../../src/lib/storage/device';
import { seal } from '../../src/lib/storage/envelope';
import { FakeDir, browserGlobals } from './kept-fakes';

/**
 * What a save leaves on the device when the storage fails part way (issue 23: a save that failed
 * for lack of space said nothing had changed but left an empty file, so the next visit claimed data
 * was kept). The app's own default (the browser's storage) is used, over a storage in memory.
 */
const key = deriveKey('a passphrase for the test', undefined, 1_000);
const copy = async (text: string) => seal(new TextEncoder().encode(text), await key, { keptAt: new Date().toISOString(), importedAt: null });

function onDevice(dir: FakeDir) {
	for (const [name, value] of Object.entries(browserGlobals(dir))) vi.stubGlobal(name, value);
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe.each([
	['a storage that truncates the file and then fails part way', new FakeDir('in-place', true)],
	['the same, without move() (the fallback path)', new FakeDir('atomic', false)]
])('a save that runs out of space, on %s', (_, template) => {
	const fresh = () => new FakeDir(template.mode, template.canMove);

	it('leaves the copy kept before whole, and no side file', async () => {
		const dir = fresh();
		onDevice(dir);
		const before = await copy('the copy kept before, Monday');
		await writeKept(before);
		expect(await readKept()).toEqual(before);

		const after = await copy('a bigger copy with the changes of Tuesday and Wednesday');
		dir.quota = dir.used() + 20;
		await expect(writeKept(after)).rejects.toMatchObject({ name: 'QuotaExceededError' });
		expect(await readKept()).toEqual(before);
		expect([...dir.files.keys()]).toEqual([KEPT_FILE]);

		// With room again, the next save goes through whole.
		dir.quota = Infinity;
		await writeKept(after);
		expect(await readKept()).toEqual(after);
		expect([...dir.files.keys()]).toEqual([KEPT_FILE]);
	});

	it('leaves nothing at all when nothing was kept before, so the next visit does not claim data is kept', async () => {
		const dir = fresh();
		onDevice(dir);
		dir.quota = 40;
		await expect(writeKept(await copy('the first copy, which does not fit'))).rejects.toMatchObject({ name: 'QuotaExceededError' });
		expect(await readKept()).toBeNull();
		expect(dir.files.size).toBe(0);
	});
});
