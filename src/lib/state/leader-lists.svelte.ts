import { z } from 'zod';
import { defaultGlossary } from '../quality/acronyms';
import { checklistStateSchema, emptyChecklist } from '../reflection/checklist';
import { LocalStore } from './local-store.svelte';

export const glossarySchema = z.array(z.object({ term: z.string().min(1).max(30), meaning: z.string().max(300) })).max(500);

/** The editable glossary of the plain-language check. */
export const glossary = new LocalStore('provision-lens:glossary', glossarySchema, defaultGlossary);

/** The leader's ticks and notes on the reflection checklist. */
export const checklist = new LocalStore('provision-lens:checklist', checklistStateSchema, emptyChecklist);
