/**
 * Where the data is kept: an in-memory database of its own, compressed, made the connection's default,
 * so every table the app creates by name lives there. Run by each engine seam on its connection.
 *
 * Compressing costs time as rows are written; measured on wasm in Node at a million targets (6 December
 * 2026): the import 11.6 → 13.1 s, the engine's peak 454 → 305 MB, and what the engine holds once the
 * data is loaded 297 → 48 MB. A file's staged rows and the checked rows are each written once and read
 * once, so they are TEMP tables, which DuckDB keeps apart and never compresses: compressing them too
 * made the import 14.7 s.
 */
export const keptCompressedIn = (name: string) => [`ATTACH IF NOT EXISTS ':memory:' AS ${name} (COMPRESS)`, `USE ${name}`];
export const KEPT_COMPRESSED = keptCompressedIn('lens');

/**
 * A scratch connection's own database, kept as the data is (so work there runs the very same code),
 * named apart from the data's: see `Db.scratch`.
 */
let scratches = 0;
export const scratchName = () => `scratch_${++scratches}`;
