// SvelteKit's path aliases for dependency-cruiser (read as a webpack config: only `resolve` is used).
// $lib is SvelteKit's own; $data is kit.alias in svelte.config.js. A new alias goes here too (the
// `resolvable` rule in .dependency-cruiser.js fails on an import it cannot follow).
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
	resolve: {
		alias: { $lib: here('./src/lib'), $data: here('./data') }
	}
};
