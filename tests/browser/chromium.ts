import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where a Chromium or Chrome may be: CHROMIUM_PATH first, then the usual places on Debian and Ubuntu. */
const candidates = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter((p): p is string => !!p);

export function findChromium(): string | null {
	return candidates().find((p) => existsSync(p)) ?? null;
}

const canApt = () => typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('which', ['apt-get']).status === 0;

/**
 * The browser tests need a Chromium. Found: its path. Missing, and this is root on Debian: install
 * Debian's own package (as CI does). Otherwise stop with one line saying exactly what to run.
 */
export function ensureChromium(): string {
	const found = findChromium();
	if (found) return found;
	if (canApt()) {
		console.log("Chromium is missing: installing Debian's chromium package for the browser tests (apt-get install -y chromium)…");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env });
		const installed = findChromium();
		if (installed) return installed;
	}
	console.error('The browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome), then `npm test` again.');
	process.exit(1);
}

if (process.argv[1]?.endsWith('chromium.ts')) ensureChromium();
