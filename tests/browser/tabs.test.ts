import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { nav, startApp, type App } from './harness';

/**
 * Kept data in two tabs of one browser (issue 23): two pages of one browser context, so one origin,
 * one private file system, one set of Web Locks. Before: Forget in one tab was undone by the other's
 * next change; two tabs keeping data overwrote each other in silence; opening another school's file
 * replaced the kept copy unasked; a save that ran out of space left an empty file; a damaged kept
 * file was blamed on the passphrase.
 */
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);
const PASSPHRASE = 'tadpole lantern orchard';
const KEPT = 'provision-lens-kept.plws';

/** Everything this site has in the private file system and local storage. */
function stored(page: Page) {
	return page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const opfs: string[] = [];
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) opfs.push(name);
		return { opfs: opfs.sort(), local: Object.keys(localStorage) };
	});
}

/** The kept file's bytes (as a string of hex), or null. */
function keptBytes(page: Page) {
	return page.evaluate(async (name) => {
		try {
			const root = await navigator.storage.getDirectory();
			const bytes = new Uint8Array(await (await (await root.getFileHandle(name)).getFile()).arrayBuffer());
			return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
		} catch {
			return null;
		}
	}, KEPT);
}

/**
 * Import the rules fixture as `school` (as keep.test.ts does: the name checked to hold before the files are chosen). The
 * import page is always opened afresh: choosing the very files its file input already holds fires no change.
 */
async function importAs(page: Page, school: string) {
	if (new URL(page.url()).pathname === '/import') await nav(page, 'Data dictionary');
	await nav(page, 'Import data');
	await page.getByRole('heading', { name: 'Import your exports' }).waitFor();
	await page.getByLabel('School name').fill(school);
	await expect.poll(() => page.getByLabel('School name').inputValue()).toBe(school);
	await page.locator('input[type=file][multiple]').setInputFiles(filesOf('rules'));
	await page
		.getByRole('heading', { name: 'Check how your files were read' })
		.waitFor({ timeout: 60_000 })
		.catch(async (e) => {
			await page.screenshot({ path: join(tmpdir(), `tabs-fail-${school}.png`), fullPage: true });
			throw e;
		});
	await page.getByRole('button', { name: new RegExp(`^Load \\d+ files? for ${school}$`) }).click();
	await page.getByRole('heading', { name: `Import summary: ${school}` }).waitFor({ timeout: 60_000 });
}

/** The banner's line naming the loaded schools. */
const showing = (page: Page, schools: string) => page.getByText(`Your data: ${schools}.`, { exact: false }).waitFor({ timeout: 60_000 });

async function keepWith(page: Page, passphrase: string) {
	if (new URL(page.url()).pathname !== '/import') await nav(page, 'Import data');
	await page.getByRole('checkbox', { name: 'Keep this data on this device' }).check();
	await page.getByLabel(/^Choose a passphrase/).fill(passphrase);
	await page.getByRole('form', { name: 'Keep on this device' }).getByLabel('Type it again').fill(passphrase);
	await page.getByRole('button', { name: 'Keep it on this device' }).click();
}

async function unlock(page: Page, passphrase: string) {
	await page.getByRole('heading', { name: 'Your data is kept on this device' }).waitFor({ timeout: 60_000 });
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: 'Open the kept data' }).click();
}

// Each test has a browser context of its own (a clean private file system); none is retried, as a retry would start
// with what the failed attempt left in its tabs. A tab's every import on a shared 2-core machine takes a while.
describe('kept data in two tabs of one browser, in Chromium', { retry: 0, timeout: 600_000 }, () => {
	let app: App;
	let context: BrowserContext;
	let a: Page;
	let b: Page;
	const errors: string[] = [];

	beforeAll(async () => {
		app = await startApp();
	});
	beforeEach(async () => {
		context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		[a, b] = [await context.newPage(), await context.newPage()];
		for (const page of [a, b]) page.on('pageerror', (e) => errors.push(e.message));
	});
	afterEach(async () => {
		await context?.close();
	});
	afterAll(async () => {
		await app?.close();
	});

	/** Open the app in `page` and wait for the demo (nothing is kept in a fresh context). */
	async function start(page: Page) {
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
	}

	it('in Chromium a writable stream replaces a file only on close, an aborted one leaves it as it was, and move() replaces a file whole', async () => {
		await start(a);
		const seen = await a.evaluate(async () => {
			const root = await navigator.storage.getDirectory();
			const read = async (name: string) => (await (await root.getFileHandle(name)).getFile()).text();
			const write = async (name: string, text: string) => {
				const w = await (await root.getFileHandle(name, { create: true })).createWritable();
				await w.write(text);
				await w.close();
			};
			await write('probe', 'the copy before');
			const w = await (await root.getFileHandle('probe')).createWritable();
			await w.write('half of a new');
			const during = await read('probe');
			await w.abort();
			const aborted = await read('probe');
			await write('probe.side', 'the new copy');
			const side = await root.getFileHandle('probe.side');
			await (side as unknown as { move(dir: FileSystemDirectoryHandle, name: string): Promise<void> }).move(root, 'probe');
			const moved = await read('probe');
			const names: string[] = [];
			for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
			await root.removeEntry('probe');
			return { during, aborted, moved, names };
		});
		expect(seen).toEqual({ during: 'the copy before', aborted: 'the copy before', moved: 'the new copy', names: ['probe'] });
	});

	it('two tabs keeping data: each change reaches the other and nothing is lost; Forget in one is not undone by the other', async () => {
		await start(a);
		await importAs(a, 'Alder school');
		await keepWith(a, PASSPHRASE);
		await a.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });

		await b.goto(`${app.url}/`);
		await unlock(b, PASSPHRASE);
		await showing(b, 'Alder school');

		// A change in A reaches B, which had nothing unsaved: B says so and shows it.
		await importAs(a, 'Birch school');
		await showing(a, 'Alder school, Birch school');
		await b.getByText(/The kept data was changed in another tab .*so this tab now shows it: Alder school and Birch school\./).waitFor({ timeout: 60_000 });
		await showing(b, 'Alder school, Birch school');

		// And a change in B reaches A.
		await b.getByRole('button', { name: 'OK' }).click();
		await importAs(b, 'Cedar school');
		await showing(b, 'Alder school, Birch school, Cedar school');
		await showing(a, 'Alder school, Birch school, Cedar school');

		// The kept copy holds all three: a third tab opens it.
		const c = await context.newPage();
		await c.goto(`${app.url}/`);
		await unlock(c, PASSPHRASE);
		await showing(c, 'Alder school, Birch school, Cedar school');
		await c.close();

		// Forget in A asks first, naming what goes.
		await nav(a, 'Import data');
		await a.getByRole('button', { name: 'Forget: remove the kept data from this device' }).click();
		const ask = a.getByRole('dialog', { name: 'Forget the kept data?' });
		await expect.poll(() => ask.textContent()).toContain('the kept data of Alder school, Birch school and Cedar school');
		// Escape, or Cancel, changes nothing.
		await a.keyboard.press('Escape');
		await expect.poll(() => ask.count()).toBe(0);
		expect((await stored(a)).opfs).toEqual([KEPT]);
		await a.getByRole('button', { name: 'Forget: remove the kept data from this device' }).click();
		await ask.getByRole('button', { name: 'Forget it' }).click();
		await a.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });

		// B is told, stops keeping, and keeps showing its data.
		await b.getByText('The kept data was forgotten in another tab, so this tab has stopped keeping its data.', { exact: false }).waitFor({ timeout: 60_000 });
		await b.getByText('It stays in this browser tab and is gone when you close it.', { exact: false }).waitFor();
		// A change in B afterwards writes nothing.
		await importAs(b, 'Dogwood school');
		await showing(b, 'Alder school, Birch school, Cedar school, Dogwood school');
		await b.waitForTimeout(1500);
		expect(await stored(a)).toEqual({ opfs: [], local: [] });
		expect(await stored(b)).toEqual({ opfs: [], local: [] });
		await a.reload();
		await a.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		expect(await a.getByRole('heading', { name: 'Your data is kept on this device' }).count()).toBe(0);
	});

	it('keeping a tab’s data over a copy kept from another tab, or opening a file over kept data, asks first and names what would be lost', async () => {
		// B holds a school of its own, not kept; then A keeps another.
		await start(b);
		await importAs(b, 'Oak school');
		await start(a);
		await importAs(a, 'Elm school');
		await keepWith(a, PASSPHRASE);
		await a.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
		const elm = await keptBytes(a);
		// B is told data is kept, which opening would put in place of what it shows.
		await b.getByText('Opening it replaces what this tab shows now (Oak school), which is not kept.').waitFor({ timeout: 60_000 });

		// Keeping B's data asks first; Cancel changes nothing.
		await keepWith(b, 'another passphrase of B');
		const replace = b.getByRole('dialog', { name: 'Replace the data kept on this device?' });
		await expect
			.poll(() => replace.textContent())
			.toMatch(/Data is already kept on this device \(imported .+, saved .+\).*Keeping this tab's data \(Oak school\) in its place means the data kept now is lost/);
		await replace.getByRole('button', { name: 'Cancel' }).click();
		await b.waitForTimeout(500);
		expect(await keptBytes(b)).toBe(elm);

		// A saves Elm school as a file.
		const saveForm = a.getByRole('form', { name: 'Save as a file' });
		await saveForm.getByLabel('Passphrase for the file').fill('a file passphrase');
		await saveForm.getByLabel('Type it again').fill('a file passphrase');
		const download = a.waitForEvent('download');
		await saveForm.getByRole('button', { name: 'Save as a file' }).click();
		const saved = await download;
		const path = join(mkdtempSync(join(tmpdir(), 'tabs-')), saved.suggestedFilename());
		await saved.saveAs(path);

		// B keeps its own data after all, in place of A's.
		await b.getByRole('button', { name: 'Keep it on this device' }).click();
		await replace.getByRole('button', { name: 'Replace the kept data' }).click();
		await b.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
		// A cannot open B's copy (another passphrase): told, it stops keeping and keeps showing Elm school.
		await a.getByText('Another tab kept different data on this device, with a passphrase this tab does not hold.', { exact: false }).waitFor({ timeout: 60_000 });
		await showing(a, 'Elm school');
		await a.getByText('It stays in this browser tab and is gone when you close it.', { exact: false }).waitFor();
		const oak = await keptBytes(b);
		expect(oak).not.toBe(elm);

		// B opens A's file of another school: it is asked, told what the file holds and what would be lost.
		const openForm = b.getByRole('form', { name: 'Open a file' });
		await openForm.getByLabel('File saved by Provision Lens').setInputFiles(path);
		await openForm.getByLabel('Its passphrase').fill('a file passphrase');
		await openForm.getByRole('button', { name: 'Open a file' }).click();
		const open = b.getByRole('dialog', { name: /^Open provision-lens-.*\.plws\?$/ });
		await expect.poll(() => open.textContent(), { timeout: 60_000 }).toMatch(/It holds Elm school \(imported .+\)\.\s+Opening it replaces what this tab shows: Oak school\./);
		expect(await open.textContent()).toContain('Keeping is on in this tab, so the data kept on this device (Oak school) is replaced by it too, and is lost.');
		await open.getByRole('button', { name: 'Cancel' }).click();
		await b.waitForTimeout(800);
		expect(await keptBytes(b)).toBe(oak);
		await showing(b, 'Oak school');

		// Asked again and answered yes: B shows Elm school, and keeps it under B's own passphrase.
		await openForm.getByLabel('Its passphrase').fill('a file passphrase');
		await openForm.getByRole('button', { name: 'Open a file' }).click();
		await open.getByRole('button', { name: 'Open it in their place' }).click();
		await b.getByText(/^Opened .+: Elm school\.$/).waitFor({ timeout: 60_000 });
		await showing(b, 'Elm school');
		await expect.poll(async () => (await keptBytes(b)) !== oak, { timeout: 60_000 }).toBe(true);
	});

	it('a save that runs out of space says so and leaves the copy kept before whole; a first keep that does not fit leaves nothing', async () => {
		await start(b);
		await importAs(b, 'Fir school');
		await keepWith(b, PASSPHRASE);
		await b.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
		const cdp = await context.newCDPSession(b);
		const origin = new URL(app.url).origin;
		const before = await keptBytes(b);
		expect(before).not.toBeNull();
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_000 });
		try {
			await importAs(b, 'Gorse school');
			await b
				.getByRole('alert')
				.filter({ hasText: /^The latest changes could not be kept: there is not enough space in this browser\. The copy kept before \(.+\) is unchanged/ })
				.waitFor({ timeout: 60_000 });
			expect(await keptBytes(b)).toBe(before);
			expect((await stored(b)).opfs).toEqual([KEPT]);
		} finally {
			await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		}

		// Room again: B's next change is kept, whole.
		await importAs(b, 'Holly school');
		await expect.poll(async () => (await keptBytes(b)) !== before, { timeout: 60_000 }).toBe(true);
		await expect.poll(() => b.getByText('The latest changes could not be kept').count(), { timeout: 60_000 }).toBe(0);

		// Forget, then a first keep with no room: nothing is left behind, and a new visit does not claim data is kept.
		await nav(b, 'Import data');
		await b.getByRole('button', { name: 'Forget: remove the kept data from this device' }).click();
		await b.getByRole('dialog', { name: 'Forget the kept data?' }).getByRole('button', { name: 'Forget it' }).click();
		await b.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await importAs(b, 'Ivy school');
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_000 });
		try {
			await keepWith(b, PASSPHRASE);
			await b.getByRole('alert').filter({ hasText: 'There is not enough space in this browser to keep the data. Nothing has been kept.' }).waitFor({ timeout: 60_000 });
			expect((await stored(b)).opfs).toEqual([]);
		} finally {
			await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		}
		await b.reload();
		await b.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		expect(await b.getByRole('heading', { name: 'Your data is kept on this device' }).count()).toBe(0);
	});

	it('a damaged kept file is reported as damaged before any passphrase is asked for, and Forget removes it', async () => {
		await start(b);
		await importAs(b, 'Juniper school');
		await keepWith(b, PASSPHRASE);
		await b.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
		// One byte of the file changed, as a failing disk or an interrupted copy would.
		await b.evaluate(async (name) => {
			const root = await navigator.storage.getDirectory();
			const handle = await root.getFileHandle(name);
			const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
			bytes[bytes.length - 100] ^= 0x20;
			const w = await handle.createWritable();
			await w.write(bytes);
			await w.close();
		}, KEPT);
		await b.reload();
		await b.getByRole('heading', { name: 'The data kept on this device is damaged' }).waitFor({ timeout: 60_000 });
		expect(await b.getByLabel('Passphrase', { exact: true }).count()).toBe(0);
		await b.getByRole('button', { name: 'Forget it: remove it from this device' }).click();
		await b.getByRole('dialog', { name: 'Forget the kept data?' }).getByRole('button', { name: 'Forget it' }).click();
		await b.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		expect((await stored(b)).opfs).toEqual([]);
	});

	it('raised no errors', () => {
		expect(errors).toEqual([]);
	});
});
