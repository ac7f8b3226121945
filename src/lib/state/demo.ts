import type { ExportDates } from '../metrics/snapshots';

/** The demo data tells the story of a spring term: it is exported (its snapshot dated) on this date, so its figures are shown as of it unless the user picks another. */
export const DEMO_AS_OF = '2026-03-20';

/** The demo's export dates, known before the engine has it (the `latest_exports` metric gives the same once it has). */
export const demoExports = (schools: string[]): ExportDates => Object.fromEntries(schools.map((s) => [s, DEMO_AS_OF]));
