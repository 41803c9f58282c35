import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusZip } from '../../../../test/support/corpus-zip.ts';
import { JOB_TEST_TIMEOUT_MS, untilJobFinished } from '../../../../test/support/job-progress.ts';
import {
  createCorpusRegion,
  type RegionCorpus,
  regionCorpus,
} from '../../../../test/support/region-corpus.ts';
import { reportToText } from '../../../../test/support/report-to-text.ts';
import { seedTextPath } from '../../../../test/support/seeds.ts';
import { snapshotStore } from '../../../../test/support/server-db-snapshot.ts';
import {
  createTestUser,
  type Headers,
  registrationBody,
  TEST_APPLICANT,
  tokenHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { Region } from '../../../core/organisation/region.ts';
import { EXPORT_COLUMNS, EXPORT_COLUMNS_ZH } from '../../../core/region/export-columns.ts';
import { verifyAuditChain } from '../../../store/audit/verify-audit-chains.ts';
import { createAgency, createRegion } from '../../../store/organisation/organisation.repository.ts';

const YEARS = [2023, 2024, 2025] as const;
const missing = (i: number, y: number) => (y === 2024 && i % 25 === 7) || (y === 2025 && i % 10 === 0);
const late = (i: number, y: number) => y === 2024 && i % 40 === 9;
const TODAY = '2026-02-20';
const COPIED = readFileSync(seedTextPath('000'), 'utf8')
  .split('五、存在的主要问题及改进情况')[1]!
  .split('六、')[0]!;

function statusOf(i: number, kind: string, year: number): string {
  const deadline = kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
  if (missing(i, year)) return TODAY > deadline ? 'missing' : 'not-due';
  return late(i, year) ? 'late' : 'published';
}

/** Agency 5 copies its section 五 from 2023 into 2024 (DOMAIN.md §B3). */
function withCopiedSection(corpus: RegionCorpus): void {
  for (const f of corpus.files) {
    if (f.agencyName !== corpus.agencies[5]!.name || f.report.year === 2025) continue;
    f.report.sections.problems = COPIED.trim();
    f.text = `${reportToText(f.report)}发布日期：${f.report.publishedOn}\n`;
  }
}

describeEachDialect('import, supervisor view and exports through the API', (t) => {
  const clock = new TestClock(TODAY);
  const corpus = regionCorpus({ agencies: 500, years: YEARS, missing, late, seed: 5 });
  withCopiedSection(corpus);
  let app: FastifyInstance;
  let region: Region;
  let supervisor: Headers;
  let otherSupervisor: Headers;
  let officer: Headers;
  let admin: Headers;
  let agencyIds: Map<string, string>;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    const created = await createCorpusRegion(t.db, corpus);
    region = created.region;
    agencyIds = new Map([...created.agencies].map(([name, a]) => [name, a.id]));
    const other = await createRegion(t.db, { code: `O${region.code}`, name: '他市', level: 'city' });
    const firstAgency = created.agencies.get(corpus.agencies[1]!.name)!;
    supervisor = await tokenHeaders(t.db, await createTestUser(t.db, 'supervisor', { regionId: region.id }));
    otherSupervisor = await tokenHeaders(
      t.db,
      await createTestUser(t.db, 'supervisor', { regionId: other.id }),
    );
    officer = await tokenHeaders(t.db, await createTestUser(t.db, 'officer', { agencyId: firstAgency.id }));
    admin = await tokenHeaders(t.db, await createTestUser(t.db, 'admin'));
    // An application with personal data in the region: it must never reach an export.
    const res = await app.inject({
      method: 'POST',
      url: `/api/agencies/${firstAgency.id}/applications`,
      headers: officer,
      payload: registrationBody({ submittedOn: '2026-02-10' }),
    });
    expect(res.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const upload = (headers: Headers, body: Uint8Array, query: string) =>
    app.inject({
      method: 'POST',
      url: `/api/imports?region=${region.code}&${query}`,
      headers: { ...headers, 'content-type': 'application/zip' },
      payload: Buffer.from(body),
    });

  /** Confirms a batch (202: a job stores its files) and reads the batch until its job has finished. */
  const confirm = async (headers: Headers, batchId: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/imports/${batchId}/confirm`, headers });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'confirmed', job: { kind: 'import-files' } });
    return untilJobFinished(
      async () => (await app.inject({ url: `/api/imports/${batchId}`, headers })).json(),
      (batch) => batch.job,
    );
  };

  describe('two-step import of a zip of 500 agencies × 3 years', () => {
    const zip = corpusZip(corpus, {
      '../escape.txt': new TextEncoder().encode('x'),
      'nested.zip': zipSync({ 'a.txt': new TextEncoder().encode('x') }),
      'not-a-report.txt': new TextEncoder().encode('会议纪要：讨论了食堂菜单。'),
    });
    let batchId = '';

    it('refuses officers and supervisors of other regions', async () => {
      expect((await upload(officer, zip, 'filename=r.zip')).statusCode).toBe(403);
      expect((await upload(otherSupervisor, zip, 'filename=r.zip')).statusCode).toBe(403);
    });

    it('previews every file with its agency, year and status, storing nothing', async () => {
      const res = await upload(supervisor, zip, 'filename=reports.zip');
      expect(res.statusCode).toBe(201);
      const body = res.json();
      batchId = body.batchId;
      expect(body.counts).toEqual({ ready: corpus.files.length, duplicate: 0, skipped: 3 });
      const file = body.files.find((f: { name: string }) => f.name === corpus.files[0]!.name);
      expect(file).toMatchObject({
        status: 'ready',
        recognisedAgency: corpus.files[0]!.agencyName,
        year: 2023,
        agencyId: agencyIds.get(corpus.files[0]!.agencyName),
        match: 'name',
      });
      expect(file.report).toBeUndefined();
      const reasons = Object.fromEntries(
        body.files.map((f: { name: string; reason: string }) => [f.name, f.reason]),
      );
      expect(reasons['../escape.txt']).toContain('路径穿越');
      expect(reasons['nested.zip']).toContain('嵌套');
      expect(reasons['not-a-report.txt']).toContain('不像政府信息公开工作年度报告');
      const stored = await t.db
        .selectFrom('annual_reports')
        .select('id')
        .where('agency_id', 'in', [...agencyIds.values()])
        .execute();
      expect(stored).toHaveLength(0);
      expect(
        (await app.inject({ url: `/api/imports/${batchId}`, headers: otherSupervisor })).statusCode,
      ).toBe(403);
    }, 60_000);

    it(
      'stores the reports on confirmation, once',
      async () => {
        const batch = await confirm(supervisor, batchId);
        expect(batch.job).toMatchObject({
          state: 'succeeded',
          done: corpus.files.length + 3,
          total: corpus.files.length + 3,
        });
        expect(batch.summary).toMatchObject({
          imported: corpus.files.length,
          alreadyImported: 0,
          skipped: 3,
        });
        const twice = await app.inject({
          method: 'POST',
          url: `/api/imports/${batchId}/confirm`,
          headers: supervisor,
        });
        expect(twice.statusCode).toBe(409);
        expect(
          (await app.inject({ url: `/api/imports/${batchId}`, headers: supervisor })).json().summary.imported,
        ).toBe(corpus.files.length);
        expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
      },
      JOB_TEST_TIMEOUT_MS,
    );

    it('refuses a zip of 100,000 entries and skips an entry that inflates beyond its declared size', async () => {
      const entries: Record<string, Uint8Array> = {};
      for (let i = 0; i < 100_000; i += 1) entries[`r${i}.txt`] = new Uint8Array(0);
      const before = await snapshotStore(t.db);
      const many = await upload(supervisor, zipSync(entries, { level: 0 }), 'filename=many.zip');
      expect(many.statusCode).toBe(422);
      expect(await snapshotStore(t.db)).toEqual(before);
      expect(many.json().message).toMatch(/上限|ZIP64/);
      const bomb = zipSync({ 'bomb.txt': new Uint8Array(4 * 1024 * 1024) });
      const view = new DataView(bomb.buffer);
      view.setUint32(22, 1000, true);
      const central = bomb.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
      view.setUint32(central + 24, 1000, true);
      const res = await upload(supervisor, bomb, 'filename=bomb.zip');
      expect(res.statusCode).toBe(201);
      expect(res.json().files[0]).toMatchObject({ name: 'bomb.txt', status: 'skipped' });
      expect(res.json().files[0].reason).toContain('疑似压缩炸弹');
    }, 60_000);

    it('recognises a re-upload of the same files, and a cancelled batch stores nothing', async () => {
      const res = await upload(supervisor, zip, 'filename=reports.zip');
      expect(res.json().counts).toEqual({ ready: 0, duplicate: corpus.files.length, skipped: 3 });
      const id = res.json().batchId;
      expect(
        (await app.inject({ method: 'POST', url: `/api/imports/${id}/cancel`, headers: supervisor }))
          .statusCode,
      ).toBe(204);
      expect(
        (await app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: supervisor }))
          .statusCode,
      ).toBe(409);
    }, 60_000);
  });

  describe('the supervising office’s view', () => {
    it('lists each agency’s status for a year and totals equal to the sum of the parts', async () => {
      for (const year of YEARS) {
        const res = await app.inject({
          url: `/api/region/regions/${region.code}/years/${year}`,
          headers: supervisor,
        });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.today).toBe(TODAY);
        const statuses = new Map(
          body.agencies.map((a: { agency: { name: string }; status: string }) => [a.agency.name, a.status]),
        );
        corpus.agencies.forEach((a, i) => {
          expect(statuses.get(a.name), `${a.name} ${year}`).toBe(statusOf(i, a.kind, year));
        });
        const parts = corpus.files.filter((f) => f.report.year === year).map((f) => f.report);
        expect(body.totals.reports).toBe(parts.length);
        for (const row of ['newReceived', 'granted', 'totalConcluded', 'carriedForward'] as const) {
          for (let c = 0; c < 7; c += 1) {
            expect(body.totals.table3[row][c]).toBe(parts.reduce((s, r) => s + r.table3[row][c]!, 0));
          }
        }
        expect(body.totals.table4.review[4]).toBe(parts.reduce((s, r) => s + r.table4.review[4]!, 0));
        expect(body.totalsFindings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      }
      const history = await app.inject({
        url: `/api/region/regions/${region.code}/history?from=2020&to=2025`,
        headers: supervisor,
      });
      expect(history.json().years.map((y: { year: number; reports: number }) => [y.year, y.reports])).toEqual(
        YEARS.map((y) => [y, corpus.files.filter((f) => f.report.year === y).length]),
      );
      const missingOnly = await app.inject({
        url: `/api/region/regions/${region.code}/years/2025?status=missing`,
        headers: admin,
      });
      const expected = corpus.agencies
        .filter((a, i) => statusOf(i, a.kind, 2025) === 'missing')
        .map((a) => a.name);
      expect(
        missingOnly
          .json()
          .agencies.map((a: { agency: { name: string } }) => a.agency.name)
          .sort(),
      ).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
      expect(
        (await app.inject({ url: `/api/region/regions/${region.code}/years/2024`, headers: officer }))
          .statusCode,
      ).toBe(403);
      expect(
        (await app.inject({ url: `/api/region/regions/${region.code}/years/2024`, headers: otherSupervisor }))
          .statusCode,
      ).toBe(403);
    }, 60_000);

    it('drills down from region to agency to report to findings, and flags a section copied from the previous year', async () => {
      const overview = (
        await app.inject({ url: `/api/region/regions/${region.code}/years/2024`, headers: supervisor })
      ).json();
      const entry = overview.agencies.find(
        (a: { agency: { name: string } }) => a.agency.name === corpus.agencies[5]!.name,
      );
      const versions = await app.inject({
        url: `/api/region/agencies/${entry.agency.id}/reports`,
        headers: supervisor,
      });
      expect(versions.json().versions.map((v: { year: number }) => v.year)).toEqual([2025, 2024, 2023]);
      const detail = (
        await app.inject({ url: `/api/region/reports/${entry.report.reportId}`, headers: supervisor })
      ).json();
      expect(detail.year).toBe(2024);
      expect(detail.previous.year).toBe(2023);
      expect(detail.similarity.find((s: { section: string }) => s.section === 'problems')).toMatchObject({
        similarity: 1,
        copied: true,
      });
      // A late report: its detail carries the finding on the publication date, located in the report.
      const lateEntry = overview.agencies.find((a: { status: string }) => a.status === 'late');
      const lateDetail = (
        await app.inject({ url: `/api/region/reports/${lateEntry.report.reportId}`, headers: supervisor })
      ).json();
      expect(lateDetail.findings.some((f: { ruleId: string }) => f.ruleId === 'P-01')).toBe(true);
      expect(lateEntry.report.errorCount).toBe(lateDetail.summary.errors);
      expect(
        (await app.inject({ url: `/api/region/reports/${entry.report.reportId}`, headers: otherSupervisor }))
          .statusCode,
      ).toBe(403);
      expect((await app.inject({ url: '/api/region/reports/nope', headers: supervisor })).statusCode).toBe(
        404,
      );
    });
  });

  describe('exports', () => {
    it('gives CSV with a BOM and XLSX with the same numbers, and no personal data', async () => {
      const csv = await app.inject({
        url: `/api/exports/regions/${region.code}/reports?from=2023&to=2025&format=csv`,
        headers: supervisor,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines).toHaveLength(corpus.files.length + 1);
      const xlsx = await app.inject({
        url: `/api/exports/regions/${region.code}/reports?from=2023&to=2025&format=xlsx`,
        headers: supervisor,
      });
      const [sheet] = await readXlsxFile(xlsx.rawPayload);
      const header = sheet!.data[0] as string[];
      // XLSX defaults to the form's Chinese words; headers=en gives the stable keys for programs.
      const col = header.indexOf(EXPORT_COLUMNS_ZH[EXPORT_COLUMNS.indexOf('t3_new_received_total')]!);
      expect(col).toBeGreaterThan(0);
      const keyed = await app.inject({
        url: `/api/exports/regions/${region.code}/reports?from=2023&to=2025&format=xlsx&headers=en`,
        headers: supervisor,
      });
      const [keyedSheet] = await readXlsxFile(keyed.rawPayload);
      expect((keyedSheet!.data[0] as string[])[col]).toBe('t3_new_received_total');
      expect(sheet!.data.slice(1).reduce((s, r) => s + Number(r[col]), 0)).toBe(
        corpus.files.reduce((s, f) => s + f.report.table3.newReceived[6]!, 0),
      );
      const json = await app.inject({
        url: `/api/exports/regions/${region.code}/reports?from=2024&format=json`,
        headers: supervisor,
      });
      for (const body of [csv.payload, JSON.stringify(sheet), json.payload]) {
        for (const value of Object.values(TEST_APPLICANT))
          if (typeof value === 'string') expect(body).not.toContain(value);
      }
      expect(
        (await app.inject({ url: `/api/exports/regions/${region.code}/reports?from=2023`, headers: officer }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await app.inject({
            url: `/api/exports/regions/${region.code}/reports?from=2025&to=2023`,
            headers: supervisor,
          })
        ).statusCode,
      ).toBe(400);
    }, 60_000);
  });

  describe('the five seeds', () => {
    it(
      'import as single files, the renamed agency by mapping, the other city’s report skipped',
      async () => {
        const city = await createRegion(t.db, { code: `S${region.code}`, name: '中卫市', level: 'city' });
        await createAgency(t.db, { regionId: city.id, name: '中卫市数据局', kind: 'department' });
        const headers = await tokenHeaders(
          t.db,
          await createTestUser(t.db, 'supervisor', { regionId: city.id }),
        );
        const statuses: string[] = [];
        for (const name of ['000', '001', '002', '003', '004'] as const) {
          const bytes = Buffer.from(`${readFileSync(seedTextPath(name), 'utf8')}\n（${t.dialect}）\n`);
          const query = `region=${city.code}&filename=${name}.txt&createAgencies=true&map=${encodeURIComponent('中卫市云计算和大数据发展局=中卫市数据局')}`;
          const preview = await app.inject({
            method: 'POST',
            url: `/api/imports?${query}`,
            headers: { ...headers, 'content-type': 'text/plain' },
            payload: bytes,
          });
          expect(preview.statusCode).toBe(201);
          const batch = await confirm(headers, preview.json().batchId);
          statuses.push(batch.summary.files[0].status);
        }
        expect(statuses).toEqual(['imported', 'imported', 'imported', 'imported', 'skipped']);
        const overview = (
          await app.inject({ url: `/api/region/regions/${city.code}/years/2023`, headers })
        ).json();
        expect(overview.agencies.map((a: { agency: { name: string } }) => a.agency.name).sort()).toEqual(
          ['中卫市工业和信息化局', '中卫市数据局', '中卫市机关事务服务中心'].sort(),
        );
      },
      JOB_TEST_TIMEOUT_MS,
    );
  });
});
