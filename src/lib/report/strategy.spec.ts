import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { sharedDemo, sharedFixture } from '../../../tests/unit/load';
import { DEMO_AS_OF } from '../state/demo';
import { makeScope } from '../metrics/scope';
import { activityKey, emptyStrategyParts, type StrategyParts } from '../settings/strategy';
import { reportProblems } from './honesty';
import { composeStrategy, type StrategyDocument } from './strategy';
import { strategyFigures, type StrategyFigures } from './strategy-figures';
import { strategyDocxBytes, strategyFileName } from './strategy-docx';
import { strFromU8, unzipSync } from 'fflate';

// tests/fixtures/strategy for 2025/26 (the hand-worked figures are in src/lib/metrics/strategy.spec.ts):
// register K 22, E 4; main needs cognition and learning 12, communication and interaction 8, SEMH 4, sensory and physical 2;
// activities: adaptive teaching training (universal, 20 pupils, £450), reading catch-up (15, £1,854), maths boost (10, £267.14),
// and under 10 pupils: speech and language groups (4, £2,000, top-up), lunch club (5, £850), fine motor group (6, cost unknown).
const asOf = '2026-01-15';
const year = '2025/26';
const scope = makeScope({ asOf, filters: { school: 'strategy' } });

const table = (doc: StrategyDocument, caption: string) => doc.sections.flatMap((s) => s.tables).find((t) => t.caption.startsWith(caption))!;
const row = (doc: StrategyDocument, caption: string, first: string) => table(doc, caption).rows.find((r) => r[0].startsWith(first));

const written: StrategyParts = {
	...emptyStrategyParts(),
	imf_allocation_gbp: 10_000,
	roll: 210,
	statement_of_intent: 'Every child belongs here.\n\nWe teach so that all can take part.',
	barriers: ['Reading below the expected level on entry to key stage 2', 'Anxiety about unstructured times'],
	outcomes: [{ outcome: 'More pupils read fluently', success_criteria: 'At least 60% of reading targets achieved' }],
	approved_by: 'The governing board',
	approved_on: '2026-11-20',
	review_date: '2027-07-15',
	further_information: 'Our SEN information report is on the website.',
	activities: {
		[activityKey('maths boost', 'targeted')]: { principle: 'early-support', imf: 'all', imf_gbp: null, barriers: [1] },
		[activityKey('reading catch-up', 'targeted')]: { principle: 'early-support', imf: 'part', imf_gbp: 500, barriers: [1] },
		[activityKey('adaptive teaching training', 'universal')]: { principle: 'adaptive-teaching', imf: 'none', imf_gbp: null, barriers: [] }
	}
};

describe('the inclusion strategy document', () => {
	let db: Db;
	let blank: StrategyFigures;
	beforeAll(async () => {
		db = (await sharedFixture('strategy')).db;
		blank = await strategyFigures(db, scope, year, 10, emptyStrategyParts());
	});

	it('shows activities reaching 10 or more pupils, and merges the rest into one line per layer, cost only', () => {
		const doc = composeStrategy(blank, { school: 'strategy', year, asOf, threshold: 10, parts: emptyStrategyParts() });
		const rows = table(doc, 'Activity funded').rows;
		expect(rows.map((r) => r[0])).toEqual([
			'Adaptive teaching training',
			'Reading catch-up',
			'Maths boost',
			'Other targeted support (3 activities shown together)',
			'Whole-school activity not in the provision map'
		]);
		expect(row(doc, 'Activity funded', 'Reading catch-up')).toEqual([
			'Reading catch-up',
			'Higher-level teaching assistant and teaching assistant: usually 3 sessions a week of 35 minutes for about 33 weeks, in groups of about 8; 102 staff hours in the year',
			'Cognition and learning',
			'Targeted',
			'To complete (suggested: Early, evidence-based support)',
			'15',
			'£1,854',
			'notional special educational needs budget; pupil premium'
		]);
		expect(row(doc, 'Activity funded', 'Maths boost')!.slice(5, 7)).toEqual(['10', '£267']);
		// £2,000 + £850 for 15 distinct pupils; the fine motor group's cost is to complete, never £0; nothing else about them.
		expect(row(doc, 'Activity funded', 'Other targeted')).toEqual([
			'Other targeted support (3 activities shown together)',
			'—',
			'—',
			'Targeted',
			'—',
			'—',
			'£2,850 (and 1 run whose cost is to complete)',
			'—'
		]);
		expect(JSON.stringify(doc.sections)).not.toMatch(/Lunch club|Speech and language|Fine motor/);
	});

	it('suppresses the register as parts of its total, and funding sources as parts of theirs', () => {
		const doc = composeStrategy(blank, { school: 'strategy', year, asOf, threshold: 10, parts: emptyStrategyParts() });
		// E 4 is under 10, so K 22 is withheld with it (else 26 − 22 gives the 4 away).
		expect(table(doc, 'Pupils by stage').rows.map((r) => r[1])).toEqual(['withheld', 'fewer than 10', '26']);
		expect(table(doc, 'Pupils by broad area').rows.map((r) => r.slice(0, 2))).toEqual([
			['Communication and interaction', 'fewer than 10'],
			['Cognition and learning', '12'],
			['Social, emotional and mental health', 'fewer than 10'],
			['Sensory and/or physical', 'fewer than 10']
		]);
		// Top-up pays for 4 pupils only: withheld, and pupil premium (13 pupils, the next smallest) with it, or £5,421 − £2,524 would give it away.
		expect(table(doc, 'Budgeted cost by funding source').rows).toEqual([
			['notional special educational needs budget', '£2,524'],
			['top-up', 'withheld'],
			['pupil premium', 'withheld'],
			['All sources', '£5,421']
		]);
		expect(table(doc, 'Budgeted cost by layer').rows).toEqual([
			['Universal', '1', '£450'],
			['Targeted', '5', '£4,971'],
			['All activity', '6', '£5,421']
		]);
	});

	it('says what is still to be written, and guesses none of it', () => {
		const doc = composeStrategy(blank, { school: 'strategy', year, asOf, threshold: 10, parts: emptyStrategyParts() });
		expect(doc.toComplete).toEqual([
			'who approved it (the governing board or trust)',
			'the date it was approved',
			'the date of its next review',
			'the Inclusive Mainstream Fund allocation',
			'the statement of intent (about 500 words, for parents)',
			'the number on roll (to show shares of the roll)',
			'the barriers to learning and participation the activity works on, numbered',
			'the cost of 1 activity the provision map cannot cost (add the sessions, minutes or rate to the provision map)',
			'the principle of inclusion each activity serves (3 not chosen)',
			'the intended outcomes and how success will be judged',
			'further information (for example a link to the special educational needs (SEN) information report)'
		]);
		expect(doc.sections.find((s) => s.id === 'intent')!.paragraphs).toEqual(['To complete: the statement of intent (about 500 words, for parents)']);
	});

	it("sets the school's parts in place, with what the fund pays against its allocation", async () => {
		const f = await strategyFigures(db, scope, year, 10, written);
		const doc = composeStrategy(f, { school: 'strategy', year, asOf, threshold: 10, parts: written });
		expect(doc.toComplete).toEqual(['the cost of 1 activity the provision map cannot cost (add the sessions, minutes or rate to the provision map)']);
		expect(row(doc, 'About this strategy', 'Approved by')![1]).toBe('The governing board');
		expect(row(doc, 'About this strategy', 'Date approved')![1]).toBe('20 November 2026');
		expect(row(doc, 'Activity funded', 'Reading catch-up')!.slice(2)).toEqual([
			'Barrier 1 (Cognition and learning)',
			'Targeted',
			'Early, evidence-based support',
			'15',
			'£1,854',
			'Inclusive Mainstream Fund (£500); the rest: notional special educational needs budget; pupil premium'
		]);
		expect(row(doc, 'Activity funded', 'Maths boost')!.at(-1)).toBe('Inclusive Mainstream Fund');
		// The fund: all of maths boost (£267.14) + £500 = £767 for pupils F01–F15; £9,233 left of £10,000.
		expect(doc.sections.find((s) => s.id === 'totals')!.paragraphs[0]).toBe('The Inclusive Mainstream Fund allocation is £10,000; the activity above plans £767 of it, leaving £9,233 still to plan.');
		// Sources: the fund 15 pupils, notional SEN budget 30; top-up (4) and pupil premium (now only F13–F15, 3) withheld.
		expect(table(doc, 'Budgeted cost by funding source').rows).toEqual([
			['Inclusive Mainstream Fund', '£767'],
			['notional special educational needs budget', '£2,194'],
			['top-up', 'withheld'],
			['pupil premium', 'withheld'],
			['All sources', '£5,421']
		]);
		// With the roll entered, shares of the roll: hidden where the count is.
		expect(table(doc, 'Pupils by stage').rows.map((r) => r[2])).toEqual(['withheld', 'withheld', '12.4%']);
		expect(doc.sections.find((s) => s.id === 'barriers')!.points).toEqual(['Barrier 1: Reading below the expected level on entry to key stage 2', 'Barrier 2: Anxiety about unstructured times']);
		expect(doc.sections.find((s) => s.id === 'intent')!.paragraphs).toEqual(['Every child belongs here.', 'We teach so that all can take part.']);
	});

	it('gives the evidence the data holds for each activity shown, by the same small-number rule', () => {
		const doc = composeStrategy(blank, { school: 'strategy', year, asOf, threshold: 10, parts: emptyStrategyParts() });
		// Reading catch-up: 30 targets reviewed, 18 achieved (60%; Wilson 95% interval 42% to 75%); 12 standardised scores with a mean gain of 6.
		const reading = row(doc, 'Evidence by activity', 'Reading catch-up')!;
		expect(reading.slice(1, 4)).toEqual(['30', '60%', '42% to 75%']);
		expect(reading[4]).toMatch(/^Standardised score: the standardised score rose by 6 points on average: an improvement \(95% interval [\d.]+ to [\d.]+\).*\(12 pupils with both scores\)$/);
		expect(reading[5]).toBe('91% of sessions on average (12 places recorded)');
		expect(row(doc, 'Evidence by activity', 'Maths boost')!.slice(1)).toEqual(['0', '—', '—', 'none recorded', 'not recorded']);
	});

	it('never lets the threshold fall below 10', async () => {
		const f = await strategyFigures(db, scope, year, 5, emptyStrategyParts());
		const doc = composeStrategy(f, { school: 'strategy', year, asOf, threshold: 5, parts: emptyStrategyParts() });
		expect(JSON.stringify(doc.sections)).not.toMatch(/Lunch club|Speech and language|Fine motor/);
		expect(table(doc, 'Pupils by stage').rows[1][1]).toBe('fewer than 10');
		expect(doc.suppressionNote).toContain('counts from 1 to 9');
	});

	it('withholds every total when a whole layer reaches fewer than 10 pupils', async () => {
		// In 2026/27 only S2 (reading catch-up, F13–F15) and S6 (fine motor group, F25–F30) run: the targeted layer reaches 9 pupils.
		const f = await strategyFigures(db, scope, '2026/27', 10, emptyStrategyParts());
		const doc = composeStrategy(f, { school: 'strategy', year: '2026/27', asOf, threshold: 10, parts: emptyStrategyParts() });
		expect(table(doc, 'Activity funded').rows.map((r) => [r[0], r[6]])).toEqual([
			['Other targeted support (2 activities shown together)', 'withheld (and 1 run whose cost is to complete)'],
			['Whole-school activity not in the provision map', 'To complete']
		]);
		expect(table(doc, 'Budgeted cost by layer').rows).toEqual([
			['Targeted', '2', 'withheld'],
			['All activity', '2', 'withheld']
		]);
		// Pupil premium (S2) withheld; the notional SEN budget's only run (S6) has no known cost.
		expect(table(doc, 'Budgeted cost by funding source').rows).toEqual([
			['pupil premium', 'withheld'],
			['notional special educational needs budget', 'not known'],
			['All sources', 'withheld']
		]);
		expect(row(doc, 'About this strategy', 'Total budgeted cost')![1]).toBe('withheld');
		expect(reportProblems(doc, 10)).toEqual([]);
	});

	it('passes the honesty reader, and the same document unsuppressed fails it', async () => {
		const f = await strategyFigures(db, scope, year, 10, written);
		for (const parts of [emptyStrategyParts(), written]) {
			const figures = parts === written ? f : blank;
			expect(reportProblems(composeStrategy(figures, { school: 'strategy', year, asOf, threshold: 10, parts }), 10)).toEqual([]);
		}
		const bad = reportProblems(composeStrategy(blank, { school: 'strategy', year, asOf, threshold: 10, parts: emptyStrategyParts() }, false), 10);
		expect(bad).toContain('Activity funded in 2025/26: Lunch club shows 5 pupils reached, under 10');
		expect(bad).toContain('Pupils by stage: Education, health and care plan shows 4 pupils, under 10');
	});

	it("passes the honesty reader on each demo school's draft at 10 and 20", async () => {
		const demo = (await sharedDemo()).db;
		for (const school of ['Oakfield Primary', 'Riverside High']) {
			for (const threshold of [10, 20]) {
				for (const y of ['2025/26', '2026/27']) {
					const s = makeScope({ asOf: DEMO_AS_OF, filters: { school } });
					const doc = composeStrategy(await strategyFigures(demo, s, y, threshold, emptyStrategyParts()), { school, year: y, asOf: DEMO_AS_OF, threshold, parts: emptyStrategyParts() });
					expect(reportProblems(doc, threshold), `${school} ${y} at ${threshold}`).toEqual([]);
				}
			}
		}
	});

	it('writes an editable Word document with the same headings, tables and figures', async () => {
		const f = await strategyFigures(db, scope, year, 10, written);
		const doc = composeStrategy(f, { school: 'strategy', year, asOf, threshold: 10, parts: written });
		const xml = strFromU8(unzipSync(await strategyDocxBytes(doc))['word/document.xml']);
		for (const s of doc.sections) expect(xml).toContain(`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">${s.title.replace(/'/g, '&apos;')}</w:t>`);
		expect(xml).toContain('<w:tblHeader/>');
		for (const figure of ['£767', '£2,194', '£1,854', 'Barrier 1 (Cognition and learning)', 'fewer than 10', '42% to 75%']) expect(xml).toContain(figure);
		expect(strategyFileName(doc, 'docx')).toBe('inclusion-strategy-strategy-2025-26.docx');
	});
});
