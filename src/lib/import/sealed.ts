import type { Db } from '../db/types';
import type { PassphraseKey } from '../storage/crypto';
import { open, seal, type EnvelopeHeader } from '../storage/envelope';
import { readWorkspace, restoreWorkspace, workspaceBytes, type WorkspaceContent } from './workspace';

/** The newest import date of a workspace, for the readable "imported on" line of the kept file. */
export function latestImport(importedAt: Record<string, string>): string | null {
	return Object.values(importedAt).sort().at(-1) ?? null;
}

/** Everything loaded, encrypted with `key`: the bytes of a kept copy or a saved file. */
export async function sealWorkspace(db: Db, content: WorkspaceContent, key: PassphraseKey, now = new Date()): Promise<Uint8Array<ArrayBuffer>> {
	const plain = await workspaceBytes(db, content, now);
	return seal(plain, key, { keptAt: now.toISOString(), importedAt: latestImport(content.importedAt) });
}

/**
 * Open an encrypted workspace and load it in place of the current data. The passphrase is checked
 * and the whole file read before anything loaded is touched: a wrong passphrase or a damaged file
 * changes nothing.
 */
export async function openSealedWorkspace(db: Db, file: Uint8Array<ArrayBuffer>, passphrase: string): Promise<{ content: WorkspaceContent; key: PassphraseKey; header: EnvelopeHeader }> {
	const { plain, key, header } = await open(file, passphrase);
	const workspace = await readWorkspace(plain);
	const content = await restoreWorkspace(db, workspace);
	return { content, key, header };
}
