import { textWidth } from './label-margin';

/** A bar's printed value and where it may go, in shares of the x axis (0 at the axis, 1 at its end). */
export interface BarValue {
	text: string;
	/** Where text beside the bar may start: the end of the bar or of its interval, whichever is further. */
	after: number;
	/** How much of the bar, from the axis, is free for text inside it (up to an interval line, if any). */
	room: number;
}
/** Inside the bar (light text on it), just outside its end (dark text), or with its label (no room at the bar). */
export type ValuePlace = 'inside' | 'outside' | 'label';

const PAD = 6;

/** Where each value goes in a plot area `plotWidth` wide with `marginRight` beside it. */
export function placeValues(bars: BarValue[], plotWidth: number, marginRight: number, preferInside: boolean): ValuePlace[] {
	return bars.map((b) => {
		const w = textWidth(b.text);
		const inside = w + 2 * PAD <= b.room * plotWidth;
		const outside = b.after * plotWidth + PAD + w <= plotWidth + marginRight - 2;
		if (preferInside) return inside ? 'inside' : outside ? 'outside' : 'label';
		return outside ? 'outside' : inside ? 'inside' : 'label';
	});
}

/**
 * The right margin that lets every value that will not go inside its bar be written beside it, uncut:
 * worked out for the narrowest plot area the margin could leave, so it holds for the real one too.
 */
export function valueMargin(bars: BarValue[], width: number, marginLeft: number, preferInside: boolean, min = 12): number {
	const widest = Math.max(0, ...bars.map((b) => textWidth(b.text)));
	const narrowest = width - marginLeft - widest - 2 * PAD;
	const needs = bars.map((b) => {
		const w = textWidth(b.text);
		if (preferInside && w + 2 * PAD <= b.room * narrowest) return 0;
		return w + PAD + 2 - (1 - b.after) * narrowest;
	});
	return Math.ceil(Math.max(min, ...needs));
}
