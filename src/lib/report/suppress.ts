import { formatGbp as gbpText } from '../format';
import { fewerThan, NOT_KNOWN, WITHHELD } from '../phrasebook';
import { ALL_OR_NONE_TIMES, thresholdUsed } from '../stats/small-number';

/** How a view writes counts, shares and money: hidden when small in a printed document (Suppressor), as they are for staff (ShowAll). */
export interface FigureWriter {
	count(n: number | null | undefined): string;
	share(part: number | null | undefined, base: number | null | undefined): string;
	money(gbp: number | null | undefined, pupils: number): string;
	parts(values: number[]): string[];
	rateShows(part: number, base: number): boolean;
}

const percentOf = (part: number, base: number) => `${Math.round((part / base) * 100)}%`;

/** Figures for the school's own staff, on its internal pages: nothing hidden, unknown still unknown. */
export class ShowAll implements FigureWriter {
	count(n: number | null | undefined): string {
		return n === null || n === undefined ? NOT_KNOWN : n.toLocaleString('en-GB');
	}
	share(part: number | null | undefined, base: number | null | undefined): string {
		return part === null || part === undefined || !base ? '—' : percentOf(part, base);
	}
	money(gbp: number | null | undefined): string {
		return gbp === null || gbp === undefined ? NOT_KNOWN : gbpText(gbp);
	}
	parts(values: number[]): string[] {
		return values.map((v) => v.toLocaleString('en-GB'));
	}
	rateShows(_part: number, base: number): boolean {
		return base > 0;
	}
}

/**
 * Small-number suppression for the governors' report, in the spirit of the Department for
 * Education's statistical disclosure control, so that no figure lets a reader work out a count
 * below the threshold t:
 * - a count from 1 to t − 1 reads "fewer than t" (a zero identifies nobody and is shown);
 * - a rate is shown only when its base is at least t and both the count it counts and the rest of
 *   the base are 0 or at least t (else "7 reviewed, 14%" would give away 1 target); a rate of 0% or
 *   100% only when the base is at least ALL_OR_NONE_TIMES × t (else it tells of every child in a
 *   small group, "0% at the expected standard" of 12);
 * - money tied to fewer than t pupils is withheld;
 * - where a total and its parts are shown together and exactly one part is hidden, the next
 *   smallest part is hidden too (secondary suppression), so the hidden one cannot be worked out
 *   by subtraction.
 */
export class Suppressor implements FigureWriter {
	/** How many cells were suppressed or withheld. */
	suppressed = 0;
	readonly threshold: number;
	constructor(threshold: number) {
		this.threshold = thresholdUsed(threshold);
	}

	private small(n: number): boolean {
		return n > 0 && n < this.threshold;
	}

	count(n: number | null | undefined): string {
		if (n === null || n === undefined) return NOT_KNOWN;
		if (this.small(n)) {
			this.suppressed++;
			return fewerThan(this.threshold);
		}
		return n.toLocaleString('en-GB');
	}

	/** Whether a rate of `part` out of `base` can be shown without giving a small count away. */
	rateShows(part: number, base: number): boolean {
		if (base < this.threshold || this.small(part) || this.small(base - part)) return false;
		return (part !== 0 && part !== base) || base >= ALL_OR_NONE_TIMES * this.threshold;
	}

	/** `part` out of `base` as a percentage, or withheld. */
	share(part: number | null | undefined, base: number | null | undefined): string {
		if (part === null || part === undefined || !base) return '—';
		if (!this.rateShows(part, base)) return this.withhold();
		return percentOf(part, base);
	}

	/** Money tied to a group of `pupils`: withheld when so few that it describes a child. */
	money(gbp: number | null | undefined, pupils: number): string {
		if (gbp === null || gbp === undefined) return NOT_KNOWN;
		if (pupils < this.threshold) return this.withhold();
		return gbpText(gbp);
	}

	/**
	 * The parts of a total that is shown too: small parts read "fewer than t", and when exactly one
	 * part is hidden the next smallest non-zero part is hidden as well.
	 */
	parts(values: number[]): string[] {
		const hidden = new Set(values.flatMap((v, i) => (this.small(v) ? [i] : [])));
		if (hidden.size === 1) {
			const next = values
				.map((v, i) => ({ v, i }))
				.filter(({ v, i }) => v > 0 && !hidden.has(i))
				.sort((a, b) => a.v - b.v)[0];
			if (next) hidden.add(next.i);
		}
		return values.map((v, i) => {
			if (!hidden.has(i)) return v.toLocaleString('en-GB');
			this.suppressed++;
			return this.small(v) ? fewerThan(this.threshold) : WITHHELD;
		});
	}

	/**
	 * Sums of money that are parts of a total shown too, each tied to a group of pupils: a sum for
	 * fewer than t pupils is withheld (`force` withholds one for another reason), and when exactly
	 * one known sum is hidden the known sum of the next smallest group is hidden as well, so the
	 * total less the others cannot give it away. Unknown sums stay "not known".
	 */
	moneyParts(items: { gbp: number | null; pupils: number; force?: boolean }[]): string[] {
		const known = items.map((it, i) => ({ ...it, i })).filter((it) => it.gbp !== null);
		const hidden = new Set(known.filter((it) => it.force || it.pupils < this.threshold).map((it) => it.i));
		if (hidden.size === 1) {
			const next = known.filter((it) => !hidden.has(it.i) && it.gbp !== 0).sort((a, b) => a.pupils - b.pupils || a.gbp! - b.gbp!)[0];
			if (next) hidden.add(next.i);
		}
		return items.map((it, i) => (it.gbp === null ? NOT_KNOWN : hidden.has(i) ? this.withhold() : gbpText(it.gbp)));
	}

	/** Hide a figure that would give away a hidden count. */
	withhold(): string {
		this.suppressed++;
		return WITHHELD;
	}

	/** Whether a text made by this suppressor is a figure shown as it is (not hidden, not "—"). */
	static shown(text: string): boolean {
		return /^[\d,.]+%?$|^£[\d,]+$/.test(text);
	}

	/** Whether a group is large enough to draw in a chart or describe. */
	shows(base: number): boolean {
		return base >= this.threshold;
	}

	/** The notice printed on the report: true for this threshold. */
	get note(): string {
		const t = this.threshold;
		return `To protect pupils' privacy, counts from 1 to ${t - 1} are shown as "${fewerThan(t)}"; a percentage is shown only when it rests on at least ${t} targets, plans or pupils and neither the number it counts nor the rest is between 1 and ${t - 1}; a percentage of 0% or 100% (none or all of a group) only when the group has at least ${ALL_OR_NONE_TIMES * t}, since it says something about every pupil in it; costs for fewer than ${t} pupils are withheld; and the report is checked as one document: where one part of a total is hidden, another is hidden with it, and a figure that could be combined with another anywhere in the report (a total less its parts, a count out of a base) to work out a hidden number is withheld too. No pupil is named or identified.`;
	}
}
