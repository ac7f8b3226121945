import type { Paragraph } from './model';

/**
 * Reading a choice the way people mark it on a plan: a Word checkbox or a typed ☒ ☑ ✓ ✔ ✗ X beside the
 * option, the other options deleted or struck through, the chosen one bold or highlighted, the chosen
 * word typed twice, or the word alone typed in. When none of these says which, the choice is unknown,
 * never guessed.
 */

export interface ChoiceOption<V extends string> {
	value: V;
	/** Its wordings, lower case (where two overlap, the longest wins). */
	words: string[];
	/** Whether the template prints it among the choices (a synonym typed in is not printed). */
	printed?: boolean;
}

export type ChoiceRead<V extends string> =
	| { state: 'chosen'; values: V[]; how: MarkHow }
	/** Nothing written at all. */
	| { state: 'blank' }
	/** The choices are there, and nothing marks any of them. */
	| { state: 'none' }
	| { state: 'unreadable'; why: string };

/** `left alone`: the other options deleted, or only the chosen word typed (the two look the same once deleted). */
export type MarkHow = 'checkbox' | 'typed mark' | 'struck out' | 'left alone' | 'emphasis' | 'typed twice';

const CHECKED = '\ue001';
const UNCHECKED = '\ue002';
const TYPED = '\ue003';

interface Flat {
	text: string;
	bold: boolean[];
	highlight: boolean[];
	strike: boolean[];
}

/** The paragraphs as one string with formatting per character; checkboxes and typed marks become marker characters. */
function flatten(paragraphs: Paragraph[]): Flat {
	const flat: Flat = { text: '', bold: [], highlight: [], strike: [] };
	const push = (ch: string, bold: boolean, highlight: boolean, strike: boolean) => {
		flat.text += ch;
		flat.bold.push(bold);
		flat.highlight.push(highlight);
		flat.strike.push(strike);
	};
	paragraphs.forEach((p, i) => {
		if (i > 0) push('\n', false, false, false);
		for (const inline of p.inlines) {
			if (inline.kind === 'box') push(inline.checked ? CHECKED : UNCHECKED, false, false, false);
			else for (const ch of inline.text) push(ch, inline.bold, inline.highlight, inline.strike);
		}
	});
	// Typed glyphs: boxes and ticks; an X only standing alone (not the x of a word).
	let text = '';
	const chars = Array.from(flat.text);
	chars.forEach((ch, i) => {
		if (ch === '☒' || ch === '☑' || ch === '▣' || ch === '■') text += CHECKED;
		else if (ch === '☐' || ch === '□') text += UNCHECKED;
		else if ('✓✔✗✘'.includes(ch)) text += TYPED;
		else if ((ch === 'X' || ch === 'x') && !/[\p{L}\p{N}]/u.test(chars[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(chars[i + 1] ?? '')) text += TYPED;
		else text += ch;
	});
	// Array.from keeps one entry per code point; the marks above are all single code units, so positions agree.
	flat.text = text;
	return flat;
}

interface Mention {
	option: number;
	start: number;
	end: number;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function findMentions<V extends string>(lower: string, options: ChoiceOption<V>[]): Mention[] {
	const found: Mention[] = [];
	options.forEach((o, option) => {
		for (const word of o.words) {
			let at = lower.indexOf(word);
			while (at >= 0) {
				const end = at + word.length;
				if (!isWordChar(lower[at - 1]) && !isWordChar(lower[end])) found.push({ option, start: at, end });
				at = lower.indexOf(word, at + 1);
			}
		}
	});
	// Longest first, then no overlaps: "not achieved" is not also "achieved".
	found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const kept: Mention[] = [];
	for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
	kept.sort((a, b) => a.start - b.start);
	// "SEN Support/ Graduated approach": two wordings of one option side by side are one mention.
	const merged: Mention[] = [];
	for (const m of kept) {
		const last = merged.at(-1);
		if (last && last.option === m.option && /^[\s/,-]*$/.test(lower.slice(last.end, m.start))) last.end = m.end;
		else merged.push({ ...m });
	}
	return merged;
}

/** Whether every letter of text[from, to) has the property (the spaces between words may not). */
function every(text: string, xs: boolean[], from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (!xs[i] && !/\s/.test(text[i])) return false;
	return true;
}

/** Which mention each mark belongs to, or null when a mark sits between two and nothing says which. */
function assignMarks(text: string, mentions: Mention[]): { marks: { at: number; checked: boolean; typed: boolean; mention: number }[]; ambiguous: boolean } {
	const positions: number[] = [];
	for (let i = 0; i < text.length; i++) if (text[i] === CHECKED || text[i] === UNCHECKED || text[i] === TYPED) positions.push(i);
	const marks: { at: number; checked: boolean; typed: boolean; mention: number }[] = [];
	if (positions.length === 0 || mentions.length === 0) return { marks, ambiguous: false };
	const first = mentions[0].start;
	const last = mentions[mentions.length - 1].end;
	// The cell's layout: boxes before their words ("☐ SEN Support ☐ EHCP") or after ("SEN Support ☐ EHCP ☐").
	const before = positions[0] < first;
	const after = positions[positions.length - 1] >= last;
	let ambiguous = false;
	for (const at of positions) {
		const next = mentions.findIndex((m) => m.start > at);
		const prev = next < 0 ? mentions.length - 1 : next - 1;
		let mention: number;
		if (next < 0) mention = prev;
		else if (prev < 0) mention = next;
		else if (before && !after) mention = next;
		else if (after && !before) mention = prev;
		else {
			// A lone mark between two words: it belongs to the one it is written against.
			const gapBefore = at - mentions[prev].end;
			const gapAfter = mentions[next].start - at - 1;
			if (gapBefore + 2 <= gapAfter) mention = prev;
			else if (gapAfter + 2 <= gapBefore) mention = next;
			else {
				ambiguous = true;
				continue;
			}
		}
		marks.push({ at, checked: text[at] !== UNCHECKED, typed: text[at] === TYPED, mention });
	}
	return { marks, ambiguous };
}

/** Read the choice a cell or paragraph marks among `options`; `multiple` when more than one may be chosen. */
export function readChoice<V extends string>(paragraphs: Paragraph[], options: ChoiceOption<V>[], multiple = false): ChoiceRead<V> {
	const flat = flatten(paragraphs);
	const lower = flat.text.toLowerCase();
	const mentions = findMentions(lower, options);
	const result = (values: V[], how: MarkHow): ChoiceRead<V> => {
		const unique = [...new Set(values)];
		if (!multiple && unique.length > 1) return { state: 'unreadable', why: `more than one is marked (${how === 'checkbox' || how === 'typed mark' ? 'ticked' : how})` };
		return { state: 'chosen', values: unique, how };
	};
	const hasMarks = /[\ue001\ue002\ue003]/.test(flat.text);
	if (mentions.length === 0) {
		if (flat.text.replace(/[\ue001\ue002\s.:;,\-–]/g, '') === '') return { state: 'blank' };
		return {
			state: 'unreadable',
			why: `the words written match none of the choices (${options
				.filter((o) => o.printed !== false)
				.map((o) => o.words[0])
				.join(', ')})`
		};
	}
	const valueOf = (m: Mention) => options[m.option].value;

	if (hasMarks) {
		const { marks, ambiguous } = assignMarks(flat.text, mentions);
		if (ambiguous) return { state: 'unreadable', why: 'a tick sits between two choices, so it cannot be told which it marks' };
		const ticked = marks.filter((m) => m.checked);
		if (ticked.length > 0)
			return result(
				ticked.map((m) => valueOf(mentions[m.mention])),
				ticked.every((m) => m.typed) ? 'typed mark' : 'checkbox'
			);
	}

	const struck = (m: Mention) => every(flat.text, flat.strike, m.start, m.end);
	const standing = mentions.filter((m) => !struck(m));
	if (standing.length > 0 && standing.length < mentions.length) return result(standing.map(valueOf), 'struck out');

	const printed = options.filter((o) => o.printed !== false).length;
	const present = new Set(standing.map((m) => m.option));
	// The other printed options deleted (or only the chosen word typed in): what is left is the choice.
	// A template that prints one option fewer than the dictionary knows is not a deletion.
	if (present.size === 1 || (present.size >= 2 && present.size <= printed - 2))
		return result(
			[...present].map((i) => options[i].value),
			'left alone'
		);

	const emphasised = (m: Mention) => every(flat.text, flat.bold, m.start, m.end) || every(flat.text, flat.highlight, m.start, m.end);
	const marked = standing.filter(emphasised);
	if (marked.length > 0 && marked.length < standing.length) return result(marked.map(valueOf), 'emphasis');

	const counts = new Map<number, number>();
	for (const m of standing) counts.set(m.option, (counts.get(m.option) ?? 0) + 1);
	const most = Math.max(...counts.values());
	const least = Math.min(...counts.values());
	if (most > least && counts.size > 1)
		return result(
			[...counts].filter(([, n]) => n === most).map(([i]) => options[i].value),
			'typed twice'
		);

	// Two or more left standing once the others were deleted, with nothing else to tell them apart.
	if (!multiple && present.size > 1 && present.size < printed) return { state: 'unreadable', why: 'more than one is left once the others were deleted' };
	return { state: 'none' };
}
