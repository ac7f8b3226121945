/**
 * 95% Wilson score interval for a proportion of `successes` out of `n`.
 * Chosen over the textbook ±1.96·SE because it stays inside 0–1 and is honest for the
 * small groups schools have (a rate over 4 targets gets a wide interval, not a false precision).
 */
export function wilson(successes: number, n: number, z = 1.959964): { low: number; high: number } | null {
	if (n <= 0) return null;
	const p = successes / n;
	const z2 = z * z;
	const centre = p + z2 / (2 * n);
	const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const denom = 1 + z2 / n;
	return { low: Math.max(0, (centre - margin) / denom), high: Math.min(1, (centre + margin) / denom) };
}
