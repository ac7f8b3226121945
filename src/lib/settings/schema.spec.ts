import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from './schema';

describe('costing settings file', () => {
	it('accepts the defaults and an edited copy', () => {
		expect(parseSettings(defaultSettings)).toEqual({ ok: true, settings: defaultSettings });
		const edited = { ...defaultSettings, threshold_gbp: 6500, staff_rates: [{ role: 'TA', hourly_rate_gbp: 19.5 }] };
		expect(parseSettings(JSON.parse(JSON.stringify(edited)))).toEqual({ ok: true, settings: edited });
	});
	it('refuses a file that is not settings, saying what is wrong', () => {
		const r = parseSettings({ ...defaultSettings, staff_rates: [{ role: 'TA', hourly_rate_gbp: -4 }] });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error).toMatch(/^staff_rates\.0\.hourly_rate_gbp: /);
		expect(parseSettings({ hello: 'world' }).ok).toBe(false);
	});
});
