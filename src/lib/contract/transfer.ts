import { z } from 'zod';
import { allocations, assessments, plans, provisions, pupils, sessions, targets } from './tables';

/**
 * The transfer file (docs/transfer-file.md): one pupil's or a group's whole story, for their next
 * school's Provision Lens. Versioned JSON whose rows are the data contract's rows as loaded (ids,
 * codes, ISO dates; never a name or a date of birth, which the contract has no column for), grouped
 * by pupil. schemas/transfer-v1.schema.json is written from this schema (`npm run schemas`).
 */
export const TRANSFER_FORMAT = 'provision-lens-transfer';
export const TRANSFER_VERSION = 1;

const transferPupil = z
	.object({
		pupil_id: z.string().describe("The sending school's pseudonymous pupil id (never a name or UPN)."),
		register: pupils.describe('The register entry, as in the pupils table.'),
		plans: z.array(plans).describe('Every plan started by as_of, in order, as in the plans table.'),
		targets: z.array(targets).describe("The plans' targets, as in the targets table (carried_from links a target to the one it carries on)."),
		provisions: z.array(provisions).describe('The runs of provision the pupil had; group_size filled from the allocations where the school left it blank.'),
		allocations: z.array(allocations).describe("The pupil's places on those runs: attendance, sessions planned, delivered and attended, entry and exit measures."),
		sessions: z
			.array(sessions.omit({ reason: true }))
			.describe(
				'The session log of those runs up to as_of, where the school keeps one: each planned session, whether it ran, pupils present. The reason a session did not run stays with the sending school (free text about its staff).'
			),
		assessments: z.array(assessments).describe("The pupil's assessment points up to as_of.")
	})
	.describe("One pupil's story.");

export const transferSchema = z
	.object({
		format: z.literal(TRANSFER_FORMAT),
		version: z.literal(TRANSFER_VERSION),
		school: z.string().min(1).max(200).describe('The sending school, as named in its Provision Lens.'),
		as_of: z.iso.date().describe('The story runs up to this date: plans started, reviews held and points assessed by then.'),
		made_on: z.iso.date().describe('When the file was made.'),
		pupils: z.array(transferPupil).min(1).max(500),
		undone_matches: z
			.array(z.object({ target_id: z.string(), prev: z.string() }))
			.describe('Links "matched by wording" the sending SENDCo undid: the later target and the earlier one it is not a continuation of.')
	})
	.describe('A Provision Lens transfer file, version 1.');

export type Transfer = z.infer<typeof transferSchema>;
export type TransferPupil = z.infer<typeof transferPupil>;

/** The JSON Schema of version 1, as committed in schemas/transfer-v1.schema.json. */
export function transferJsonSchema(): Record<string, unknown> {
	return {
		$id: 'transfer-v1.schema.json',
		...z.toJSONSchema(transferSchema, { target: 'draft-2020-12', io: 'output' })
	};
}

/** Whether parsed JSON says it is a transfer file (of any version), to tell it apart from other JSON. */
export const looksLikeTransfer = (json: unknown): boolean => typeof json === 'object' && json !== null && (json as { format?: unknown }).format === TRANSFER_FORMAT;
