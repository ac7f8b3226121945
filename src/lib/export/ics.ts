/**
 * Review dates as a calendar file (iCalendar, RFC 5545) to import into Outlook or Google Calendar.
 * Each event carries the plan id and the pupil's pseudonymous id only: no name, no need, no text.
 */
export interface ReviewDate {
	school: string;
	plan_id: string;
	pupil_id: string;
	review_due: string;
	case_holder: string | null;
}

/** RFC 5545 text: backslash, semicolon, comma and new lines escaped. */
const text = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines of at most 75 octets, continued with a space (RFC 5545 3.1). */
function fold(line: string): string {
	const bytes = new TextEncoder().encode(line);
	if (bytes.length <= 75) return line;
	const out: string[] = [];
	let current = '';
	for (const ch of line) {
		if (new TextEncoder().encode(current + ch).length > (out.length ? 74 : 75)) {
			out.push(current);
			current = '';
		}
		current += ch;
	}
	out.push(current);
	return out.join('\r\n ');
}

const day = (iso: string) => iso.replace(/-/g, '');

export function reviewsIcs(reviews: ReviewDate[], stamp: Date): string {
	const dtstamp = stamp
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
	const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	const events = reviews.flatMap((r) => [
		'BEGIN:VEVENT',
		`UID:${text(`${r.school}-${r.plan_id}`).replace(/\s+/g, '-')}@provision-lens`,
		`DTSTAMP:${dtstamp}`,
		`DTSTART;VALUE=DATE:${day(r.review_due)}`,
		`DTEND;VALUE=DATE:${day(next(r.review_due))}`,
		`SUMMARY:${text(`SEN support plan review: plan ${r.plan_id} (pupil ${r.pupil_id})`)}`,
		`DESCRIPTION:${text(`${r.school}${r.case_holder ? `; case holder ${r.case_holder}` : ''}`)}`,
		'END:VEVENT'
	]);
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Provision Lens//Plan reviews//EN', 'CALSCALE:GREGORIAN', ...events, 'END:VCALENDAR'];
	return `${lines.map(fold).join('\r\n')}\r\n`;
}
