import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTarget, type SmartPart } from './smart';

/**
 * Every "Try: …" the checker can offer is itself judged SMART: each example it quotes, put in its place in a target
 * that lacks only that part, completes the target; a whole example target is SMART on its own. The suggestions are
 * gathered from the checker's answers on every labelled target, so a new suggestion is tested as soon as it can appear.
 */
const dates = { startDate: '2025-09-08', dueDate: '2025-11-28' };
const texts = ['tests/fixtures/targets/labelled-targets.tsv', 'tests/fixtures/targets/fresh-targets.tsv', 'tests/fixtures/targets/wider-targets.tsv']
	.flatMap((f) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8').split('\n'))
	.filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('id\t'))
	.map((l) => l.split('\t')[8]);

/** Each part's suggestions, as the checker wrote them. */
const suggestions = new Map<SmartPart, Set<string>>();
for (const text of [...texts, '', 'N/A', 'To provide a visual timetable', '[Pupil] will attend Lexia', '[Pupil] will improve']) {
	for (const f of checkTarget(text, dates).findings) if (f.ok === false && f.suggestion) (suggestions.get(f.part) ?? suggestions.set(f.part, new Set()).get(f.part)!).add(f.suggestion);
}

/** The quoted examples of a suggestion, less any it offers as what not to write ("rather than …"). */
const examples = (s: string) => [...s.replace(/rather than "[^"]*"/g, '').matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/…$/, '').trim());

/** A target that lacks only the given part, with a slot for it. */
const frames: Record<Exclude<SmartPart, 'time'>, (x: string) => string> = {
	who: (x) => `${x} read 20 words from flash cards on 4 out of 5 occasions`.trim(),
	action: (x) => `[Pupil] will ${x.replace(/^will /, '') || 'improve'} in class on 4 out of 5 occasions`,
	conditions: (x) => `[Pupil] will read 20 words ${x} on 4 out of 5 occasions`.replace(/\s+/g, ' '),
	criterion: (x) => `[Pupil] will read words from flash cards ${x}`.trim()
};

describe('the rewrites the checker suggests', () => {
	it('suggests something for every part a target can miss', () => {
		expect([...suggestions.keys()]).toEqual(expect.arrayContaining(['who', 'action', 'conditions', 'criterion']));
	});

	for (const p of ['who', 'action', 'conditions', 'criterion'] as const) {
		it(`completes a target with every example it offers for ${p}`, () => {
			const offered = [...suggestions.get(p)!].flatMap(examples);
			expect(offered.length).toBeGreaterThan(0);
			for (const x of offered) {
				// A whole target offered as the example ("write what the pupil will do, e.g. "[Pupil] will read …"") is judged as it is.
				if (/^\[pupil\] will .{20,}/i.test(x)) {
					expect(checkTarget(x, dates).smart, x).toBe(true);
					continue;
				}
				expect(checkTarget(frames[p](''), dates).smart, `${p} frame without the example`).toBe(false);
				const rewritten = frames[p](x);
				expect(checkTarget(rewritten, dates).smart, rewritten).toBe(true);
			}
		});
	}
});
