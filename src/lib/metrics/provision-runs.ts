import { enumKey } from '../contract/enums';
import { roleAliases, type StaffRate } from '../settings/schema';
import { empty, join, raw, sql, type Sql } from '../db/sql';
import { enumKeySql } from '../validate/values-sql';
import { displayNameSql, mixedCaseSql } from './display-names';
import { pupilWhere } from './facts';
import { periodOf, type Scope } from './scope';

/** An intervention's grouping key: case, surrounding and repeated spaces ignored. */
export const interventionKeySql = (x: string): Sql => raw(`lower(regexp_replace(trim(${x}), '\\s+', ' ', 'g'))`);

/**
 * The name shown for each intervention key (display-names.ts): the most common spelling that mixes
 * capitals and small letters, as someone chose them ("Talk Boost" over a more common "TALK BOOST");
 * with none, the most common spelling in sentence case. Equally common spellings: the one with more
 * capitals first ("ELSA" before "Elsa"), then the first in order, so the name is the same every time.
 */
export const interventionNamesSql = sql`SELECT key, ${displayNameSql('name')} AS name FROM (
    SELECT key, arg_max(name, (CASE WHEN ${mixedCaseSql('name')} THEN 1000000000 ELSE 0 END) + n * 1000 + capitals - rank_in_key / 1000000.0) AS name
    FROM (SELECT *, length(regexp_replace(name, '[^A-Z]', '', 'g')) AS capitals, row_number() OVER (PARTITION BY key ORDER BY name) AS rank_in_key
      FROM (SELECT ${interventionKeySql('intervention')} AS key, regexp_replace(trim(intervention), '\\s+', ' ', 'g') AS name, count(*) AS n
        FROM provisions GROUP BY ALL))
    GROUP BY key)`;

/** Each run with its intervention key and the name shown for it, worked out once a run (not once for each of its allocations or links). */
export const provisionKeysSql = sql`SELECT p.school, p.provision_id, nm.name AS intervention, p.key
  FROM (SELECT school, provision_id, ${interventionKeySql('intervention')} AS key FROM provisions) p JOIN (${interventionNamesSql}) nm USING (key)`;

/** A role's key for matching rates: the settings' roles, their aliases, or the imported staff_rates. */
function roleKeySql(x: string): Sql {
	const key = raw(enumKeySql(x));
	const whens = join(
		Object.entries(roleAliases).map(([k, v]) => sql`WHEN ${k} THEN ${v}`),
		' '
	);
	return sql`(CASE ${key} ${whens} ELSE ${key} END)`;
}

function ratesValues(rates: StaffRate[]): Sql {
	if (!rates.length) return sql`SELECT NULL::VARCHAR AS role_key, NULL::DOUBLE AS rate WHERE FALSE`;
	const rows = rates.map((r) => sql`(${roleAliases[enumKey(r.role)] ?? enumKey(r.role)}, ${Number(r.hourly_rate_gbp)}::DOUBLE)`);
	return sql`SELECT * FROM (VALUES ${join(rows)}) AS t(role_key, rate)`;
}

/**
 * One row per provision (run) with its cost worked out as metrics.md "Provision cost" says:
 * weeks from `weeks` or the dates (ongoing runs to as_of); staff hours a week; the rate (the run's
 * own, else the school's staff_rates file, else the settings); cost = total_cost_gbp, else
 * rate × hours × weeks + other costs; unknown (NULL) when a needed value is missing, with why.
 * `period_share` is the part of the run's days that fall in the period (1 without a period).
 * `group_size_assumed` and `costed_to_as_of` say which assumptions the cost rests on.
 * Pupil filters keep runs with at least one matching pupil allocated.
 */
export function provisionRunsSql(scope: Scope): Sql {
	const { filters, costing } = scope;
	const asOf = sql`DATE ${scope.asOf}`;
	const period = periodOf(scope);
	const hasPupilFilter = Boolean(filters.keyStage || filters.yearGroup || filters.senStage);
	const school = filters.school ? sql`AND pr.school = ${filters.school}` : empty;
	const funding = costing.fundingStream ? sql`AND ${raw(enumKeySql('pr.funding_stream'))} = ${enumKey(costing.fundingStream)}` : empty;
	const pupilMatch = hasPupilFilter
		? sql`AND EXISTS (SELECT 1 FROM allocations a JOIN pupils p ON p.school = a.school AND p.pupil_id = a.pupil_id
        WHERE a.school = pr.school AND a.provision_id = pr.provision_id AND ${pupilWhere(filters)})`
		: empty;
	const span = sql`greatest(date_diff('day', pr.start_date, coalesce(pr.end_date, ${asOf})) + 1, 0)`;
	const overlap = period ? sql`greatest(date_diff('day', greatest(pr.start_date, DATE ${period.from}), least(coalesce(pr.end_date, ${asOf}), DATE ${period.to})) + 1, 0)` : span;
	// Subqueries, not CTEs: callers put this in a CTE of their own, and DuckDB binds a CTE that
	// holds CTEs several times over.
	return sql`SELECT *,
      CASE WHEN total_cost_gbp IS NOT NULL THEN total_cost_gbp
           ELSE rate * hours_per_week * run_weeks + coalesce(other_costs_gbp, 0) END AS run_cost,
      CASE WHEN total_cost_gbp IS NOT NULL THEN NULL
           WHEN hours_per_week IS NULL THEN 'not quantified (no sessions a week or minutes a session)'
           WHEN rate IS NULL AND delivered_by IS NULL THEN 'no staff role or hourly rate'
           WHEN rate IS NULL THEN 'no hourly rate for "' || delivered_by || '"'
      END AS cost_unknown_reason,
      -- The assumptions a known cost rests on, said wherever it is shown: no group size, so its pupils
      -- are taken as one group sharing the run; no end date or weeks, so it is costed to the as-of date.
      group_size IS NULL AND pupils_allocated > 1 AS group_size_assumed,
      total_cost_gbp IS NULL AND weeks IS NULL AND end_date IS NULL AS costed_to_as_of
    FROM (
      SELECT pr.* REPLACE (nm.name AS intervention), nm.key AS intervention_key,
        coalesce(a.pupils, 0) AS pupils_allocated,
        coalesce(pr.group_size, nullif(a.pupils, 0)) AS shared_by,
        coalesce(pr.weeks, ${span} / 7.0) AS run_weeks,
        pr.sessions_per_week * pr.minutes_per_session / 60.0 AS hours_per_week,
        coalesce(pr.hourly_rate_gbp, sr.rate, r.rate) AS rate,
        ${span} AS span_days,
        CASE WHEN ${span} = 0 THEN 0 ELSE ${overlap} / ${span} END AS period_share
      FROM provisions pr
      JOIN (${interventionNamesSql}) nm ON nm.key = ${interventionKeySql('pr.intervention')}
      LEFT JOIN (SELECT school, provision_id, count(DISTINCT pupil_id)::INTEGER AS pupils FROM allocations GROUP BY ALL) a
        ON a.school = pr.school AND a.provision_id = pr.provision_id
      LEFT JOIN (SELECT school, ${roleKeySql('role')} AS role_key, any_value(hourly_rate_gbp) AS rate FROM staff_rates GROUP BY ALL) sr
        ON sr.school = pr.school AND sr.role_key = ${roleKeySql('pr.delivered_by')}
      LEFT JOIN (${ratesValues(costing.rates)}) r ON r.role_key = ${roleKeySql('pr.delivered_by')}
      WHERE TRUE ${school} ${funding} ${pupilMatch}
    ) base`;
}
