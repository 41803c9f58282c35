// pdfjs's two modules, its worker module patched so that its decoders are bounded. Plain
// JavaScript on purpose: the reader process (ingest-process-boot.mjs) loads pdfjs with the
// TypeScript loader switched off, because pdfjs (2 MB of JavaScript per module) loaded through
// that loader costs some 400 MB of memory instead of 80.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** DecodeStream.ensureBuffer of pdfjs 5, up to where it allocates the grown buffer. */
const ENSURE_BUFFER = `ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    let size = this.minBufferLength;
    while (size < requested) {
      size *= 2;
    }
`;

/** The global function the patched DecodeStream calls (set by pdf-inflate.ts: chargeDecodeBuffer). */
export const CHARGE_HOOK = Symbol.for('gongkai.chargeDecodeBuffer');

const CALL = `    globalThis[Symbol.for('gongkai.chargeDecodeBuffer')](buffer.byteLength, size);\n`;

/**
 * Where a process may put a function `(load) => Promise` that runs `load` with the TypeScript
 * loader switched off (the reader process does; elsewhere pdfjs loads through whatever is there).
 */
export const WITHOUT_TS_LOADER = Symbol.for('gongkai.withoutTypeScriptLoader');

let loaded = null;

/**
 * The legacy build's core-js polyfills replace Array.prototype.push and JSON.parse on Node 20 (for
 * edge cases no caller here has: arrays of 2^32 elements, JSON.parse source access); those
 * replacements slow every push and parse of the whole process several times over, so the native
 * functions are put back. Polyfills that only add missing methods stay.
 */
function restore(target, name, value) {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * pdf.mjs, and pdf.worker.mjs with one line added: before any of its JavaScript decoders
 * (DecodeStream: Flate, LZW, predictors…) grows its buffer, it calls the CHARGE_HOOK function,
 * which throws past the byte budgets. The worker module is imported from its patched source text
 * (a data: URL: nothing is written to disk); a pdfjs whose DecodeStream no longer matches fails
 * here, loudly, rather than reading unbounded. Loaded once per process.
 */
export function importPdfjsModules() {
  const load = async () => {
    const source = readFileSync(join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs'), 'utf8');
    const at = source.indexOf(ENSURE_BUFFER);
    if (at < 0 || source.indexOf(ENSURE_BUFFER, at + 1) >= 0) {
      throw new Error('pdfjs DecodeStream.ensureBuffer not found once: its decoders cannot be bounded');
    }
    const end = at + ENSURE_BUFFER.length;
    const patched = `${source.slice(0, end)}${CALL}${source.slice(end)}`;
    const nativePush = Array.prototype.push;
    const nativeParse = JSON.parse;
    const display = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker = await import(`data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`);
    restore(Array.prototype, 'push', nativePush);
    restore(JSON, 'parse', nativeParse);
    return { display, worker };
  };
  const bare = globalThis[WITHOUT_TS_LOADER];
  loaded ??= typeof bare === 'function' ? bare(load) : load();
  return loaded;
}
