/**
 * Threads the engine may use at most. Each thread is a worker holding its own share of the engine's
 * memory, and pages already run beside other tabs: four keeps most of the gain on a desktop without
 * taking every core of a large machine.
 */
export const THREAD_CAP = 4;

/** How many threads the threaded build is given on this device: chosen once, at start-up. */
export function threadsFor(cores: number | undefined): number {
	return Math.max(1, Math.min(cores || 1, THREAD_CAP));
}
