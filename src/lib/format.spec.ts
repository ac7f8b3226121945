import { describe, expect, it } from 'vitest';
import { nameBreaks } from './format';

describe('column names that wrap on a phone', () => {
	it('may end a line only after an underscore', () => {
		expect(nameBreaks('reviewed_on')).toEqual(['reviewed_', 'on']);
		expect(nameBreaks('sessions_delivered_total')).toEqual(['sessions_', 'delivered_', 'total']);
		expect(nameBreaks('School name')).toEqual(['School name']);
		expect(nameBreaks('')).toEqual(['']);
	});
});
