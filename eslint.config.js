import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{
		// What is built, generated or only data: not code anyone writes.
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'tests/scratch/', 'tests/fixtures/', 'src/lib/charts/snapshots/']
	},
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	// Formatting is Prettier's (npm run lint runs prettier --check): no lint rule argues with it.
	prettier,
	svelte.configs.prettier,
	{
		// The app runs in the browser; the command line, the tests and the scripts in data/ in Node.
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		// <script lang="ts"> in components, and runes in .svelte.ts modules.
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
	}
);
