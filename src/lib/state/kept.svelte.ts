import { untrack } from 'svelte';
import { checklistStateSchema } from '../reflection/checklist';
import { parseSettings } from '../settings/schema';
import { WrongPassphrase, deriveKey, type PassphraseKey } from '../storage/crypto';
import { canKeep, forgetKept, keptAbout, readKept, writeKept } from '../storage/device';
import { NotAWorkspace, type EnvelopeAbout } from '../storage/envelope';
import { latestImport, openSealedWorkspace, sealWorkspace } from '../import/sealed';
import { WorkspaceUnreadable, type WorkspaceContent } from '../import/workspace';
import { dataset } from './dataset.svelte';
import { checklist, glossary, glossarySchema } from './leader-lists.svelte';
import { settings } from './settings.svelte';

/**
 * "Keep this data on this device": off unless the user turns it on. Then everything loaded, with
 * settings and checklist, is kept encrypted in the browser's private file system and saved again
 * whenever it changes; on the next visit it is locked until the passphrase is given.
 *  - 'unsupported': this browser has no origin-private file system
 *  - 'off': nothing kept
 *  - 'locked': a kept copy is on this device, not opened in this page
 *  - 'on': opened or just kept; changes are saved to it
 */
type KeptStatus = 'unknown' | 'unsupported' | 'off' | 'locked' | 'on';

export const MIN_PASSPHRASE = 8;

/** Local-storage keys of this app (settings, glossary, checklist): Forget removes them too. */
const LOCAL_PREFIX = 'provision-lens:';

/** An error the page can show: our own messages as they are, never an engine's text. */
export function plainError(e: unknown): string {
	if (e instanceof WrongPassphrase || e instanceof NotAWorkspace || e instanceof WorkspaceUnreadable) return e.message;
	console.error(e);
	if ((e as DOMException)?.name === 'QuotaExceededError') return 'There is not enough space in this browser to keep the data. Nothing has been changed.';
	return 'Something went wrong while handling the kept data. Nothing has been changed.';
}

export function checkPassphrase(passphrase: string, repeat?: string): string | null {
	if (passphrase.length < MIN_PASSPHRASE) return `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`;
	if (repeat !== undefined && passphrase !== repeat) return 'The two passphrases are not the same.';
	return null;
}

class Kept {
	status = $state<KeptStatus>('unknown');
	about = $state<EnvelopeAbout | null>(null);
	/** A save to this device is under way (or waiting). */
	saving = $state(false);
	/** Why the last automatic save failed, if it did. */
	saveError = $state<string | null>(null);
	private key: PassphraseKey | null = null;
	private chain: Promise<unknown> = Promise.resolve();
	private timer: ReturnType<typeof setTimeout> | null = null;
	private watching = false;

	/** At page start: is data kept here? Then it is locked, and the demo is not loaded over it. */
	async start(): Promise<boolean> {
		this.watch();
		if (!canKeep()) {
			this.status = 'unsupported';
			return false;
		}
		try {
			this.about = await keptAbout();
		} catch {
			this.about = null;
		}
		this.status = this.about ? 'locked' : 'off';
		return !!this.about;
	}

	private content(): WorkspaceContent {
		return {
			schools: [...dataset.schools],
			importedAt: { ...dataset.importedAt },
			extras: {
				settings: $state.snapshot(settings.value),
				checklist: $state.snapshot(checklist.value),
				glossary: $state.snapshot(glossary.value)
			}
		};
	}

	/** Settings and lists from a workspace, each checked with its own schema; in memory only (nothing is written to local storage). */
	private applyExtras(extras: Record<string, unknown>) {
		const s = parseSettings(extras.settings);
		if (s.ok) settings.value = s.settings;
		const c = checklistStateSchema.safeParse(extras.checklist);
		if (c.success) checklist.value = c.data;
		const g = glossarySchema.safeParse(extras.glossary);
		if (g.success) glossary.value = g.data;
	}

	private queueSave(): Promise<void> {
		const key = this.key;
		if (!key) return Promise.resolve();
		this.saving = true;
		const job = this.chain.then(async () => {
			if (this.key !== key) return; // forgotten meanwhile
			const db = await dataset.db();
			const bytes = await sealWorkspace(db, this.content(), key);
			if (this.key !== key) return;
			await writeKept(bytes);
			this.about = { keptAt: new Date().toISOString(), importedAt: latestImport(dataset.importedAt) };
			this.saveError = null;
		});
		this.chain = job.catch(() => undefined).finally(() => (this.saving = false));
		return job;
	}

	/** Turn keeping on with this passphrase and keep what is loaded now. */
	async keep(passphrase: string): Promise<void> {
		this.key = await deriveKey(passphrase);
		try {
			await this.queueSave();
		} catch (e) {
			this.key = null;
			throw e;
		}
		this.status = 'on';
	}

	/** Open the kept copy. A wrong passphrase throws WrongPassphrase and changes nothing. */
	async unlock(passphrase: string): Promise<void> {
		const file = await readKept();
		if (!file) {
			this.status = 'off';
			throw new WorkspaceUnreadable('it is no longer on this device');
		}
		await this.restore(file, passphrase, true);
	}

	/** Load an encrypted workspace file (from "Save as a file"). */
	async openFile(file: Uint8Array<ArrayBuffer>, passphrase: string): Promise<void> {
		await this.restore(file, passphrase, false);
	}

	private async restore(file: Uint8Array<ArrayBuffer>, passphrase: string, isKept: boolean) {
		let opened: Awaited<ReturnType<typeof openSealedWorkspace>> | null = null;
		await dataset.restore(async (db) => {
			opened = await openSealedWorkspace(db, file, passphrase);
			return opened.content;
		});
		const { content, key } = opened!;
		this.applyExtras(content.extras);
		if (isKept) {
			this.key = key;
			this.status = 'on';
		}
	}

	/** The loaded data as an encrypted file to save, with its own passphrase. */
	async fileBytes(passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
		const key = await deriveKey(passphrase);
		return this.chain.then(async () => sealWorkspace(await dataset.db(), this.content(), key));
	}

	/**
	 * Remove every byte this app stored in the browser: the kept copy (and anything else in its
	 * private file system) and its local-storage settings and lists. The page then shows the demo.
	 */
	async forget(): Promise<void> {
		this.key = null;
		if (this.timer) clearTimeout(this.timer);
		await this.chain;
		await forgetKept();
		if (typeof localStorage !== 'undefined') {
			const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => !!k?.startsWith(LOCAL_PREFIX));
			for (const k of keys) localStorage.removeItem(k);
		}
		this.about = null;
		this.saveError = null;
		this.status = canKeep() ? 'off' : 'unsupported';
		await dataset.loadDemo();
	}

	/** While keeping is on, save again a moment after the data, settings or lists change. */
	private watch() {
		if (this.watching) return;
		this.watching = true;
		$effect.root(() => {
			$effect(() => {
				void dataset.version;
				void $state.snapshot(settings.value);
				void $state.snapshot(checklist.value);
				void $state.snapshot(glossary.value);
				// Turning keeping on saves by itself: only changes made after that are watched for.
				if (untrack(() => this.status) !== 'on' || dataset.status !== 'ready' || dataset.isDemo) return;
				if (this.timer) clearTimeout(this.timer);
				this.timer = setTimeout(() => {
					this.queueSave().catch((e) => (this.saveError = plainError(e)));
				}, 300);
			});
		});
	}
}

export const kept = new Kept();
