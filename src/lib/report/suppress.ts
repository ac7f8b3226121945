/**
 * Small-number suppression for the governors' report (metrics.md): counts from 1 up to the
 * threshold are shown as "fewer than N" and rates over fewer than N targets or pupils are
 * withheld, so no child can be recognised. A zero identifies nobody and is shown.
 */
export class Suppressor {
	/** How many cells were suppressed or withheld. */
	suppressed = 0;
	constructor(readonly threshold: number) {}

	count(n: number | null | undefined): string {
		if (n === null || n === undefined) return 'not known';
		if (n > 0 && n < this.threshold) {
			this.suppressed++;
			return `fewer than ${this.threshold}`;
		}
		return n.toLocaleString('en-GB');
	}

	/** A rate (0–1) worked out over `base` targets or pupils. */
	rate(rate: number | null | undefined, base: number): string {
		if (rate === null || rate === undefined) return '—';
		if (base < this.threshold) {
			this.suppressed++;
			return 'withheld';
		}
		return `${Math.round(rate * 100)}%`;
	}

	/** Money tied to a group of `pupils`: withheld when so few that it describes a child. */
	money(gbp: number | null | undefined, pupils: number): string {
		if (gbp === null || gbp === undefined) return 'not known';
		if (pupils < this.threshold) {
			this.suppressed++;
			return 'withheld';
		}
		return gbp.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
	}

	/** Hide a figure that would give away a hidden count. */
	withhold(): string {
		this.suppressed++;
		return 'withheld';
	}

	/** Whether a group is large enough to draw in a chart. */
	shows(base: number): boolean {
		return base >= this.threshold;
	}
}
