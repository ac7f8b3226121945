/**
 * Every registered figure. A new figure goes in the module of its family (register, achievement,
 * provision, entry-exit, plan-quality, plain-language, target-checks, options, snapshots, strategy, lineage, pupil, case-sample, delivery) as one `metric({...})`
 * with a hand-worked test beside it, and is listed here; the registry-wide test then runs it on
 * every fixture and checks its rows against its declared type.
 */
import * as achievement from './achievement';
import * as attainment from './attainment';
import * as caseSample from './case-sample';
import * as delivery from './delivery';
import * as entryExit from './entry-exit';
import * as lineage from './lineage';
import * as options from './options';
import * as plainLanguage from './plain-language';
import * as planQuality from './plan-quality';
import * as provision from './provision';
import * as pupil from './pupil';
import * as register from './register';
import * as schools from './schools';
import * as snapshots from './snapshots';
import * as strategy from './strategy';
import * as targetChecks from './target-checks';
import type { AnyMetric } from './registry';

const isMetric = (x: unknown): x is AnyMetric => typeof x === 'object' && x !== null && 'id' in x && 'sql' in x && 'row' in x;

export const allMetrics: AnyMetric[] = [
	register,
	achievement,
	provision,
	entryExit,
	planQuality,
	plainLanguage,
	targetChecks,
	options,
	attainment,
	schools,
	snapshots,
	strategy,
	lineage,
	pupil,
	caseSample,
	delivery
].flatMap((m) => Object.values(m).filter(isMetric));
