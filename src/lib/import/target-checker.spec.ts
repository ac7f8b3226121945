import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verdictLine, type Wording } from './target-verdicts';

/** A stand-in for the page's Worker: answers as the checker's worker does, and counts how many were started and stopped. */
class FakeWorker {
	static started = 0;
	static stopped = 0;
	onmessage: ((e: { data: string[] }) => void) | null = null;
	onerror: ((e: unknown) => void) | null = null;
	constructor() {
		FakeWorker.started++;
	}
	postMessage(rows: Wording[]) {
		queueMicrotask(() => this.onmessage?.({ data: rows.map(verdictLine) }));
	}
	terminate() {
		FakeWorker.stopped++;
	}
}

const rows: Wording[] = [{ k: 1, target_text: 'Sam will read 20 words in 1 minute by December', days: 90 }];

describe('the SMART checker in a worker', () => {
	const saved = { window: globalThis.window, Worker: globalThis.Worker };
	beforeEach(() => {
		Object.assign(globalThis, { window: {}, Worker: FakeWorker });
		FakeWorker.started = FakeWorker.stopped = 0;
	});
	afterEach(() => Object.assign(globalThis, saved));

	it('hands its worker on to the next checker, which starts warm; two at once have one each', async () => {
		const { wordingChecker } = await import('./target-checker');
		const first = wordingChecker();
		expect(await first(rows)).toEqual([verdictLine(rows[0])]);
		first.close();
		const second = wordingChecker();
		await second(rows);
		expect(FakeWorker.started).toBe(1);
		const third = wordingChecker();
		await third(rows);
		expect(FakeWorker.started).toBe(2);
		second.close();
		third.close();
		// One kept for the next import, the other stopped.
		expect(FakeWorker.stopped).toBe(1);
	});
});
