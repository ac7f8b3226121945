import { defaultSettings, parseSettings, type Settings } from '../settings/schema';

const KEY = 'provision-lens:settings';

/** Costing settings, kept in this browser's local storage (never sent anywhere). */
class SettingsStore {
	value = $state<Settings>(structuredClone(defaultSettings));
	/** Why saved settings were not used, if they were invalid. */
	problem = $state<string | null>(null);

	constructor() {
		if (typeof localStorage === 'undefined') return;
		const saved = localStorage.getItem(KEY);
		if (!saved) return;
		try {
			const parsed = parseSettings(JSON.parse(saved));
			if (parsed.ok) this.value = parsed.settings;
			else this.problem = `Saved settings were not valid and the defaults are used instead (${parsed.error}).`;
		} catch {
			this.problem = 'Saved settings could not be read; the defaults are used instead.';
		}
	}

	save(next: Settings) {
		this.value = next;
		localStorage.setItem(KEY, JSON.stringify(next));
	}

	reset() {
		this.save(structuredClone(defaultSettings));
	}

	/** Settings from an exported JSON file, checked with the same schema. */
	importJson(text: string): string | null {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			return 'This file is not JSON.';
		}
		const parsed = parseSettings(json);
		if (!parsed.ok) return `These settings are not valid: ${parsed.error}`;
		this.save(parsed.settings);
		return null;
	}
}

export const settings = new SettingsStore();
