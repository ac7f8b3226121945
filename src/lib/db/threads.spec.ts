import { describe, expect, it } from 'vitest';
import { THREAD_CAP, threadsFor } from './threads';

describe('threads for the threaded engine build', () => {
	it('one per core, at most the cap, and one where the browser does not say', () => {
		expect(threadsFor(2)).toBe(2);
		expect(threadsFor(THREAD_CAP + 12)).toBe(THREAD_CAP);
		expect(threadsFor(undefined)).toBe(1);
		expect(threadsFor(0)).toBe(1);
	});
});
