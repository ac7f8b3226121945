import { download } from '../export/csv';
import { makeTransfer } from '../import/transfer';
import { dataset } from './dataset.svelte';
import { undoneMatches } from './undone-matches.svelte';
import { today } from './url-filters';

/** A file name of ids and the date only: `transfer-P0001-2026-03-20.json`, or the count for a group. */
export function transferFileName(pupils: string[], asOf: string): string {
	return `transfer-${pupils.length === 1 ? pupils[0] : `${pupils.length}-pupils`}-${asOf}.json`;
}

/** Download the transfer file (docs/transfer-file.md) of some pupils of one school, as of `asOf`; how many pupils it holds. */
export async function downloadTransfer(school: string, pupils: string[], asOf: string): Promise<number> {
	const transfer = await makeTransfer(await dataset.db(), {
		school,
		pupils,
		asOf,
		undone: undoneMatches.value.filter((u) => u.school === school),
		madeOn: today()
	});
	if (!transfer) return 0;
	download(transferFileName(pupils, asOf), JSON.stringify(transfer, null, '\t') + '\n', 'application/json');
	return transfer.pupils.length;
}
