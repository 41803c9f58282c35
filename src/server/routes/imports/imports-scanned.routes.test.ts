import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../../test/support/generate-report.ts';
import { reportToText } from '../../../../test/support/report-to-text.ts';
import { createTestUser, type Headers, tokenHeaders } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { Region } from '../../../core/organisation/region.ts';
import { ocrAvailable } from '../../../documents/ingest/ocr/tesseract.ts';
import { createAgency, createRegion } from '../../../store/organisation/organisation.repository.ts';

/*
 * A scanned report (three page images of generated report 1, 150 dpi: test/fixtures/scanned,
 * made by test/fixtures/build/make-scanned-fixture.ts) imported through the web's path: the
 * preview read by a job, its OCR page by page, then the 扫描件 summary wherever the report is
 * listed or shown. OCR takes seconds a page: one scan, read once per engine.
 */

const SCAN = new Uint8Array(
  readFileSync(new URL('../../../../test/fixtures/scanned/generated-1.zip', import.meta.url)),
);
const PAGE_NAMES = Object.keys(unzipSync(SCAN));
const SCANNED = generateValidReport(1);
const TYPED = generateValidReport(4, { year: SCANNED.year });
const OCR_TIMEOUT = 300_000;

type Preview = {
  batchId: string;
  status: string;
  files: Array<Record<string, unknown> & { name: string; scan: Record<string, number | null> | null }>;
  job: { kind: string; state: string; error: string | null } | null;
  reading: Array<{ name: string; state: string; page: number | null; pages: number | null }> | null;
  summary: { files: Array<{ reportId: string | null; scan: unknown }> } | null;
};

describeEachDialect('importing a scanned report through the web’s path', (t) => {
  const clock = new TestClock('2025-03-01');
  let app: FastifyInstance;
  let region: Region;
  let supervisor: Headers;
  let scannedAgency = '';
  let typedAgency = '';

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    region = await createRegion(t.db, { code: 'SCAN1', name: '测试市', level: 'city' });
    scannedAgency = (
      await createAgency(t.db, { regionId: region.id, name: SCANNED.agency, kind: 'department' })
    ).id;
    typedAgency = (await createAgency(t.db, { regionId: region.id, name: TYPED.agency, kind: 'department' }))
      .id;
    supervisor = await tokenHeaders(t.db, await createTestUser(t.db, 'supervisor', { regionId: region.id }));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const upload = (body: Uint8Array, query: string) =>
    app.inject({
      method: 'POST',
      url: `/api/imports?region=${region.code}&${query}`,
      headers: { ...supervisor, 'content-type': 'application/zip' },
      payload: Buffer.from(body),
    });
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ url, headers: supervisor });
    expect(res.statusCode).toBe(200);
    return res.json() as T;
  };
  /** Polls a batch until its job has finished; every reading progress seen on the way. */
  const untilDone = async (batchId: string) => {
    const seen: NonNullable<Preview['reading']> = [];
    for (let i = 0; i < 3000; i += 1) {
      const batch = await get<Preview>(`/api/imports/${batchId}`);
      seen.push(...(batch.reading ?? []));
      if (batch.job?.state === 'failed') throw new Error(`the job failed: ${batch.job.error}`);
      if (batch.job?.state === 'succeeded') return { batch, seen };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the job did not finish');
  };

  describe.skipIf(!ocrAvailable())('a zip of page images, read by a job', () => {
    let preview: Preview;
    let seen: NonNullable<Preview['reading']>;

    it(
      'shows each file’s OCR page while the job reads it, refuses confirmation until then, and previews one report of all the pages',
      async () => {
        const res = await upload(SCAN, 'filename=scan.zip&read=job');
        expect(res.statusCode).toBe(202);
        const started = res.json() as Preview;
        expect(started.job).toMatchObject({ kind: 'read-import-preview' });
        expect(started.files).toEqual([]);
        expect(started.reading).toHaveLength(1);
        const early = await app.inject({
          method: 'POST',
          url: `/api/imports/${started.batchId}/confirm`,
          headers: supervisor,
        });
        expect(early.statusCode).toBe(409);
        ({ batch: preview, seen } = await untilDone(started.batchId));
        expect(preview.reading).toBeNull();
      },
      OCR_TIMEOUT,
    );

    it('reported the pages one by one, of as many pages as the zip has images', () => {
      const reading = seen.filter((f) => f.state === 'reading');
      expect(reading.length).toBeGreaterThan(0);
      for (const f of reading) {
        expect(f.pages).toBe(PAGE_NAMES.length);
        expect(f.page).toBeGreaterThanOrEqual(1);
        expect(f.page).toBeLessThanOrEqual(PAGE_NAMES.length);
      }
    });

    it('previews the pages as one ready report, labelled as a scan with its OCR summary', () => {
      expect(preview.files).toHaveLength(1);
      const [file] = preview.files;
      expect(file).toMatchObject({
        status: 'ready',
        format: 'image',
        recognisedAgency: SCANNED.agency,
        year: SCANNED.year,
        agencyId: scannedAgency,
        pageImages: [...PAGE_NAMES].sort(),
      });
      const scan = file!.scan!;
      expect(scan.pages).toBe(PAGE_NAMES.length);
      expect(scan.cellsRead).toBeGreaterThan(0);
      expect(scan.cellsCorrected! + scan.cellsUnreadable!).toBeLessThanOrEqual(scan.cellsRead!);
      expect(scan.meanConfidence).toBeGreaterThan(0);
      expect(scan.meanConfidence).toBeLessThanOrEqual(100);
      expect(scan.minConfidence).toBeLessThanOrEqual(scan.meanConfidence!);
    });

    it(
      'stores the scan summary with the report: import result, region list and detail, public list; a typed report has none',
      async () => {
        const typed = await upload(new TextEncoder().encode(reportToText(TYPED)), 'filename=typed.txt');
        expect(typed.statusCode).toBe(201);
        expect(typed.json().files[0]).toMatchObject({ status: 'ready', scan: null, pageImages: null });
        const scan = preview.files[0]!.scan;
        for (const batchId of [preview.batchId, typed.json().batchId]) {
          const res = await app.inject({
            method: 'POST',
            url: `/api/imports/${batchId}/confirm`,
            headers: supervisor,
          });
          expect(res.statusCode).toBe(202);
        }
        const { batch } = await untilDone(preview.batchId);
        expect(batch.summary!.files[0]!.scan).toEqual(scan);
        const reportId = batch.summary!.files[0]!.reportId!;
        await untilDone(typed.json().batchId);

        expect((await get<{ scan: unknown }>(`/api/region/reports/${reportId}`)).scan).toEqual(scan);
        const versions = await get<{ versions: Array<{ scan: unknown }> }>(
          `/api/region/agencies/${scannedAgency}/reports`,
        );
        expect(versions.versions.map((v) => v.scan)).toEqual([scan]);
        const overview = await get<{
          agencies: Array<{ agency: { id: string }; report: { scan: unknown } | null }>;
        }>(`/api/region/regions/${region.code}/years/${SCANNED.year}`);
        const scanOf = (id: string) => overview.agencies.find((a) => a.agency.id === id)!.report!.scan;
        expect(scanOf(scannedAgency)).toEqual(scan);
        expect(scanOf(typedAgency)).toBeNull();
        const listed = await get<{ items: Array<{ agencyName: string; scan: unknown }> }>(
          `/api/public/regions/${region.code}/reports?year=${SCANNED.year}`,
        );
        expect(Object.fromEntries(listed.items.map((i) => [i.agencyName, i.scan]))).toEqual({
          [SCANNED.agency]: scan,
          [TYPED.agency]: null,
        });
      },
      OCR_TIMEOUT,
    );
  });
});
