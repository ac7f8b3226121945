import { describe, expect, it } from 'vitest';
import { importText } from './load';

// Files as an MIS and Excel really write them: each read as the contract promises, or reported line by line.

describe('an SEN stage as SIMS writes it', () => {
	it('loads every pupil whose stage is "K - SEN Support", "E - EHC Plan" or "N - No SEN", in any case', async () => {
		const pupils = 'pupil_id,year_group,sen_stage\r\nP1,3,K - SEN Support\r\nP2,4,E - EHC Plan\r\nP3,5,N - No SEN\r\nP4,6,k - sen support\r\nP5,2,K - EHC Plan\r\n';
		const { db, summary } = await importText({ 'pupils.csv': pupils });
		expect(summary.tables.pupils).toEqual({ read: 5, loaded: 4, rejected: 1, warnings: 0 });
		expect(await db.query('SELECT pupil_id, sen_stage FROM pupils ORDER BY pupil_id')).toEqual([
			{ pupil_id: 'P1', sen_stage: 'K' }, { pupil_id: 'P2', sen_stage: 'E' }, { pupil_id: 'P3', sen_stage: 'N' }, { pupil_id: 'P4', sen_stage: 'K' }
		]);
		// A code and words that disagree are not guessed at.
		expect(summary.rejected.map((r) => [r.line, r.column, r.value])).toEqual([[6, 'sen_stage', 'K - EHC Plan']]);
	});
});
