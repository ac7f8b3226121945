import { describe, expect, it } from 'vitest';
import { checklistGroups, parseChecklist } from './checklist';

describe('reflection checklist', () => {
	it('has five groups with unique item ids', () => {
		expect(checklistGroups.map((g) => g.group)).toHaveLength(5);
		const ids = checklistGroups.flatMap((g) => g.items.map((i) => i.id));
		expect(new Set(ids).size).toBe(ids.length);
	});
	it('reads back an exported state and refuses anything else', () => {
		const state = { version: 1, items: { 'apdr-1': { ticked: true, notes: 'Coverage checked termly' } } };
		expect(parseChecklist(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
		expect(parseChecklist({ version: 1, items: { nope: { ticked: true, notes: '' } } })).toEqual({ ok: false, error: 'unknown checklist items: nope' });
		expect(parseChecklist({ version: 2, items: {} }).ok).toBe(false);
	});
});
