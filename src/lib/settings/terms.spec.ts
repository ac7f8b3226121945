import { describe, expect, it } from 'vitest';
import { termDatesSchema, termRange } from './terms';

describe('term dates', () => {
	it('gives the default terms of metrics.md', () => {
		expect(termRange('autumn', 2025)).toEqual({ from: '2025-09-01', to: '2025-12-31' });
		expect(termRange('spring', 2025)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(termRange('summer', 2025)).toEqual({ from: '2026-04-01', to: '2026-08-31' });
	});
	it("follows a school's own dates", () => {
		const t = { spring_start: '01-05', summer_start: '04-20' };
		expect(termRange('autumn', 2025, t)).toEqual({ from: '2025-09-01', to: '2026-01-04' });
		expect(termRange('spring', 2025, t)).toEqual({ from: '2026-01-05', to: '2026-04-19' });
		expect(termRange('summer', 2023, { spring_start: '01-01', summer_start: '03-01' })).toEqual({ from: '2024-03-01', to: '2024-08-31' });
	});

	it('refuses impossible dates', () => {
		expect(termDatesSchema.safeParse({ spring_start: '04-01', summer_start: '01-01' }).success).toBe(false);
		expect(termDatesSchema.safeParse({ spring_start: '13-01', summer_start: '04-01' }).success).toBe(false);
	});
});
