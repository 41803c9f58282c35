import { isAppError } from '../../core/errors.ts';
import { readReportDocument } from './read-document.ts';
import type { ReadOptions } from './source-document.ts';

/**
 * The reader process (forked by ingest-pool.ts, one read at a time): reads the file it is sent and
 * answers with the result or the refusal. Its whole memory is watched by the pool, which kills it
 * over its cap; a failure here fails only this read.
 */

/** One request to a reader process: the bytes of one file. */
export interface IngestRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: ReadOptions;
}

export type IngestReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof readReportDocument>> }
  | { id: number; ok: false; code: string; message: string };

/** Sent while a scan is read by OCR, after each page: the pool gives the read more time and reports progress. */
export interface IngestProgress {
  id: number;
  progress: { page: number; pages: number };
}

process.on('message', async (request: IngestRequest) => {
  let reply: IngestReply;
  try {
    reply = {
      id: request.id,
      ok: true,
      result: await readReportDocument(request.bytes, request.fileName, {
        ...request.options,
        onPage: (page, pages) =>
          process.send?.({ id: request.id, progress: { page, pages } } satisfies IngestProgress),
      }),
    };
  } catch (error) {
    reply = isAppError(error)
      ? { id: request.id, ok: false, code: error.code, message: error.message }
      : {
          id: request.id,
          ok: false,
          code: 'DOCUMENT_REFUSED',
          message: `无法解析该文件（${error instanceof Error ? error.message.slice(0, 120) : '未知错误'}）`,
        };
  }
  process.send?.(reply);
});
// The pool is gone: nothing left to read for.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
