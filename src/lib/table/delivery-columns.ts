import { formatPercent } from '../format';
import { deliveredCell, doseRunsWords, NOT_KNOWN, READ_WITH_CARE } from '../phrasebook';
import type { DeliveryIntervention } from '../metrics/delivery';
import type { Column } from './columns';

/**
 * The delivered share of an intervention's planned sessions, for any table with a row per
 * intervention: not known (never 100%) where none of its runs recorded delivery; `applies` false for
 * a row that is no intervention (targets linked to no provision); `wide` where the note should wrap
 * into lines rather than a word to a line; the provision map takes a short heading, the share alone and
 * no notes (its table of delivery has the rest), and leaves the column off paper: the printed map must
 * keep to its page, and the table of delivery is printed below it.
 */
export function deliveredColumns<R>(
	of: (row: R) => DeliveryIntervention | null,
	options: { applies?: (row: R) => boolean; wide?: boolean; heading?: string; notes?: boolean; shareOnly?: boolean; print?: boolean } = {}
): Column<R>[] {
	const applies = options.applies ?? (() => true);
	return [
		{
			key: 'delivered_share',
			heading: options.heading ?? 'Sessions delivered (of planned)',
			kind: 'percent',
			wide: options.wide ?? false,
			print: options.print,
			value: (r) => of(r)?.delivered_share ?? null,
			format: (r) => {
				if (!applies(r)) return '—';
				const d = of(r);
				if (!d || d.delivered_share === null) return NOT_KNOWN;
				return options.shareOnly ? formatPercent(d.delivered_share) : deliveredCell(d);
			},
			note: (r) => {
				const d = of(r);
				if (options.notes === false) return null;
				if (!d) return null;
				if (d.low_delivery) return READ_WITH_CARE;
				const without = d.runs - d.runs_with_delivery;
				return d.delivered_share !== null && without > 0 ? `${without} of ${d.runs} runs not recorded` : null;
			}
		},
		{ key: 'sessions_planned', heading: 'Sessions planned (runs with delivery recorded)', kind: 'count', screen: false, value: (r) => of(r)?.sessions_planned ?? null },
		{ key: 'sessions_delivered', heading: 'Sessions delivered', kind: 'count', screen: false, value: (r) => of(r)?.sessions_delivered ?? null }
	];
}

/** The dose and the costs of what was delivered, per intervention. */
export function doseAndDeliveredCostColumns<R>(of: (row: R) => DeliveryIntervention | null): Column<R>[] {
	return [
		{ key: 'dose', heading: 'Runs by dose (EEF range)', csv: false, format: (r) => (of(r) ? doseRunsWords(of(r)!) : NOT_KNOWN) },
		{ key: 'runs_dose_below', heading: 'Runs below the EEF dose', kind: 'count', screen: false, value: (r) => of(r)?.runs_below ?? null },
		{ key: 'runs_dose_within', heading: 'Runs within the EEF dose', kind: 'count', screen: false, value: (r) => of(r)?.runs_within ?? null },
		{ key: 'runs_dose_above', heading: 'Runs above the EEF dose', kind: 'count', screen: false, value: (r) => of(r)?.runs_above ?? null },
		{ key: 'runs_dose_not_known', heading: 'Runs of dose not known', kind: 'count', screen: false, value: (r) => of(r)?.runs_dose_not_known ?? null },
		{ key: 'cost_per_session_delivered', heading: 'Cost per session delivered', kind: 'gbp', value: (r) => of(r)?.cost_per_session_delivered ?? null },
		{ key: 'cost_per_hour_received', heading: 'Cost per hour received', kind: 'gbp', value: (r) => of(r)?.cost_per_hour_received ?? null }
	];
}
