import { engineFilesToKeep } from './db/browser';

/**
 * Once the engine has started, tell the service worker which engine build this browser uses (and
 * will use on its next, isolated, visits), so it is kept for offline use even if it arrived before
 * the worker was in charge of the page.
 */
export async function keepEngineForOffline(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const { urls, threaded } = await engineFilesToKeep();
	const registration = await navigator.serviceWorker.ready;
	registration.active?.postMessage({ type: 'keep-engine', urls, threaded });
}
