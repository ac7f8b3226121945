// The quoting helpers live at the DuckDB seam; validation and import use the same ones.
export { ident, lit } from '../db/sql';
