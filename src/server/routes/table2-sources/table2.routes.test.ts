import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbkBytes } from '../../../../test/support/gbk.ts';
import {
  createRecordsTestUsers,
  type RecordsCaller,
  type RecordsTestUsers,
  recordsHeaders,
} from '../../../../test/support/records-test-users.ts';
import { snapshotStore } from '../../../../test/support/server-db-snapshot.ts';
import type { Headers } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

const HEADER = '机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）';

describeEachDialect('table 二 records through the API', (t) => {
  const clock = new TestClock('2026-01-05');
  let app: FastifyInstance;
  let users: RecordsTestUsers;
  let h: Record<RecordsCaller, Headers>;
  const agency = () => users.org.agencyX.id;
  const docs = () => `/api/agencies/${agency()}/normative-documents`;
  const figures = (year: number) => `/api/agencies/${agency()}/enforcement-statistics/${year}`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    users = await createRecordsTestUsers(t.db);
    h = await recordsHeaders(t.db, users, clock.now());
  });
  afterAll(async () => {
    await app.close();
  });

  const issue = (payload: Record<string, unknown>, caller: RecordsCaller = 'officer') =>
    app.inject({ method: 'POST', url: docs(), headers: h[caller], payload });

  describe('normative documents', () => {
    it('issues and repeals documents, and table 二 counts them for the year', async () => {
      const a = await issue({
        kind: 'normative',
        documentNumber: '卫数发〔2025〕1号',
        title: '数据共享管理办法',
        issuedOn: '2025-02-10',
      });
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json().kindLabel).toBe('行政规范性文件');
      const b = await issue(
        { kind: 'normative', documentNumber: '卫数发〔2023〕9号', title: '旧办法', issuedOn: '2023-05-05' },
        'sectionHead',
      );
      expect(b.statusCode).toBe(201);
      const repeal = await app.inject({
        method: 'POST',
        url: `${docs()}/${b.json().id}/repeal`,
        headers: h.officer,
        payload: { repealedOn: '2025-02-10', expectedVersion: 1 },
      });
      expect(repeal.statusCode, repeal.body).toBe(200);
      expect(repeal.json()).toMatchObject({ repealedOn: '2025-02-10', version: 2 });
      const stale = await app.inject({
        method: 'POST',
        url: `${docs()}/${b.json().id}/repeal`,
        headers: h.officer,
        payload: { repealedOn: '2025-03-10', expectedVersion: 1 },
      });
      expect(stale.statusCode).toBe(409);
      const table = await app.inject({
        method: 'GET',
        url: `/api/agencies/${agency()}/table2/2025`,
        headers: h.supervisor,
      });
      expect(table.statusCode).toBe(200);
      expect(table.json().table2.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 1 });
      expect(table.json().table2.licensing).toBeNull();
      const inForce = await app.inject({
        method: 'GET',
        url: `${docs()}?inForceOn=2024-12-31`,
        headers: h.admin,
      });
      expect(inForce.json().map((d: { documentNumber: string }) => d.documentNumber)).toEqual([
        '卫数发〔2023〕9号',
      ]);
      expect((await listAuditEntries(t.db, 'normative-document', b.json().id)).map((e) => e.action)).toEqual([
        'issue',
        'repeal',
      ]);
    });

    it('refuses impossible and future dates, a repeal before issue, a duplicate number and outsiders', async () => {
      const body = {
        kind: 'regulation',
        documentNumber: '卫政规〔2025〕1号',
        title: '某规章',
        issuedOn: '2025-06-01',
      };
      for (const payload of [
        { ...body, issuedOn: '2025-02-29' },
        { ...body, issuedOn: '2026-01-06' },
        { ...body, kind: 'notice' },
        { ...body, documentNumber: ' ' },
      ]) {
        const res = await issue(payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      }
      const ok = await issue(body);
      expect(ok.statusCode).toBe(201);
      expect((await issue(body)).statusCode).toBe(409);
      const early = await app.inject({
        method: 'POST',
        url: `${docs()}/${ok.json().id}/repeal`,
        headers: h.officer,
        payload: { repealedOn: '2025-05-31', expectedVersion: 1 },
      });
      expect(early.statusCode).toBe(400);
      for (const caller of ['officerOther', 'supervisor', 'supervisorOther', 'admin'] as const) {
        expect((await issue({ ...body, documentNumber: `x${caller}` }, caller)).statusCode, caller).toBe(403);
      }
      expect((await app.inject({ method: 'GET', url: docs(), headers: h.supervisorOther })).statusCode).toBe(
        403,
      );
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/agencies/nope/normative-documents',
        headers: h.admin,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('enforcement figures', () => {
    const put = (year: number, payload: Record<string, unknown>, caller: RecordsCaller = 'officer') =>
      app.inject({ method: 'PUT', url: figures(year), headers: h[caller], payload });

    it('enters figures with an exact fee, keeps blanks apart from zeros, and refuses a stale version', async () => {
      const empty = await app.inject({ method: 'GET', url: figures(2024), headers: h.officer });
      expect(empty.json()).toMatchObject({
        entered: false,
        licensing: null,
        feesWanYuan: null,
        version: null,
      });
      const first = await put(2024, {
        licensing: 12,
        punishment: 0,
        coercion: null,
        feesWanYuan: '0.1',
        expectedVersion: null,
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        entered: true,
        licensing: 12,
        punishment: 0,
        coercion: null,
        feesWanYuan: '0.1',
        version: 1,
      });
      expect(
        (
          await put(2024, {
            licensing: 1,
            punishment: 1,
            coercion: 1,
            feesWanYuan: '0.2',
            expectedVersion: null,
          })
        ).statusCode,
      ).toBe(409);
      const second = await put(
        2024,
        { licensing: 12, punishment: 0, coercion: 3, feesWanYuan: '1234.5678', expectedVersion: 1 },
        'leader',
      );
      expect(second.json()).toMatchObject({ coercion: 3, feesWanYuan: '1234.5678', version: 2 });
      const table = (
        await app.inject({ method: 'GET', url: `/api/agencies/${agency()}/table2/2024`, headers: h.officer })
      ).json().table2;
      expect([table.licensing, table.punishment, table.coercion, table.feesWanYuan]).toEqual([
        12, 0, 3, 1234.5678,
      ]);
      expect(
        (await listAuditEntries(t.db, 'enforcement-statistics', `${agency()}:2024`)).map((e) => e.action),
      ).toEqual(['enter', 'update']);
    });

    it('refuses negative or fractional counts, a bad fee, a bad year and outsiders', async () => {
      const good = { licensing: 1, punishment: 2, coercion: 3, feesWanYuan: '4', expectedVersion: null };
      for (const payload of [
        { ...good, licensing: -1 },
        { ...good, punishment: 1.5 },
        { ...good, feesWanYuan: '-3' },
        { ...good, feesWanYuan: '1.23456' },
        { ...good, feesWanYuan: 4 },
        { ...good, feesWanYuan: '12万元' },
      ]) {
        const res = await put(2023, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      }
      expect(
        (
          await app.inject({
            method: 'PUT',
            url: `/api/agencies/${agency()}/enforcement-statistics/1999`,
            headers: h.officer,
            payload: good,
          })
        ).statusCode,
      ).toBe(400);
      for (const caller of ['officerOther', 'supervisor', 'admin'] as const) {
        expect((await put(2023, good, caller)).statusCode, caller).toBe(403);
      }
      expect(
        (await app.inject({ method: 'GET', url: figures(2023), headers: h.officer })).json().entered,
      ).toBe(false);
    });
  });

  describe('CSV import', () => {
    const upload = (body: string | Uint8Array, caller: RecordsCaller = 'officer') =>
      app.inject({
        method: 'POST',
        url: '/api/enforcement-statistics/import',
        headers: { ...h[caller], 'content-type': 'text/csv' },
        payload: typeof body === 'string' ? body : Buffer.from(body),
      });

    it('imports UTF-8 with a BOM and GBK, by agency id or name', async () => {
      const utf8 = await upload(`\uFEFF${HEADER}\r\n${agency()},2021,5,6,7,8.5\r\n`);
      expect(utf8.statusCode, utf8.body).toBe(200);
      expect(utf8.json()).toMatchObject({ created: 1, updated: 0 });
      const gbk = await upload(
        gbkBytes(`${HEADER}\n${users.org.agencyX.name},2021,1,,0,0.0001\n${agency()},2020,0,0,0,0\n`),
      );
      expect(gbk.statusCode, gbk.body).toBe(200);
      expect(gbk.json()).toMatchObject({ created: 1, updated: 1 });
      const stored = (await app.inject({ method: 'GET', url: figures(2021), headers: h.officer })).json();
      expect(stored).toMatchObject({
        licensing: 1,
        punishment: null,
        coercion: 0,
        feesWanYuan: '0.0001',
        version: 2,
      });
    });

    it('stores nothing from a file with one bad line, and says which lines are wrong', async () => {
      const csv = [
        HEADER,
        `${agency()},2019,1,2,3,4`,
        `${agency()},2018,-1,2,3,4`,
        `${users.org.agencyY.id},2019,1,2,3,4`,
        '没有这个机关,2019,1,2,3,4',
      ].join('\n');
      const before = await snapshotStore(t.db);
      const res = await upload(csv);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('第3行');
      expect(res.json().details.lines.map((l: { line: number }) => l.line)).toEqual([3]);
      const second = await upload(csv.replace(',2018,-1,', ',2018,1,'));
      expect(second.statusCode).toBe(403);
      expect(second.json().message).toMatch(/^无权录入第4行/);
      expect(second.json().details.lines.map((l: { line: number }) => l.line)).toEqual([4, 5]);
      const third = await upload(
        csv.replace(',2018,-1,', ',2018,1,').replace(`${users.org.agencyY.id},2019`, `${agency()},2017`),
      );
      expect(third.statusCode).toBe(400);
      expect(third.json().details.lines.map((l: { line: number }) => l.line)).toEqual([5]);
      expect(await snapshotStore(t.db)).toEqual(before);
      for (const year of [2018, 2019]) {
        expect(
          (await app.inject({ method: 'GET', url: figures(year), headers: h.officer })).json().entered,
        ).toBe(false);
      }
      expect((await upload(`${HEADER}\n${agency()},2019,1,2,3,4`, 'supervisor')).statusCode).toBe(403);
      expect((await upload('不是,表头\n1,2')).statusCode).toBe(400);
    });
  });
});
