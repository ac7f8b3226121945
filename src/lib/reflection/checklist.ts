import { z } from 'zod';

/**
 * The leaders' reflection checklist on SEN Support Plans, after the local authority guidance
 * (source 004), in our own words and in its five groups. Where the data can give evidence, an item
 * names it (`evidence`); the leader ticks the rest and adds notes.
 */
export type EvidenceKey = 'coverage' | 'smart' | 'acronyms' | 'reviews_on_time' | 'views' | 'strengths' | 'linked' | 'quantified' | 'decisions';

export interface ChecklistItem {
	id: string;
	text: string;
	evidence?: EvidenceKey;
}

export const checklistGroups: { group: string; items: ChecklistItem[] }[] = [
	{
		group: 'The Assess, Plan, Do, Review process',
		items: [
			{ id: 'apdr-1', text: 'Every pupil with SEND (and those we are monitoring) has a current support plan.', evidence: 'coverage' },
			{ id: 'apdr-2', text: 'Pupils with EHC plans have short-term plans setting out the small steps towards their longer-term outcomes.' },
			{ id: 'apdr-3', text: 'Plan reviews line up with our assessment points and pupil progress meetings.', evidence: 'reviews_on_time' },
			{ id: 'apdr-4', text: 'What plans show about needs feeds back into how we teach each class.' },
			{ id: 'apdr-5', text: 'The needs we have identified match the needs and provision written in plans, and we check this together as staff.' },
			{ id: 'apdr-6', text: 'Information from plans is gathered and shared in a form people can easily use.' },
			{ id: 'apdr-7', text: 'Our SEND policy and SEN information report describe this process as it really happens.' }
		]
	},
	{
		group: 'Working together with children and families',
		items: [
			{ id: 'co-1', text: 'Children and young people help shape their own plans, and we record their views.', evidence: 'views' },
			{ id: 'co-2', text: 'Families help shape plans and reviews, and we record their views.', evidence: 'views' },
			{ id: 'co-3', text: 'Children and families have a say in how our SEND processes work.' },
			{ id: 'co-4', text: 'Plans use plain, clear language that everyone understands.' },
			{ id: 'co-5', text: 'Every acronym in a plan (ELSA, THRIVE, WellComm…) is explained.', evidence: 'acronyms' }
		]
	},
	{
		group: 'Putting plans into practice and checking them',
		items: [
			{ id: 'imp-1', text: 'Teachers and support staff feel the plan is theirs, not the SENDCo’s alone.' },
			{ id: 'imp-2', text: 'Plans are living documents, used and updated, not filed away.' },
			{ id: 'imp-3', text: 'Every adult who works with the pupil knows their plan.' },
			{ id: 'imp-4', text: 'What the plan says happens in lessons.' },
			{ id: 'imp-5', text: 'Staff track whether the extra support happens and whether it works.', evidence: 'quantified' },
			{ id: 'imp-6', text: 'Senior leaders check the quality of plans.', evidence: 'smart' },
			{ id: 'imp-7', text: 'Senior leaders check that plans are carried out well, and act on what reviews decide.', evidence: 'decisions' }
		]
	},
	{
		group: 'Support and training for staff',
		items: [
			{ id: 'tr-1', text: 'Teachers get help to plan exactly how they will support pupils who find learning hard.' },
			{ id: 'tr-2', text: 'Staff are trained to support pupils with SEND.' },
			{ id: 'tr-3', text: 'We find out what training staff need (skills audit, needs of the cohort, gaps in the provision map).' },
			{ id: 'tr-4', text: 'Good practice is shared so plans are consistent across the school.' }
		]
	},
	{
		group: 'What plans contain',
		items: [
			{ id: 'pl-1', text: 'Plans give a whole picture of the child: strengths and interests as well as needs.', evidence: 'strengths' },
			{ id: 'pl-2', text: 'Plans show clearly the extra provision in place, and it suits the need.', evidence: 'linked' },
			{ id: 'pl-3', text: 'Targets build in small steps towards bigger outcomes.' },
			{ id: 'pl-4', text: 'Targets are SMART.', evidence: 'smart' },
			{ id: 'pl-5', text: 'Families can read and understand the plan easily, without jargon.', evidence: 'acronyms' },
			{ id: 'pl-6', text: 'Strategies and provision match what is expected at SEN support for these needs.' },
			{ id: 'pl-7', text: 'Targets connect to what the class is learning.' }
		]
	}
];

export const checklistStateSchema = z.object({
	version: z.literal(1),
	items: z.record(z.string().max(20), z.object({ ticked: z.boolean(), notes: z.string().max(2000) })),
	updated: z.string().max(40).optional()
});
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const emptyChecklist: ChecklistState = { version: 1, items: {} };

export function parseChecklist(json: unknown): { ok: true; state: ChecklistState } | { ok: false; error: string } {
	const r = checklistStateSchema.safeParse(json);
	if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ') };
	const known = new Set(checklistGroups.flatMap((g) => g.items.map((i) => i.id)));
	const unknown = Object.keys(r.data.items).filter((id) => !known.has(id));
	if (unknown.length) return { ok: false, error: `unknown checklist items: ${unknown.join(', ')}` };
	return { ok: true, state: r.data };
}
