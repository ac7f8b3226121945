import { describe, expect, it } from 'vitest';
import { dateLit, empty, ident, join, lit, raw, sql, Sql } from './sql';

describe('the sql tag', () => {
	it('quotes strings, doubling quotes inside them', () => {
		expect(String(sql`SELECT * FROM pupils WHERE school = ${"St Mary's"}`)).toBe(`SELECT * FROM pupils WHERE school = 'St Mary''s'`);
		// An attempt to close the string and add a statement stays inside the literal.
		expect(String(sql`WHERE id = ${"x'; DROP TABLE pupils; --"}`)).toBe(`WHERE id = 'x''; DROP TABLE pupils; --'`);
	});

	it('writes numbers, booleans, null and lists', () => {
		expect(String(sql`${3} ${-1.5} ${true} ${false} ${null} ${undefined}`)).toBe('3 -1.5 TRUE FALSE NULL NULL');
		expect(String(sql`IN (${['K', 'E', "O'Brien"]})`)).toBe(`IN ('K', 'E', 'O''Brien')`);
	});

	it('refuses NaN and Infinity rather than write them into a query', () => {
		expect(() => sql`${Number.NaN}`).toThrow(RangeError);
		expect(() => sql`${Number.POSITIVE_INFINITY}`).toThrow(RangeError);
		expect(() => sql`${[1, Number.NEGATIVE_INFINITY]}`).toThrow(RangeError);
		expect(() => sql`${{ a: 1 }}`).toThrow(TypeError);
	});

	it("joins fragments with the code's own separator, and leaves out an empty one", () => {
		const parts = [sql`WHEN ${"O'Brien"} THEN 1`, sql`WHEN ${'North'} THEN 2`];
		expect(String(sql`CASE school ${join(parts, ' ')} END ${empty}`)).toBe(`CASE school WHEN 'O''Brien' THEN 1 WHEN 'North' THEN 2 END `);
		expect(join([raw('a'), raw('b')]).text).toBe('a, b');
	});

	it('nests Sql fragments as they are, quoting the values inside them once', () => {
		const where = sql`school = ${"St Mary's"}`;
		const q = sql`SELECT count(*) FROM pupils WHERE ${where} AND ${raw('sen_stage IS NOT NULL')}`;
		expect(q).toBeInstanceOf(Sql);
		expect(q.text).toBe(`SELECT count(*) FROM pupils WHERE school = 'St Mary''s' AND sen_stage IS NOT NULL`);
		// A string that looks like SQL is still a value.
		expect(String(sql`WHERE ${'sen_stage IS NOT NULL'}`)).toBe(`WHERE 'sen_stage IS NOT NULL'`);
	});

	it('quotes identifiers and dates', () => {
		expect(ident('my "col"')).toBe('"my ""col"""');
		expect(lit("it's")).toBe(`'it''s'`);
		expect(dateLit('2026-01-15')).toBe(`DATE '2026-01-15'`);
	});
});
