// The whole app runs in the browser: DuckDB, the data and every figure live in the page.
export const ssr = false;
export const prerender = true;
