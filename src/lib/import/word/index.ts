/** Reading Word SEN Support Plans into the contract's rows (issue 24): the shared interface. */
export type { WordFile, WordTable, WordOrigin, WordProblem, WordPlanRead, TemplateMappings, WordField } from './types';
export { wordTables, wordFields } from './types';
export { readWordPlans, type ReadOptions } from './read';
export { openDocx, DOCUMENT_BUDGET } from './container';
