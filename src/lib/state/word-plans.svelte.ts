import { z } from 'zod';
import { wordFields, type WordField } from '../import/word/types';
import type { WordOptions } from '../import/word-sources';
import { keyFile, makeSchoolKey, readKeyFile, type SchoolKey, type SchoolKeyFile } from '../import/word/pseudonym';
import { LocalStore } from './local-store.svelte';
import { today } from './url-filters';

/**
 * Reading Word plans on the page: the school key the pupils' ids are made with, and the SENDCo's
 * corrections of what a template's labels mean.
 *
 * The key is held in memory with the loaded data, and kept with it (encrypted) when the data is kept
 * on this device or saved as a file; never in local storage, which is not encrypted. The corrections
 * are label wordings, never a child's details, so they are kept with the settings in local storage
 * and used again on the next read.
 */

/** Per template, a label's wording → the field it means (null: not read). */
const mappingsSchema = z.record(z.string(), z.record(z.string(), z.enum(wordFields).nullable()));

export const templateCorrections = new LocalStore<z.infer<typeof mappingsSchema>>('provision-lens:word-templates', mappingsSchema, {});

class SchoolKeyState {
	/** The key the next Word plans are read with. */
	key = $state<SchoolKey | null>(null);
	/** The check of the key the loaded data's pupil ids were made with, when they were read from Word plans. */
	ofData = $state<string | null>(null);
	/** The key was made here and has not been saved as a file yet: the page asks for it to be saved. */
	unsaved = $state(false);

	/** The key to read with: made now when there is none (the first Word plans read). */
	async provide(): Promise<SchoolKey> {
		if (this.key) return this.key;
		this.key = await makeSchoolKey(today());
		this.unsaved = true;
		return this.key;
	}

	/** A saved key file chosen: its key is used from now on; or why it cannot be. */
	async use(text: string): Promise<{ problem: string } | { check: string }> {
		const read = await readKeyFile(text);
		if ('problem' in read) return read;
		this.key = read;
		this.unsaved = false;
		return { check: read.check };
	}

	/** When the key to read with is not the one the loaded data's ids were made with: the ids will not match. */
	get differs(): boolean {
		return !!this.key && !!this.ofData && this.key.check !== this.ofData;
	}

	fileText(): string {
		this.unsaved = false;
		return `${JSON.stringify(keyFile(this.key!), null, 2)}\n`;
	}

	/** Word plans were loaded with `check`: the loaded ids are that key's. */
	loaded(check: string) {
		this.ofData = check;
	}

	/** What the kept data holds of the key. */
	extras(): { schoolKey?: SchoolKeyFile; schoolKeyOfData?: string } {
		return { ...(this.key ? { schoolKey: keyFile(this.key) } : {}), ...(this.ofData ? { schoolKeyOfData: this.ofData } : {}) };
	}

	/** The key kept with data that was opened: it replaces the one in memory (it made that data's ids); data kept without one leaves it. */
	async restore(extras: Record<string, unknown>): Promise<void> {
		const read = extras.schoolKey ? await readKeyFile(JSON.stringify(extras.schoolKey)) : null;
		if (read && !('problem' in read)) {
			this.key = read;
			this.unsaved = false;
		}
		this.ofData = typeof extras.schoolKeyOfData === 'string' ? extras.schoolKeyOfData : null;
	}

	/** Everything kept in this browser is forgotten: the key in memory too. */
	forget() {
		this.key = null;
		this.ofData = null;
		this.unsaved = false;
	}
}

export const schoolKey = new SchoolKeyState();

/** How the page reads Word plans now: the school key (made on first use) and the corrections kept. */
export function wordOptions(): WordOptions {
	return { key: () => schoolKey.provide(), mappings: $state.snapshot(templateCorrections.value) };
}

/** A correction of one label of one template: remembered, and used on the next read. */
export function correctLabel(template: string, label: string, field: WordField | null) {
	const all = $state.snapshot(templateCorrections.value);
	templateCorrections.save({ ...all, [template]: { ...(all[template] ?? {}), [label]: field } });
}
