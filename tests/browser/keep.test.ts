import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { threadsPay } from '../../src/lib/db/threads';
import { nav, startApp, type App, savedPath } from './harness';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(fixture(name)).map((f) => `${fixture(name)}/${f}`);
const PASSPHRASE = 'tadpole lantern orchard';
const WRONG = 'That passphrase does not open the kept data; nothing has been changed.';

/** Everything this site has in the browser's storage, and whether any cached text holds the school's name. */
function storage(page: Page) {
	return page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const opfs: string[] = [];
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) opfs.push(name);
		const local = Object.keys(localStorage);
		const session = Object.keys(sessionStorage);
		const idb = (await indexedDB.databases()).map((d) => d.name);
		const cached: string[] = [];
		let dataInCache = false;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				cached.push(new URL(request.url).pathname);
				const response = await cache.match(request);
				const type = response?.headers.get('content-type') ?? '';
				if (/text|javascript|json|csv/.test(type) && (await response!.text()).includes('Fixture school')) dataInCache = true;
			}
		}
		return { opfs, local, session, idb, cached, dataInCache };
	});
}

/** The kept file's bytes as text (latin1), to look for anything readable in it. */
function keptFileText(page: Page) {
	return page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const file = await (await root.getFileHandle('provision-lens-kept.plws')).getFile();
		return { size: file.size, text: new TextDecoder('latin1').decode(await file.arrayBuffer()) };
	});
}

async function importRules(page: Page) {
	// Following the menu to the page already open can re-render it after the name is typed, so the files were
	// then read as "My school": go there only from elsewhere, and check the name holds before choosing files.
	if (new URL(page.url()).pathname !== '/import') await nav(page, 'Import data');
	await page.getByRole('heading', { name: 'Import your exports' }).waitFor();
	await page.getByLabel('School name').fill('Fixture school');
	await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Fixture school');
	await page.locator('input[type=file][multiple]').setInputFiles(filesOf('rules'));
	await page.getByRole('heading', { name: 'Check how your files were read' }).waitFor({ timeout: 60_000 });
	await page.getByRole('button', { name: /^Load \d+ files? for Fixture school$/ }).click();
	await page.getByRole('heading', { name: 'Import summary: Fixture school' }).waitFor({ timeout: 60_000 });
}

/** The overview's headline figures for the loaded data. */
async function figures(page: Page): Promise<string[]> {
	if (new URL(page.url()).pathname !== '/') await nav(page, 'Overview');
	await page.getByText('Your data: Fixture school').waitFor({ timeout: 60_000 });
	await page.getByRole('heading', { name: 'Targets', exact: true }).waitFor({ timeout: 60_000 });
	const value = (label: string) => page.locator('.figure', { hasText: label }).first().locator('.value').textContent({ timeout: 60_000 });
	return [await value('on the SEN register'), await value('EHC plan'), await value('achieved')].map((v) => (v ?? '').trim());
}

describe('keeping data on this device, in Chromium', () => {
	let app: App;
	let context: BrowserContext;
	let page: Page;
	const foreign: string[] = [];
	const errors: string[] = [];
	const wasm = new Set<string>();
	let before: string[];

	beforeAll(async () => {
		app = await startApp();
		context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		page = await context.newPage();
		const origin = new URL(app.url).origin;
		context.on('request', (r) => {
			const u = r.url();
			if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
			if (u.endsWith('.wasm')) wasm.add(new URL(u).pathname);
		});
		page.on('pageerror', (e) => errors.push(e.message));
	});
	afterAll(async () => {
		await app?.close();
	});

	it('writes nothing to the browser storage when keeping is not chosen', async () => {
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		await importRules(page);
		before = await figures(page);
		expect(before).toEqual(['4', '1', '1']);
		for (const label of ['Provision map', 'Impact', 'Plan quality', "Governors' report", 'Costing settings', 'Import data']) {
			await nav(page, label);
			await page.getByText('Your data: Fixture school').waitFor({ timeout: 60_000 });
		}
		const s = await storage(page);
		expect(s.opfs).toEqual([]);
		expect(s.local).toEqual([]);
		expect(s.session).toEqual([]);
		expect(s.idb).toEqual([]);
		expect(s.dataInCache).toBe(false);
	});

	it('keeps the data encrypted with a passphrase, and after a reload shows the same figures once it is given', async () => {
		await importRules(page);
		await page.getByRole('checkbox', { name: 'Keep this data on this device' }).check();
		await page.getByLabel(/^Choose a passphrase/).fill(PASSPHRASE);
		await page.getByRole('form', { name: 'Keep on this device' }).getByLabel('Type it again').fill(PASSPHRASE);
		await page.getByRole('button', { name: 'Keep it on this device' }).click();
		await page.getByText('The data is now kept on this device, encrypted with your passphrase.').waitFor({ timeout: 60_000 });
		expect((await storage(page)).opfs).toEqual(['provision-lens-kept.plws']);
		const kept = await keptFileText(page);
		expect(kept.size).toBeGreaterThan(1000);
		for (const readable of ['Fixture school', 'P001', 'PL03', 'pupils', 'review_due']) expect(kept.text).not.toContain(readable);

		await page.goto(`${app.url}/`);
		await page.getByRole('heading', { name: 'Your data is kept on this device' }).waitFor({ timeout: 60_000 });
		await page.getByText('Waiting for the passphrase to open the kept data.').waitFor();
		expect(await page.getByText('Demo data', { exact: true }).count()).toBe(0);
		await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
		await page.getByRole('button', { name: 'Open the kept data' }).click();
		expect(await figures(page)).toEqual(before);
		await page.getByText('Kept on this device, encrypted with your passphrase.').waitFor();
	});

	it('says plainly when the passphrase is wrong, and loses nothing', async () => {
		const kept = await keptFileText(page);
		await page.reload();
		await page.getByRole('heading', { name: 'Your data is kept on this device' }).waitFor({ timeout: 60_000 });
		await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
		await page.getByRole('button', { name: 'Open the kept data' }).click();
		await page.getByRole('alert').filter({ hasText: WRONG }).waitFor({ timeout: 60_000 });
		expect(await keptFileText(page)).toEqual(kept);
		await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
		await page.getByRole('button', { name: 'Open the kept data' }).click();
		expect(await figures(page)).toEqual(before);
	});

	it('saves an encrypted file that, opened after clearing, gives the same figures', async () => {
		await nav(page, 'Import data');
		const saveForm = page.getByRole('form', { name: 'Save as a file' });
		await saveForm.getByLabel('Passphrase for the file').fill('a different passphrase');
		await saveForm.getByLabel('Type it again').fill('a different passphrase');
		const download = page.waitForEvent('download');
		await saveForm.getByRole('button', { name: 'Save as a file' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^provision-lens-\d{4}-\d{2}-\d{2}\.plws$/);
		const path = await savedPath(file);
		expect(readFileSync(path).toString('latin1')).not.toContain('Fixture school');

		await page.getByRole('button', { name: 'Clear all data' }).click();
		await page.getByRole('button', { name: 'Yes, clear all data' }).click();
		await page.getByText('No data loaded.').waitFor();

		const openForm = page.getByRole('form', { name: 'Open a file' });
		await openForm.getByLabel('File saved by Provision Lens').setInputFiles(path);
		await openForm.getByLabel('Its passphrase').fill('wrong passphrase');
		await openForm.getByRole('button', { name: 'Open a file' }).click();
		await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this file; nothing has been changed.' }).waitFor({ timeout: 60_000 });
		await expect.poll(() => page.getByText('No data loaded.').count()).toBe(1);

		await openForm.getByLabel('Its passphrase').fill('a different passphrase');
		await openForm.getByRole('button', { name: 'Open a file' }).click();
		await page.getByText(/^Opened .+: Fixture school\.$/).waitFor({ timeout: 60_000 });
		expect(await figures(page)).toEqual(before);
	});

	it('forgets after one question naming what goes: every stored byte removed, the demo shown', async () => {
		await nav(page, 'Import data');
		await page.getByRole('button', { name: 'Forget: remove the kept data from this device' }).click();
		const ask = page.getByRole('dialog', { name: 'Forget the kept data?' });
		await expect.poll(() => ask.textContent()).toContain('the kept data of Fixture school');
		await ask.getByRole('button', { name: 'Forget it' }).click();
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const s = await storage(page);
		expect(s.opfs).toEqual([]);
		expect(s.local).toEqual([]);
		expect(s.idb).toEqual([]);
		expect(s.dataInCache).toBe(false);
		await page.goto(`${app.url}/`);
		await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		expect(await page.getByRole('heading', { name: 'Your data is kept on this device' }).count()).toBe(0);
	});

	it('keeps the engine for offline use, and works offline after a visit', async () => {
		const build = (paths: Iterable<string>) => [...new Set([...paths].filter((p) => p.endsWith('.wasm')).map((p) => p.replace(/^.*\/(duckdb-\w+)\..*$/, '$1')))].sort();
		// Never the build for browsers without WebAssembly exceptions; the single-thread build on the first
		// visit, and, on a device with the cores for it, the threaded one, which every visit through the service
		// worker then runs (tests/browser/threads.test.ts).
		expect(build(wasm).every((b) => b === 'duckdb-eh' || b === 'duckdb-coi')).toBe(true);
		const next = threadsPay(await page.evaluate(() => navigator.hardwareConcurrency)) ? 'duckdb-coi' : 'duckdb-eh';
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		// The next visit's build is kept once a page has told the worker which builds it runs (and will run).
		await expect.poll(async () => build((await storage(page)).cached), { timeout: 60_000 }).toContain(next);
		await context.setOffline(true);
		try {
			await page.reload();
			await page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
			await importRules(page);
			expect(await figures(page)).toEqual(before);
			// Only the build that visit ran stays kept.
			await expect.poll(async () => build((await storage(page)).cached), { timeout: 60_000 }).toEqual([next]);
		} finally {
			await context.setOffline(false);
		}
	});

	it('asked for nothing outside its own origin and raised no errors', () => {
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
