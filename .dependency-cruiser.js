// The layers of the app, checked by `npm run lint:layers` (dependency-cruiser). Bottom to top: a layer
// may import its own layer and those below it, never one above.
//
//   1. foundation       contract, settings, stats, quality, reflection, export, storage, format.ts, page-turns.ts,
//                       phrasebook.ts, assumption-words.ts
//                       (plain TypeScript: no engine, no figures, no page)
//   2. db               the DuckDB seam, the only code that touches DuckDB (of the rest it uses page-turns.ts only)
//   3. validate         SQL generated from the contract
//   4. import, metrics  loading files; figures as SQL of a Scope (neither imports the other)
//   5. charts, table, report   (the report draws charts, never the other way round)
//   6. state, offline.ts       the page's state
//   7. components
//   8. routes, and beside them src/cli: the command line uses src/lib like the pages, never a page or a component
//
// Tests (*.spec.ts beside the code, and tests/) may import any layer: the rules read only the app's own modules.

/** One folder or file of src/lib as a path pattern. */
const lib = (...names) => `^src/lib/(${names.join('|')})(/|\\.ts$)`;

const FOUNDATION = ['contract', 'settings', 'stats', 'quality', 'reflection', 'export', 'storage', 'format', 'page-turns', 'phrasebook', 'assumption-words'];
const ENGINE = ['db'];
const SQL = ['validate', 'metrics'];
const LOADING = ['import'];
const PRESENTING = ['charts', 'table', 'report'];
const PAGE_STATE = ['state', 'offline'];
const COMPONENTS = ['components'];

const ROUTES = '^src/routes/';
const CLI = '^src/cli/';

/** A layer may import its own layer and those below it; never one above. */
function upward(name, comment, from, above) {
	return { name, comment, severity: 'error', from: { path: lib(...from), pathNot: '\\.spec\\.ts$' }, to: { path: above } };
}

export default {
	forbidden: [
		upward(
			'foundation-stays-plain',
			'contract, settings, stats, quality, reflection, export, storage and the lib helpers are plain TypeScript: they reach no engine, figure, page state or page.',
			FOUNDATION,
			[lib(...ENGINE, ...SQL, ...LOADING, ...PRESENTING, ...PAGE_STATE, ...COMPONENTS), ROUTES, CLI]
		),
		upward('db-is-the-bottom', 'src/lib/db is the DuckDB seam: it knows nothing of the contract, the import, the figures or the page.', ENGINE, [
			lib(...FOUNDATION.filter((f) => f !== 'page-turns'), ...SQL, ...LOADING, ...PRESENTING, ...PAGE_STATE, ...COMPONENTS),
			ROUTES,
			CLI
		]),
		upward(
			'validate-below-import-and-metrics',
			'The SQL generated from the contract is used by the import and the figures, never the other way round.',
			['validate'],
			[lib('metrics', ...LOADING, ...PRESENTING, ...PAGE_STATE, ...COMPONENTS), ROUTES, CLI]
		),
		upward(
			'metrics-read-only-the-scope',
			'A figure is SQL over the loaded tables and its Scope: it does not import the import, storage, what shows it, the page state or a page.',
			['metrics'],
			[lib(...LOADING, 'storage', ...PRESENTING, ...PAGE_STATE, ...COMPONENTS), ROUTES, CLI]
		),
		upward('import-below-the-figures-and-page', 'Loading files knows nothing of the figures, what shows them, the page state or a page.', LOADING, [
			lib('metrics', ...PRESENTING, ...PAGE_STATE, ...COMPONENTS),
			ROUTES,
			CLI
		]),
		upward('presenting-below-the-page', 'Charts, tables and the report compose figures; they never load data, hold page state, or reach a component or page.', PRESENTING, [
			lib(...LOADING, ...PAGE_STATE, ...COMPONENTS),
			ROUTES,
			CLI
		]),
		upward('charts-and-tables-below-the-report', 'The report draws charts; a chart or a table never imports the report.', ['charts', 'table'], [lib('report')]),
		upward('state-below-components', "The page's state is used by components and pages, never the other way round.", PAGE_STATE, [lib(...COMPONENTS), ROUTES, CLI]),
		upward('components-below-the-pages', 'Components are used by pages, never the other way round.', COMPONENTS, [ROUTES, CLI]),
		{
			name: 'cli-beside-the-pages',
			comment: 'The command line uses src/lib like the pages do, but never a page or a component (those are for the browser).',
			severity: 'error',
			from: { path: CLI, pathNot: '\\.spec\\.ts$' },
			to: { path: [ROUTES, lib(...COMPONENTS)] }
		},
		{
			name: 'pages-not-the-cli',
			comment: 'Pages never import the command line.',
			severity: 'error',
			from: { path: ROUTES },
			to: { path: CLI }
		},
		{
			name: 'only-db-touches-duckdb',
			comment: 'src/lib/db is the only code that touches DuckDB (the engine and its Arrow): everything else goes through the Db seam.',
			severity: 'error',
			from: { path: '^src/', pathNot: ['^src/lib/db/', '\\.spec\\.ts$'] },
			to: { path: '(^|/)node_modules/(@duckdb|apache-arrow)/' }
		},
		{
			name: 'app-not-tests',
			comment: 'The app never imports test code (tests may import the app).',
			severity: 'error',
			from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
			to: { path: ['^tests/', '\\.spec\\.ts$', '^src/lib/charts/fixtures\\.ts$'] }
		},
		{
			name: 'no-circular',
			comment: 'Modules never import each other, directly or through others.',
			severity: 'error',
			from: { path: '^src/' },
			to: { circular: true }
		},
		{
			name: 'resolvable',
			comment:
				"Every import resolves (an alias dependency-cruiser cannot follow would hide its arrows). SvelteKit's virtual modules ($app/*, $env/*, $service-worker) and Vite's ?url imports are the build's own, not files.",
			severity: 'error',
			from: { path: '^src/' },
			to: { couldNotResolve: true, pathNot: ['^\\$(app|env)/', '^\\$service-worker$', '\\?url$'] }
		}
	],
	options: {
		// Packages are leaves (also where node_modules is a link to a folder elsewhere).
		doNotFollow: { path: 'node_modules', dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg'] },
		exclude: { path: '^(\\.svelte-kit|build)/' },
		// Type-only imports count: a type that crosses a layer ties the layers as much as a value does.
		tsPreCompilationDeps: true,
		// $lib and $data (svelte.config.js's kit.alias): SvelteKit writes them into .svelte-kit/tsconfig.json
		// with paths relative to that folder, which dependency-cruiser's tsconfig reader takes as relative
		// to the root when reached through tsconfig.json's "extends"; so they are given as webpack-style aliases.
		webpackConfig: { fileName: '.dependency-cruiser.resolve.js' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['svelte', 'import', 'types', 'default'],
			mainFields: ['svelte', 'module', 'main', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.json']
		}
	}
};
