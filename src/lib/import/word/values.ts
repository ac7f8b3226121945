import { enumKey, needCodeAliases, type NeedCode } from '$lib/contract/enums';

/** Values as plans write them: dates in prose, year groups, money, scores. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
	if (y < 100) y += 2000;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return null;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first date written in a text, as ISO, or null: `2025-09-08`, `08/09/2025`, `8.9.25`, `8 Sep 2025`,
 * `Monday 8th September 2025`, `September 8, 2025`. Day before month, as in England; a month without a
 * day is not a date.
 */
export function readDate(text: string): string | null {
	let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
	if (m) return iso(+m[1], +m[2], +m[3]);
	m = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})\b/.exec(text);
	if (m) return iso(+m[3], +m[2], +m[1]);
	m = /\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]{3,9})\.?,?\s+(\d{4}|\d{2})\b/i.exec(text);
	if (m) {
		const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
		if (month >= 0 && (m[2].length <= 4 || m[2].toLowerCase().startsWith(longMonth(month).slice(0, m[2].length)))) return iso(+m[3], month + 1, +m[1]);
	}
	m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
	if (m) {
		const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
		if (month >= 0) return iso(+m[3], month + 1, +m[2]);
	}
	return null;
}
const LONG = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const longMonth = (i: number) => LONG[i];

/** A year group in the contract's codes, or null: `Year 3`, `Y3`, `Yr 10`, `3`, `7B` (a form of year 7), `Reception`, `Nursery 1`. */
export function readYearGroup(text: string): string | null {
	const t = text.trim();
	if (!t) return null;
	if (/\b(?:reception|yr(?!\s*\d)|year\s*r|y\s*r|fs2|foundation stage 2|foundation 2)\b/i.test(t)) return 'R';
	let m = /\bnursery\s*([12])\b|\bfs\s*([1])\b|\bn([12])\b/i.exec(t);
	if (m) return `N${m[1] ?? m[2] ?? m[3]}`;
	if (/\bnursery\b/i.test(t)) return null;
	m = /\b(?:year|yr|y)\s*(\d{1,2})\b/i.exec(t) ?? /^(\d{1,2})(?:[a-z]{1,3})?$/i.exec(t);
	if (m) {
		const n = Number(m[1]);
		return n >= 1 && n <= 14 ? String(n) : null;
	}
	return null;
}

/** A sum of money, as a number's text, or null: `£1,200.50`, `450`, `£300 per term` is not one sum. */
export function readMoney(text: string): string | null {
	const all = [...text.matchAll(/£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?/g)];
	if (all.length !== 1 || /\bper\b|\beach\b|\ba (?:week|term|session)\b/i.test(text)) return null;
	return String(Number(all[0][1].replace(/,/g, '') + (all[0][2] ?? '')));
}

/** A whole number ≥ 1 in a text (a plan's cycle), or null when there is none or more than one. */
export function readCount(text: string): string | null {
	const all = [...text.matchAll(/\b\d+\b/g)];
	if (all.length !== 1) return null;
	const n = Number(all[0][0]);
	return n >= 1 && n <= 99 ? String(n) : null;
}

/** A DfE need code the words name ("dyslexia", "ASD", "SLCN"), when exactly one is named. */
export function readNeedCode(text: string): NeedCode | null {
	const words = text.split(/[^A-Za-z&]+/).filter(Boolean);
	const found = new Set<NeedCode>();
	for (let i = 0; i < words.length; i++)
		for (let n = Math.min(8, words.length - i); n >= 1; n--) {
			const key = enumKey(words.slice(i, i + n).join(' '));
			if (key.length < 2 || key === 'other') continue;
			const code = needCodeAliases[key];
			if (code) {
				found.add(code);
				i += n - 1;
				break;
			}
		}
	return found.size === 1 ? [...found][0] : null;
}

export interface MeasureRead {
	measure: string;
	value: string;
}

/**
 * An entry or exit measure as written in a group plan: `SS 85`, `Reading age 6y 3m`, `RA 6:03`, `72%`,
 * `SDQ 18`, or a bare number. Null when no single value can be read.
 */
export function readMeasure(text: string): MeasureRead | null {
	const t = text.trim();
	if (!t) return null;
	const age = /(\d{1,2})\s*(?:y|yrs?|years?)\s*(\d{1,2})\s*(?:m|mths?|months?)\b/i.exec(t) ?? (/\b(?:ra|sa|reading age|spelling age)\b/i.test(t) ? /\b(\d{1,2})\s*[:.]\s*(\d{1,2})\b/.exec(t) : null);
	const kind = /\bspelling\b|\bsa\b/i.test(t) ? 'spelling_age_months' : 'reading_age_months';
	if (age) {
		const months = Number(age[1]) * 12 + Number(age[2]);
		if (Number(age[2]) < 12) return { measure: kind, value: String(months) };
		return null;
	}
	const numbers = [...t.matchAll(/-?\d+(?:\.\d+)?/g)];
	if (numbers.length !== 1) return null;
	const value = String(Number(numbers[0][0]));
	if (/%/.test(t)) return { measure: 'percent', value };
	if (/\bsdq\b/i.test(t)) return { measure: 'sdq_total', value };
	if (/\bss\b|standardi[sz]ed/i.test(t)) return { measure: 'standardised_score', value };
	return { measure: '', value };
}
