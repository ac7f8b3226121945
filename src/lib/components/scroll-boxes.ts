/**
 * Boxes that scroll sideways inside the page (wide tables, charts that cannot be redrawn narrower)
 * must be reachable from the keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"). This keeps
 * tabindex="0" on exactly those that overflow now, so that boxes that fit add no extra tab stop.
 * Only attributes change: nodes rendered by Svelte are never moved.
 */
const selector = 'table, .table-scroll, .table-box, .chart';

/** A box with a tabindex in its own markup (as DataTable's) manages its tab stop itself. */
const managedHere = (el: Element) => !el.hasAttribute('tabindex') || el.hasAttribute('data-scroll-box');

export function updateScrollBoxes(root: ParentNode): void {
	for (const el of root.querySelectorAll<HTMLElement>(selector)) {
		if (!managedHere(el)) continue;
		const overflowX = getComputedStyle(el).overflowX;
		const scrolls = el.scrollWidth > el.clientWidth + 1 && (overflowX === 'auto' || overflowX === 'scroll');
		if (scrolls && !el.hasAttribute('tabindex')) {
			el.setAttribute('tabindex', '0');
			el.setAttribute('data-scroll-box', '');
		} else if (!scrolls && el.hasAttribute('data-scroll-box')) {
			el.removeAttribute('tabindex');
			el.removeAttribute('data-scroll-box');
		}
	}
}

/** Watch `root` for new content and the window for a new width; returns the clean-up. */
export function keyboardScrollableBoxes(root: HTMLElement): () => void {
	let queued = 0;
	const schedule = () => {
		if (!queued) queued = requestAnimationFrame(() => ((queued = 0), updateScrollBoxes(root)));
	};
	const mutations = new MutationObserver(schedule);
	mutations.observe(root, { childList: true, subtree: true });
	const sizes = new ResizeObserver(schedule);
	sizes.observe(root);
	schedule();
	return () => {
		mutations.disconnect();
		sizes.disconnect();
		cancelAnimationFrame(queued);
	};
}
