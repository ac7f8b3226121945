import { describe, expect, it } from 'vitest';
import { verdictCell } from '../../src/lib/phrasebook';
import { session } from './session';
import { visit } from './harness';

/** The attainment and attendance page and report section on the demo (which has assessments, attendance and comparators). */
describe('attainment and attendance in Chromium', () => {
	const s = session();

	it('shows attainment by subject with a chart, the school comparison, attendance and the SENDCo list', async () => {
		await s.page.goto(`${s.app.url}/attainment`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const subjects = s.page.getByRole('table', { name: 'Pupils with SEN by attainment at their latest assessment' });
		await subjects.waitFor({ timeout: 60_000 });
		// Oakfield's Reading, Writing, Maths and Riverside's English, Maths, Science: Maths is one subject.
		const names = await subjects.locator('tbody th').allTextContents();
		expect(names.map((n) => n.trim())).toEqual(['Reading', 'Writing', 'English', 'Maths', 'Science']);
		await expect.poll(() => s.page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(1);
		const against = s.page.getByRole('table', { name: "Pupils with SEN at or above expected against the school's figure" });
		await against.waitFor();
		// Each subject's verdict in the phrasebook's words (the demo's are all clearly lower).
		expect(await against.textContent()).toContain(verdictCell.lower);
		await s.page.locator('.figure', { hasText: 'persistently absent' }).first().waitFor();
		await s.page.getByRole('heading', { name: 'Behind twice, with no change of provision' }).waitFor();
		expect(
			await s.page
				.getByRole('table', { name: /Pupils at SEN support behind expected/ })
				.locator('tbody tr')
				.count()
		).toBeGreaterThan(0);

		// Filters as everywhere: SEN support only narrows the figures through the URL.
		await s.page.getByRole('form', { name: 'Filters' }).getByLabel('SEN stage').selectOption('K');
		await expect.poll(() => new URL(s.page.url()).searchParams.get('stage')).toBe('K');
		await s.page.getByLabel('Compare by').first().selectOption('sen_stage');
		await expect.poll(async () => (await subjects.locator('tbody tr').allTextContents()).every((t) => t.includes('SEN support'))).toBe(true);
	});

	it("prints the section in the governors' report", async () => {
		await visit(s.page, `${s.app.url}/report`);
		await s.page.getByRole('heading', { name: 'Attainment and attendance', exact: true }).waitFor({ timeout: 60_000 });
		await s.page.getByRole('table', { name: 'Pupils with SEN at or above the expected standard' }).waitFor();
		const body = (await s.page.locator('article.report').textContent()) ?? '';
		expect(body).toContain('persistently absent');
		expect(body).not.toMatch(/\bP\d{4}\b/);
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(s.foreign).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
