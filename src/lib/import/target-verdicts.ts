import { checkTarget, type Finding } from '../quality/smart';

/** One different wording of a school's targets, with its time frame in days (null when not known). */
export interface Wording {
	k: number;
	target_text: string;
	days: number | null;
}

const partsCode = (findings: Finding[]) => findings.map((f) => (f.ok === true ? '1' : f.ok === false ? '0' : '?')).join('');

/** A wording's CSV line of verdicts, `k,parts` (one character per SMART part: 1 met, 0 not, ? not known). */
export function verdictLine(w: Wording): string {
	const timeFrame = w.days === null ? {} : { startDate: '2000-01-01', dueDate: new Date(Date.UTC(2000, 0, 1 + w.days)).toISOString().slice(0, 10) };
	return `${w.k},${partsCode(checkTarget(w.target_text, timeFrame).findings)}`;
}
