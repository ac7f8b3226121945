import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` must open the Overview. Vite reads `--open <value>` as the path to open, so the old
 * `--open false` opened a 404 at /false.
 */
describe('npm start', () => {
	const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

	it('opens the Overview, not a path that is not a page', () => {
		const args = scripts.start.split(/\s+/);
		const open = args.indexOf('--open');
		expect(args.slice(0, 2)).toEqual(['vite', 'dev']);
		expect(open).toBeGreaterThan(-1);
		expect(args[open + 1]).toBe('/');
	});
});
