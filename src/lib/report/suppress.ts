/** The lowest threshold the report accepts: 1 would hide nothing. */
export const MIN_THRESHOLD = 2;

/**
 * Small-number suppression for the governors' report, in the spirit of the Department for
 * Education's statistical disclosure control, so that no figure lets a reader work out a count
 * below the threshold t:
 * - a count from 1 to t − 1 reads "fewer than t" (a zero identifies nobody and is shown);
 * - a rate is shown only when its base is at least t and both the count it counts and the rest of
 *   the base are 0 or at least t (else "7 reviewed, 14%" would give away 1 target);
 * - money tied to fewer than t pupils is withheld;
 * - where a total and its parts are shown together and exactly one part is hidden, the next
 *   smallest part is hidden too (secondary suppression), so the hidden one cannot be worked out
 *   by subtraction.
 */
export class Suppressor {
	/** How many cells were suppressed or withheld. */
	suppressed = 0;
	readonly threshold: number;
	constructor(threshold: number) {
		this.threshold = Math.max(MIN_THRESHOLD, Math.round(threshold));
	}

	private small(n: number): boolean {
		return n > 0 && n < this.threshold;
	}

	count(n: number | null | undefined): string {
		if (n === null || n === undefined) return 'not known';
		if (this.small(n)) {
			this.suppressed++;
			return `fewer than ${this.threshold}`;
		}
		return n.toLocaleString('en-GB');
	}

	/** Whether a rate of `part` out of `base` can be shown without giving a small count away. */
	rateShows(part: number, base: number): boolean {
		return base >= this.threshold && !this.small(part) && !this.small(base - part);
	}

	/** `part` out of `base` as a percentage, or withheld. */
	share(part: number | null | undefined, base: number | null | undefined): string {
		if (part === null || part === undefined || !base) return '—';
		if (!this.rateShows(part, base)) return this.withhold();
		return `${Math.round((part / base) * 100)}%`;
	}

	/** Money tied to a group of `pupils`: withheld when so few that it describes a child. */
	money(gbp: number | null | undefined, pupils: number): string {
		if (gbp === null || gbp === undefined) return 'not known';
		if (pupils < this.threshold) return this.withhold();
		return gbp.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
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
			return this.small(v) ? `fewer than ${this.threshold}` : 'withheld';
		});
	}

	/** Hide a figure that would give away a hidden count. */
	withhold(): string {
		this.suppressed++;
		return 'withheld';
	}

	/** Whether a group is large enough to draw in a chart or describe. */
	shows(base: number): boolean {
		return base >= this.threshold;
	}

	/** The notice printed on the report: true for this threshold. */
	get note(): string {
		const t = this.threshold;
		return `To protect pupils' privacy, counts from 1 to ${t - 1} are shown as "fewer than ${t}"; a percentage is shown only when it rests on at least ${t} targets or plans and neither the number it counts nor the rest is between 1 and ${t - 1}; costs for fewer than ${t} pupils are withheld; and where one part of a total is hidden, another is hidden with it so it cannot be worked out. No pupil is named or identified.`;
	}
}
