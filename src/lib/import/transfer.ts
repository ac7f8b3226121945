import Papa from 'papaparse';
import { columnsOf, type TableName } from '../contract/tables';
import { TRANSFER_FORMAT, TRANSFER_VERSION, looksLikeTransfer, transferSchema, type Transfer, type TransferPupil } from '../contract/transfer';
import { sql, raw, type Sql } from '../db/sql';
import type { Db } from '../db/types';
import type { InputFile } from './types';

/**
 * The transfer file (docs/transfer-file.md), out and in. Out: the rows of the loaded tables that
 * tell the pupils' stories up to the as-of date, as the contract has them. In: those rows as one
 * school's export files (a CSV a table), so the next school loads them through the same checks as any
 * export, as that pupil's history.
 */

type Table = Exclude<TableName, 'staff_rates' | 'comparators'>;

/** The contract's columns of a table, in its order (school and where a row came from left out), of the table named `alias` when given. */
const columnList = (table: Table, alias = ''): Sql =>
	raw(
		columnsOf(table)
			.map((c) => `${alias && `${alias}.`}"${c.name}"`)
			.join(', ')
	);

/** One pupil's rows, table by table, up to `asOf`. */
async function pupilRows(db: Db, school: string, pupil: string, asOf: string): Promise<TransferPupil | null> {
	const q = <T>(query: Sql) => db.query<T>(query.text);
	const [register] = await q<TransferPupil['register']>(sql`SELECT ${columnList('pupils')} FROM pupils WHERE school = ${school} AND pupil_id = ${pupil}`);
	if (!register) return null;
	const plans = await q<TransferPupil['plans'][number]>(
		sql`SELECT ${columnList('plans')} FROM plans WHERE school = ${school} AND pupil_id = ${pupil} AND start_date <= DATE ${asOf} ORDER BY start_date, plan_id`
	);
	const planIds = plans.map((p) => p.plan_id);
	const targets = planIds.length
		? await q<TransferPupil['targets'][number]>(
				sql`SELECT ${columnList('targets', 't')} FROM targets t JOIN plans pl ON pl.school = t.school AND pl.plan_id = t.plan_id
          WHERE t.school = ${school} AND t.plan_id IN (${planIds}) ORDER BY pl.start_date, pl.plan_id, t.source_line`
			)
		: [];
	const allocations = await q<TransferPupil['allocations'][number]>(
		sql`SELECT ${columnList('allocations', 'a')} FROM allocations a JOIN provisions pr ON pr.school = a.school AND pr.provision_id = a.provision_id
      WHERE a.school = ${school} AND a.pupil_id = ${pupil} AND pr.start_date <= DATE ${asOf} AND (a.plan_id IS NULL OR a.plan_id IN (${planIds.length ? planIds : ['']}))
      ORDER BY pr.start_date, a.provision_id, a.source_line`
	);
	const runIds = [...new Set([...allocations.map((a) => a.provision_id), ...targets.flatMap((t) => t.provision_ids ?? [])])];
	// A run shared by pupils who stay behind: its group size as the sending school counted it (the
	// pupils allocated) where the school left it blank, so the pupil's share of its cost is unchanged.
	const provisions = runIds.length
		? await q<TransferPupil['provisions'][number]>(
				sql`SELECT ${raw(
					columnsOf('provisions')
						.map((c) =>
							c.name === 'group_size'
								? `coalesce(pr.group_size, (SELECT count(DISTINCT a.pupil_id)::INTEGER FROM allocations a WHERE a.school = pr.school AND a.provision_id = pr.provision_id)) AS group_size`
								: `pr."${c.name}"`
						)
						.join(', ')
				)}
          FROM provisions pr WHERE pr.school = ${school} AND pr.provision_id IN (${runIds}) ORDER BY pr.start_date, pr.provision_id`
			)
		: [];
	const sessions = runIds.length
		? await q<TransferPupil['sessions'][number]>(
				sql`SELECT provision_id, session_date, delivered, pupils_present FROM sessions
          WHERE school = ${school} AND provision_id IN (${runIds}) AND session_date <= DATE ${asOf} ORDER BY provision_id, session_date, source_line`
			)
		: [];
	const assessments = await q<TransferPupil['assessments'][number]>(
		sql`SELECT ${columnList('assessments')} FROM assessments WHERE school = ${school} AND pupil_id = ${pupil} AND assessed_on <= DATE ${asOf} ORDER BY lower(subject), assessed_on, source_line`
	);
	return { pupil_id: pupil, register, plans, targets, provisions, allocations, sessions, assessments };
}

export interface TransferRequest {
	school: string;
	pupils: string[];
	asOf: string;
	/** The wording matches undone in this school (kept in the file, so the story reads the same). */
	undone: { target_id: string; prev: string }[];
	madeOn: string;
}

/** The transfer file of some pupils of one school, checked against its own schema; pupils not in the data are left out (null: none is). */
export async function makeTransfer(db: Db, req: TransferRequest): Promise<Transfer | null> {
	const found: TransferPupil[] = [];
	for (const id of req.pupils) {
		const rows = await pupilRows(db, req.school, id, req.asOf);
		if (rows) found.push(rows);
	}
	if (!found.length) return null;
	const targetIds = new Set(found.flatMap((p) => p.targets.map((t) => t.target_id)));
	return transferSchema.parse({
		format: TRANSFER_FORMAT,
		version: TRANSFER_VERSION,
		school: req.school,
		as_of: req.asOf,
		made_on: req.madeOn,
		pupils: found,
		undone_matches: req.undone.filter((u) => targetIds.has(u.target_id)).map((u) => ({ target_id: u.target_id, prev: u.prev }))
	});
}

/** Why a JSON file cannot be read as a transfer file, in words; or the file. */
export function readTransfer(text: string): { ok: true; transfer: Transfer } | { ok: false; why: string } | null {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}
	if (!looksLikeTransfer(json)) return null;
	const version = (json as { version?: unknown }).version;
	if (version !== TRANSFER_VERSION) return { ok: false, why: `This transfer file is of version ${String(version)}; this Provision Lens reads version ${TRANSFER_VERSION}: open it in a newer copy.` };
	const parsed = transferSchema.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`);
		return { ok: false, why: `This transfer file is not complete or has been changed, so nothing was read from it (${first.join('; ')}).` };
	}
	return { ok: true, transfer: parsed.data };
}

/** A contract value as an export file writes it. */
function cell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? 'Y' : 'N';
	if (Array.isArray(v)) return v.join(';');
	return String(v);
}

const tablesIn: Table[] = ['pupils', 'plans', 'targets', 'provisions', 'allocations', 'sessions', 'assessments'];
const rowsOf = (p: TransferPupil, table: Table): Record<string, unknown>[] => (table === 'pupils' ? [p.register] : p[table]);

/** The file's rows as one school's export files, a CSV a table (a run two pupils share, once). */
export function transferFiles(transfer: Transfer): InputFile[] {
	const encoder = new TextEncoder();
	return tablesIn.flatMap((table) => {
		const columns = columnsOf(table).map((c) => c.name);
		const seen = new Set<string>();
		const rows = transfer.pupils
			.flatMap((p) => rowsOf(p, table))
			.filter((r) => {
				// A run, or a session of a run, two pupils share: once.
				if (table !== 'provisions' && table !== 'sessions') return true;
				const id = table === 'sessions' ? `${String(r.provision_id)} ${String(r.session_date)}` : String(r.provision_id);
				return !seen.has(id) && !!seen.add(id);
			});
		if (!rows.length) return [];
		const csv = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => cell(r[c]))) }, { newline: '\n' });
		return [{ name: `${table}.csv`, bytes: encoder.encode(csv + '\n') }];
	});
}
