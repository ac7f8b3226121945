/** The demo data tells the story of a spring term: its figures are shown as of this date unless the user picks another. */
export const DEMO_AS_OF = '2026-03-20';
