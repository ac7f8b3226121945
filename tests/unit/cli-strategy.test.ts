import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lens as run } from '../../src/cli/lens';
import { activityKey } from '../../src/lib/settings/strategy';
import { demoFolder, fixture } from './load';

async function lens(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await run([...args, '--threads', '1'], { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
	return {
		code,
		stdout,
		stderr: stderr
			.split('\n')
			.filter((l) => l.startsWith('lens'))
			.join('\n')
	};
}
const documentXml = (path: string) => strFromU8(unzipSync(readFileSync(path))['word/document.xml']);

describe('lens strategy', () => {
	it("writes the school's strategy for the year as a Word document, with its own parts", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lens-strategy-'));
		const parts = join(dir, 'parts.json');
		writeFileSync(parts, JSON.stringify({ imf_allocation_gbp: 10000, approved_by: 'The governing board', activities: { [activityKey('maths boost', 'targeted')]: { imf: 'all' } } }));
		const out = join(dir, 'strategy.docx');
		const r = await lens('strategy', fixture('strategy'), '--year', '2025/26', '--as-of', '2026-01-15', '--parts', parts, '--out', out, '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const result = JSON.parse(r.stdout);
		expect(result.files).toEqual([expect.objectContaining({ school: 'strategy', out })]);
		expect(result.by_school).toEqual([expect.objectContaining({ school: 'strategy', activities: 6, pupils: 30, universal_gbp: 450 })]);
		const xml = documentXml(out);
		// The same figures as the page (src/lib/report/strategy.spec.ts): maths boost (£267) is the fund's; £9,733 left.
		for (const text of ['Activity in 2025/26', 'The governing board', '£1,854', 'Other targeted support (3 activities', 'plans £267 of it, leaving £9,733 still to plan']) expect(xml).toContain(text);
		expect(xml).not.toContain('Lunch club');
	});

	it('writes one draft per school for a trust', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lens-strategy-'));
		const r = await lens('strategy', demoFolder, '--year', '2026/27', '--as-of', '2026-03-20', '--out', join(dir, 'strategy.docx'));
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`Wrote ${join(dir, 'strategy-oakfield-primary.docx')}: inclusion strategy, Oakfield Primary, 2026/27`);
		expect(documentXml(join(dir, 'strategy-riverside-high.docx'))).toContain('Inclusion strategy: Riverside High');
	});

	it('refuses a year, a threshold or parts it cannot use, in one line', async () => {
		expect((await lens('strategy', fixture('strategy'), '--year', '2026/28')).stderr).toBe('lens: --year needs an academic year such as 2026/27');
		expect((await lens('strategy', fixture('strategy'), '--year', '2026/27', '--threshold', '5')).stderr).toBe('lens: --threshold needs a whole number from 10 to 20');
		const dir = mkdtempSync(join(tmpdir(), 'lens-strategy-'));
		writeFileSync(join(dir, 'bad.json'), JSON.stringify({ years: 9 }));
		expect((await lens('strategy', fixture('strategy'), '--year', '2026/27', '--parts', join(dir, 'bad.json'))).stderr).toMatch(/^lens: .*bad\.json is not a strategy's parts: years:/);
	});
});
