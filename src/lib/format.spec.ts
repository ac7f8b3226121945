import { describe, expect, it } from 'vitest';
import { countOf, formatCount, formatDate, formatGbp, formatNumber, nameBreaks } from './format';

describe('column names that wrap on a phone', () => {
	it('may end a line only after an underscore', () => {
		expect(nameBreaks('reviewed_on')).toEqual(['reviewed_', 'on']);
		expect(nameBreaks('sessions_delivered_total')).toEqual(['sessions_', 'delivered_', 'total']);
		expect(nameBreaks('School name')).toEqual(['School name']);
		expect(nameBreaks('')).toEqual(['']);
	});
});

describe('numbers and dates as they read on screen', () => {
	it('reads each kind as UK English writes it, with unknown kept visible', () => {
		expect(formatCount(1234567)).toBe('1,234,567');
		expect(formatCount(0)).toBe('0');
		expect(formatCount(null)).not.toBe('0');
		expect(formatDate('2026-03-20')).toBe('20 March 2026');
		expect(formatDate('2026-12-31')).toBe('31 December 2026');
		expect(formatGbp(1234.5)).toBe('£1,235');
		expect(formatGbp(1234.5, 2)).toBe('£1,234.50');
		expect(formatGbp(null)).toBe('unknown');
		expect(formatNumber(2.345)).toBe('2.3');
		expect(formatNumber(2.345, 2)).toBe('2.35');
		expect(formatNumber(1500, 0)).toBe('1,500');
		expect(formatNumber(Number.NaN)).toBe('—');
		expect(countOf(1, 'run')).toBe('1 run');
		expect(countOf(12000, 'run')).toBe('12,000 runs');
	});

	it('gives each number of digits its own format, however they are asked for in turn', () => {
		expect([formatNumber(1.23456, 3), formatNumber(1.23456, 1), formatNumber(1.23456, 3)]).toEqual(['1.235', '1.2', '1.235']);
		expect([formatGbp(9.99, 2), formatGbp(9.99, 0), formatGbp(9.99, 2)]).toEqual(['£9.99', '£10', '£9.99']);
	});
});
