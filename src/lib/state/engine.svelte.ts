import { onEngineProgress, type EngineProgress } from '../db/browser';
import { MIN_CORES_FOR_THREADS } from '../db/threads';

/** The engine's download, for the page-start message ("Loading the data engine: 12 of 34 MB"). */
class EngineDownload {
	progress = $state<EngineProgress | null>(null);

	constructor() {
		if (typeof window !== 'undefined') onEngineProgress((p) => (this.progress = p));
	}

	/** The engine is running (the demo's first figures can be on screen before it is). */
	get ready(): boolean {
		return this.progress?.ready === true;
	}

	/** Which build runs, for the page's footer: a threaded engine only where the page is cross-origin isolated and the device has the cores. */
	get line(): string | null {
		const threads = this.progress?.ready ? (this.progress.threads ?? 1) : null;
		if (threads === null) return null;
		if (threads > 1) return `The data engine uses ${threads} threads.`;
		return this.progress?.oneThread === 'few-cores'
			? `The data engine uses one thread: on a device with fewer than ${MIN_CORES_FOR_THREADS} cores that is faster.`
			: 'The data engine uses one thread: this browser or host does not allow more.';
	}

	get text(): string {
		const p = this.progress;
		if (p?.ready) return 'Loading data into this page…';
		if (!p || !p.loaded) return 'Starting the data engine in this page…';
		const mb = (n: number) => (n / 1_048_576).toFixed(1);
		if (p.total && p.loaded < p.total) return `Downloading the data engine: ${mb(p.loaded)} of ${mb(p.total)} MB…`;
		return 'Starting the data engine in this page…';
	}
}

export const engineDownload = new EngineDownload();
