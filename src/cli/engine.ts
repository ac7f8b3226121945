import type { Db } from '../lib/db/types';

export const engines = ['native', 'wasm'] as const;
export type EngineName = (typeof engines)[number];

export interface Engine {
	name: EngineName;
	db: Db;
	/** Why native DuckDB was not used although it was not asked for, to say so on stderr. */
	fallback: string | null;
}

export function isEngineName(value: string | undefined): value is EngineName {
	return (engines as readonly string[]).includes(value ?? '');
}

async function openWasm(): Promise<Db> {
	const { openNodeDb } = await import('../lib/db/node');
	return openNodeDb();
}

async function openNative(threads: number | undefined): Promise<Db> {
	const { openNativeDb } = await import('../lib/db/native');
	return openNativeDb({ threads });
}

/**
 * The command line's DuckDB: native (multi-threaded, about three times faster) unless wasm is
 * asked for. When native DuckDB cannot load on this machine (no prebuilt binary for it), the wasm
 * engine runs the very same SQL instead; asked for by name, native must load or the command fails.
 * `threads` caps the cores native DuckDB uses (the wasm engine has one).
 */
export async function openEngine(requested: EngineName | null, threads?: number): Promise<Engine> {
	if (requested === 'wasm') return { name: 'wasm', db: await openWasm(), fallback: null };
	try {
		return { name: 'native', db: await openNative(threads), fallback: null };
	} catch (e) {
		if (requested === 'native') throw e;
		const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
		return { name: 'wasm', db: await openWasm(), fallback: `native DuckDB did not load (${why}); using the wasm engine` };
	}
}
