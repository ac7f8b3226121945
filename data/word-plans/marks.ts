// Every way a person marks a choice in a Word plan, as runs of a paragraph. A legacy form-field checkbox
// cannot be written by the docx library: it is written as a placeholder run here and swapped for the
// field's XML after packing (package.ts).
import { CheckBox, TextRun, type ParagraphChild } from 'docx';
import type { Marking } from './model';

/** The placeholder run text for a legacy checkbox: 1 = checked (w:checked), D = checked by its default value, 0 = unchecked. */
export const legacyPlaceholder = (state: '1' | 'D' | '0') => `[[FORMCHECKBOX:${state}]]`;

export interface ChoiceStyle {
	marking: Marking;
	/** For 'typed-marks': the glyph typed beside the chosen option. */
	glyph?: string;
	/** For 'legacy-checkbox': write the chosen box as checked through its default value. */
	legacyDefault?: boolean;
}

const gap = () => new TextRun('   ');

/**
 * The options with `chosen` marked in the given style. No option chosen = left as the template had it
 * (nothing marked); two chosen = a mark nobody can read.
 */
export function choiceRuns(options: string[], chosen: number[], style: ChoiceStyle): ParagraphChild[] {
	const runs: ParagraphChild[] = [];
	options.forEach((option, i) => {
		const on = chosen.includes(i);
		if (i > 0) runs.push(gap());
		switch (style.marking) {
			case 'content-control':
				runs.push(new CheckBox({ checked: on }), new TextRun(` ${option}`));
				break;
			case 'legacy-checkbox':
				runs.push(new TextRun(legacyPlaceholder(on ? (style.legacyDefault ? 'D' : '1') : '0')), new TextRun(` ${option}`));
				break;
			case 'typed-marks': {
				const glyph = style.glyph ?? '☒';
				// Boxes are typed for every option (☐ for the others); ticks and crosses only beside the chosen one.
				const boxed = glyph === '☒' || glyph === '☑';
				runs.push(new TextRun(on ? `${glyph} ${option}` : boxed ? `☐ ${option}` : option));
				break;
			}
			case 'options-deleted':
			case 'words':
				// The others deleted: with nothing chosen the template's options all stay.
				if (on || chosen.length === 0) runs.push(new TextRun(option));
				else runs.pop();
				break;
			case 'bold':
				runs.push(on ? new TextRun({ text: option, bold: true }) : new TextRun(option));
				break;
			case 'highlight':
				runs.push(on ? new TextRun({ text: option, highlight: 'yellow' }) : new TextRun(option));
				break;
		}
	});
	return runs;
}
