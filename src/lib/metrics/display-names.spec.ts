import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { importText } from '../../../tests/unit/load';
import { gainPoints } from './entry-exit';
import { provisionByIntervention, provisionGapRuns, provisionMapCells, pupilProvisionMap } from './provision';
import { runMetric } from './registry';
import { makeScope } from './scope';

/**
 * One tidy name per intervention, whatever the export's spellings: names reach governors in
 * tables, charts and the report. Each case's expected name is worked out by hand from the rule in
 * display-names.ts and provision-runs.ts (interventionNamesSql).
 */
const runs: [string, string][] = [
	// All capitals only: sentence case.
	['R1', 'FINE MOTOR GROUP'],
	['R2', 'fine motor  group'],
	['R3', 'FINE MOTOR GROUP'],
	// All small letters only, with a hyphen: sentence case, the hyphenated word left as it is.
	['R4', 'lego-based therapy'],
	// A mixed-case spelling wins over a more common one in capitals: someone chose those capitals.
	['R5', 'TALK BOOST'],
	['R6', 'TALK BOOST'],
	['R7', 'Talk Boost'],
	// Known acronyms stay in capitals in a name put in sentence case.
	['R8', 'ELSA SESSIONS'],
	['R9', '1:1 READING WITH TA'],
	['R10', 'salt group'],
	// Mixed case as typed is kept.
	['R11', 'Precision Teaching'],
	['R12', 'precision teaching']
];

const provisions = [
	'provision_id,intervention,need_area,delivered_by,sessions_per_week,minutes_per_session,start_date,end_date',
	...runs.map(([id, name]) => `${id},${name},C&L,TA,,30,2025-09-08,2025-12-12`)
].join('\n');

describe('intervention names as shown', () => {
	let db: Db;
	const scope = makeScope({ asOf: '2026-01-15' });
	beforeAll(async () => {
		({ db } = await importText({
			'pupils.csv': 'pupil_id,year_group,sen_stage\nZ1,4,K\nZ2,5,K\n',
			'provisions.csv': provisions,
			'allocations.csv': `provision_id,pupil_id,measure,entry_value,exit_value\n${runs.map(([id]) => `${id},Z1,reading_age_months,80,84`).join('\n')}\nR1,Z2,,,\n`
		}));
	});

	it('gives each intervention one tidy name: sentence case for names typed all in capitals or small letters, acronyms kept', async () => {
		const names = (await runMetric(db, provisionByIntervention, scope, undefined)).map((r) => r.intervention).sort();
		expect(names).toEqual(['1:1 reading with TA', 'ELSA sessions', 'Fine motor group', 'Lego-based therapy', 'Precision Teaching', 'SALT group', 'Talk Boost']);
	});

	it('uses the same name in every table that names an intervention, also where a run is listed on its own', async () => {
		const shown = new Set(['1:1 reading with TA', 'ELSA sessions', 'Fine motor group', 'Lego-based therapy', 'Precision Teaching', 'SALT group', 'Talk Boost']);
		const lists = [
			(await runMetric(db, provisionMapCells, scope, 'year_group')).map((r) => r.intervention),
			(await runMetric(db, provisionGapRuns, scope, undefined)).map((r) => r.intervention),
			(await runMetric(db, pupilProvisionMap, scope, { school: 'S', pupil_id: 'Z1' })).map((r) => r.intervention),
			(await runMetric(db, gainPoints, scope, null)).map((r) => r.intervention)
		];
		for (const list of lists) {
			expect(list.length).toBeGreaterThan(0);
			for (const name of list) expect(shown.has(name), name).toBe(true);
		}
		// Every run of R1–R12 is in the pupil's map, under its intervention's one name.
		expect(lists[2]).toHaveLength(runs.length);
	});
});
