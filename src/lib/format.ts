import { NOT_KNOWN } from './phrasebook';

/** How numbers read on every screen: unknown stays visibly unknown, never 0. */
export function formatPercent(rate: number | null | undefined, digits = 0): string {
	return rate === null || rate === undefined || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

export function formatCount(n: number | null | undefined): string {
	return n === null || n === undefined ? NOT_KNOWN : n.toLocaleString('en-GB');
}

/** A date as people write it: "20 March 2026". */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return NOT_KNOWN;
	const d = new Date(`${iso}T00:00:00Z`);
	return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A count with its noun, singular or plural as the number needs: "1 run", "3 runs", never "run(s)". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
	return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

export function formatGbp(n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined || Number.isNaN(n)) return 'unknown';
	return n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatNumber(n: number | null | undefined, digits = 1): string {
	if (n === null || n === undefined || Number.isNaN(n)) return '—';
	return n.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/**
 * A column name in pieces that may end a line: after each underscore, so that on a phone
 * "review_due" wraps as "review_" / "due" and never as "revie" / "w_due". Shown with a <wbr> after each.
 */
export function nameBreaks(name: string): string[] {
	return name.split(/(?<=_)/);
}
