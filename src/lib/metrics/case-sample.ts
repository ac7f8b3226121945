import { z } from 'zod';
import { sql } from '../db/sql';
import { keyStageSql } from './facts';
import { broadAreaSql } from './register';
import { col, metric } from './registry';

/** How many pupils an inspector's case sample holds (Ofsted's inclusion judgement samples about six, one with an EHC plan). */
export const CASE_SAMPLE_SIZE = 6;

/**
 * A proposed spread of pupils for a case sample, in one school: pupils at SEN support or with an
 * EHC plan who have had a plan by the as-of date. First the EHC-plan pupil with the most plans; then
 * one pupil from each broad area of need in turn, spreading key stages, longest stories first
 * (most plans), ids breaking ties so the proposal is the same every time. The SENDCo can change it.
 */
export const caseSampleSpread = metric({
	id: 'case_sample_spread',
	describe: 'Up to six pupils proposed for a case sample: one with an EHC plan, then a spread of needs and key stages, most plans first',
	row: z.object({ pupil_id: col.text, sen_stage: col.text, year_group: col.text, need_area: col.text, plans: col.int }),
	sql: (s, school: string) => sql`WITH c AS (
      SELECT p.pupil_id, p.sen_stage, p.year_group, ${broadAreaSql('p.primary_need')} AS need_area, ${keyStageSql('p.year_group')} AS key_stage, count(*)::INTEGER AS plans
      FROM pupils p JOIN plans pl ON pl.school = p.school AND pl.pupil_id = p.pupil_id AND pl.start_date <= DATE ${s.asOf}
      WHERE p.school = ${school} AND p.sen_stage IN ('K', 'E')
      GROUP BY ALL),
    ehc AS (SELECT pupil_id FROM c WHERE sen_stage = 'E' ORDER BY plans DESC, pupil_id LIMIT 1),
    ranked AS (SELECT c.*, CASE WHEN c.pupil_id IN (SELECT pupil_id FROM ehc) THEN 0 ELSE 1 END AS first,
        row_number() OVER (PARTITION BY c.pupil_id IN (SELECT pupil_id FROM ehc), need_area ORDER BY plans DESC, pupil_id) AS in_area,
        row_number() OVER (PARTITION BY c.pupil_id IN (SELECT pupil_id FROM ehc), key_stage ORDER BY plans DESC, pupil_id) AS in_stage
      FROM c)
    SELECT pupil_id, sen_stage, year_group, need_area, plans FROM ranked
    ORDER BY first, in_area, in_stage, plans DESC, pupil_id LIMIT ${CASE_SAMPLE_SIZE}`,
	examples: ['Oakfield Primary']
});
