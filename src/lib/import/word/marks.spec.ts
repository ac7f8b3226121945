import { describe, expect, it } from 'vitest';
import { readChoice, type ChoiceOption } from './marks';
import { readDocumentXml, type Paragraph } from './model';
import { box, del, documentXml, formBox, p, r, sym } from '../../../../tests/unit/word-docx';

const stage: ChoiceOption<'K' | 'E'>[] = [
	{ value: 'K', words: ['sen support', 'graduated approach'] },
	{ value: 'E', words: ['ehcp', 'ehc plan'] }
];
const outcome: ChoiceOption<'achieved' | 'partial' | 'not_achieved'>[] = [
	{ value: 'achieved', words: ['yes', 'achieved'] },
	{ value: 'not_achieved', words: ['no', 'not achieved', 'not yet'] },
	{ value: 'partial', words: ['progress', 'partly', 'partially achieved'] }
];
const areas: ChoiceOption<string>[] = [
	{ value: 'cognition_learning', words: ['cognition and learning', 'c&l'] },
	{ value: 'communication_interaction', words: ['communication and interaction', 'c&i'] },
	{ value: 'sensory_physical', words: ['sensory and or physical', 's&p'] },
	{ value: 'semh', words: ['social, emotional and mental health', 'semh'] },
	{ value: 'medical', words: ['medical'] }
];

const paras = (...xml: string[]): Paragraph[] => readDocumentXml(documentXml(...xml)).blocks.filter((b): b is Paragraph => b.kind === 'p');
const chosen = (values: string[], how?: string) => (how ? { state: 'chosen', values, how } : expect.objectContaining({ state: 'chosen', values }));

describe('reading a marked choice', () => {
	it('reads content-control and form-field checkboxes before or after the words', () => {
		expect(readChoice(paras(p(box(false), ' SEN Support/ Graduated approach ', box(true), ' EHCP')), stage)).toEqual(chosen(['E'], 'checkbox'));
		expect(readChoice(paras(p(formBox(true), ' SEN Support ', formBox(false), ' EHCP')), stage)).toEqual(chosen(['K'], 'checkbox'));
		expect(readChoice(paras(p('SEN Support ', formBox(false, true), ' EHCP ', formBox(false))), stage)).toEqual({ state: 'none' });
		expect(readChoice(paras(p('SEN Support ', formBox(true, true), '  EHCP ', formBox(false))), stage)).toEqual(chosen(['K'], 'checkbox'));
		expect(readChoice(paras(p('YES ', box(false), ' NO ', box(false), ' Progress ', box(true))), outcome)).toEqual(chosen(['partial'], 'checkbox'));
	});

	it('reads typed boxes, ticks, crosses and Wingdings glyphs', () => {
		expect(readChoice(paras(p('☐ SEN Support ☒ EHCP')), stage)).toEqual(chosen(['E'], 'checkbox'));
		expect(readChoice(paras(p('☑ SEN Support ☐ EHCP')), stage)).toEqual(chosen(['K'], 'checkbox'));
		expect(readChoice(paras(p(sym('F0A8'), ' SEN Support ', sym('F0FE'), ' EHCP')), stage)).toEqual(chosen(['E'], 'checkbox'));
		expect(readChoice(paras(p(r('¨', { font: 'Wingdings' }), ' SEN Support ', r('þ', { font: 'Wingdings' }), ' EHCP')), stage)).toEqual(chosen(['E'], 'checkbox'));
		expect(readChoice(paras(p('✓ YES  NO  Progress')), outcome)).toEqual(chosen(['achieved'], 'typed mark'));
		expect(readChoice(paras(p('YES  NO  Progress X')), outcome)).toEqual(chosen(['partial'], 'typed mark'));
		expect(readChoice(paras(p('YES NO ✔     Progress')), outcome)).toEqual(chosen(['not_achieved'], 'typed mark'));
	});

	it('leaves a tick that sits evenly between two choices unknown', () => {
		expect(readChoice(paras(p('YES ✓ NO Progress')), outcome)).toMatchObject({ state: 'unreadable' });
	});

	it('reads the other options deleted, struck out, or the word typed', () => {
		expect(readChoice(paras(p('SEN Support/ Graduated approach ', del('EHCP'))), stage)).toEqual(chosen(['K'], 'left alone'));
		expect(readChoice(paras(p('EHCP')), stage)).toEqual(chosen(['E'], 'left alone'));
		expect(readChoice(paras(p(r('YES', { strike: true }), ' ', r('NO', { strike: true }), ' Progress')), outcome)).toEqual(chosen(['partial'], 'struck out'));
		expect(readChoice(paras(p('Partly')), outcome)).toEqual(chosen(['partial'], 'left alone'));
		expect(readChoice(paras(p('Not yet')), outcome)).toEqual(chosen(['not_achieved'], 'left alone'));
		expect(readChoice(paras(p('YES No Progress'), p('Yes')), outcome)).toEqual(chosen(['achieved'], 'typed twice'));
	});

	it('reads the chosen one bold or highlighted', () => {
		expect(readChoice(paras(p('YES ', r('NO', { b: true }), ' Progress')), outcome)).toEqual(chosen(['not_achieved'], 'emphasis'));
		expect(readChoice(paras(p('YES NO ', r('Progress', { hl: true }))), outcome)).toEqual(chosen(['partial'], 'emphasis'));
		expect(readChoice(paras(p(r('SEN Support', { shade: true }), ' EHCP')), stage)).toEqual(chosen(['K'], 'emphasis'));
	});

	it('reads several ticked areas where several may be chosen, and refuses two for a single choice', () => {
		const cell = paras(
			p(
				box(true),
				' Cognition and Learning ',
				box(false),
				' Communication and Interaction ',
				box(false),
				' Sensory and or Physical ',
				box(true),
				' Social, Emotional and Mental Health ',
				box(false),
				' Medical'
			)
		);
		expect(readChoice(cell, areas, true)).toEqual(chosen(['cognition_learning', 'semh'], 'checkbox'));
		expect(readChoice(paras(p('☒ SEN Support ☒ EHCP')), stage)).toMatchObject({ state: 'unreadable' });
	});

	it('says nothing is marked, blank, or that the words match no choice', () => {
		expect(readChoice(paras(p('YES No Progress')), outcome)).toEqual({ state: 'none' });
		expect(readChoice(paras(p(''), p(' ')), outcome)).toEqual({ state: 'blank' });
		expect(readChoice(paras(p('Cognition and Learning  Communication and Interaction  Sensory and or Physical  SEMH  Medical')), areas, true)).toEqual({ state: 'none' });
		expect(readChoice(paras(p('Maybe?')), outcome)).toMatchObject({ state: 'unreadable' });
	});
});
