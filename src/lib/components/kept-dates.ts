/** "24 November 2026 at 15:30" for a kept copy's dates; "an unknown date" when not known. */
export function whenText(iso: string | null | undefined): string {
	if (!iso || iso.startsWith('1970-')) return 'on an unknown date';
	const d = new Date(iso);
	return `on ${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}
