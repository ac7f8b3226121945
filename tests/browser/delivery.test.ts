import { describe, expect, it } from 'vitest';
import { session } from './session';
import { visit } from './harness';

/** Issue 27 on the demo: delivery beside outcomes, and the warning before the outcomes of an intervention that was mostly not delivered. */
describe('delivery in Chromium', () => {
	const s = session();

	it('shows sessions delivered on the Impact page, and warns before the outcomes of a low-delivery intervention', async () => {
		await s.page.goto(`${s.app.url}/impact`);
		await s.page.getByText('Demo data', { exact: true }).waitFor({ timeout: 60_000 });
		const table = s.page.getByRole('table', { name: /^Targets by intervention/ });
		await table.waitFor({ timeout: 60_000 });
		const headings = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
		// Delivery comes before the outcomes it qualifies.
		expect(headings.indexOf('Sessions delivered (of planned)')).toBeGreaterThan(0);
		expect(headings.indexOf('Sessions delivered (of planned)')).toBeLessThan(headings.indexOf('Reviewed'));
		// The demo's Nurture group ran about a third of its planned sessions: warned above the table, and marked in its row.
		const warning = s.page.getByRole('note', { name: 'Interventions with low delivery' });
		await warning.waitFor();
		expect(await warning.textContent()).toMatch(/Nurture group: delivered \d+% of planned sessions: read the outcomes with care\./);
		const row = table.locator('tbody tr', { has: s.page.locator('th', { hasText: 'Nurture group' }) });
		expect(await row.textContent()).toMatch(/\d+ of \d+ \(\d+%\).*read the outcomes with care/);
		// An intervention whose runs recorded nothing reads "not known", never 100%.
		const fineMotor = table.locator('tbody tr', { has: s.page.locator('th', { hasText: 'Fine motor skills group' }) });
		expect(await fineMotor.textContent()).toContain('not known');
		await s.page.getByRole('table', { name: 'Targets by the dose of the provision they were linked to' }).waitFor();
	});

	it('shows the delivery column on the Provision map beside the planned figures', async () => {
		await visit(s.page, `${s.app.url}/provision-map`);
		const table = s.page.getByRole('table', { name: /^Interventions:/ });
		await table.waitFor({ timeout: 60_000 });
		const headings = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
		expect(headings).toContain('Planned sessions × minutes');
		expect(headings).toContain('Sessions delivered');
		expect(await table.locator('tbody tr', { has: s.page.locator('th', { hasText: 'Zones of Regulation' }) }).textContent()).toMatch(/\d+%/);
		// The dose and the cost of what ran, in a table of their own (the printed map keeps to the page's width).
		const delivery = s.page.getByRole('table', { name: 'Sessions delivered, dose and the cost of what ran, by intervention' });
		await delivery.waitFor();
		expect((await delivery.locator('thead th').allTextContents()).map((h) => h.trim())).toEqual(
			expect.arrayContaining(['Runs by dose (EEF range)', 'Cost per session delivered', 'Cost per hour received'])
		);
		// The low-delivery mark, beside the share that earns it.
		expect(await delivery.locator('tbody tr', { has: s.page.locator('th', { hasText: 'Zones of Regulation' }) }).textContent()).toContain('read the outcomes with care');
	});

	it("gives the governors' report a line per intervention on delivery", async () => {
		await visit(s.page, `${s.app.url}/report`);
		await s.page.getByRole('heading', { name: 'Was it delivered?', exact: true }).waitFor({ timeout: 60_000 });
		const body = (await s.page.locator('article.report').textContent()) ?? '';
		expect(body).toMatch(/delivered \d+% of planned sessions \(\d+ planned\)/);
	});

	it('asked for nothing outside its own origin and logged no errors', () => {
		expect(s.foreign).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
