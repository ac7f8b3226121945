/** The one interface the rest of the app uses to talk to DuckDB, in the browser or in Node. */
export type Row = Record<string, unknown>;

export interface Db {
	/**
	 * Run SQL and return plain rows, the same from every engine: BIGINT/HUGEINT and DECIMAL as
	 * numbers, DATE as 'YYYY-MM-DD', TIMESTAMP as epoch milliseconds, lists and structs as arrays
	 * and objects of such values.
	 */
	query<T = Row>(sql: string): Promise<T[]>;
	/** Run one or more statements whose results are not needed. */
	exec(sql: string): Promise<void>;
	/**
	 * Make UTF-8 text readable by SQL (read_csv) under `name`. Readable by every statement sent after this
	 * call, even one sent before it settles: a read may go with its registration, not wait for it.
	 */
	registerText(name: string, text: string): Promise<void>;
	/**
	 * Make a chosen file (UTF-8) readable by SQL under `name` as it is, without copying it into the
	 * engine: the engine reads it from the file itself. Only the browser has it. Readable as registerText's text is.
	 */
	registerFile?(name: string, file: Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * A query's result as an Arrow IPC stream: the exact column types and values, for the saved
	 * workspace. Only the wasm engines (browser, tests) have it.
	 */
	exportArrow?(sql: string): Promise<Uint8Array>;
	/** Create table `name` from an Arrow IPC stream made by exportArrow. */
	importArrow?(name: string, ipc: Uint8Array): Promise<void>;
	/**
	 * Another connection to the same engine, whose tables live in an empty in-memory database of its
	 * own: work there never reads or changes the data. Closed, its database is gone. The wasm engines have it.
	 */
	scratch?(): Promise<ScratchDb>;
}

export interface ScratchDb extends Db {
	close(): Promise<void>;
}
