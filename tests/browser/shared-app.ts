import { launchChromiumServer, serveBuild, SHARED_APP } from './harness';

/** Vitest's global set-up for the browser tests: the built app served and Chromium started once, for every test file. */
export default async function sharedApp(): Promise<() => Promise<void>> {
	const { url, stop } = await serveBuild();
	const server = await launchChromiumServer();
	// Test files run in worker processes started after this, which inherit the environment.
	process.env[SHARED_APP] = JSON.stringify({ url, ws: server.wsEndpoint() });
	return async () => {
		await server.close();
		await stop();
	};
}
