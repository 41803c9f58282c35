import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../../core/errors.ts';
import type { IngestReply, IngestRequest } from './ingest-worker.ts';
import type { readReportDocument } from './read-document.ts';
import type { ReadOptions } from './source-document.ts';

export type IngestOutput = Awaited<ReturnType<typeof readReportDocument>>;

export interface IngestWorkerOptions extends ReadOptions {
  /** A file whose reading takes longer is abandoned (the worker is stopped and replaced). */
  timeoutMs?: number;
  /** Heap limit of the worker thread: a file that needs more is refused, nothing else is affected. */
  maxMemoryMb?: number;
}

export const DEFAULT_INGEST_TIMEOUT_MS = 60_000;
export const DEFAULT_INGEST_MEMORY_MB = 1024;

/**
 * Reads documents in a worker thread so that one hostile file (a PDF that makes the parser spin,
 * a document that needs gigabytes) is refused within bounded time and memory instead of hanging
 * or killing the batch. One thread is reused for a whole batch and replaced after a failure.
 */
export class IngestWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly readOptions: ReadOptions;

  constructor(options: IngestWorkerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_INGEST_TIMEOUT_MS;
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_INGEST_MEMORY_MB;
    this.readOptions = options.pdfReader ? { pdfReader: options.pdfReader } : {};
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./ingest-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./ingest-worker.ts', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  read(bytes: Uint8Array, fileName: string): Promise<IngestOutput> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<IngestOutput>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (message: string) => {
        done();
        void this.stop();
        reject(new AppError('DOCUMENT_REFUSED', message));
      };
      const onMessage = (reply: IngestReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.ok) resolve(reply.result);
        else reject(new AppError(reply.code as AppErrorCode, reply.message));
      };
      const onError = (error: Error & { code?: string }) =>
        fail(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `读取时内存超出上限（${this.maxMemoryMb} MiB），已放弃该文件`
            : '读取时出错，已放弃该文件',
        );
      const onExit = () => fail('读取进程意外退出，已放弃该文件');
      const timer = setTimeout(
        () => fail(`读取超时（超过 ${Math.round(this.timeoutMs / 1000)} 秒），已放弃该文件`),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes, fileName, options: this.readOptions } satisfies IngestRequest);
    });
  }

  close(): Promise<void> {
    return this.stop();
  }
}
