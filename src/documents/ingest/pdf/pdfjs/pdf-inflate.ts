import { inflateSync } from 'node:zlib';
import {
  fileBudgetExceeded,
  INGEST_LIMITS,
  type ReadBudgetExceeded,
  streamBudgetExceeded,
} from '../../source-document.ts';
import { CHARGE_HOOK } from './pdfjs-modules.mjs';

/**
 * Bounded inflation for pdfjs. pdfjs 5 inflates FlateDecode streams two ways:
 *
 * - through `new DecompressionStream("deflate")` (content streams, ToUnicode maps, font programs,
 *   each glyph of a Type 3 font: a Chromium PDF has thousands). In Node that is a web stream over a
 *   zlib stream on the libuv thread pool, with no output limit. While a PDF is being read,
 *   `DecompressionStream` hands pdfjs an object with the two members it uses
 *   (`writable.getWriter()`, async iteration of `readable`) that inflates with zlib in one
 *   synchronous call, capped at INGEST_LIMITS.maxInflatedStreamBytes. Corrupt or truncated data
 *   throws just as the native stream errors, and pdfjs then falls back to its own decoder as before.
 *   A stream over the cap yields nothing (so pdfjs does not retry it with its own decoder) and
 *   marks the read as over budget;
 * - with its own JavaScript decoders (DecodeStream: Flate, LZW, predictors…, for object streams,
 *   functions, and any stream the above fails on). pdfjs-modules.mjs loads pdfjs with
 *   DecodeStream's buffer growth calling `chargeDecodeBuffer` (below, installed by
 *   installDecodeBudget), which refuses a buffer over the cap.
 *
 * Every inflated byte is also counted against INGEST_LIMITS.maxInflatedBytes for the whole read.
 * A read over either budget ends with the refusal (ReadBudgetExceeded), whatever pdfjs made of it.
 *
 * Outside a read, and for any other format, the native constructor runs unchanged (the global is
 * a Proxy whose construct trap forwards). Budgets are per thread, not per read: two reads
 * overlapping in one thread share their fate (one over budget fails both). In gongkai, each read
 * runs alone in its own reader process (ingest-pool.ts), and nothing else uses DecompressionStream.
 */
interface ReadBudget {
  inflated: number;
  exceeded: ReadBudgetExceeded | null;
}

const active = new Set<ReadBudget>();
let installed = false;

/** Throws the read's refusal once a budget was exceeded; read loops call it between pages. */
export type BudgetCheck = () => void;

/**
 * Runs `read` with bounded synchronous inflation for pdfjs (see above); nests and overlaps. Throws
 * ReadBudgetExceeded when the read went over a budget, even if pdfjs swallowed the error.
 */
export async function withBoundedInflate<T>(read: (check: BudgetCheck) => Promise<T>): Promise<T> {
  install();
  const budget: ReadBudget = { inflated: 0, exceeded: null };
  active.add(budget);
  const check = () => {
    if (budget.exceeded) throw budget.exceeded;
  };
  try {
    const result = await read(check);
    check();
    return result;
  } catch (error) {
    check();
    throw error;
  } finally {
    active.delete(budget);
  }
}

/** Marks every read in progress as refused with `error`. */
function exceed(error: ReadBudgetExceeded): void {
  for (const budget of active) budget.exceeded ??= error;
}

/** Counts `bytes` more inflated bytes against every read in progress. */
function charge(bytes: number): void {
  for (const budget of active) {
    budget.inflated += bytes;
    if (budget.inflated > INGEST_LIMITS.maxInflatedBytes) budget.exceeded ??= fileBudgetExceeded();
  }
}

/** Makes the patched pdfjs (pdfjs-modules.mjs) call chargeDecodeBuffer; before pdfjs first runs. */
export function installDecodeBudget(): void {
  (globalThis as Record<symbol, unknown>)[CHARGE_HOOK] = chargeDecodeBuffer;
}

/**
 * Called by pdfjs's DecodeStream (patched in pdfjs-modules.mjs) before it grows a decoding buffer from
 * `current` to `size` bytes: throws (and marks the read refused) past the budgets, so that no
 * JavaScript decoder holds more than INGEST_LIMITS.maxInflatedStreamBytes.
 */
function chargeDecodeBuffer(current: number, size: number): void {
  if (size > INGEST_LIMITS.maxInflatedStreamBytes) {
    const error = streamBudgetExceeded();
    exceed(error);
    throw error;
  }
  charge(size - current);
  for (const budget of active) if (budget.exceeded) throw budget.exceeded;
}

function install(): void {
  if (installed) return;
  installed = true;
  const native = globalThis.DecompressionStream;
  if (typeof native !== 'function') return;
  globalThis.DecompressionStream = new Proxy(native, {
    construct(target, args, newTarget) {
      if (active.size > 0 && args[0] === 'deflate') return new SyncInflate();
      return Reflect.construct(target, args, newTarget);
    },
  });
}

/** What pdfjs's FlateStream.asyncGetBytes uses of a DecompressionStream; inflates when read. */
class SyncInflate {
  readonly writable: { getWriter(): unknown };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor() {
    const input: Uint8Array[] = [];
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write(chunk: Uint8Array): Promise<void> {
          input.push(chunk);
          return Promise.resolve();
        },
        close: (): Promise<void> => Promise.resolve(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        yield inflateBounded(input.length === 1 ? input[0]! : Buffer.concat(input));
      },
    };
  }
}

function inflateBounded(data: Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(data, { maxOutputLength: INGEST_LIMITS.maxInflatedStreamBytes });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    exceed(streamBudgetExceeded());
    return new Uint8Array(0);
  }
  charge(bytes.byteLength);
  return bytes;
}
