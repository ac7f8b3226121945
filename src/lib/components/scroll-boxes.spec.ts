// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { updateScrollBoxes } from './scroll-boxes';

/** jsdom lays nothing out: give a box the widths a browser would measure. */
function box(html: string, scrollWidth: number, clientWidth: number): HTMLElement {
	const holder = document.createElement('div');
	holder.innerHTML = html;
	const el = holder.firstElementChild as HTMLElement;
	Object.defineProperty(el, 'scrollWidth', { configurable: true, get: () => scrollWidth });
	Object.defineProperty(el, 'clientWidth', { configurable: true, get: () => clientWidth });
	document.body.append(holder);
	return el;
}
const resize = (el: HTMLElement, scrollWidth: number) => Object.defineProperty(el, 'scrollWidth', { configurable: true, get: () => scrollWidth });

describe('keyboard-reachable scrolling boxes', () => {
	beforeEach(() => document.body.replaceChildren());

	it('gives a tab stop to a box that scrolls sideways, and takes it away when it fits again', () => {
		const table = box('<table style="overflow-x: auto"><tr><td>x</td></tr></table>', 900, 300);
		const fits = box('<div class="table-scroll" style="overflow-x: auto"></div>', 300, 300);
		updateScrollBoxes(document);
		expect(table.getAttribute('tabindex')).toBe('0');
		expect(fits.hasAttribute('tabindex')).toBe(false);

		resize(table, 300);
		updateScrollBoxes(document);
		expect(table.hasAttribute('tabindex')).toBe(false);
	});

	it('leaves alone a box that does not clip (it widens the page instead) and one that manages its own tab stop', () => {
		const visible = box('<table><tr><td>x</td></tr></table>', 900, 300);
		const own = box('<div class="table-box" tabindex="-1" style="overflow-x: auto"></div>', 900, 300);
		updateScrollBoxes(document);
		expect(visible.hasAttribute('tabindex')).toBe(false);
		expect(own.getAttribute('tabindex')).toBe('-1');
	});
});
