import { attainmentLabels, needAreaLabels, senStageLabels } from '$lib/contract/enums';
import { formatPercent } from '$lib/format';
import type { AttainmentGroup, Comparison, Share } from '$lib/metrics/attainment';
import type { Column } from '$lib/table/columns';
import { NOT_COMPARED, SMALL_NUMBER_MARK, verdictCell } from '$lib/phrasebook';

/** The columns of a share of pupils with its interval, after a table's own columns. */
export function shareColumns<R extends Share>(heading: string): Column<R>[] {
	return [
		{ key: 'share', heading, kind: 'percent', note: (r) => (r.small_number ? SMALL_NUMBER_MARK : null) },
		{ key: 'interval', heading: '95% interval', csv: false, format: (r) => (r.ci_low === null ? '—' : `${formatPercent(r.ci_low)}–${formatPercent(r.ci_high)}`) },
		{ key: 'ci_low', heading: 'Interval from', kind: 'percent', screen: false },
		{ key: 'ci_high', heading: 'Interval to', kind: 'percent', screen: false }
	];
}

export const groupHeadings: Record<AttainmentGroup, string> = {
	all: 'Pupils',
	sen_stage: 'SEN stage',
	need_area: 'Area of primary need',
	key_stage: 'Key stage'
};

/** The grouping inside a sentence ("by …"), acronyms kept. */
export const groupInSentence: Record<AttainmentGroup, string> = {
	all: 'subject',
	sen_stage: 'SEN stage',
	need_area: 'area of primary need',
	key_stage: 'key stage'
};

/** A group's name as people read it. */
export function groupLabel(by: AttainmentGroup, group: string): string {
	if (by === 'sen_stage') return senStageLabels[group as 'K'] ?? group;
	if (by === 'need_area') return needAreaLabels[group] ?? group;
	return group;
}

/** The metric's verdict in words (the phrasebook's): a difference is claimed only where the test supports it. */
export const comparisonText = (v: Comparison['versus_rest']): string => (v === null ? NOT_COMPARED : verdictCell[v]);

export const bandLabel = (band: string) => attainmentLabels[band as 'expected'] ?? band;
