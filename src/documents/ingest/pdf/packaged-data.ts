import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where pdfjs-dist is installed: its cmaps/ and standard_fonts/ folders are read from there. */
export const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * The CMaps and standard font programs shipped with pdfjs-dist, read from disk once per process
 * and shared by every document and by both readers (pdfjs copies what it is given). Names come
 * from the PDF, so only plain file names are looked up; anything else is "not found", as for a
 * missing file.
 */
const packaged = new Map<string, Uint8Array>();

export function packagedFile(folder: 'cmaps' | 'standard_fonts', name: string): Uint8Array {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`no packaged file ${name}`);
  const path = join(PDFJS_ROOT, folder, name);
  let data = packaged.get(path);
  if (!data) {
    data = new Uint8Array(readFileSync(path));
    packaged.set(path, data);
  }
  return data;
}
