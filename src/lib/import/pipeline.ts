/**
 * The import, as its callers see it. Each job lives in its own module:
 * - `sources.ts`: read the chosen files, recognise tables and columns, stage rows (`prepareImport`);
 * - `csv-structure.ts`: split a CSV into records and reject the broken ones;
 * - `guard.ts`: the personal-data gate, decided in one place;
 * - `commit.ts`: validate and load a prepared import, then the after-load steps (`commitImport`);
 * - `target-checks.ts`: the after-load step that stores the SMART checker's verdicts;
 * - `schools.ts`: import every school of a set of files (`importSchools`).
 */
export type { ImportPlan, ImportProgress, InputFile, PersonalFinding, SourcePlan } from './types';
export { prepareImport, refusal, notLoaded } from './sources';
export { ImportRefused, personalMessage, applyPersonalDataGate, flaggedSources, flaggedRequiredColumns } from './guard';
export { commitImport, discardPlan, clearData, ImportCancelled, ImportFailed, type CommitOptions } from './commit';
export { importSchools, type SchoolFiles, type ImportSchoolsOptions } from './schools';
