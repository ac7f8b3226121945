import type { z } from 'zod';

/** A small value kept in this browser's local storage, checked with its zod schema when read back. */
export class LocalStore<T> {
	value = $state<T>() as T;

	constructor(
		private key: string,
		private schema: z.ZodType<T>,
		fallback: T
	) {
		this.value = structuredClone(fallback);
		if (typeof localStorage === 'undefined') return;
		try {
			const saved = localStorage.getItem(key);
			const parsed = saved ? schema.safeParse(JSON.parse(saved)) : null;
			if (parsed?.success) this.value = parsed.data;
		} catch {
			// A damaged saved value is ignored: the fallback stands.
		}
	}

	save(next: T) {
		this.value = next;
		localStorage.setItem(this.key, JSON.stringify(next));
	}
}
