import { z } from 'zod';
import { MAX_THRESHOLD, MIN_THRESHOLD, SMALL_NUMBER } from '../stats/small-number';
import { defaultTermDates, termDatesSchema } from './terms';

/**
 * Costing settings. The rates are illustrative defaults (hourly pay with on-costs): every school
 * should change them to its own or its local authority's rates. Saved in this browser only.
 */
export const staffRateSchema = z.object({
	role: z.string().trim().min(1).max(60),
	hourly_rate_gbp: z.number().nonnegative().max(1000)
});

export const settingsSchema = z.object({
	version: z.literal(1).default(1),
	staff_rates: z.array(staffRateSchema).max(50),
	/** The notional SEN budget meets the first £6,000 a year of additional support for a pupil. */
	threshold_gbp: z.number().nonnegative().max(100_000),
	/** Pupil counts below this are suppressed in the governors' report. */
	small_number: z.number().int().min(MIN_THRESHOLD).max(MAX_THRESHOLD),
	/** When spring and summer terms start (autumn starts on 1 September). */
	term_dates: termDatesSchema.default(defaultTermDates)
});
export type Settings = z.infer<typeof settingsSchema>;
export type StaffRate = z.infer<typeof staffRateSchema>;

export const defaultSettings: Settings = {
	version: 1,
	staff_rates: [
		{ role: 'TA', hourly_rate_gbp: 17 },
		{ role: 'HLTA', hourly_rate_gbp: 21 },
		{ role: 'Teacher', hourly_rate_gbp: 45 },
		{ role: 'SENDCo', hourly_rate_gbp: 52 },
		{ role: 'External', hourly_rate_gbp: 60 }
	],
	threshold_gbp: 6000,
	small_number: SMALL_NUMBER,
	term_dates: defaultTermDates
};

/** Other ways schools write the default roles. */
export const roleAliases: Record<string, string> = {
	teachingassistant: 'ta',
	lsa: 'ta',
	learningsupportassistant: 'ta',
	sna: 'ta',
	higherlevelteachingassistant: 'hlta',
	classteacher: 'teacher',
	specialistteacher: 'teacher',
	senco: 'sendco',
	senco2: 'sendco',
	externalagency: 'external',
	external: 'external',
	salt: 'external',
	speechandlanguagetherapist: 'external',
	educationalpsychologist: 'external',
	counsellor: 'external',
	ot: 'external',
	occupationaltherapist: 'external'
};

export function parseSettings(json: unknown): { ok: true; settings: Settings } | { ok: false; error: string } {
	const r = settingsSchema.safeParse(json);
	if (r.success) return { ok: true, settings: r.data };
	return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ') };
}
