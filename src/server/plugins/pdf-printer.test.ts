import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/build-test-app.ts';
import { MAX_CONCURRENT_PRINTS, pdfPrinter } from './pdf-printer.ts';

const chromium = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';
const skip = !existsSync(chromium) && process.env.CI !== 'true';

describe.skipIf(skip)(
  skip ? 'pdfPrinter — SKIPPED: no Chromium (never skipped when CI=true)' : 'pdfPrinter',
  () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildTestApp({ GONGKAI_CHROMIUM: chromium });
    });
    afterAll(async () => {
      await app.close();
    });

    it('prints at most MAX_CONCURRENT_PRINTS pages at once and serves every request', async () => {
      const print = pdfPrinter(app);
      let running = 0;
      let most = 0;
      const results = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          print(async (renderer) => {
            running += 1;
            most = Math.max(most, running);
            const pdf = i === 0 ? await renderer.printHtml('<p>打印</p>') : new Uint8Array([i]);
            await sleep(30);
            running -= 1;
            return pdf;
          }, app.log),
        ),
      );
      expect(most).toBe(MAX_CONCURRENT_PRINTS);
      expect(results).toHaveLength(7);
      expect(new TextDecoder().decode(results[0]!.subarray(0, 5))).toBe('%PDF-');
    }, 60_000);
  },
);
