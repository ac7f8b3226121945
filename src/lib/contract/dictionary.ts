import { columnsOf, tableDescriptions, tableOrder, type TableName } from './tables';

const kindLabels: Record<string, string> = {
	id: 'id',
	id_list: 'list of ids',
	text: 'text',
	date: 'date',
	bool: 'yes/no',
	money: 'money (£)',
	positive: 'number above 0',
	count: 'whole number ≥ 1',
	tally: 'whole number ≥ 0',
	number: 'number',
	percent: 'percentage 0–100',
	year: 'year group',
	wave: 'wave 1–3',
	sen_stage: 'SEN stage',
	need_code: 'DfE need code',
	need_area: 'area of need',
	sex: 'F or M',
	outcome: 'outcome',
	decision: 'review decision',
	assessed_on: 'date or term',
	attainment: 'attainment band',
	progress: 'progress judgement',
	comparator: 'whole-school figure'
};

export interface DictionaryTable {
	table: TableName;
	description: string;
	columns: { name: string; required: boolean; type: string; description: string; aliases: string[]; references: string | null }[];
}

/** The data dictionary, generated from the zod contract so it can never disagree with the import. */
export function dataDictionary(): DictionaryTable[] {
	return tableOrder.map((table) => ({
		table,
		description: tableDescriptions[table],
		columns: columnsOf(table).map((c) => ({
			name: c.name,
			required: c.required,
			type: kindLabels[c.kind] ?? c.kind,
			description: c.description,
			aliases: c.aliases,
			references: c.references ? `${c.references.table}.${c.references.column}` : null
		}))
	}));
}

/** A blank template: the header row of a table, in contract order. */
export function templateCsv(table: TableName): string {
	return `${columnsOf(table)
		.map((c) => c.name)
		.join(',')}\r\n`;
}
