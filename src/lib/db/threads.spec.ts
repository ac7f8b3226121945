import { describe, expect, it } from 'vitest';
import { MIN_CORES_FOR_THREADS, THREAD_CAP, threadsFor, threadsPay } from './threads';

describe('threads for the threaded engine build', () => {
	it('one per core, at most the cap, and one where the browser does not say', () => {
		expect(threadsFor(2)).toBe(2);
		expect(threadsFor(THREAD_CAP + 12)).toBe(THREAD_CAP);
		expect(threadsFor(undefined)).toBe(1);
		expect(threadsFor(0)).toBe(1);
	});

	it('the threaded build only from four cores: on two it was slower at everything', () => {
		expect(MIN_CORES_FOR_THREADS).toBe(4);
		expect([undefined, 0, 1, 2, 3, 4, 8].map(threadsPay)).toEqual([false, false, false, false, false, true, true]);
	});
});
