import { columnsOf } from '../contract/tables';
import { countOf } from '../format';
import { aKind } from './personal';
import type { ImportPlan, SourcePlan } from './types';

/**
 * The personal-data gate: the one place that decides whether an import may go on. Findings come
 * from `prepareImport` (column names and value shapes, see `personal.ts`); the page, the command
 * line and `commitImport` all ask here.
 */
export class ImportRefused extends Error {}

/** Sources that will be loaded and hold something that looks like personal data. */
export function flaggedSources(plan: ImportPlan): SourcePlan[] {
	return plan.sources.filter((s) => s.personal.length && !s.refused);
}

/** Flagged columns that the contract needs (a UPN-shaped pupil_id): dropping them cannot help. */
export function flaggedRequiredColumns(source: SourcePlan): { header: string; column: string }[] {
	if (!source.table) return [];
	const required = new Set(
		columnsOf(source.table)
			.filter((c) => c.required)
			.map((c) => c.name)
	);
	const out: { header: string; column: string }[] = [];
	for (const p of source.personal) {
		const i = source.headers.indexOf(p.header);
		const column = source.mapping[i];
		if (column && required.has(column) && !out.some((o) => o.header === p.header)) out.push({ header: p.header, column });
	}
	return out;
}

/** What to tell someone whose ids are UPN-shaped (or otherwise personal): how to go on. */
export function pseudonymAdvice(columns: string[]): string {
	return `${columns.join(', ')} must be a pseudonym, not a UPN or other real identifier. Replace the ids in your export with pseudonyms (for example the row number, or the MIS's internal id, the same in every file) and import again; dropping the column would leave nothing to load.`;
}

export function personalMessage(sources: SourcePlan[]): string {
	const parts = sources.flatMap((s) =>
		s.personal.map((p) =>
			p.kind === 'column name'
				? `${s.file}: column "${p.header}" looks like personal data`
				: `${s.file}: column "${p.header}" holds ${countOf(p.count, 'value')} shaped like ${aKind(p.kind)} (e.g. ${p.example})`
		)
	);
	const ids = [...new Set(sources.flatMap((s) => flaggedRequiredColumns(s).map((c) => c.column)))];
	return `Personal data found, nothing loaded. ${parts.join('; ')}${ids.length ? `. ${pseudonymAdvice(ids)}` : ''}`;
}

/**
 * Go or stop. Stops (throws ImportRefused, nothing loaded) when personal data was found and the
 * person did not choose to drop those columns. With `drop`, the flagged columns are unmapped; a
 * file whose flagged column is a required one is refused with the advice above.
 */
export function applyPersonalDataGate(plan: ImportPlan, drop: boolean): void {
	const flagged = flaggedSources(plan);
	if (!flagged.length) return;
	if (!drop) throw new ImportRefused(personalMessage(flagged));
	for (const s of flagged) {
		const required = flaggedRequiredColumns(s);
		const dropped = new Set(s.personal.map((p) => p.header));
		s.mapping = s.mapping.map((m, i) => (dropped.has(s.headers[i]) ? null : m));
		if (required.length) s.refused = `${s.file}: ${pseudonymAdvice(required.map((c) => c.column))}`;
		// Said in the import summary (file, line 1, the column, why), never with a value: nothing goes in silence.
		const notes = (s.notes ??= []);
		for (const header of dropped) {
			const reason = droppedReason(s.personal.filter((p) => p.header === header));
			if (!notes.some((n) => n.column === header && n.reason === reason)) notes.push({ column: header, reason });
		}
	}
}

/** Why a column was not loaded, in the summary: what about it looked like personal data. */
function droppedReason(findings: SourcePlan['personal']): string {
	const what = findings.map((p) => (p.kind === 'column name' ? 'its name' : `${countOf(p.count, 'value')} shaped like ${aKind(p.kind)}`));
	return `not loaded, none of its values: it looks like personal data (${what.join('; ')}) and you chose to drop such columns`;
}
