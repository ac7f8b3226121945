/**
 * Threads the engine may use at most. Each thread is a worker holding its own share of the engine's
 * memory, and pages already run beside other tabs: four keeps most of the gain on a desktop without
 * taking every core of a large machine.
 */
export const THREAD_CAP = 4;

/**
 * The fewest cores on which the threaded build is started. On 2 cores it lost everywhere it was
 * measured (6 December 2026, 100,000 targets, idle machine): import 6.4 s against 5.6 s single-thread,
 * every page slower, 0.4 GB more memory, and each start 3.5 s longer. The build starts a pool of four
 * thread workers whatever the thread count; from four cores each has a core of its own.
 */
export const MIN_CORES_FOR_THREADS = 4;

/** Whether this device gets the threaded build where the page allows it (`cores`: navigator.hardwareConcurrency). */
export function threadsPay(cores: number | undefined): boolean {
	return (cores ?? 0) >= MIN_CORES_FOR_THREADS;
}

/** How many threads the threaded build is given on this device: chosen once, at start-up. */
export function threadsFor(cores: number | undefined): number {
	return Math.max(1, Math.min(cores || 1, THREAD_CAP));
}
