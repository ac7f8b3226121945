import { needAreaLabels, senStageLabels } from '../lib/contract/enums';
import { formatGbp, formatPercent } from '../lib/format';
import { deliveredCell, GAP_BEYOND_CHANCE, LOW_DELIVERY_RULE, NO_DELIVERY_DATA, READ_WITH_CARE, NO_TEST_UNDER, SMALL_NUMBER_MARK, verdictCell, verdictClause, versusCell } from '../lib/phrasebook';
import { assumptionsNote } from '../lib/assumption-words';
import { asOfSaid, type Analysis } from './analyse';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (s: string | number, n: number) => String(s).padStart(n);

/**
 * Text from the data made safe for a terminal: control characters (escape sequences, carriage
 * returns, line breaks inside a value) and bidirectional overrides are shown as escapes, never
 * sent raw, so a cell cannot rewrite the screen or disguise what is printed.
 */
export function printable(text: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what this finds
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
		const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
		const code = c.charCodeAt(0);
		return named[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
	});
}

/** What the Word plans gave, when there were any: counts, then every problem, refused document and possible match. */
function wordLines(word: Analysis['import']['word'], matches: Analysis['import']['possible_matches']): string[] {
	if (!word) return [];
	const out = [
		'',
		'Word plans',
		`  ${word.documents} document(s) read with school key ${word.key_check}: ${word.found.plans} plans, ${word.found.targets} targets, ${word.found.provisions} provisions, ${word.found.pupils} pupils`
	];
	if (word.personal_left_out.length) out.push(`  Personal fields left out (never loaded): ${word.personal_left_out.map((p) => `${p.kind} ${p.count}`).join(', ')}`);
	for (const r of word.refused) out.push(`  refused: ${r.document}: ${r.why}`);
	for (const d of word.no_grid) out.push(`  no plan grid: ${d.document} (labels found: ${d.labels.join(', ') || 'none'})`);
	for (const p of word.problems) out.push(`  not read: ${p.document} › ${p.where}${p.table ? ` (${p.table})` : ''}: ${p.what}: ${p.why}`);
	for (const m of matches) out.push(`  possible match (not merged): ${m.pupil_ids.join(' and ')} in ${m.documents.join(', ')}`);
	return out;
}

/** The readable summary the command line prints without --json. */
export function formatAnalysis(a: Analysis): string {
	const out: string[] = [];
	out.push(`Provision Lens — figures as of ${a.as_of} (${asOfSaid(a.as_of_from)}) for ${a.schools.join(', ')}`, '');
	out.push('Import', `  ${pad('table', 12)}${num('read', 8)}${num('loaded', 8)}${num('rejected', 10)}${num('warnings', 10)}`);
	for (const [t, c] of Object.entries(a.import.tables)) {
		out.push(`  ${pad(t, 12)}${num(c.read, 8)}${num(c.loaded, 8)}${num(c.rejected, 10)}${num(c.warnings, 10)}`);
	}
	for (const r of a.import.refused) out.push(`  refused: ${r.reason}`);
	for (const f of a.import.not_read) out.push(`  not read: ${f.file}: ${f.reason}`);
	const show = (label: string, list: Analysis['import']['rejected']) => {
		if (!list.length) return;
		out.push('', `${label} (${list.length})`);
		for (const p of list.slice(0, 20)) out.push(`  ${p.school}/${p.file}${p.line === null ? '' : ` line ${p.line}`}, ${p.column} "${p.value}": ${p.reason}`);
		if (list.length > 20) out.push(`  … and ${list.length - 20} more (use --json for all)`);
	};
	out.push(...wordLines(a.import.word, a.import.possible_matches));
	show('Rejected rows', a.import.rejected);
	show('Warnings', a.import.warnings);
	const o = a.overview;
	out.push('', 'Pupils', `  ${o.pupils.total} on the register or monitoring list`);
	for (const s of ['K', 'E', 'N'] as const) out.push(`  ${pad(senStageLabels[s], 24)}${num(o.pupils.by_stage[s], 6)}`);
	out.push('  By broad area of primary need (SEN support and EHC plans):');
	for (const r of o.pupils.by_need_area) out.push(`    ${pad(needAreaLabels[r.need_area] ?? r.need_area, 40)}${num(r.pupils, 6)}`);
	out.push('', 'Plans', `  ${o.plans.total} plans; ${o.plans.in_force} in force; ${o.plans.reviews_overdue} reviews overdue (more than 14 days past due)`);
	const t = o.targets;
	out.push('', 'Targets', `  ${t.total} targets: ${t.achieved} achieved, ${t.partial} partly, ${t.not_achieved} not achieved, ${t.open} open, ${t.overdue} overdue`);
	out.push(`  Achievement rate ${formatPercent(t.achievement_rate)} of ${t.reviewed} reviewed (95% interval ${formatPercent(t.ci_low)}–${formatPercent(t.ci_high)})`);
	out.push('', 'Achievement by area of need (against the rest of the school: a two-proportion test at 95%)');
	for (const r of a.achievement.by_need_area) {
		const mark = r.small_number ? ` (${SMALL_NUMBER_MARK})` : '';
		out.push(
			`  ${pad(needAreaLabels[r.need_area] ?? r.need_area, 40)}${num(formatPercent(r.achievement_rate), 6)} of ${r.reviewed} reviewed, ${r.overdue} overdue${mark}: ${versusCell(r.versus_rest)}`
		);
	}
	out.push('', 'Achievement by intervention (against the rest of the school)');
	for (const r of a.achievement.by_intervention) {
		const mark = r.small_number && r.reviewed > 0 ? ` (${SMALL_NUMBER_MARK})` : '';
		out.push(`  ${pad(r.intervention, 40)}${num(formatPercent(r.achievement_rate), 6)} of ${r.reviewed} reviewed${mark}: ${versusCell(r.versus_rest)}`);
	}
	out.push(`  ${NO_TEST_UNDER}`);
	out.push(...deliveryLines(a.delivery));
	out.push(...schoolLines(a.by_school, a.as_of));
	return `${out.map(printable).join('\n')}\n`;
}

/** Was it delivered? Sessions delivered of planned per intervention, low delivery marked; none recorded said so, never 100%. */
function deliveryLines(d: Analysis['delivery']): string[] {
	const out = ['', 'Was it delivered? (sessions that ran of those planned)'];
	if (d.totals.runs_with_delivery === 0) return [...out, `  ${NO_DELIVERY_DATA}`];
	out.push(`  ${d.totals.runs_with_delivery} of ${d.totals.runs} runs recorded delivery: ${deliveredCell(d.totals)} sessions delivered`);
	for (const r of d.by_intervention) {
		const unrecorded = r.runs - r.runs_with_delivery;
		const low = r.low_delivery ? `: ${READ_WITH_CARE}` : '';
		out.push(`  ${pad(r.intervention, 40)}${deliveredCell(r)}${low}${unrecorded ? `; ${unrecorded} of ${r.runs} runs recorded nothing` : ''}`);
	}
	out.push(`  ${LOW_DELIVERY_RULE}`);
	return out;
}

/** The schools side by side, when there are several: one line per school, then what the test of achievement says. */
function schoolLines(b: Analysis['by_school'], asOf: string): string[] {
	if (b.register.length < 2) return [];
	const find = <R extends { school: string }>(rows: R[], school: string) => rows.find((r) => r.school === school);
	const w = Math.min(40, Math.max(8, ...b.register.map((r) => r.school.length + 2)));
	const out = ['', `Schools side by side (${b.register.length})`];
	out.push(
		`  ${pad('School', w)}${num('SEN support', 12)}${num('EHC plan', 10)}${num('Reviewed', 10)}${num('Achieved', 10)}${num('Cost per pupil', 16)}${num('Plans missing none', 20)}${num('With a plan', 13)}`
	);
	for (const r of b.register) {
		const t = find(b.achievement, r.school);
		const c = find(b.provision, r.school);
		const q = find(b.quality, r.school);
		const cost = !c || c.runs === 0 ? 'none recorded' : formatGbp(c.cost_per_pupil_gbp);
		out.push(
			`  ${pad(r.school, w)}${num(r.sen_support, 12)}${num(r.ehc_plan, 10)}${num(t?.reviewed ?? 0, 10)}${num(formatPercent(t?.achievement_rate), 10)}${num(cost, 16)}${num(formatPercent(q?.share_missing_none), 20)}${num(formatPercent(q?.coverage), 13)}`
		);
	}
	out.push(`  Targets achieved against the other schools together (two-proportion test at 95%). ${NO_TEST_UNDER}`);
	for (const t of b.achievement) {
		const rates = t.achievement_rate === null || t.rest_rate === null ? '' : ` (${formatPercent(t.achievement_rate)} against ${formatPercent(t.rest_rate)})`;
		const verdict = t.versus_rest?.verdict ?? 'too_few';
		const words = verdict === 'higher' || verdict === 'lower' ? `${verdictCell[verdict]}, ${GAP_BEYOND_CHANCE}` : verdictClause[verdict];
		out.push(`    ${t.school}: ${words}${verdict === 'too_few' ? '' : rates}`);
	}
	for (const c of b.provision) {
		const assumes = assumptionsNote({ runs: c.runs - c.runs_cost_unknown, groupAssumed: 0, toAsOf: c.runs_to_as_of, asOf });
		if (assumes) out.push(`  Cost of ${c.school}: ${assumes}.`);
	}
	out.push(
		'  Cost per pupil: known cost over the pupils of runs of known cost. Plans missing none: share of plans that miss no quality',
		'  indicator. With a plan: pupils at SEN support or with an EHC plan who have a plan in force.'
	);
	return out;
}
