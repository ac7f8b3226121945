import { needAreaLabels, senStageLabels } from '../lib/contract/enums';
import { formatPercent } from '../lib/format';
import type { Analysis } from './analyse';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (s: string | number, n: number) => String(s).padStart(n);

/** The readable summary the command line prints without --json. */
export function formatAnalysis(a: Analysis): string {
	const out: string[] = [];
	out.push(`Provision Lens — figures as of ${a.as_of} for ${a.schools.join(', ')}`, '');
	out.push('Import', `  ${pad('table', 12)}${num('read', 8)}${num('loaded', 8)}${num('rejected', 10)}${num('warnings', 10)}`);
	for (const [t, c] of Object.entries(a.import.tables)) {
		out.push(`  ${pad(t, 12)}${num(c.read, 8)}${num(c.loaded, 8)}${num(c.rejected, 10)}${num(c.warnings, 10)}`);
	}
	for (const r of a.import.refused) out.push(`  refused: ${r.reason}`);
	for (const f of a.import.ignored) out.push(`  ignored (not a table): ${f}`);
	const show = (label: string, list: Analysis['import']['rejected']) => {
		if (!list.length) return;
		out.push('', `${label} (${list.length})`);
		for (const p of list.slice(0, 20)) out.push(`  ${p.school}/${p.file} line ${p.line}, ${p.column} "${p.value}": ${p.reason}`);
		if (list.length > 20) out.push(`  … and ${list.length - 20} more (use --json for all)`);
	};
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
	out.push('', 'Achievement by area of need');
	for (const r of a.achievement.by_need_area) {
		const mark = r.small_number ? ' (small number)' : '';
		out.push(`  ${pad(needAreaLabels[r.need_area] ?? r.need_area, 40)}${num(formatPercent(r.achievement_rate), 6)} of ${r.reviewed} reviewed, ${r.overdue} overdue${mark}`);
	}
	return `${out.join('\n')}\n`;
}
