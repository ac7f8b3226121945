import { describe, expect, it } from 'vitest';
import { reviewsIcs } from './ics';

describe('review dates as a calendar file', () => {
	const ics = reviewsIcs(
		[
			{ school: 'Oakfield Primary', plan_id: 'PL0043', pupil_id: 'P012', review_due: '2026-04-02', case_holder: 'Mrs Khan, SENDCo' },
			{ school: 'Riverside High', plan_id: 'PL0101', pupil_id: 'R7', review_due: '2026-03-31', case_holder: null }
		],
		new Date('2026-03-20T09:30:00Z')
	);
	const lines = ics.split('\r\n');
	it('is a calendar with one all-day event per review', () => {
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines).toContain('DTSTART;VALUE=DATE:20260402');
		expect(lines).toContain('DTEND;VALUE=DATE:20260403');
		expect(lines).toContain('DTSTAMP:20260320T093000Z');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});
	it('carries ids only, with text escaped and lines folded at 75 octets', () => {
		expect(lines).toContain('SUMMARY:SEN support plan review: plan PL0043 (pupil P012)');
		expect(ics).toContain('case holder Mrs Khan\\, SENDCo');
		expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
		expect(lines).toContain('UID:Oakfield-Primary-PL0043@provision-lens');
	});
});
