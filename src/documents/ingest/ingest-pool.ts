import { type ChildProcess, fork } from 'node:child_process';
import { AppError, type AppErrorCode } from '../../core/errors.ts';
import type { IngestProgress, IngestReply, IngestRequest } from './ingest-process.ts';
import { processRssBytes } from './process-memory.ts';
import type { readReportDocument } from './read-document.ts';
import { readerEnvironment } from './reader-environment.ts';
import type { ReadOptions } from './source-document.ts';

export type IngestOutput = Awaited<ReturnType<typeof readReportDocument>>;

export interface IngestWorkerOptions extends ReadOptions {
  /**
   * A file whose reading takes longer is abandoned (its reader process is killed). A scan read by
   * OCR gets this much time for each page.
   */
  timeoutMs?: number;
  /** Whole memory (RSS: heap, buffers, code) of one reader process; over it the process is killed. */
  maxMemoryMb?: number;
  /** Reader processes running at once. */
  concurrency?: number;
  /** Reads waiting for a reader process; one more is refused at once (TOO_MANY_REQUESTS). */
  maxQueue?: number;
  /** Reads one reader process makes before it is replaced (1: a fresh process for every read). */
  readsPerProcess?: number;
}

export const INGEST_DEFAULTS = {
  timeoutMs: 60_000,
  maxMemoryMb: 384,
  concurrency: 2,
  maxQueue: Number.POSITIVE_INFINITY,
  readsPerProcess: 500,
} as const;

/** How often the memory of a busy reader process is looked at. */
const WATCH_INTERVAL_MS = 20;

const BOOT = new URL('./ingest-process-boot.mjs', import.meta.url);

interface Reader {
  child: ChildProcess;
  reads: number;
  busy: boolean;
}

interface Waiting {
  start: (reader: Reader) => void;
}

/**
 * Reads documents in separate reader processes (child_process.fork), so that one hostile file (a
 * PDF that makes the parser spin, a decompression bomb past the byte budgets, a file that needs
 * gigabytes) is refused within bounded time and memory and fails only its own read:
 *
 * - each process reads one file at a time; at most `concurrency` run, at most `maxQueue` reads
 *   wait (more are refused with TOO_MANY_REQUESTS and a retry delay);
 * - the whole memory of each busy process (RSS from /proc, not only the JavaScript heap, which
 *   --max-old-space-size caps too) is checked every 20 ms: over `maxMemoryMb` it is killed;
 * - a read past `timeoutMs` is abandoned and its process killed;
 * - a process that failed, was killed or exited is never reused; a sound one is reused for the
 *   next read (`readsPerProcess` reads at most), and idle ones do not keep the caller alive.
 */
export class IngestWorker {
  private readonly readers = new Set<Reader>();
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly readsPerProcess: number;
  private readonly readOptions: ReadOptions;

  constructor(options: IngestWorkerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? INGEST_DEFAULTS.timeoutMs;
    this.maxMemoryMb = options.maxMemoryMb ?? INGEST_DEFAULTS.maxMemoryMb;
    this.concurrency = Math.max(1, options.concurrency ?? INGEST_DEFAULTS.concurrency);
    this.maxQueue = Math.max(0, options.maxQueue ?? INGEST_DEFAULTS.maxQueue);
    this.readsPerProcess = Math.max(1, options.readsPerProcess ?? INGEST_DEFAULTS.readsPerProcess);
    this.readOptions = options.pdfReader ? { pdfReader: options.pdfReader } : {};
  }

  /** Process ids of the reader processes now running (for measurements). */
  pids(): number[] {
    return [...this.readers].flatMap((reader) => (reader.child.pid === undefined ? [] : [reader.child.pid]));
  }

  read(
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (page: number, pages: number) => void,
  ): Promise<IngestOutput> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', '读取服务已关闭'));
    return new Promise<IngestOutput>((resolve, reject) => {
      const start = (reader: Reader) => this.run(reader, bytes, fileName, onProgress).then(resolve, reject);
      const reader = this.idleReader();
      if (reader) return start(reader);
      if (this.queue.length >= this.maxQueue) return reject(this.busy());
      this.queue.push({ start });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all([...this.readers].map((reader) => this.retire(reader)));
  }

  private busy(): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(this.timeoutMs / 1000 / 4));
    return new AppError(
      'TOO_MANY_REQUESTS',
      `文件读取服务繁忙（${this.concurrency} 份文件正在读取，${this.queue.length} 份在排队），请 ${retryAfterSeconds} 秒后重试`,
      { retryAfterSeconds },
    );
  }

  /** An idle reader process, started if fewer than `concurrency` run; null when all are busy. */
  private idleReader(): Reader | null {
    for (const reader of this.readers) if (!reader.busy) return reader;
    if (this.readers.size >= this.concurrency) return null;
    const child = fork(BOOT, [], {
      // A young generation of 8 MB semi-spaces: a read's garbage is still collected early, not held
      // as RSS (the cap above and maxMemoryMb bound the rest), while the parsers' short-lived objects
      // die young instead of being promoted (2 MB semi-spaces: 10–30% more CPU per PDF read, most with
      // Chromium, Word and 极速PDF files; about the same for WPS and LibreOffice ones).
      execArgv: [
        `--max-old-space-size=${Math.max(64, Math.floor(this.maxMemoryMb * 0.75))}`,
        '--max-semi-space-size=8',
      ],
      serialization: 'advanced',
      env: readerEnvironment(),
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const reader: Reader = { child, reads: 0, busy: false };
    child.on('exit', () => {
      this.readers.delete(reader);
      this.next();
    });
    child.on('error', () => undefined);
    this.idle(reader);
    this.readers.add(reader);
    return reader;
  }

  /** An idle process must not keep the caller (a CLI command, a test) alive. */
  private idle(reader: Reader): void {
    reader.busy = false;
    reader.child.unref();
    (reader.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private run(
    reader: Reader,
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (page: number, pages: number) => void,
  ): Promise<IngestOutput> {
    const { child } = reader;
    reader.busy = true;
    reader.reads += 1;
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
    const id = this.nextId++;
    return new Promise<IngestOutput>((resolve, reject) => {
      let settled = false;
      const finish = (sound: boolean) => {
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (sound && reader.reads < this.readsPerProcess && !this.closed) {
          this.idle(reader);
          this.next();
        } else void this.retire(reader);
      };
      const fail = (message: string) => {
        if (settled) return;
        finish(false);
        reject(new AppError('DOCUMENT_REFUSED', message));
      };
      const onMessage = (reply: IngestReply | IngestProgress | { ready: true }) => {
        if (!('id' in reply) || reply.id !== id || settled) return;
        if ('progress' in reply) {
          // A page of a scan was read: the next page gets the whole time again.
          clearTimeout(timer);
          timer = setTimeout(timeout, this.timeoutMs);
          onProgress?.(reply.progress.page, reply.progress.pages);
          return;
        }
        finish(true);
        if (reply.ok) resolve(reply.result);
        else reject(new AppError(reply.code as AppErrorCode, reply.message));
      };
      const onExit = () =>
        fail(
          killedFor === 'memory'
            ? `读取时内存超出上限（${this.maxMemoryMb} MB），已放弃该文件`
            : '读取进程意外退出，已放弃该文件',
        );
      let killedFor: 'memory' | null = null;
      const watch = setInterval(() => {
        const rss = child.pid === undefined ? null : processRssBytes(child.pid);
        if (rss !== null && rss > this.maxMemoryMb * 1024 * 1024) {
          killedFor = 'memory';
          fail(`读取时内存超出上限（${this.maxMemoryMb} MB），已放弃该文件`);
        }
      }, WATCH_INTERVAL_MS);
      const timeout = () => fail(`读取超时（超过 ${Math.round(this.timeoutMs / 1000)} 秒），已放弃该文件`);
      let timer = setTimeout(timeout, this.timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      const request: IngestRequest = { id, bytes, fileName, options: this.readOptions };
      child.send(request, (error) => {
        if (error) fail('无法启动读取进程，已放弃该文件');
      });
    });
  }

  /** Kills a reader process (it is never reused) and waits until it is gone. */
  private retire(reader: Reader): Promise<void> {
    this.readers.delete(reader);
    const { child } = reader;
    if (child.exitCode !== null || child.signalCode !== null) {
      this.next();
      return Promise.resolve();
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // An idle process is unreferenced: the wait for its exit must keep the caller alive.
    child.ref();
    child.kill('SIGKILL');
    return gone.then(() => this.next());
  }

  /** Starts the longest-waiting read when a reader process is free. */
  private next(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const reader = this.idleReader();
      if (!reader) return;
      reader.busy = true;
      this.queue.shift()?.start(reader);
    }
  }
}
