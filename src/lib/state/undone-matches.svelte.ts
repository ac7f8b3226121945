import { sameMatch, undoneMatchesSchema, type UndoneMatch } from '../settings/lineage';

/**
 * The wording matches the SENDCo undid, in this page's memory only: saved with the data inside the
 * encrypted kept copy or file (kept.svelte.ts), never in local storage, so no target id is left
 * readable on the device.
 */
class UndoneMatches {
	value = $state<UndoneMatch[]>([]);

	has(m: UndoneMatch): boolean {
		return this.value.some((u) => sameMatch(u, m));
	}

	undo(m: UndoneMatch) {
		if (!this.has(m)) this.value = [...this.value, m];
	}

	/** Link the two targets again, as the wording matched them. */
	relink(m: UndoneMatch) {
		this.value = this.value.filter((u) => !sameMatch(u, m));
	}

	/** From a kept copy or file: its list, or none when it holds none (or one that is not valid). */
	restore(saved: unknown) {
		const parsed = undoneMatchesSchema.safeParse(saved ?? []);
		this.value = parsed.success ? parsed.data : [];
	}
}

export const undoneMatches = new UndoneMatches();
