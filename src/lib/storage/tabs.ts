import type { PassphraseKey } from './crypto';
import { browserPlace, forgetKept, inspectKept, readKept, readKeptHead, replaceKept, type KeptCopy, type KeptPlace } from './device';
import { copyId, open, openWithKey, readHeader } from './envelope';

/**
 * One tab's side of the kept copy, shared with every other open tab of the app.
 *  - 'unsupported': this browser has no origin-private file system
 *  - 'off': nothing kept
 *  - 'locked': a copy is kept on this device, not opened in this tab
 *  - 'on': this tab opened or kept it; its changes are saved to it
 *
 * The rules, so that nothing is lost and nothing comes back:
 *  - A tab saves only over the copy it last read or saved (device.ts checks, under one Web Lock).
 *  - Told that another tab saved (or on its own next save), a tab with nothing unsaved shows the
 *    new copy; one with changes of its own stops saving and asks the user which to keep
 *    ('conflict'): neither is overwritten until then.
 *  - A copy forgotten in another tab is never written again by this one: it stops keeping, says
 *    so, and keeps showing its data until the tab is closed. Only turning keeping on again writes.
 *  - A copy replaced in another tab under another passphrase cannot be read here: this tab stops
 *    keeping and says so; the copy is then locked here, to open with its own passphrase.
 */
export type KeptStatus = 'unknown' | 'unsupported' | 'off' | 'locked' | 'on';

/** What a tab must tell its user about the kept copy when another tab changed it. */
export type TabNotice =
	/** Another tab saved the kept copy; this tab had nothing unsaved, so it now shows that copy. */
	| { kind: 'refreshed'; copy: KeptCopy }
	/** Another tab saved the kept copy while this tab had changes not yet kept: nothing is written until the user chooses. */
	| { kind: 'conflict'; copy: KeptCopy }
	/** Another tab kept other data under a passphrase this tab does not hold: this tab stopped keeping. */
	| { kind: 'replaced'; copy: KeptCopy }
	/** Another tab used Forget: this tab stopped keeping (wasKeeping), or the copy it had not opened is gone. */
	| { kind: 'forgotten'; wasKeeping: boolean };

/** The data a tab holds, as these rules need it: the page's engine and settings, or a test's own. */
export interface TabData {
	/** A mark of what the tab holds now: it changes whenever the data, settings or lists do. */
	mark(): string;
	/** What the tab holds now, sealed with `key`, and the mark of what was sealed. */
	seal(key: PassphraseKey): Promise<{ bytes: Uint8Array<ArrayBuffer>; mark: string }>;
	/** Put a kept copy's decrypted bytes in place of what the tab holds (all or nothing); returns the new mark. */
	load(plain: Uint8Array<ArrayBuffer>): Promise<string>;
}

/** The kept copy is not the one the user was asked about (another tab changed it just now): ask again. */
export class KeptChanged extends Error {
	constructor(readonly copy: KeptCopy | null) {
		super('The kept data was changed in another tab just now: nothing has been changed here. Look again at what is kept, then choose.');
		this.name = 'KeptChanged';
	}
}

/** The kept copy went (forgotten in another tab) before it could be opened. */
export class NothingKept extends Error {
	constructor() {
		super('The kept data is no longer on this device (it was forgotten in another tab). Nothing has been changed here.');
		this.name = 'NothingKept';
	}
}

export class KeptTab {
	status: KeptStatus = 'unknown';
	/** The kept copy on this device as this tab last saw it (null: nothing kept). */
	copy: KeptCopy | null = null;
	notice: TabNotice | null = null;
	/** The copy another tab saved while this one had unkept changes: saves wait until the user chooses. */
	conflict: KeptCopy | null = null;
	/** Why the last save failed (the previous copy is then unchanged), or null. */
	saveError: unknown = null;
	/** Saves waiting or under way. */
	saving = 0;
	private key: PassphraseKey | null = null;
	/** The id of the copy this tab's data was read from or last saved as (while 'on'). */
	private base: string | null = null;
	/** The mark of what this tab held when it was last read from or saved to the kept copy. */
	private savedMark: string | null = null;
	private chain: Promise<unknown> = Promise.resolve();
	private stopListening: (() => void) | null = null;

	constructor(
		private data: TabData,
		private place: KeptPlace = browserPlace(),
		private changed: () => void = () => undefined
	) {}

	/** One thing at a time in this tab: saves, reading another tab's change, opening, forgetting. */
	private serial<T>(job: () => Promise<T>): Promise<T> {
		const next = this.chain.then(job, job);
		this.chain = next.catch(() => undefined);
		return next.finally(() => this.changed());
	}

	/** Changes in this tab not yet in the kept copy. */
	get unsaved(): boolean {
		return this.status === 'on' && this.data.mark() !== this.savedMark;
	}

	/** At page start: is a copy kept here? Then it is locked until its passphrase is given. */
	start(supported: boolean): Promise<boolean> {
		return this.serial(async () => {
			if (!supported) {
				this.status = 'unsupported';
				return false;
			}
			this.stopListening ??= this.place.listen(() => void this.check().catch(() => undefined));
			this.copy = await inspectKept(this.place).catch(() => null);
			this.status = this.copy ? 'locked' : 'off';
			return !!this.copy;
		});
	}

	/** Read which copy is kept now and act on any change another tab made (on a message, or when the tab is shown again). */
	check(): Promise<void> {
		return this.serial(() => this.reconcile());
	}

	private async reconcile(): Promise<void> {
		if (this.status === 'unsupported' || this.status === 'unknown') return;
		const current = await readKeptHead(this.place);
		if (this.status !== 'on') {
			if (!current && this.status === 'locked') this.notice = { kind: 'forgotten', wasKeeping: false };
			// A copy kept from another tab is locked here; one whose header now reads as damaged is checked whole before it is shown so.
			this.copy = current && current.id !== this.copy?.id ? ((await inspectKept(this.place)) ?? current) : current;
			this.status = this.copy ? 'locked' : 'off';
			return;
		}
		if (!current) return this.stop({ kind: 'forgotten', wasKeeping: true }, null);
		if (current.id === this.base) return;
		if (this.conflict || this.unsaved || current.damaged) {
			this.conflict = current;
			this.notice = { kind: 'conflict', copy: current };
			return;
		}
		if (await this.takeKept()) this.notice = { kind: 'refreshed', copy: this.copy! };
	}

	/** Show the kept copy in this tab, opened with this tab's key; when the key does not fit it (another passphrase), stop keeping. */
	private async takeKept(): Promise<boolean> {
		const bytes = await readKept(this.place);
		if (!bytes) {
			this.stop({ kind: 'forgotten', wasKeeping: true }, null);
			return false;
		}
		const opened = await openWithKey(bytes, this.key!);
		if (!opened) {
			const copy = { id: copyId(readHeader(bytes).header), about: readHeader(bytes).header.about, damaged: null };
			this.stop({ kind: 'replaced', copy }, copy);
			return false;
		}
		const mark = await this.data.load(opened.plain);
		this.base = copyId(opened.header);
		this.savedMark = mark;
		this.conflict = null;
		this.copy = { id: this.base, about: opened.header.about, damaged: null };
		return true;
	}

	private stop(notice: TabNotice, copy: KeptCopy | null) {
		this.key = null;
		this.base = this.savedMark = null;
		this.conflict = null;
		this.saveError = null;
		this.copy = copy;
		this.status = copy ? 'locked' : 'off';
		this.notice = notice;
	}

	/** Save what this tab holds over the copy it last saw, if anything changed; never over another. */
	save(): Promise<void> {
		this.saving++;
		this.changed();
		return this.serial(async () => {
			const key = this.key;
			if (this.status !== 'on' || !key || this.conflict || !this.unsaved) return;
			const { bytes, mark } = await this.data.seal(key);
			if (this.key !== key || this.conflict) return;
			let outcome;
			try {
				outcome = await replaceKept(bytes, this.base, {}, this.place);
			} catch (e) {
				// The copy kept before is as it was (device.ts writes a side file first); this tab still holds the changes.
				this.saveError = e;
				throw e;
			}
			this.saveError = null;
			if (outcome.written) {
				this.base = outcome.id;
				this.savedMark = mark;
				this.copy = { id: outcome.id, about: readHeader(bytes).header.about, damaged: null };
			} else if (!outcome.current) this.stop({ kind: 'forgotten', wasKeeping: true }, null);
			else {
				this.conflict = outcome.current;
				this.notice = { kind: 'conflict', copy: outcome.current };
			}
		}).finally(() => {
			this.saving--;
			this.changed();
		});
	}

	/**
	 * Turn keeping on with `key`, keeping what this tab holds in place of the copy `replacing` (its
	 * id, as the user was shown it; null when nothing was kept). A different copy kept meanwhile is
	 * not replaced: KeptChanged, to ask again.
	 */
	keep(key: PassphraseKey, replacing: string | null): Promise<void> {
		return this.serial(async () => {
			const { bytes, mark } = await this.data.seal(key);
			const outcome = await replaceKept(bytes, replacing, { explicit: true }, this.place);
			if (!outcome.written) {
				if (this.status !== 'on') {
					this.copy = outcome.current;
					this.status = outcome.current ? 'locked' : 'off';
				}
				throw new KeptChanged(outcome.current);
			}
			this.key = key;
			this.base = outcome.id;
			this.savedMark = mark;
			this.conflict = this.notice = this.saveError = null;
			this.copy = { id: outcome.id, about: readHeader(bytes).header.about, damaged: null };
			this.status = 'on';
		});
	}

	/** Open the kept copy with its passphrase, in place of what this tab holds. A wrong passphrase or a damaged copy changes nothing. */
	async unlock(passphrase: string): Promise<void> {
		await this.serial(async () => {
			const bytes = await readKept(this.place);
			if (!bytes) {
				this.copy = null;
				this.status = 'off';
				throw new NothingKept();
			}
			const opened = await open(bytes, passphrase);
			const mark = await this.data.load(opened.plain);
			this.key = opened.key;
			this.base = copyId(opened.header);
			this.savedMark = mark;
			this.conflict = this.notice = this.saveError = null;
			this.copy = { id: this.base, about: opened.header.about, damaged: null };
			this.status = 'on';
		});
		// Another tab may have saved while this one was opening.
		await this.check();
	}

	/** The user chose, in a conflict, the kept copy: this tab's unkept changes are dropped. */
	takeKeptCopy(): Promise<void> {
		return this.serial(async () => {
			if (this.status !== 'on' || !this.conflict) return;
			if (await this.takeKept()) this.notice = null;
		});
	}

	/** The user chose, in a conflict, this tab's data in place of the kept copy `id` (as they were shown it). */
	async keepThisTab(id: string): Promise<void> {
		await this.serial(async () => {
			if (this.status !== 'on' || this.conflict?.id !== id) throw new KeptChanged(this.conflict);
			this.base = id;
			this.conflict = this.notice = null;
			this.savedMark = null;
		});
		await this.save();
	}

	/** The kept copy as this tab's key opens it (to name what it holds), or null when it cannot. */
	async peek(): Promise<Uint8Array<ArrayBuffer> | null> {
		const key = this.key;
		const bytes = key ? await readKept(this.place) : null;
		if (!key || !bytes) return null;
		return (await openWithKey(bytes, key).catch(() => null))?.plain ?? null;
	}

	dismiss() {
		if (this.notice?.kind !== 'conflict') this.notice = null;
		this.changed();
	}

	/** Remove everything this site stored in the browser's private file system; every other tab stops keeping. */
	forget(): Promise<void> {
		// At once, so that a save waiting in this tab writes nothing.
		this.key = null;
		return this.serial(async () => {
			if (this.status !== 'unsupported') await forgetKept(this.place);
			this.base = this.savedMark = null;
			this.copy = this.conflict = this.notice = this.saveError = null;
			if (this.status !== 'unsupported') this.status = 'off';
		});
	}
}
