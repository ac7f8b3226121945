/** The one interface the rest of the app uses to talk to DuckDB, in the browser or in Node. */
export type Row = Record<string, unknown>;

export interface Db {
	/** Run SQL and return plain rows (BIGINT as number, DATE as 'YYYY-MM-DD'). */
	query<T = Row>(sql: string): Promise<T[]>;
	/** Run one or more statements whose results are not needed. */
	exec(sql: string): Promise<void>;
	/** Make UTF-8 text readable by SQL (read_csv) under `name`. */
	registerText(name: string, text: string): Promise<void>;
	dropFile(name: string): Promise<void>;
}
