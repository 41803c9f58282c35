import { recordOcrPage } from '../../store/imports/import-files.ts';
import type { ReadDocument } from '../../store/imports/import-plan.ts';
import type { JobContext } from '../jobs/job-kind.ts';

/** Least time between two progress writes of the same file (a page of OCR takes seconds anyway). */
const PAGE_WRITE_INTERVAL_MS = 1000;

/**
 * The job's reader, recording on each file's row of the batch how far its OCR has got (page of
 * pages): at most one write a second per file, and always the last page, so that the web can show
 * “第3/6页识别中” for every file read at the time, by any worker on either engine.
 */
export function readRecordingPages(
  ctx: JobContext,
  batchId: string,
  positions: ReadonlyMap<string, number>,
): ReadDocument {
  return async (bytes, fileName, onPage) => {
    const position = positions.get(fileName);
    let last = 0;
    let writing: Promise<void> = Promise.resolve();
    try {
      return await ctx.read(bytes, fileName, (page, pages) => {
        onPage?.(page, pages);
        if (position === undefined) return;
        const now = Date.now();
        if (page < pages && now - last < PAGE_WRITE_INTERVAL_MS) return;
        last = now;
        // A lost progress write only delays what is shown: it never fails the read.
        writing = writing
          .then(() => recordOcrPage(ctx.db, batchId, position, page, pages))
          .catch(() => undefined);
      });
    } finally {
      await writing;
    }
  };
}
