/**
 * Plot does not measure text, so the charts estimate it. Widths are DejaVu Sans's (in ems), the face
 * `system-ui, sans-serif` falls back to on Linux and the widest of the common ones (Segoe UI, San
 * Francisco, Roboto and Arial are all narrower): a box sized by them holds the text on any screen.
 */
const EM: Record<string, number> = {
	a: 0.613,
	b: 0.635,
	c: 0.55,
	d: 0.635,
	e: 0.615,
	f: 0.345,
	g: 0.635,
	h: 0.634,
	i: 0.278,
	j: 0.278,
	k: 0.579,
	l: 0.278,
	m: 0.974,
	n: 0.634,
	o: 0.612,
	p: 0.635,
	q: 0.635,
	r: 0.394,
	s: 0.521,
	t: 0.392,
	u: 0.634,
	v: 0.592,
	w: 0.818,
	x: 0.592,
	y: 0.592,
	z: 0.525,
	A: 0.711,
	B: 0.686,
	C: 0.698,
	D: 0.77,
	E: 0.632,
	F: 0.575,
	G: 0.775,
	H: 0.752,
	I: 0.295,
	J: 0.295,
	K: 0.656,
	L: 0.557,
	M: 0.863,
	N: 0.748,
	O: 0.787,
	P: 0.603,
	Q: 0.787,
	R: 0.695,
	S: 0.635,
	T: 0.594,
	U: 0.732,
	V: 0.684,
	W: 0.989,
	X: 0.685,
	Y: 0.611,
	Z: 0.685,
	' ': 0.318,
	'.': 0.318,
	',': 0.318,
	':': 0.337,
	';': 0.337,
	'(': 0.39,
	')': 0.39,
	'%': 0.95,
	'-': 0.361,
	'–': 0.5,
	'—': 1,
	'·': 0.318,
	"'": 0.275,
	'/': 0.337,
	'+': 0.838,
	'?': 0.531,
	'&': 0.78,
	'×': 0.838,
	'÷': 0.838,
	'=': 0.838
};
/** Digits, £ and anything not listed: a digit's width, about the average capital. */
const OTHER_EM = 0.636;

/** Estimated width in pixels of one line of `s` at `px` (13px, the charts' size, by default). */
export function textWidth(s: string, px = 13): number {
	let em = 0;
	for (const ch of s) em += EM[ch] ?? OTHER_EM;
	return em * px;
}

/** Room on the left for the longest label at 13px, within sensible bounds. */
export function labelMargin(labels: string[], min = 100, max = 330): number {
	const longest = Math.max(0, ...labels.map((l) => textWidth(l)));
	return Math.round(Math.min(max, Math.max(min, longest + 16)));
}

/** Whether every label fits a left margin of at most `max` (else the chart writes them above its bars). */
export function labelsFit(labels: string[], max = 330): boolean {
	return labels.every((l) => textWidth(l) + 16 <= max);
}

/** `s` broken at spaces into lines no wider than `px` at 13px (a word longer than that keeps a line of its own). */
export function wrapLines(s: string, px: number): string[] {
	const lines: string[] = [];
	for (const word of s.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && textWidth(`${last} ${word}`) <= px) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}
