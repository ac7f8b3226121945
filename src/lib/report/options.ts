import { senStageLabels } from '../contract/enums';
import { formatDate } from '../format';
import { academicYearOf, type Scope } from '../metrics/scope';
import type { ReportOptions } from './types';

/** What only the SENDCo knows or chooses for a report, besides its scope. */
export interface ReportExtras {
	threshold: number;
	roll?: number | null;
	previous?: { K: number | null; E: number | null };
}

/**
 * What narrows a report beyond its school and period (filters chosen on the other pages, kept in
 * the URL), in words, so the printed report says who it is about: "pupils with an EHC plan; funding
 * stream: Pupil premium". Empty when the report is of the whole school (or schools).
 */
export function narrowing(scope: Scope): string[] {
	const f = scope.filters;
	const out: string[] = [];
	if (f.keyStage) out.push(f.keyStage === 'EYFS' ? 'the early years (EYFS)' : `key stage ${f.keyStage.slice(2)}`);
	if (f.yearGroup) out.push(f.yearGroup === 'R' ? 'Reception' : f.yearGroup.startsWith('N') ? `nursery (${f.yearGroup})` : `Year ${f.yearGroup}`);
	if (f.senStage) out.push(f.senStage === 'N' ? 'pupils on the monitoring list' : `pupils at ${senStageLabels[f.senStage]}`.replace('at EHC plan', 'with an EHC plan'));
	if (f.snapshot) out.push(`the register as exported on ${formatDate(f.snapshot)}`);
	if (scope.costing.fundingStream) out.push(`funding stream: ${scope.costing.fundingStream}`);
	return out;
}

/**
 * The report's options from its scope, which is built as every page's is (`scopeOfPage`, from the
 * URL, the settings, the glossary and the export dates): its school, period and date are the scope's.
 */
export function reportOptions(scope: Scope, extras: ReportExtras): ReportOptions {
	const said = narrowing(scope);
	return {
		school: scope.filters.school,
		academicYear: scope.filters.academicYear ?? academicYearOf(scope.asOf),
		term: scope.filters.term,
		asOf: scope.asOf,
		narrowedTo: said.length ? said.join('; ') : null,
		...extras
	};
}
