import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestReportVersion } from '../../../../test/support/report-records.ts';
import {
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { agencyMatcher } from '../../../core/region/agency-names.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { regionalAgencies } from '../../../store/region/regional-agencies.ts';

describeEachDialect('administrators rename and close regions and agencies', (t) => {
  const clock = new TestClock('2026-06-01');
  let app: FastifyInstance;
  let admin: Headers;
  let cityId: string;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    admin = await sessionHeaders(t.db, await createTestUser(t.db, 'admin'), clock.at);
    cityId = (await post('/api/regions', { code: '640500', name: '中卫市', level: 'city' })).json().id;
  });
  afterAll(async () => {
    await app.close();
  });

  function post(url: string, payload: object, as: Headers = admin) {
    return app.inject({ method: 'POST', url, headers: as, payload });
  }
  const agencyNamed = async (name: string) =>
    (await app.inject({ url: `/api/agencies?regionId=${cityId}` }))
      .json()
      .items.find((a: { name: string }) => a.name === name);

  describe('renaming an agency (机构改革)', () => {
    it('keeps the former name with its date, so a report published under it still finds the agency', async () => {
      const created = (
        await post('/api/agencies', {
          regionId: cityId,
          name: '中卫市云计算和大数据发展局',
          kind: 'department',
        })
      ).json();
      const renamed = await post(`/api/agencies/${created.id}/rename`, {
        name: '中卫市数据局',
        renamedOn: '2025-03-01',
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({
        id: created.id,
        name: '中卫市数据局',
        closedOn: null,
        formerNames: [{ name: '中卫市云计算和大数据发展局', renamedOn: '2025-03-01' }],
      });
      expect(await agencyNamed('中卫市数据局')).toMatchObject({ id: created.id });
      expect(await agencyNamed('中卫市云计算和大数据发展局')).toBeUndefined();
      // Seed 000 (2024) printed the former name; the import's matcher finds the renamed agency.
      const match = agencyMatcher(await regionalAgencies(t.db, cityId, 'all'));
      expect(match('中卫市云计算和大数据发展局')).toEqual({
        kind: 'matched',
        agencyId: created.id,
        via: 'former-name',
      });
      expect((await listAuditEntries(t.db, 'agency', created.id)).map((e) => e.action)).toEqual([
        'create',
        'rename',
      ]);
    });

    it('refuses a rename to the same name, dated in the future, or not after the last rename', async () => {
      const agency = await agencyNamed('中卫市数据局');
      const same = await post(`/api/agencies/${agency.id}/rename`, {
        name: '中卫市数据局',
        renamedOn: '2026-01-01',
      });
      expect([same.statusCode, same.json().message]).toEqual([400, '新名称与现名称相同']);
      const future = await post(`/api/agencies/${agency.id}/rename`, { name: '甲', renamedOn: '2026-06-02' });
      expect(future.json().message).toBe('改名日期不能晚于今天');
      const earlier = await post(`/api/agencies/${agency.id}/rename`, {
        name: '甲',
        renamedOn: '2025-03-01',
      });
      expect(earlier.json().message).toBe('改名日期应晚于上次改名（2025-03-01）');
      expect((await agencyNamed('中卫市数据局')).formerNames).toHaveLength(1);
    });
  });

  describe('closing an agency (撤销)', () => {
    it('is refused while it has open applications, then leaves the lists but stays in the years before', async () => {
      const agency = (
        await post('/api/agencies', { regionId: cityId, name: '中卫市粮食局', kind: 'department' })
      ).json();
      const officer = await sessionHeaders(
        t.db,
        await createTestUser(t.db, 'officer', { agencyId: agency.id }),
        clock.at,
      );
      const registered = await post(
        `/api/agencies/${agency.id}/applications`,
        registrationBody({ submittedOn: '2026-05-20' }),
        officer,
      );
      expect(registered.statusCode).toBe(201);
      const refused = await post(`/api/agencies/${agency.id}/close`, { closedOn: '2026-05-31' });
      expect([refused.statusCode, refused.json().message]).toEqual([
        400,
        '“中卫市粮食局”还有 1 件未办结的政府信息公开申请，办结后才能撤销',
      ]);
      expect(await agencyNamed('中卫市粮食局')).toBeDefined();

      const empty = (
        await post('/api/agencies', { regionId: cityId, name: '中卫市物价局', kind: 'department' })
      ).json();
      const closed = await post(`/api/agencies/${empty.id}/close`, { closedOn: '2026-03-01' });
      expect(closed.json()).toMatchObject({ closedOn: '2026-03-01' });
      expect(await agencyNamed('中卫市物价局')).toBeUndefined();
      // Its 2025 report was due on 31 January 2026, before it closed: the 2025 overview keeps it.
      const in2025 = await regionalAgencies(t.db, cityId, { existingAfter: '2025-12-31' });
      expect(in2025.map((a) => a.name)).toContain('中卫市物价局');
      const in2026 = await regionalAgencies(t.db, cityId, { existingAfter: '2026-12-31' });
      expect(in2026.map((a) => a.name)).not.toContain('中卫市物价局');
      const again = await post(`/api/agencies/${empty.id}/close`, { closedOn: '2026-04-01' });
      expect(again.json().message).toBe('“中卫市物价局”已于2026-03-01撤销，不能再次撤销');
      expect((await listAuditEntries(t.db, 'agency', empty.id)).at(-1)).toMatchObject({
        action: 'close',
        after: { closedOn: '2026-03-01' },
      });
    });
  });

  describe('merging an agency into its successor (合并)', () => {
    it('checks the successor, then shows the merged agency’s published reports in the successor’s history, and is undone by reopening', async () => {
      const create = async (name: string) =>
        (await post('/api/agencies', { regionId: cityId, name, kind: 'department' })).json();
      const merged = await create('中卫市旅游局');
      const successor = await create('中卫市文化旅游广电局');
      await insertTestReportVersion(t.db, merged.id, 2024, 'published');
      const self = await post(`/api/agencies/${merged.id}/close`, {
        closedOn: '2025-03-01',
        mergedInto: merged.id,
      });
      expect([self.statusCode, self.json().message]).toEqual([400, '机关不能合并至自身']);
      const unknown = await post(`/api/agencies/${merged.id}/close`, {
        closedOn: '2025-03-01',
        mergedInto: 'nope',
      });
      expect(unknown.json().message).toBe('合并至的机关不存在');
      expect((await agencyNamed('中卫市旅游局')).closedOn).toBeNull();

      const done = await post(`/api/agencies/${merged.id}/close`, {
        closedOn: '2025-03-01',
        mergedInto: successor.id,
      });
      expect(done.json()).toMatchObject({ closedOn: '2025-03-01', mergedInto: successor.id });
      const officer = await sessionHeaders(
        t.db,
        await createTestUser(t.db, 'officer', { agencyId: successor.id }),
        clock.at,
      );
      const list = (
        await app.inject({ url: `/api/agencies/${successor.id}/reports`, headers: officer })
      ).json();
      const stored = await t.db
        .selectFrom('annual_reports')
        .select(['id', 'numbers_json'])
        .where('agency_id', '=', merged.id)
        .executeTakeFirstOrThrow();
      const numbers = JSON.parse(stored.numbers_json);
      expect(list.items).toEqual([]);
      expect(list.mergedReports).toEqual([
        {
          reportId: stored.id,
          agencyId: merged.id,
          agencyName: '中卫市旅游局',
          mergedOn: '2025-03-01',
          year: 2024,
          version: 1,
          publishedOn: '2025-01-20',
          newReceived: numbers.table3.newReceived[6],
          totalConcluded: numbers.table3.totalConcluded[6],
          carriedForward: numbers.table3.carriedForward[6],
        },
      ]);
      // The supervising office sees the same history in the successor's views.
      const supervisor = await sessionHeaders(
        t.db,
        await createTestUser(t.db, 'supervisor', { regionId: cityId }),
        clock.at,
      );
      const supervised = (
        await app.inject({ url: `/api/region/agencies/${successor.id}/reports`, headers: supervisor })
      ).json();
      expect(supervised.mergedReports).toEqual(list.mergedReports);
      const successorReport = await insertTestReportVersion(t.db, successor.id, 2025, 'published');
      const detail = (
        await app.inject({ url: `/api/region/reports/${successorReport.id}`, headers: supervisor })
      ).json();
      expect(detail.mergedReports).toEqual(list.mergedReports);
      // The 2025 overview does not expect a 2025 report of an agency gone since March 2025.
      const in2025 = await regionalAgencies(t.db, cityId, { existingAfter: '2025-12-31' });
      expect(in2025.map((a) => a.name)).not.toContain('中卫市旅游局');
      // A successor must exist: one cannot merge into the closed agency.
      const third = await create('中卫市体育局');
      const intoClosed = await post(`/api/agencies/${third.id}/close`, {
        closedOn: '2025-03-01',
        mergedInto: merged.id,
      });
      expect(intoClosed.json().message).toBe('“中卫市旅游局”已撤销，不能作为合并后的机关');

      const reopened = await post(`/api/agencies/${merged.id}/reopen`, {});
      expect(reopened.json()).toMatchObject({ closedOn: null, mergedInto: null });
      const after = (
        await app.inject({ url: `/api/agencies/${successor.id}/reports`, headers: officer })
      ).json();
      expect(after.mergedReports).toEqual([]);
      const again = await post(`/api/agencies/${merged.id}/reopen`, {});
      expect(again.json().message).toBe('“中卫市旅游局”未撤销，无需恢复');
      expect((await listAuditEntries(t.db, 'agency', merged.id)).map((e) => [e.action, e.after])).toEqual([
        ['create', expect.anything()],
        ['close', { closedOn: '2025-03-01', mergedInto: successor.id }],
        ['reopen', { closedOn: null, mergedInto: null }],
      ]);
    });

    it('lists closed regions and agencies only when asked, and reopens a region', async () => {
      const county = (
        await post('/api/regions', { code: '640599', name: '旧县', level: 'county', parentId: cityId })
      ).json();
      await post(`/api/regions/${county.id}/close`, { closedOn: '2025-01-01' });
      const codes = async (query: string) =>
        (await app.inject({ url: `/api/regions?${query}` }))
          .json()
          .items.map((r: { code: string }) => r.code);
      expect(await codes('all=true')).not.toContain('640599');
      expect(await codes('all=true&includeClosed=true')).toContain('640599');
      const reopened = await post(`/api/regions/${county.id}/reopen`, {});
      expect(reopened.json()).toMatchObject({ closedOn: null });
      expect(await codes('all=true')).toContain('640599');
      expect((await listAuditEntries(t.db, 'region', county.id)).at(-1)).toMatchObject({
        action: 'reopen',
        before: { closedOn: '2025-01-01' },
      });
    });
  });

  describe('regions', () => {
    it('are renamed with their code kept, and closed only once nothing below them exists', async () => {
      const county = (
        await post('/api/regions', { code: '640521', name: '中宁县', level: 'county', parentId: cityId })
      ).json();
      const renamed = await post(`/api/regions/${county.id}/rename`, { name: '中宁县（新）' });
      expect(renamed.json()).toMatchObject({ code: '640521', name: '中宁县（新）' });
      const agency = (
        await post('/api/agencies', { regionId: county.id, name: '中宁县民政局', kind: 'department' })
      ).json();
      const refused = await post(`/api/regions/${county.id}/close`, { closedOn: '2026-05-01' });
      expect(refused.json().message).toBe('“中宁县（新）”下还有1个机关未撤销，请先撤销它们');
      await post(`/api/agencies/${agency.id}/close`, { closedOn: '2026-05-01' });
      const closed = await post(`/api/regions/${county.id}/close`, { closedOn: '2026-05-01' });
      expect(closed.json()).toMatchObject({ closedOn: '2026-05-01' });
      const all = (await app.inject({ url: '/api/regions?all=true' })).json().items as Array<{ id: string }>;
      expect(all.map((r) => r.id)).not.toContain(county.id);
      const added = await post('/api/agencies', {
        regionId: county.id,
        name: '中宁县教育局',
        kind: 'department',
      });
      expect(added.json().message).toBe('行政区划“中宁县（新）”已撤销，不能再添加机关');
      expect((await listAuditEntries(t.db, 'region', county.id)).map((e) => e.action)).toEqual([
        'create',
        'rename',
        'close',
      ]);
    });
  });
});
