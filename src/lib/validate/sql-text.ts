/** Quote a string as a SQL literal. */
export function lit(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Quote an identifier. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
