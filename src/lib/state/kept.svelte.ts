import { checklistStateSchema } from '../reflection/checklist';
import { parseSettings } from '../settings/schema';
import { WRONG_PASSPHRASE, WrongPassphrase, deriveKey } from '../storage/crypto';
import { canKeep, type KeptCopy } from '../storage/device';
import { DamagedFile, NewerVersion, NotAWorkspace, WrongOrDamaged, open } from '../storage/envelope';
import { KeptChanged, KeptTab, NothingKept, type KeptStatus, type TabNotice } from '../storage/tabs';
import { latestImport, sealWorkspace } from '../import/sealed';
import { WorkspaceUnreadable, readWorkspace, restoreWorkspace, type WorkspaceContent } from '../import/workspace';
import { dataset } from './dataset.svelte';
import { checklist, glossary, glossarySchema } from './leader-lists.svelte';
import { settings } from './settings.svelte';
import { schoolKey } from './word-plans.svelte';
import { strategyDrafts } from './strategy.svelte';
import { strategyDraftsSchema } from '../settings/strategy';
import { undoneMatches } from './undone-matches.svelte';

/**
 * "Keep this data on this device": off unless the user turns it on. Then everything loaded, with
 * settings and checklist, is kept encrypted in the browser's private file system and saved again
 * whenever it changes; on the next visit it is locked until the passphrase is given. Several tabs
 * share the one kept copy: storage/tabs.ts has the rules (one writer at a time, a copy another tab
 * changed is shown or asked about, never overwritten; a forgotten copy is never written again).
 */
export type { KeptStatus, TabNotice } from '../storage/tabs';

export const MIN_PASSPHRASE = 8;

/** Local-storage keys of this app (settings, glossary, checklist): Forget removes them too. */
const LOCAL_PREFIX = 'provision-lens:';

/** What a damaged kept copy is called, wherever it is found. */
export const KEPT_DAMAGED =
	'The kept data is damaged: its file on this device is not as it was saved (cut short or altered), so no passphrase can open it. Nothing has been changed. Forget it, then import your files again or open a file you saved.';

/** A write refused for lack of space in this browser. */
export const isSpace = (e: unknown) => (e as DOMException)?.name === 'QuotaExceededError';

/**
 * An error the page can show: our own messages, worded for the kept copy or for a file the user
 * chose; never an engine's text. A damaged file is called damaged; a wrong passphrase only when the
 * file is known to be whole; "damaged or the passphrase is wrong" only for an old file that cannot tell.
 */
export function plainError(e: unknown, what: 'kept' | 'file' = 'kept'): string {
	const kept = what === 'kept';
	if (e instanceof WrongPassphrase) return kept ? WRONG_PASSPHRASE : 'That passphrase does not open this file; nothing has been changed.';
	if (e instanceof WrongOrDamaged) {
		return `${kept ? 'The kept file' : 'This file'} could not be opened: it is damaged or the passphrase is wrong. Nothing has been changed.`;
	}
	if (e instanceof NewerVersion) return kept ? 'The kept data was saved by a newer version of Provision Lens: open it there, or update this copy.' : e.message;
	// The kept file is always one of ours: one that does not read as ours is damaged.
	if (e instanceof NotAWorkspace) {
		if (kept) return KEPT_DAMAGED;
		if (e instanceof DamagedFile) return 'This file is damaged (cut short or altered while copying), so no passphrase can open it. Nothing has been changed.';
		return e.message;
	}
	if (e instanceof WorkspaceUnreadable || e instanceof KeptChanged || e instanceof NothingKept) return e.message;
	console.error(e);
	if (isSpace(e)) return 'There is not enough space in this browser to keep the data. Nothing has been changed.';
	return 'Something went wrong while handling the kept data. Nothing has been changed.';
}

/** Why a save of changes failed, in words; the page adds that the copy kept before is unchanged. */
function saveFailure(e: unknown): string {
	if (isSpace(e)) return 'there is not enough space in this browser';
	console.error(e);
	return 'something went wrong while writing them';
}

export function checkPassphrase(passphrase: string, repeat?: string): string | null {
	if (passphrase.length < MIN_PASSPHRASE) return `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`;
	if (repeat !== undefined && passphrase !== repeat) return 'The two passphrases are not the same.';
	return null;
}

/** A file the user chose to open, decrypted and checked, not yet put in place of what is loaded. */
export interface OpenedFile {
	schools: string[];
	importedAt: string | null;
	/** Put it in place of what this tab holds (and, while keeping is on, of the kept copy). */
	apply(): Promise<void>;
}

function contentNow(): WorkspaceContent {
	return {
		schools: [...dataset.schools],
		importedAt: { ...dataset.importedAt },
		extras: {
			settings: $state.snapshot(settings.value),
			checklist: $state.snapshot(checklist.value),
			glossary: $state.snapshot(glossary.value),
			strategy: $state.snapshot(strategyDrafts.value),
			// Target ids: kept only here, encrypted with the data they are about (never in local storage).
			undoneMatches: $state.snapshot(undoneMatches.value),
			// The school key Word plans' ids were made with: kept with the data it made, encrypted as it is.
			...schoolKey.extras()
		}
	};
}

/** Changes whenever the data, settings or lists do: whether the tab holds anything not yet kept. */
function markNow(): string {
	return `${dataset.version}|${schoolKey.key?.check ?? ''}|${JSON.stringify([$state.snapshot(settings.value), $state.snapshot(checklist.value), $state.snapshot(glossary.value), $state.snapshot(strategyDrafts.value), $state.snapshot(undoneMatches.value)])}`;
}

/** Settings and lists from a workspace, each checked with its own schema; in memory only (nothing is written to local storage). */
function applyExtras(extras: Record<string, unknown>) {
	const s = parseSettings(extras.settings);
	if (s.ok) settings.value = s.settings;
	const c = checklistStateSchema.safeParse(extras.checklist);
	if (c.success) checklist.value = c.data;
	const g = glossarySchema.safeParse(extras.glossary);
	if (g.success) glossary.value = g.data;
	const d = strategyDraftsSchema.safeParse(extras.strategy);
	if (d.success) strategyDrafts.value = d.data;
	undoneMatches.restore(extras.undoneMatches);
}

/** Put a decrypted workspace in place of what is loaded, all or nothing; returns the mark of what is then held. */
async function loadPlain(plain: Uint8Array<ArrayBuffer>): Promise<string> {
	const workspace = await readWorkspace(plain);
	let content: WorkspaceContent | null = null;
	await dataset.restore(async (db) => (content = await restoreWorkspace(db, workspace)));
	applyExtras(content!.extras);
	await schoolKey.restore(content!.extras);
	return markNow();
}

class Kept {
	status = $state<KeptStatus>('unknown');
	/** The kept copy as this tab last saw it: its id, its readable dates, whether it is damaged. */
	copy = $state<KeptCopy | null>(null);
	/** Something another tab did to the kept copy, to tell the user. */
	notice = $state<TabNotice | null>(null);
	/** The copy another tab saved while this tab had unkept changes: saving waits for the user's choice. */
	conflict = $state<KeptCopy | null>(null);
	/** A save to this device is under way (or waiting). */
	saving = $state(false);
	/** Why the last automatic save failed, if it did (the copy kept before is then unchanged). */
	saveError = $state<string | null>(null);
	private timer: ReturnType<typeof setTimeout> | null = null;
	private watching = false;
	private tab = new KeptTab({ mark: markNow, seal: async (key) => ({ mark: markNow(), bytes: await sealWorkspace(await dataset.db(), contentNow(), key) }), load: loadPlain }, undefined, () =>
		this.sync()
	);

	get about() {
		return this.copy?.about ?? null;
	}

	private sync() {
		// Forgotten in another tab while this one waited for the passphrase: show the demo, as a visit with nothing kept does.
		if (this.status === 'locked' && this.tab.status === 'off' && dataset.status === 'starting') void dataset.loadDemo();
		this.status = this.tab.status;
		this.copy = this.tab.copy;
		this.notice = this.tab.notice;
		this.conflict = this.tab.conflict;
		this.saving = this.tab.saving > 0;
		this.saveError = this.tab.saveError ? saveFailure(this.tab.saveError) : null;
	}

	/** At page start: is data kept here? Then it is locked, and the demo is not loaded over it. */
	async start(): Promise<boolean> {
		this.watch();
		const locked = await this.tab.start(canKeep());
		if (typeof document !== 'undefined') {
			// A tab in the background may have missed a message: look again when it is shown.
			document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void this.tab.check().catch(() => undefined));
		}
		return locked;
	}

	/**
	 * Turn keeping on with this passphrase and keep what is loaded now, in place of the copy
	 * `replacing` (its id as the user was shown it, null when nothing was kept). Throws KeptChanged
	 * when another copy is kept by then: ask again.
	 */
	async keep(passphrase: string, replacing: string | null = null): Promise<void> {
		await this.tab.keep(await deriveKey(passphrase), replacing);
	}

	/** Open the kept copy. A wrong passphrase (WrongPassphrase) or a damaged copy (NotAWorkspace) changes nothing. */
	async unlock(passphrase: string): Promise<void> {
		await this.tab.unlock(passphrase);
	}

	/** Decrypt and check a file saved by "Save as a file", touching nothing loaded; `apply` then opens it. */
	async readFile(file: Uint8Array<ArrayBuffer>, passphrase: string): Promise<OpenedFile> {
		const { plain, header } = await open(file, passphrase);
		const { manifest } = await readWorkspace(plain);
		return {
			schools: manifest.schools,
			importedAt: header.about.importedAt ?? latestImport(manifest.importedAt),
			apply: async () => {
				await loadPlain(plain);
			}
		};
	}

	/** The loaded data as an encrypted file to save, with its own passphrase. */
	async fileBytes(passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
		const key = await deriveKey(passphrase);
		return sealWorkspace(await dataset.db(), contentNow(), key);
	}

	/** The schools in the kept copy, when this tab's key opens it (to name what would be lost); null when it cannot tell. */
	async keptSchools(): Promise<string[] | null> {
		const plain = await this.tab.peek().catch(() => null);
		if (!plain) return null;
		return (await readWorkspace(plain).catch(() => null))?.manifest.schools ?? null;
	}

	/** In a conflict: show the kept copy here, dropping this tab's unkept changes. */
	takeKeptCopy(): Promise<void> {
		return this.tab.takeKeptCopy();
	}

	/** In a conflict: keep this tab's data in place of the kept copy `id`, as the user was shown it. */
	keepThisTab(id: string): Promise<void> {
		return this.tab.keepThisTab(id);
	}

	dismiss() {
		this.tab.dismiss();
	}

	/**
	 * Remove every byte this app stored in the browser: the kept copy (and anything else in its
	 * private file system) and its local-storage settings and lists; every other tab stops keeping.
	 * The page then shows the demo.
	 */
	async forget(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		await this.tab.forget();
		schoolKey.forget();
		undoneMatches.restore([]);
		if (typeof localStorage !== 'undefined') {
			const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => !!k?.startsWith(LOCAL_PREFIX));
			for (const k of keys) localStorage.removeItem(k);
		}
		await dataset.loadDemo();
	}

	/** While keeping is on, save again a moment after the data, settings or lists change. */
	private watch() {
		if (this.watching) return;
		this.watching = true;
		$effect.root(() => {
			$effect(() => {
				void markNow();
				// Turning keeping on saves by itself, and a copy read from another tab is not saved back: the tab saves only what changed since.
				if (this.status !== 'on' || dataset.status !== 'ready' || dataset.isDemo) return;
				if (this.timer) clearTimeout(this.timer);
				this.timer = setTimeout(() => {
					this.tab.save().catch(() => undefined);
				}, 300);
			});
		});
	}
}

export const kept = new Kept();
