/** Room on the left for the longest label at 13px (Plot does not measure text), within sensible bounds. */
export function labelMargin(labels: string[], min = 100, max = 330): number {
	const longest = Math.max(0, ...labels.map((l) => l.length));
	return Math.round(Math.min(max, Math.max(min, longest * 7.4 + 16)));
}
