import { normaliseName } from './pseudonym';

/**
 * Keeping names out of what is read: a child's name struck from the text of their plan as `[Pupil]`
 * (the whole name, each part of it, and possessives), and spellings of one child's name that differ only
 * slightly offered as a possible match.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const PUPIL = '[Pupil]';

/**
 * A function that strikes the names given from a text. A whole name is struck in any case; a single part
 * of it only as a name is written (as given, Capitalised or in capitals), so a child called Will does not
 * strike "will" from "will read". `anyCase` strikes the parts in any case too: for a file's name, where
 * "amy_smith_plan" is a name in lower case and nothing else is at stake.
 */
export function nameStriker(names: string[], anyCase = false): (text: string) => string {
	const parts = new Set<string>();
	const wholes = new Set<string>();
	for (const name of names) {
		const words = name.split(/[^\p{L}'’-]+/u).filter((w) => /\p{L}{2}/u.test(w));
		const pieces = name.split(/[^\p{L}'’]+/u).filter((w) => /\p{L}/u.test(w));
		if (pieces.length > 1) wholes.add(pieces.map(escape).join(String.raw`[\s,.-]+`));
		for (const w of words)
			for (const piece of [w, ...w.split(/[-'’]/)])
				if (/\p{L}{2}/u.test(piece)) for (const form of [piece, piece[0].toUpperCase() + piece.slice(1).toLowerCase(), piece.toUpperCase()]) parts.add(escape(form));
	}
	const edge = (alternatives: Set<string>, flags: string) =>
		alternatives.size ? new RegExp(String.raw`(?<![\p{L}])(?:${[...alternatives].sort((a, b) => b.length - a.length).join('|')})(?![\p{L}])`, flags) : null;
	const whole = edge(wholes, 'giu');
	const part = edge(parts, anyCase ? 'giu' : 'gu');
	return (text) => {
		if (!text) return text;
		let out = whole ? text.replace(whole, PUPIL) : text;
		if (part) out = out.replace(part, PUPIL);
		return out.replace(/\[Pupil\](?:[\s-]+\[Pupil\])+/g, PUPIL);
	};
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const here = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = here;
		}
	}
	return row[b.length];
}

/** Two spellings of what may be one child's name: a letter or two apart, or one name's words within the other's. */
export function namesAlike(a: string, b: string): boolean {
	const x = normaliseName(a);
	const y = normaliseName(b);
	if (x === y) return true;
	const wx = x.split(' ');
	const wy = y.split(' ');
	if (wx.every((w) => wy.includes(w)) || wy.every((w) => wx.includes(w))) return true;
	return distance(x, y) <= Math.max(2, Math.floor(Math.min(x.length, y.length) / 6));
}
