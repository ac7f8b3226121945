/**
 * Resolves once the chain of work `chain()` reads has settled and nothing was added to it meanwhile: the
 * chain is replaced each time work joins it, so one wait is not enough when work keeps coming.
 */
export async function chainSettled(chain: () => Promise<unknown>): Promise<void> {
	let seen: Promise<unknown>;
	do {
		seen = chain();
		await seen;
	} while (seen !== chain());
}
