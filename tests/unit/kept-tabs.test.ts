import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveKey, type PassphraseKey } from '../../src/lib/storage/crypto';
import { KEPT_FILE } from '../../src/lib/storage/device';
import { open, seal } from '../../src/lib/storage/envelope';
import { KeptChanged, KeptTab, type TabData } from '../../src/lib/storage/tabs';
import { FakeBrowser } from './kept-fakes';

/**
 * Several tabs keeping data on one device (issue 23): Forget in one was undone by another, two tabs
 * overwrote each other, a failed save lost the copy. Each tab here holds a set of school names in
 * place of the page's engine; the kept file, its lock and the messages between tabs are the app's
 * own rules (storage/tabs.ts, storage/device.ts) over a file system in memory.
 */
const PASSPHRASE = 'tadpole lantern orchard';
const quickKey = (passphrase = PASSPHRASE) => deriveKey(passphrase, undefined, 1_000);
const encode = (items: Set<string>) => new TextEncoder().encode(JSON.stringify([...items].sort()));

class Tab {
	items = new Set<string>();
	version = 0;
	/** Every notice this tab ever showed, by the step it came at. */
	told: { step: number; kind: string }[] = [];
	step = 0;
	readonly data: TabData = {
		mark: () => String(this.version),
		seal: async (key) => ({ mark: String(this.version), bytes: await seal(encode(this.items), key, { keptAt: new Date().toISOString(), importedAt: null }) }),
		load: async (plain) => {
			this.items = new Set(JSON.parse(new TextDecoder().decode(plain)) as string[]);
			return String(++this.version);
		}
	};
	readonly kept: KeptTab;
	readonly id: number;
	constructor(readonly browser: FakeBrowser) {
		const place = browser.place();
		this.id = place.tab;
		this.kept = new KeptTab(this.data, place, () => {
			const kind = this.kept?.notice?.kind;
			if (kind && this.told.at(-1)?.kind !== kind) this.told.push({ step: this.step, kind });
		});
	}
	add(school: string) {
		this.items.add(school);
		this.version++;
	}
	/** Hear the messages waiting for this tab, and finish acting on them. */
	async hear() {
		this.browser.deliver(this.id);
		await this.kept.check();
	}
}

/** The schools in the kept file, opened with the passphrase; null when nothing is kept. */
async function keptSchools(browser: FakeBrowser, passphrase = PASSPHRASE): Promise<string[] | null> {
	const bytes = browser.dir.files.get(KEPT_FILE);
	if (!bytes) return null;
	return JSON.parse(new TextDecoder().decode((await open(bytes as Uint8Array<ArrayBuffer>, passphrase)).plain));
}

async function twoTabs() {
	const browser = new FakeBrowser();
	const a = new Tab(browser);
	const b = new Tab(browser);
	await a.kept.start(true);
	await b.kept.start(true);
	a.add('Alder school');
	await a.kept.keep(await quickKey(), null);
	await b.hear();
	expect(b.kept.status).toBe('locked');
	await b.kept.unlock(PASSPHRASE);
	expect([...b.items]).toEqual(['Alder school']);
	return { browser, a, b };
}

describe('two tabs keeping data on one device', () => {
	it('each shows what the other saved, nothing is lost, and Forget in one is not undone by the other', async () => {
		const { browser, a, b } = await twoTabs();
		a.add('Birch school');
		await a.kept.save();
		await b.hear();
		expect(b.kept.notice?.kind).toBe('refreshed');
		expect([...b.items].sort()).toEqual(['Alder school', 'Birch school']);

		b.add('Cedar school');
		await b.kept.save();
		await a.hear();
		expect([...a.items].sort()).toEqual(['Alder school', 'Birch school', 'Cedar school']);
		expect(await keptSchools(browser)).toEqual(['Alder school', 'Birch school', 'Cedar school']);
		// Reading the other tab's copy is not a change of this tab's own: nothing is saved back.
		const file = browser.dir.files.get(KEPT_FILE);
		await a.kept.save();
		expect(browser.dir.files.get(KEPT_FILE)).toBe(file);

		await a.kept.forget();
		expect(browser.dir.files.size).toBe(0);
		// B has not heard yet, and changes its data: its save finds the copy forgotten and writes nothing.
		b.add('Dogwood school');
		await b.kept.save();
		expect(browser.dir.files.size).toBe(0);
		expect(b.kept.status).toBe('off');
		expect(b.kept.notice).toEqual({ kind: 'forgotten', wasKeeping: true });
		b.add('Elm school');
		await b.kept.save();
		await b.hear();
		expect(browser.dir.files.size).toBe(0);
		// What B shows stays in B until the tab is closed.
		expect(b.items.has('Dogwood school')).toBe(true);
	});

	it('a tab told of Forget stops keeping at once', async () => {
		const { browser, a, b } = await twoTabs();
		await a.kept.forget();
		await b.hear();
		expect(b.kept.status).toBe('off');
		expect(b.kept.notice).toEqual({ kind: 'forgotten', wasKeeping: true });
		b.add('Birch school');
		await b.kept.save();
		expect(browser.dir.files.size).toBe(0);
	});

	it('two tabs changing at once: the second save writes nothing and asks; the user chooses which to keep', async () => {
		const { browser, a, b } = await twoTabs();
		a.add('Birch school');
		b.add('Cedar school');
		await a.kept.save();
		await b.kept.save();
		expect(await keptSchools(browser)).toEqual(['Alder school', 'Birch school']);
		expect(b.kept.conflict).not.toBeNull();
		expect(b.kept.notice?.kind).toBe('conflict');
		// Hearing of A's save later changes nothing: B still has its own changes, and saving waits.
		await b.hear();
		b.add('Dogwood school');
		await b.kept.save();
		expect(await keptSchools(browser)).toEqual(['Alder school', 'Birch school']);

		// Keeping B's data over a copy other than the one shown is refused.
		await expect(b.kept.keepThisTab('not the copy shown')).rejects.toBeInstanceOf(KeptChanged);
		await b.kept.keepThisTab(b.kept.conflict!.id);
		expect(await keptSchools(browser)).toEqual(['Alder school', 'Cedar school', 'Dogwood school']);
		// A had nothing unsaved: it now shows B's choice.
		await a.hear();
		expect([...a.items].sort()).toEqual(['Alder school', 'Cedar school', 'Dogwood school']);

		// The other way: A changes, B changes, B takes A's copy and drops its own change.
		a.add('Elm school');
		b.add('Fir school');
		await a.kept.save();
		await b.hear();
		expect(b.kept.conflict).not.toBeNull();
		await b.kept.takeKeptCopy();
		expect(b.kept.conflict).toBeNull();
		expect([...b.items].sort()).toEqual(['Alder school', 'Cedar school', 'Dogwood school', 'Elm school']);
	});

	it('a tab keeping its own data does not replace a copy kept from another tab unless asked about that copy', async () => {
		const { browser, a } = await twoTabs();
		const c = new Tab(browser);
		await c.kept.start(true);
		c.add('Oak school');
		// C was opened before: it does not know what is kept, and asks to keep over nothing.
		const refused = await c.kept.keep(await quickKey('another passphrase'), null).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(KeptChanged);
		expect(await keptSchools(browser)).toEqual(['Alder school']);
		const shown = (refused as KeptChanged).copy!;
		expect(c.kept.status).toBe('locked');
		// The user, shown that copy, chooses to replace it.
		await c.kept.keep(await quickKey('another passphrase'), shown.id);
		expect(await keptSchools(browser, 'another passphrase')).toEqual(['Oak school']);
		// A cannot open C's copy (another passphrase): it stops keeping, says so, and keeps showing its data.
		await a.hear();
		expect(a.kept.status).toBe('locked');
		expect(a.kept.notice?.kind).toBe('replaced');
		expect([...a.items]).toEqual(['Alder school']);
		a.add('Birch school');
		await a.kept.save();
		expect(await keptSchools(browser, 'another passphrase')).toEqual(['Oak school']);
	});

	it('a save that fails for lack of space keeps the copy before, says why, and goes through once there is room', async () => {
		const { browser, a } = await twoTabs();
		const before = browser.dir.files.get(KEPT_FILE);
		browser.dir.quota = browser.dir.used() + 10;
		a.add('Birch school with a long name that does not fit');
		await expect(a.kept.save()).rejects.toMatchObject({ name: 'QuotaExceededError' });
		expect(a.kept.saveError).toMatchObject({ name: 'QuotaExceededError' });
		expect(a.kept.status).toBe('on');
		expect(browser.dir.files.get(KEPT_FILE)).toBe(before);
		expect([...browser.dir.files.keys()]).toEqual([KEPT_FILE]);
		browser.dir.quota = Infinity;
		await a.kept.save();
		expect(a.kept.saveError).toBeNull();
		expect(await keptSchools(browser)).toEqual(['Alder school', 'Birch school with a long name that does not fit']);
	});
});

type Op =
	| { op: 'add'; tab: number }
	| { op: 'save'; tab: number }
	| { op: 'hear'; tab: number }
	| { op: 'forget'; tab: number }
	| { op: 'unlock'; tab: number }
	| { op: 'keep'; tab: number }
	| { op: 'take'; tab: number }
	| { op: 'mine'; tab: number };

describe('two and three tabs, in any order (fuzz)', () => {
	const TABS = 3;
	const op = fc.oneof(
		{ weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 4, arbitrary: fc.record({ op: fc.constant('save' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 4, arbitrary: fc.record({ op: fc.constant('hear' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('forget' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 2, arbitrary: fc.record({ op: fc.constant('unlock' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('keep' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('take' as const), tab: fc.nat(TABS - 1) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('mine' as const), tab: fc.nat(TABS - 1) }) }
	) as fc.Arbitrary<Op>;

	it('nothing is lost without the tab saying so or the user choosing, and nothing forgotten comes back', async () => {
		const key: PassphraseKey = await quickKey();
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
				const browser = new FakeBrowser();
				const tabs = Array.from({ length: TABS }, () => new Tab(browser));
				for (const t of tabs) await t.kept.start(true);
				// Every tab keeping the one copy, as after opening it in each: where tabs can tread on each other.
				tabs[0].add('Start school');
				await tabs[0].kept.keep(key, null);
				for (const t of tabs.slice(1)) {
					await t.hear();
					await t.kept.unlock(PASSPHRASE);
				}
				/** Each school added while its tab kept data (and had not been told of a conflict): when, and by which tab. */
				const added: { school: string; tab: Tab; step: number }[] = [];
				/** Steps at which the user chose to discard something (Forget, keeping over a copy, choosing one side of a conflict). */
				const chosen: number[] = [];
				let n = 0;
				const schools = async () => new Set((await keptSchools(browser)) ?? []);

				for (const [step, { op, tab: i }] of ops.entries()) {
					const t = tabs[i];
					for (const x of tabs) x.step = step;
					const before = browser.dir.files.get(KEPT_FILE) ?? null;
					const had = before ? await schools() : null;
					switch (op) {
						case 'add': {
							const school = `School ${n++}`;
							if (t.kept.status === 'on' && !t.kept.conflict) added.push({ school, tab: t, step });
							t.add(school);
							break;
						}
						case 'save':
							await t.kept.save().catch(() => undefined);
							break;
						case 'hear':
							await t.hear();
							break;
						case 'forget':
							chosen.push(step);
							await t.kept.forget();
							break;
						case 'unlock':
							if (t.kept.status === 'locked') await t.kept.unlock(PASSPHRASE);
							break;
						case 'keep':
							if (t.kept.status === 'off' || t.kept.status === 'locked') {
								chosen.push(step);
								await t.kept.keep(key, t.kept.copy?.id ?? null).catch((e: unknown) => {
									if (!(e instanceof KeptChanged)) throw e;
								});
							}
							break;
						case 'take':
							if (t.kept.conflict) {
								chosen.push(step);
								await t.kept.takeKeptCopy();
							}
							break;
						case 'mine':
							if (t.kept.conflict) {
								chosen.push(step);
								await t.kept.keepThisTab(t.kept.conflict.id).catch(() => undefined);
							}
							break;
					}
					const after = browser.dir.files.get(KEPT_FILE) ?? null;
					// Nothing forgotten comes back: only turning keeping on writes where nothing is kept.
					if (!before && op !== 'keep') expect(after, `step ${step}: ${op} by tab ${i} wrote a forgotten copy`).toBeNull();
					// A copy changes only to hold more, unless the user chose to discard something.
					if (before && after && after !== before && !['keep', 'mine'].includes(op)) {
						const now = await schools();
						for (const s of had!) expect(now.has(s), `step ${step}: ${op} by tab ${i} dropped ${s}`).toBe(true);
					}
					expect([...browser.dir.files.keys()].filter((f) => f !== KEPT_FILE)).toEqual([]);
				}

				// Let every tab hear everything and save what it has, twice over.
				for (let round = 0; round < 3; round++) {
					for (const t of tabs) {
						await t.hear();
						await t.kept.save();
					}
				}
				const final = await schools();
				for (const t of tabs) {
					// Every tab still keeping, with no question open, shows exactly what is kept.
					if (t.kept.status === 'on' && !t.kept.conflict) expect([...t.items].sort()).toEqual([...final].sort());
				}
				for (const a of added) {
					if (final.has(a.school)) continue;
					// Lost: only after the user chose so, or with its tab having said so.
					const toldSince = a.tab.told.some((n) => n.step >= a.step && n.kind !== 'refreshed');
					expect(toldSince || chosen.some((s) => s >= a.step), `${a.school} (tab ${a.tab.id}, step ${a.step}) lost in silence`).toBe(true);
				}
			}),
			{ numRuns: 150 }
		);
	});
});
