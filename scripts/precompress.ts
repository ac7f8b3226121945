/**
 * A brotli (.br) and a gzip (.gz) copy beside every file of the built site that a host serves compressed,
 * as SvelteKit's adapter would write them, but each compressed once: copies are kept in
 * node_modules/.cache/precompress by the SHA-256 of the file, so a build whose engine (34 MB, about four
 * minutes at brotli's highest setting on two cores) has not changed reuses it in a moment.
 * `PL_PLAIN_BUILD=1` (the tests, which serve the plain files) writes none.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The adapter's own list (@sveltejs/kit, builder.compress). */
const extensions = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.wasm', '.txt', '.md', '.mdx']);
const cacheDir = 'node_modules/.cache/precompress';

const compressors = {
	br: (bytes: Buffer) =>
		promisify(brotliCompress)(bytes, {
			params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
		}),
	gz: (bytes: Buffer) => promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION })
};

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile() && extensions.has(extname(e.name))).map((e) => join(e.parentPath, e.name));
}

async function precompress(file: string): Promise<boolean> {
	const bytes = await readFile(file);
	const hash = createHash('sha256').update(bytes).digest('hex');
	let made = false;
	for (const format of ['br', 'gz'] as const) {
		const cached = join(cacheDir, `${hash}.${format}`);
		try {
			await copyFile(cached, `${file}.${format}`);
		} catch {
			const packed = await compressors[format](bytes);
			// Written aside and moved into place: a build stopped half-way never leaves a cut-short copy to reuse.
			const part = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
			await writeFile(part, packed);
			await rename(part, cached);
			await copyFile(cached, `${file}.${format}`);
			made = true;
		}
	}
	return made;
}

const dir = process.argv[2] ?? 'build';
if (process.env.PL_PLAIN_BUILD === '1') {
	console.log('precompress: skipped (PL_PLAIN_BUILD=1)');
} else {
	await mkdir(cacheDir, { recursive: true });
	const files = await filesUnder(dir);
	const made = await Promise.all(files.map(precompress));
	const fresh = made.filter(Boolean).length;
	console.log(`precompress: ${files.length} files, ${fresh} compressed now, ${files.length - fresh} from the cache`);
}
