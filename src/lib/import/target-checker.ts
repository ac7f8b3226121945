import { runInTurns } from '../page-turns';
import { verdictLine, type Wording } from './target-verdicts';

/** Checks wordings and gives each one's verdict line, in order. */
export type WordingChecker = ((rows: Wording[]) => Promise<string[]>) & { close(): void };

/**
 * Wordings checked between the points where the checker may pause on the page's thread: a few milliseconds
 * of work. (A wording can take a millisecond in the page: at 500 a step the page froze for a second on 300 Word plans.)
 */
const WORDINGS_PER_STEP = 20;
/** Wordings sent to the worker at once: small enough that copying them to and fro is no long task of its own. */
const WORDINGS_PER_MESSAGE = 2_000;

function* checkedLines(rows: Wording[]): Generator<void, string[]> {
	const lines: string[] = [];
	for (const r of rows) {
		lines.push(verdictLine(r));
		if (lines.length % WORDINGS_PER_STEP === 0) yield;
	}
	return lines;
}

/** On this thread, in slices (in Node, the command line and the tests, straight on). */
function checkerHere(): WordingChecker {
	return Object.assign((rows: Wording[]) => runInTurns(checkedLines(rows)), { close() {} });
}

/**
 * The worker the last checker handed back as it closed: the next checker (the page's next import, after
 * its warm-up's) takes it, already started and with its code and patterns compiled. In Chromium a fresh
 * worker took 0.15-0.2 s more for the same 5,000 wordings.
 */
let idle: Worker | null = null;

/** In a worker of its own; should the worker not start (a browser or host that refuses it), on this thread. */
function checkerInWorker(): WordingChecker {
	let worker: Worker | null = idle;
	idle = null;
	let broken = false;
	const here = checkerHere();
	const ask = (w: Worker, rows: Wording[]) =>
		new Promise<string[]>((resolve, reject) => {
			w.onmessage = (e: MessageEvent<string[]>) => resolve(e.data);
			w.onerror = (e) => {
				e.preventDefault();
				reject(new Error('the checker worker stopped'));
			};
			w.postMessage(rows);
		});
	const check = async (rows: Wording[]) => {
		const lines: string[] = [];
		for (let i = 0; i < rows.length; i += WORDINGS_PER_MESSAGE) {
			const part = rows.slice(i, i + WORDINGS_PER_MESSAGE);
			if (!broken) {
				try {
					worker ??= new Worker(new URL('./target-checker.worker.ts', import.meta.url), { type: 'module' });
					lines.push(...(await ask(worker, part)));
					continue;
				} catch {
					broken = true;
					worker?.terminate();
				}
			}
			lines.push(...(await here(part)));
		}
		return lines;
	};
	const close = () => {
		if (!worker || broken) return;
		if (idle) worker.terminate();
		else idle = worker;
	};
	return Object.assign(check, { close });
}

/** The checker for where this runs: a worker in a page that has them, else this thread. */
export function wordingChecker(): WordingChecker {
	return typeof window !== 'undefined' && typeof Worker !== 'undefined' ? checkerInWorker() : checkerHere();
}
