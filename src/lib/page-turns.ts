/**
 * Long work on the page's own thread (decoding a file, checking its rows, the SMART checker, turning
 * a large result into rows, encoding text for the engine) is cut into slices: between slices the page
 * may handle a key press, paint progress or let a Stop click through, so no task holds the page for
 * more than about `budgetMs`. In Node (the command line, the
 * tests) nothing waits for a page, and the slices run straight on.
 */

interface Scheduler {
	yield(): Promise<void>;
}

const inPage = typeof window !== 'undefined';

/** Give the page one turn: scheduler.yield where the browser has it (it keeps the work's priority), else a new task. */
function oneTurn(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(null);
	});
}

/**
 * A check to call often inside long work: it gives the page a turn once `budgetMs` have passed since
 * the last one, and costs a clock read otherwise.
 */
export function pageTurns(budgetMs = 40): () => Promise<void> | null {
	let last = performance.now();
	return () => {
		if (!inPage || performance.now() - last < budgetMs) return null;
		return oneTurn().then(() => {
			last = performance.now();
		});
	};
}

/**
 * Long work written as a generator that yields at points where it may pause: run here at once
 * (tests, sync callers) ...
 */
export function runAtOnce<T>(work: Generator<unknown, T>): T {
	for (;;) {
		const step = work.next();
		if (step.done) return step.value;
	}
}

/** ... or with the page given a turn whenever `budgetMs` have passed (the import). */
export async function runInTurns<T>(work: Generator<unknown, T>, budgetMs = 40): Promise<T> {
	const turn = pageTurns(budgetMs);
	for (;;) {
		const step = work.next();
		if (step.done) return step.value;
		const waiting = turn();
		if (waiting) await waiting;
	}
}
