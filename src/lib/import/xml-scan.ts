/**
 * A small streaming XML reader for the parts of a workbook: text is fed piece by piece as it is
 * unpacked, and each start tag, end tag and run of text is handed on as it is found. Nothing of the
 * document is kept, so reading a part costs the memory of one piece (plus whatever the handler keeps).
 * It reads well-formed XML; it does not check it. Element names lose their namespace prefix
 * (`x:row` is `row`). No custom entities are expanded (a DOCTYPE is skipped), so a document cannot
 * grow as it is read.
 */

export interface XmlHandler {
	/** A start tag: its local name and its attributes as written (`attrs` between `from` and `to`); `empty` for `<a/>`. */
	open(name: string, src: string, from: number, to: number, empty: boolean): void;
	close(name: string): void;
	/** Text between tags, raw (entities not yet decoded; a run may come in several pieces). */
	text(src: string, from: number, to: number): void;
	/** CDATA, as it is (no entities in it). */
	cdata?(text: string): void;
}

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;

/** The last ':' in src[from, to), or -1 (lastIndexOf would search on to the start of the piece). */
function colonIn(src: string, from: number, to: number): number {
	for (let i = to - 1; i >= from; i--) if (src.charCodeAt(i) === 58) return i;
	return -1;
}

function localName(src: string, from: number, to: number): string {
	let end = from;
	while (end < to) {
		const c = src.charCodeAt(end);
		if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT) break;
		end++;
	}
	return src.slice(colonIn(src, from, end) + 1 || from, end);
}

export class XmlScanner {
	private carry = '';

	constructor(private readonly handler: XmlHandler) {}

	/** Feed the next piece of the document; `final` on the last. */
	feed(piece: string, final = false): void {
		const s = this.carry ? this.carry + piece : piece;
		this.carry = '';
		const n = s.length;
		const h = this.handler;
		let i = 0;
		while (i < n) {
			const lt = s.indexOf('<', i);
			if (lt < 0) {
				// Text to the end of the piece: handed on now, so a long run of text is never held.
				h.text(s, i, n);
				return;
			}
			if (lt > i) h.text(s, i, lt);
			const c1 = s.charCodeAt(lt + 1);
			if (lt + 1 >= n) {
				this.carry = s.slice(lt);
				return;
			}
			if (c1 === BANG) {
				let end: number;
				if (s.startsWith('<![CDATA[', lt)) {
					end = s.indexOf(']]>', lt + 9);
					if (end >= 0) {
						h.cdata?.(s.slice(lt + 9, end));
						i = end + 3;
						continue;
					}
				} else if (s.startsWith('<!--', lt)) {
					end = s.indexOf('-->', lt + 4);
					if (end >= 0) {
						i = end + 3;
						continue;
					}
				} else if (lt + 9 <= n || final) {
					// A DOCTYPE (with an internal subset in brackets): skipped, its entities never used.
					end = skipDoctype(s, lt);
					if (end >= 0) {
						i = end;
						continue;
					}
				}
				if (final) return;
				this.carry = s.slice(lt);
				return;
			}
			if (c1 === QMARK) {
				const end = s.indexOf('?>', lt + 2);
				if (end < 0) {
					if (!final) this.carry = s.slice(lt);
					return;
				}
				i = end + 2;
				continue;
			}
			// A tag: its end is the first '>' outside quotes.
			let j = lt + 1;
			let quote = 0;
			for (; j < n; j++) {
				const c = s.charCodeAt(j);
				if (quote) {
					if (c === quote) quote = 0;
				} else if (c === 34 || c === 39) quote = c;
				else if (c === GT) break;
			}
			if (j >= n) {
				if (!final) this.carry = s.slice(lt);
				return;
			}
			if (c1 === SLASH) {
				h.close(localName(s, lt + 2, j));
			} else {
				const empty = s.charCodeAt(j - 1) === SLASH;
				const name = localName(s, lt + 1, j);
				h.open(name, s, lt + 1, empty ? j - 1 : j, empty);
				if (empty) h.close(name);
			}
			i = j + 1;
		}
	}
}

function skipDoctype(s: string, lt: number): number {
	let depth = 0;
	for (let j = lt + 2; j < s.length; j++) {
		const c = s.charCodeAt(j);
		if (c === 91) depth++;
		else if (c === 93) depth--;
		else if (c === GT && depth <= 0) return j + 1;
	}
	return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The attributes of a start tag (local names, any prefix dropped), values decoded. */
export function attrs(src: string, from: number, to: number): Record<string, string> {
	const out: Record<string, string> = {};
	let i = from;
	// Skip the element's name.
	while (i < to && !isSpace(src.charCodeAt(i))) i++;
	while (i < to) {
		while (i < to && isSpace(src.charCodeAt(i))) i++;
		const eq = src.indexOf('=', i);
		if (eq < 0 || eq >= to) break;
		let q = eq + 1;
		while (q < to && src.charCodeAt(q) !== 34 && src.charCodeAt(q) !== 39) q++;
		if (q >= to) break;
		const close = src.indexOf(src[q], q + 1);
		if (close < 0 || close > to) break;
		let keyEnd = eq;
		while (keyEnd > i && isSpace(src.charCodeAt(keyEnd - 1))) keyEnd--;
		const colon = colonIn(src, i, keyEnd);
		const key = src.slice(colon >= 0 ? colon + 1 : i, keyEnd);
		// xmlns:r and r:id both end in a local name; a namespace declaration is not an attribute of the element.
		if (!(colon >= 0 && src.startsWith('xmlns', i))) out[key] = decodeEntities(src.slice(q + 1, close));
		i = close + 1;
	}
	return out;
}

/** The value of one attribute (local name), or null. */
export function attr(src: string, from: number, to: number, name: string): string | null {
	return attrs(src, from, to)[name] ?? null;
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e: string) => {
		if (e[0] === '#') {
			const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
		}
		return named[e] ?? all;
	});
}
