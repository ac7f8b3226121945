/** How many rows a long list draws before the reader asks for the rest (DataTable's `firstRows`). */
export const FIRST_ROWS = 25;
