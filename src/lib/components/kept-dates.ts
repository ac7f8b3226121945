/** "24 November 2026 at 15:30" for a kept copy's dates; "an unknown date" when not known. */
export function whenText(iso: string | null | undefined): string {
	if (!iso || iso.startsWith('1970-')) return 'on an unknown date';
	const d = new Date(iso);
	return `on ${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** A kept copy named by its readable dates (its school names are inside the encryption): "imported on …, saved on …". */
export function datesText(about: { keptAt: string; importedAt: string | null } | null | undefined): string {
	if (!about) return 'its dates cannot be read';
	return [about.importedAt ? `imported ${whenText(about.importedAt)}` : null, `saved ${whenText(about.keptAt)}`].filter(Boolean).join(', ');
}

/** A list of school names for a sentence: "A", "A and B", "A, B and C". */
export function namesText(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? 'no school';
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
