import type { KeptMessage, KeptPlace } from '../../src/lib/storage/device';

/**
 * An origin-private file system in memory, to test what a save leaves behind when the storage fails.
 *  - 'in-place': a writable stream truncates the file as soon as it is opened and writes straight
 *    into it, so a write that fails half way leaves half a file (the worst a storage can do).
 *  - 'atomic': it writes aside and swaps in on close, as the standard says and Chromium does.
 * `quota`: total bytes the files may hold; a write past it throws QuotaExceededError after writing
 * what fitted. `canMove`: whether file handles have move() (Chromium from 110, Firefox, Safari).
 */
export class FakeDir {
	files = new Map<string, Uint8Array>();
	quota = Infinity;
	constructor(
		public mode: 'in-place' | 'atomic' = 'in-place',
		public canMove = true
	) {}

	used(except?: string): number {
		let n = 0;
		for (const [name, b] of this.files) if (name !== except) n += b.length;
		return n;
	}

	async getFileHandle(name: string, options: { create?: boolean } = {}) {
		if (!this.files.has(name)) {
			if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
			this.files.set(name, new Uint8Array());
		}
		return new FakeFile(this, name) as unknown as FileSystemFileHandle;
	}

	async removeEntry(name: string) {
		if (!this.files.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
	}

	async *keys(): AsyncIterable<string> {
		yield* [...this.files.keys()];
	}
}

class FakeFile {
	move?: (dir: FakeDir, name: string) => Promise<void>;
	constructor(
		private dir: FakeDir,
		private name: string
	) {
		if (dir.canMove) {
			this.move = async (to, newName) => {
				const bytes = this.dir.files.get(this.name);
				if (!bytes) throw new DOMException('gone', 'NotFoundError');
				this.dir.files.delete(this.name);
				to.files.set(newName, bytes);
				this.name = newName;
			};
		}
	}

	async getFile(): Promise<File> {
		const bytes = this.dir.files.get(this.name);
		if (!bytes) throw new DOMException(`${this.name} not found`, 'NotFoundError');
		return new File([bytes.slice()], this.name, { lastModified: 1 });
	}

	async createWritable() {
		const { dir, name } = this;
		if (!dir.files.has(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
		let written = new Uint8Array();
		if (dir.mode === 'in-place') dir.files.set(name, written);
		const room = () => dir.quota - dir.used(name);
		return {
			async write(bytes: Uint8Array) {
				const next = new Uint8Array(written.length + bytes.length);
				next.set(written);
				next.set(bytes, written.length);
				const fits = dir.mode === 'in-place' ? room() : dir.quota - dir.used();
				if (next.length > fits) {
					if (dir.mode === 'in-place') dir.files.set(name, next.slice(0, Math.max(0, fits)));
					throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
				}
				written = next;
				if (dir.mode === 'in-place') dir.files.set(name, written);
			},
			async close() {
				if (dir.mode === 'atomic') dir.files.set(name, written);
			},
			async abort() {}
		};
	}
}

/** Browser globals as device.ts reads them, over `dir`: for tests that use the app's own default place. */
export function browserGlobals(dir: FakeDir) {
	return {
		navigator: { storage: { getDirectory: async () => dir as unknown as FileSystemDirectoryHandle } },
		FileSystemFileHandle: class {
			createWritable() {}
		}
	};
}

/**
 * Tabs of one browser: one directory, one lock, messages held until `deliver` (so a test chooses
 * when another tab hears of a change, as a slow or frozen background tab would).
 */
export class FakeBrowser {
	dir: FakeDir;
	private queue: Promise<unknown> = Promise.resolve();
	private listeners = new Map<number, (m: KeptMessage) => void>();
	private inbox: { to: number; message: KeptMessage }[] = [];
	private next = 0;
	constructor(dir = new FakeDir('atomic')) {
		this.dir = dir;
	}

	place(): KeptPlace & { tab: number } {
		const tab = this.next++;
		return {
			tab,
			root: async () => this.dir as unknown as FileSystemDirectoryHandle,
			exclusive: <T>(job: () => Promise<T>) => {
				const run = this.queue.then(job, job);
				this.queue = run.catch(() => undefined);
				return run;
			},
			tell: (message) => {
				for (const to of this.listeners.keys()) if (to !== tab) this.inbox.push({ to, message });
			},
			listen: (hear) => {
				this.listeners.set(tab, hear);
				return () => this.listeners.delete(tab);
			}
		};
	}

	/** Messages waiting for `tab` (or for anyone). */
	waiting(tab?: number): number {
		return this.inbox.filter((m) => tab === undefined || m.to === tab).length;
	}

	/** Hand the waiting messages to their tabs (all, or only those for `tab`). */
	deliver(tab?: number) {
		const now = this.inbox.filter((m) => tab === undefined || m.to === tab);
		this.inbox = this.inbox.filter((m) => !now.includes(m));
		for (const { to, message } of now) this.listeners.get(to)?.(message);
	}
}
