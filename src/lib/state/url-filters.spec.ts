import { describe, expect, it } from 'vitest';
import { noFilters } from '../metrics/scope';
import { asOfFromUrl, filtersFromUrl, linkKeeping, urlWith } from './url-filters';

const url = (q: string) => new URL(`http://localhost/provision-map?${q}`);

describe('filters in the URL', () => {
	it('reads every filter from its query parameter', () => {
		expect(filtersFromUrl(url('school=North&year=2025/26&term=spring&ks=KS2&yg=4&stage=K&snapshot=2025-10-01'))).toEqual({
			school: 'North',
			academicYear: '2025/26',
			term: 'spring',
			keyStage: 'KS2',
			yearGroup: '4',
			senStage: 'K',
			snapshot: '2025-10-01'
		});
		expect(filtersFromUrl(url(''))).toEqual(noFilters);
	});

	it('drops a hand-edited bad value and keeps the rest', () => {
		// "2025" is not an academic year and "winter" not a term: both dropped; the school and year group stay.
		expect(filtersFromUrl(url('school=North&year=2025&term=winter&yg=4'))).toEqual({ ...noFilters, school: 'North', yearGroup: '4' });
		// An empty value is no filter.
		expect(filtersFromUrl(url('school=&stage=E'))).toEqual({ ...noFilters, senStage: 'E' });
	});

	it('reads a valid as-of date and otherwise falls back', () => {
		expect(asOfFromUrl(url('as_of=2026-03-20'), '2026-01-01')).toBe('2026-03-20');
		expect(asOfFromUrl(url('as_of=20/03/2026'), '2026-01-01')).toBe('2026-01-01');
		expect(asOfFromUrl(url('as_of=2026-13-45'), '2026-01-01')).toBe('2026-01-01');
	});

	it('writes filters back so that reading them gives the same', () => {
		const f = { ...noFilters, school: 'Oakfield Primary', term: 'autumn' as const, yearGroup: 'R' as const };
		const next = urlWith(url(''), f, '2026-03-20');
		expect(next).toBe('/provision-map?school=Oakfield+Primary&term=autumn&yg=R&as_of=2026-03-20');
		expect(filtersFromUrl(new URL(next, 'http://localhost'))).toEqual(f);
	});

	it("keeps a page's own parameters when the filters change", () => {
		expect(urlWith(url('fund=pupil+premium&layout=wave&stage=K'), { ...noFilters, senStage: 'E' }, null)).toBe('/provision-map?fund=pupil+premium&layout=wave&stage=E');
	});

	it('keeps the date, school, filters and funding stream on a link to another page, and nothing else', () => {
		const from = url('layout=wave&fund=pupil+premium&as_of=2026-03-20&school=Oakfield+Primary&year=2025%2F26&term=spring&ks=KS2&yg=4&stage=K&snapshot=2025-10-01&holder=CH1');
		expect(linkKeeping('/report', from)).toBe('/report?as_of=2026-03-20&school=Oakfield+Primary&year=2025%2F26&term=spring&ks=KS2&yg=4&stage=K&snapshot=2025-10-01&fund=pupil+premium');
		expect(linkKeeping('/import', url('layout=wave'))).toBe('/import');
	});
});
