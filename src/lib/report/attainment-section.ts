import { senStageLabels } from '../contract/enums';
import type { Comparison } from '../metrics/attainment';
import { DIFFERENCE_RULE, NOT_COMPARED, verdictCell, verdictClause, WITHHELD_BECAUSE } from '../phrasebook';
import type { ReportSection, ReportTable } from './types';
import type { ReportFigures } from './figures';
import { Suppressor } from './suppress';

/**
 * "Attainment and attendance" of the governors' report: pupils with SEN at or above the expected
 * standard against the school's own figures, progress judgements and attendance. A sentence says
 * pupils with SEN do better or worse than the rest of the school only where the metric's verdict
 * (`versus_rest`) says so. A verdict is given only beside a share that is itself shown.
 */

const verdictText = (v: Comparison['versus_rest']) => (v === null ? NOT_COMPARED : verdictCell[v]);
const pctText = (x: number | null) => (x === null ? 'not entered' : `${Math.round(x)}%`);
const hidden = (text: string) => !Suppressor.shown(text);

function attainmentTables(f: ReportFigures, s: Suppressor): { tables: ReportTable[]; says: string[] } {
	const says: string[] = [];
	const main: ReportTable = {
		caption: 'Pupils with SEN at or above the expected standard',
		columns: ['Subject', 'Pupils assessed', 'At or above expected', 'All pupils (school figure)', 'Against the rest of the school'],
		rows: f.attainmentGap.map((r) => {
			const share = s.share(r.at_expected, r.pupils);
			const verdict = hidden(share) ? s.withhold() : verdictText(r.versus_rest);
			if (!hidden(share) && r.versus_rest !== null && r.rest_share !== null) {
				const rest = `${Math.round(r.rest_share * 100)}%`;
				says.push(`${r.subject}: ${share} of pupils with SEN were at or above the expected standard against ${rest} of the rest of the school; ${verdictClause[r.versus_rest]}.`);
			}
			return [r.subject, s.count(r.pupils), share, pctText(r.school_pct), verdict];
		})
	};
	// Stages and judgements are parts of each subject's total above: suppressed as parts.
	const stageRows: string[][] = [];
	for (const subject of f.attainmentGap) {
		const rows = f.attainmentStages.filter((r) => r.subject_key === subject.subject_key);
		const counts = s.parts(rows.map((r) => r.pupils));
		rows.forEach((r, i) => stageRows.push([r.subject, senStageLabels[r.group as 'K'] ?? r.group, counts[i], !/^[\d,]+$/.test(counts[i]) ? s.withhold() : s.share(r.at_expected, r.pupils)]));
	}
	const progress: ReportTable = {
		caption: 'Progress judged at the latest assessment',
		columns: ['Subject', 'Less than expected', 'Expected', 'More than expected', 'Not recorded'],
		rows: f.progress.map((r) => [r.subject, ...s.parts([r.less_than_expected, r.expected, r.more_than_expected, r.not_recorded])])
	};
	return {
		tables: [main, { caption: 'At or above expected by stage', columns: ['Subject', 'Stage', 'Pupils assessed', 'At or above expected'], rows: stageRows }, progress],
		says
	};
}

/** Pupils with SEN and those with attendance recorded, as the whole report shows them. */
export interface AttendanceShown {
	total: string;
	recorded: string;
}

function attendanceParagraphs(f: ReportFigures, s: Suppressor, shared: AttendanceShown): string[] {
	const a = f.pupilAttendance;
	if (!a.recorded) return ['Attendance is not recorded for pupils with SEN in this export.'];
	const mean =
		s.shows(a.recorded) && a.mean_pct !== null
			? `On average they attended ${a.mean_pct.toFixed(1)}% of sessions${a.school_attendance_pct !== null ? `; the school's figure for all pupils is ${a.school_attendance_pct.toFixed(1)}%` : ''}.`
			: `Their average attendance ${WITHHELD_BECAUSE}.`;
	// A share of a base that is withheld would give the base away (60% can only be 3 of 5): withheld with it.
	const pa = hidden(shared.recorded) ? s.withhold() : s.share(a.persistently_absent, a.recorded);
	// The pupils with attendance recorded and those without are parts of the pupils with SEN: one hidden hides the other.
	const recorded = hidden(shared.recorded)
		? `Attendance was recorded for some of the ${shared.total} pupils with SEN; how many ${WITHHELD_BECAUSE}.`
		: `Attendance was recorded for ${shared.recorded} of ${shared.total} pupils with SEN.`;
	const out = [`${recorded} ${mean}`];
	if (hidden(pa)) out.push(`The share persistently absent ${WITHHELD_BECAUSE}.`);
	else {
		const school = a.school_pa_pct !== null ? ` (the school's figure for all pupils: ${pctText(a.school_pa_pct)})` : '';
		const rest = a.rest_share !== null ? `${Math.round(a.rest_share * 100)}%` : '';
		const verdict = a.versus_rest === null ? 'No whole-school figure was entered to compare with.' : `Against ${rest} in the rest of the school: ${verdictClause[a.versus_rest]}.`;
		out.push(`${pa} of them were persistently absent (missed 10% or more of sessions)${school}. ${verdict}`);
	}
	return out;
}

export function attainmentSection(f: ReportFigures, _o: unknown, s: Suppressor, shared: { attendance: AttendanceShown }): ReportSection {
	const base = { id: 'attainment', title: 'Attainment and attendance', charts: [] };
	if (!f.attainmentGap.length && !f.pupilAttendance.recorded) {
		return { ...base, paragraphs: ['The data holds no assessments or attendance for pupils with SEN in this period.'], tables: [] };
	}
	const { tables, says } = f.attainmentGap.length ? attainmentTables(f, s) : { tables: [], says: ['The data holds no assessments for pupils with SEN in this period.'] };
	return {
		...base,
		paragraphs: [
			`Pupils at SEN support or with an EHC plan, at their latest assessment in the period, against the school's own figures for all its pupils (copied from its information system). ${DIFFERENCE_RULE} Small groups rarely can be.`,
			...says,
			...attendanceParagraphs(f, s, shared.attendance)
		],
		tables
	};
}
