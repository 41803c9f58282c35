import { Buffer } from 'node:buffer';

/**
 * pdfjs in Node runs its worker in the reading thread and passes every message between the two
 * halves through a LoopbackPort, which copies it with structuredClone: each page's text arrives
 * in hundreds of small chunks and its drawing in operator lists with an object per glyph, and
 * V8's serialiser costs a third of the time of reading a Chromium PDF, mostly per call.
 *
 * installLoopbackClone makes LoopbackPort's postMessage (and nothing else) copy with copyMessage:
 * the same result as structuredClone for what pdfjs sends (arrays, plain objects and class
 * instances as plain objects of their own enumerable properties, typed arrays, Maps, Sets),
 * with transferred buffers handed over instead of detached (the sender gives them up either way).
 * Anything else (errors above all, whose names pdfjs relies on) goes to structuredClone itself.
 */
const patched = new WeakSet<object>();

/** structuredClone's options as pdfjs passes them: the buffers whose ownership moves. */
interface CloneOptions {
  transfer?: readonly unknown[];
}

type PostMessage = (this: unknown, message: unknown, transfer?: unknown[]) => void;

/** Patches the prototype of `port`, a pdfjs LoopbackPort; once per prototype. */
export function installLoopbackClone(port: object): void {
  const prototype = Object.getPrototypeOf(port) as { postMessage?: PostMessage } | null;
  if (!prototype || patched.has(prototype) || typeof prototype.postMessage !== 'function') return;
  patched.add(prototype);
  const original = prototype.postMessage;
  prototype.postMessage = function postMessage(message, transfer) {
    // LoopbackPort calls the global structuredClone synchronously, once, inside postMessage.
    const native = globalThis.structuredClone;
    globalThis.structuredClone = ((value: unknown, options?: CloneOptions) =>
      copyMessage(value, options, native)) as typeof structuredClone;
    try {
      original.call(this, message, transfer);
    } finally {
      globalThis.structuredClone = native;
    }
  };
}

/** A structured copy of `value` (see above); exported for its test against structuredClone. */
export function copyMessage(
  value: unknown,
  options: CloneOptions | null | undefined,
  native: typeof structuredClone = structuredClone,
): unknown {
  const transfer = new Set<unknown>(options?.transfer ?? []);
  const seen = new Map<object, unknown>();

  const copy = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) {
      // Functions and symbols cannot be cloned: let structuredClone throw its DataCloneError.
      if (typeof item === 'function' || typeof item === 'symbol') return native(item);
      return item;
    }
    const known = seen.get(item);
    if (known !== undefined) return known;
    if (Array.isArray(item)) {
      const out: unknown[] = new Array(item.length);
      seen.set(item, out);
      for (let i = 0; i < item.length; i += 1) out[i] = copy(item[i]);
      return out;
    }
    if (ArrayBuffer.isView(item)) {
      if (transfer.has(item.buffer) || item instanceof DataView) {
        const out = transfer.has(item.buffer) ? item : native(item);
        seen.set(item, out);
        return out;
      }
      // A fresh copy of the elements (a Buffer's own slice would share memory; it comes out a Uint8Array as from structuredClone).
      const Copy = (item instanceof Buffer ? Uint8Array : item.constructor) as new (
        source: ArrayBufferView,
      ) => ArrayBufferView;
      const out = new Copy(item);
      seen.set(item, out);
      return out;
    }
    if (item instanceof ArrayBuffer) {
      const out = transfer.has(item) ? item : item.slice(0);
      seen.set(item, out);
      return out;
    }
    if (item instanceof Map) {
      const out = new Map();
      seen.set(item, out);
      for (const [key, entry] of item) out.set(copy(key), copy(entry));
      return out;
    }
    if (item instanceof Set) {
      const out = new Set();
      seen.set(item, out);
      for (const entry of item) out.add(copy(entry));
      return out;
    }
    if (Object.prototype.toString.call(item) !== '[object Object]') {
      const out = native(item);
      seen.set(item, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(item, out);
    for (const key of Object.keys(item)) out[key] = copy((item as Record<string, unknown>)[key]);
    return out;
  };

  return copy(value);
}
