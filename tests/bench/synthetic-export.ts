/** The benchmarks' and tests' made-up trust export: the app's own (the import's warm-up uses it too). */
export { madeUpExport as syntheticExport } from '../../src/lib/import/made-up-export';
