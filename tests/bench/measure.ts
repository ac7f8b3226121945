/** Small helpers shared by the benchmarks: timing, medians and a plain-text table. */

export const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const t0 = performance.now();
	const value = await run();
	return { ms: performance.now() - t0, value };
}

export const seconds = (ms: number | null | undefined) => (ms == null ? '—' : ms < 100 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const megabytes = (bytes: number | null | undefined) => (bytes == null ? '—' : bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6)} MB`);
export const ratio = (x: number | null | undefined, base: number | null | undefined) => (x == null || !base ? '—' : `${(x / base).toFixed(1)}×`);

/** Rotate a list by `k`, so repeated runs alternate which goes first. */
export const rotate = <T>(xs: T[], k: number): T[] => xs.map((_, i) => xs[(i + k) % xs.length]);

/** A Markdown table (it reads as plain text too, and pastes into the README as it is). */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The machine, for the record: CPU model and count, memory, Node version, and the date. */
export async function machine(): Promise<string> {
	const os = await import('node:os');
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${megabytes(os.totalmem())} RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
