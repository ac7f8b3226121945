import { SMALL_NUMBER_MARK, versusCell } from '../phrasebook';
import type { Versus } from '../stats/compare';
import type { Achievement } from '../metrics/achievement';
import { formatPercent } from '../format';
import type { Column } from './columns';

/** The standard columns of target outcomes for any grouping, after the group's own columns. */
export function achievementColumns<R extends Achievement>(): Column<R>[] {
	return [
		{ key: 'reviewed', heading: 'Reviewed', kind: 'count' },
		{ key: 'achieved', heading: 'Achieved', kind: 'count' },
		{ key: 'partial', heading: 'Partly', kind: 'count' },
		{ key: 'not_achieved', heading: 'Not achieved', kind: 'count' },
		{ key: 'open', heading: 'Open', kind: 'count' },
		{ key: 'overdue', heading: 'Overdue', kind: 'count' },
		{ key: 'achievement_rate', heading: 'Achievement rate', kind: 'percent', note: (r) => (r.small_number && r.reviewed > 0 ? SMALL_NUMBER_MARK : null) },
		{ key: 'interval', heading: '95% interval', csv: false, format: (r) => (r.ci_low === null ? '—' : `${formatPercent(r.ci_low)}–${formatPercent(r.ci_high)}`) },
		{ key: 'ci_low', heading: 'Interval from', kind: 'percent', screen: false },
		{ key: 'ci_high', heading: 'Interval to', kind: 'percent', screen: false }
	];
}

/** The verdict of a group against the rest of the school, as the metric gives it (`versus_rest`), worded by the phrasebook. */
export function versusRestColumn<R extends { versus_rest: Versus | null }>(heading = 'Against the rest of the school'): Column<R> {
	return { key: 'versus_rest', heading, value: (r) => r.versus_rest?.verdict ?? null, format: (r) => versusCell(r.versus_rest) };
}
