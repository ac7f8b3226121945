import { openNativeDb } from '../../src/lib/db/native';

/**
 * The engine the Node tests run on: native DuckDB, which opens in a twentieth of the time of the
 * wasm build and runs the very same SQL. The browser's wasm engine is held to it by
 * engine-parity.test.ts (every fixture imported on both, every metric over every scope compared),
 * and the tests that need what only wasm has (Arrow export for the workspace file) open it themselves.
 * One thread each: the fixtures are tiny and the test files already keep both cores busy.
 */
export async function openTestDb() {
	return openNativeDb({ threads: 1 });
}
