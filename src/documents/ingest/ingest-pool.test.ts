import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeHostileFiles } from '../../../test/support/hostile-files.ts';
import { AppError } from '../../core/errors.ts';
import { IngestWorker } from './ingest-pool.ts';
import { INGEST_LIMITS } from './source-document.ts';

const SEED = readFileSync(new URL('../../../test/fixtures/seeds/002.txt', import.meta.url));

describe('IngestWorker: reader processes', () => {
  it('kills a read over its memory cap and fails only that read, while another is read', async () => {
    const files = makeHostileFiles();
    // A cap so low that a 49 MB paragraph cannot be read under it; the text file can.
    const pool = new IngestWorker({ maxMemoryMb: 160, concurrency: 2 });
    try {
      const [large, seed] = await Promise.allSettled([
        pool.read(new Uint8Array(readFileSync(files.html49mbParagraph)), 'large.html'),
        pool.read(new Uint8Array(SEED), '002.txt'),
      ]);
      expect(large.status).toBe('rejected');
      const error = (large as PromiseRejectedResult).reason as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('DOCUMENT_REFUSED');
      expect(error.message).toBe('读取时内存超出上限（160 MB），已放弃该文件');
      expect(seed.status).toBe('fulfilled');
      expect((seed as PromiseFulfilledResult<{ format: string }>).value.format).toBe('txt');
      // The pool goes on reading after the kill.
      expect((await pool.read(new Uint8Array(SEED), '002.txt')).format).toBe('txt');
    } finally {
      await pool.close();
      rmSync(files.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a 49 MB page of millions of elements by its element budget, under a cap its reading would pass', async () => {
    const files = makeHostileFiles();
    // Half the default cap: decoding and building the page would need more (before the budget the
    // read was killed here with 读取时内存超出上限), refusing it by counting its tags does not.
    const pool = new IngestWorker({ maxMemoryMb: 200, concurrency: 1 });
    try {
      const refused = await pool
        .read(new Uint8Array(readFileSync(files.html49mb)), 'large.html')
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('DOCUMENT_REFUSED');
      expect((refused as AppError).message).toContain('HTML 元素过多');
      expect((refused as AppError).message).toContain(
        INGEST_LIMITS.maxMarkupElements.toLocaleString('en-US'),
      );
    } finally {
      await pool.close();
      rmSync(files.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a read beyond the queue at once, with a retry delay', async () => {
    const pool = new IngestWorker({ concurrency: 1, maxQueue: 0 });
    try {
      const first = pool.read(new Uint8Array(SEED), 'a.txt');
      const second = await pool.read(new Uint8Array(SEED), 'b.txt').catch((error: unknown) => error);
      expect(second).toBeInstanceOf(AppError);
      expect((second as AppError).code).toBe('TOO_MANY_REQUESTS');
      expect((second as AppError).details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
      expect((await first).format).toBe('txt');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
