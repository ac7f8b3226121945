import { BEYOND_CHANCE, GAP_BEYOND_CHANCE, WITHHELD, WITHHELD_BECAUSE } from '../phrasebook';
import { ALL_OR_NONE_TIMES } from '../stats/small-number';
import type { Report, ReportTable } from './types';

/**
 * Checks a finished governors' report the way a careful reader would, and lists what it finds:
 * a sentence that claims a difference without the test behind it, a code word or raw date, a figure
 * that lets a reader work out a count under the threshold, a number where the data says unknown.
 * The report is read as one document: a count out of a base anywhere in it ("48 of 52") gives its
 * complement away too, wherever the complement is hidden; a sentence whose figure is withheld must
 * be rewritten around it, never printed with a hole ("took part in withheld").
 * Used by the tests (on the demo and on messy data) and usable on any report.
 */
export function reportProblems(report: Report, threshold: number): string[] {
	const problems: string[] = [];
	const small = (n: number) => n > 0 && n < threshold;
	const sentences = report.sections.flatMap((s) => [...s.paragraphs, ...(s.points ?? [])]);
	const cells = report.sections.flatMap((s) => s.tables.flatMap((t) => [t.caption, ...t.columns, ...t.rows.flat()]));

	for (const text of sentences) {
		if (
			/\b(?:less|more|better|worse|lower|higher) than (?:the|most of the|the rest of the) school\b|\b(?:rose|fell) (?:by|from)\b.*\bpercentage|\btargets achieved (?:rose|fell)\b/i.test(text) &&
			!text.includes(BEYOND_CHANCE) &&
			!text.includes(GAP_BEYOND_CHANCE)
		) {
			problems.push(`claims a difference without a test behind it: "${text}"`);
		}
		// "withheld" belongs in a sentence only as the reason a figure is left out, never in its place.
		if (text.replaceAll(WITHHELD_BECAUSE, '').includes(WITHHELD)) problems.push(`a withheld figure leaves a hole in "${text}"`);
		problems.push(...sentenceLeaks(text, threshold, small));
	}
	for (const text of [...sentences, ...cells]) {
		// A gain judged an improvement or a decline needs an interval that leaves out no change.
		if (/\ban improvement\b|\ba decline\b|extra progress/.test(text)) {
			const ci = /interval (-?[\d.]+) to (-?[\d.]+)/.exec(text);
			if (!ci || (Number(ci[1]) <= 0 && Number(ci[2]) >= 0)) problems.push(`judges a change its interval does not support: "${text}"`);
		}
	}
	for (const text of [...sentences, ...cells, report.period, report.suppressionNote]) {
		if (/\b[a-z]+_[a-z_]+\b/.test(text)) problems.push(`code word in "${text}"`);
		if (/\b(?:ehcna|exit sen support)\b|\bsmart\b/.test(text)) problems.push(`code word in "${text}"`);
		if (/\b\d{4}-\d{2}-\d{2}\b/.test(text)) problems.push(`date not written out in "${text}"`);
		if (/\b(?:NaN|undefined|null|Infinity)\b/.test(text)) problems.push(`broken number in "${text}"`);
	}
	for (const t of report.sections.flatMap((s) => s.tables)) problems.push(...tableProblems(t, threshold, small));
	return problems;
}

/** Every whole number that rounds to `p`% of `n` gives a count under the threshold away (or is none or all of a small group). */
function percentGivesAway(p: number, n: number, threshold: number, small: (n: number) => boolean): boolean {
	if ((p === 0 || p === 100) && n < ALL_OR_NONE_TIMES * threshold) return true;
	const candidates = Array.from({ length: n + 1 }, (_, k) => k).filter((k) => Math.round((k / n) * 100) === p);
	return candidates.length > 0 && candidates.every((k) => small(k) || small(n - k));
}

/** "48 of 52 …" gives away the 4 not counted; "60% of 5" the 3 counted; "0% of 12" something of every one of the 12. */
function sentenceLeaks(text: string, threshold: number, small: (n: number) => boolean): string[] {
	const problems: string[] = [];
	for (const m of text.matchAll(/\b(\d[\d,]*) of (?:the |their |its )?(\d[\d,]*)\b(?!%)/g)) {
		const [part, base] = [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
		if (part <= base && (small(part) || small(base - part))) problems.push(`"${m[0]}" gives away a count under ${threshold} in "${text}"`);
	}
	for (const m of text.matchAll(/\b(\d+)% of (?:the |their |its )?(\d[\d,]*)\b/g)) {
		const [p, n] = [Number(m[1]), Number(m[2].replace(/,/g, ''))];
		if (n > 0 && percentGivesAway(p, n, threshold, small)) problems.push(`"${m[0]}" gives away a count under ${threshold} in "${text}"`);
	}
	return problems;
}

const asCount = (v: string | undefined) => (v !== undefined && /^\d[\d,]*$/.test(v) ? Number(v.replace(/,/g, '')) : null);
const asPercent = (v: string | undefined) => (v !== undefined && /^\d+%$/.test(v) ? Number(v.slice(0, -1)) : null);

function tableProblems(t: ReportTable, threshold: number, small: (n: number) => boolean): string[] {
	const problems: string[] = [];
	t.columns.forEach((heading, c) => {
		if (c === 0) return;
		for (const row of t.rows) {
			const n = /pupils|reviewed|plans|met|not known/i.test(heading) ? asCount(row[c]) : null;
			if (n !== null && small(n)) problems.push(`${t.caption}: ${row[0]} shows ${n} ${heading.toLowerCase()}, under ${threshold}`);
			if (/hours/i.test(heading) && /^0(?:\.0)?$/.test(row[c] ?? '')) problems.push(`${t.caption}: ${row[0]} shows 0 ${heading.toLowerCase()}`);
		}
	});
	// A count beside a percentage of it: every whole number that rounds to that percentage must be safe, and 0% or 100% only of a large group.
	const base = t.columns.findIndex((h) => /targets reviewed|pupils assessed/i.test(h));
	const rate = t.columns.findIndex((h) => /^(?:achieved|share|at or above expected)$/i.test(h));
	if (base > 0 && rate > 0) {
		for (const row of t.rows) {
			const n = asCount(row[base]);
			const p = asPercent(row[rate]);
			if (n === null || p === null || n === 0) continue;
			if (percentGivesAway(p, n, threshold, small)) problems.push(`${t.caption}: ${row[0]} — ${p}% of ${n} gives away a count under ${threshold}`);
		}
	}
	return problems;
}
