import { inflateSync } from 'node:zlib';

/**
 * pdfjs 5 inflates every FlateDecode stream (content streams, ToUnicode maps, font programs, and
 * each glyph of a Type 3 font: a Chromium PDF has thousands) through `new DecompressionStream
 * ("deflate")`. In Node that is a web stream over a zlib stream on the libuv thread pool: every
 * stream costs several thread hops and promise turns, and the reading thread mostly waits. While
 * a PDF is being read, `DecompressionStream` hands pdfjs an object with the two members it uses
 * (`writable.getWriter()`, async iteration of `readable`) that inflates with zlib in one
 * synchronous call instead. The output is the same bytes (same zlib); corrupt or truncated data
 * throws just as the native stream errors, and pdfjs then falls back to its own decoder as before.
 *
 * Outside a read, and for any other format, the native constructor runs unchanged (the global is
 * a Proxy whose construct trap forwards). During a read, other code of the same thread asking for
 * a "deflate" DecompressionStream would get the light object too; in gongkai, ingest runs in its
 * own worker thread (ingest-pool.ts) and nothing else uses DecompressionStream.
 */
let reading = 0;
let installed = false;

/** Runs `read` with synchronous inflation for pdfjs (see above); nests and overlaps safely. */
export async function withSyncInflate<T>(read: () => Promise<T>): Promise<T> {
  install();
  reading += 1;
  try {
    return await read();
  } finally {
    reading -= 1;
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  const native = globalThis.DecompressionStream;
  if (typeof native !== 'function') return;
  globalThis.DecompressionStream = new Proxy(native, {
    construct(target, args, newTarget) {
      if (reading > 0 && args[0] === 'deflate') return new SyncInflate();
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
        yield inflateSync(input.length === 1 ? input[0]! : Buffer.concat(input));
      },
    };
  }
}
