import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { sampleWorkRecords } from '../../../../test/support/work-record-samples.ts';
import { WORK_RECORD_KINDS } from '../../../core/work-records/work-record-kinds.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

describeEachDialect('work records through the API', (t) => {
  const clock = new TestClock('2026-01-05');
  let app: FastifyInstance;
  let users: RecordsTestUsers;
  let h: Record<RecordsCaller, Headers>;
  const agency = () => users.org.agencyX.id;
  const url = (path = '') => `/api/agencies/${agency()}/work-records${path}`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    users = await createRecordsTestUsers(t.db);
    h = await recordsHeaders(t.db, users, clock.now());
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (payload: unknown, caller: RecordsCaller = 'officer') =>
    app.inject({ method: 'POST', url: url(), headers: h[caller], payload: payload as object });

  it('enters a record of each kind, lists them and gives the year the narrative is drafted from', async () => {
    const samples = sampleWorkRecords();
    const ids: Record<string, string> = {};
    for (const kind of WORK_RECORD_KINDS) {
      const res = await post(samples[kind], kind === 'task' ? 'leader' : 'officer');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        kind,
        year: kind === 'channel' ? null : 2025,
        version: 1,
        data: samples[kind].data,
      });
      expect(res.json().kindLabel).toMatch(/[\u4e00-\u9fff]/);
      ids[kind] = res.json().id;
      const audit = await listAuditEntries(t.db, 'work-record', res.json().id);
      expect(audit).toHaveLength(1);
    }
    const list = await app.inject({ url: url('?year=2025'), headers: h.supervisor });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((i: { kind: string }) => i.kind)
        .sort(),
    ).toEqual([...WORK_RECORD_KINDS].sort());
    const meetings = await app.inject({ url: url('?kind=meeting'), headers: h.admin });
    expect(meetings.json().items.map((i: { id: string }) => i.id)).toEqual([ids.meeting]);
    const none = await app.inject({ url: url('?year=2024&kind=training'), headers: h.officer });
    expect(none.json().items).toEqual([]);

    const year = await app.inject({
      url: `/api/agencies/${agency()}/work-records-of-year/2025`,
      headers: h.officer,
    });
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json()).toMatchObject({
      year: 2025,
      evaluations: [samples.evaluation.data],
      proposals: [samples.proposal.data],
      figures: samples.figures.data,
      channels: [{ name: '中卫数据', figures: { year: 2025, posts: 356, followers: 15_200 } }],
      disclosures: { proactivePublished: 0, byCategory: [], byChannel: [] },
    });

    const region = await app.inject({
      url: `/api/region/regions/${users.org.cityA.code}/years/2025/work`,
      headers: h.supervisor,
    });
    expect(region.statusCode, region.body).toBe(200);
    expect(region.json().agencies).toEqual([
      { agencyId: agency(), agencyName: '甲县数据局', records: year.json() },
    ]);
    expect(region.json()).toMatchObject({ total: 1, limit: 50, offset: 0, totals: { agencies: 1 } });
    const filtered = await app.inject({
      url: `/api/region/regions/${users.org.cityA.code}/years/2025/work?noOpenDay=true&limit=10`,
      headers: h.supervisor,
    });
    // The agency held an open day (the evaluation sample): filtered out, the totals unchanged.
    expect(filtered.json()).toMatchObject({ total: 0, agencies: [], totals: region.json().totals });
    const otherCity = await app.inject({
      url: `/api/region/regions/${users.org.cityA.code}/years/2025/work`,
      headers: h.supervisorOther,
    });
    expect(otherCity.statusCode).toBe(403);
    const unknown = await app.inject({ url: '/api/region/regions/000000/years/2025/work', headers: h.admin });
    expect(unknown.statusCode).toBe(404);
  });

  it('updates with the version read, 409 when stale, and deletes', async () => {
    const samples = sampleWorkRecords();
    const created = (await post(samples.training)).json();
    const put = (payload: Record<string, unknown>, id = created.id) =>
      app.inject({ method: 'PUT', url: url(`/${id}`), headers: h.officer, payload });
    const changed = { ...samples.training, data: { ...samples.training.data, participants: 80 } };
    const ok = await put({ ...changed, expectedVersion: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, data: { participants: 80 } });
    const stale = await put({ ...changed, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该记录已被他人修改或删除，请刷新后重试');
    expect((await put({ ...changed, expectedVersion: 2 }, 'no-such-id')).statusCode).toBe(404);
    const read = await app.inject({ url: url(`/${created.id}`), headers: h.supervisor });
    expect(read.json()).toEqual(ok.json());
    const staleDelete = await app.inject({
      method: 'DELETE',
      url: url(`/${created.id}?expectedVersion=1`),
      headers: h.officer,
    });
    expect(staleDelete.statusCode).toBe(409);
    const del = await app.inject({
      method: 'DELETE',
      url: url(`/${created.id}?expectedVersion=2`),
      headers: h.officer,
    });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ url: url(`/${created.id}`), headers: h.officer })).statusCode).toBe(404);
  });

  it('refuses bad records with a Chinese message naming the field, changing nothing', async () => {
    const samples = sampleWorkRecords();
    const before = await snapshotStore(t.db);
    const cases: Array<[unknown, RegExp]> = [
      [
        {
          ...samples.evaluation,
          data: {
            ...samples.evaluation.data,
            suggestions: [
              { content: '建议', receivedOn: '2025-05-20', handling: 'adopted', handledOn: '2025-05-01' },
            ],
          },
        },
        /data\.suggestions\.0\.handledOn：意见建议的办理日期 2025-05-01 早于收到日期 2025-05-20/,
      ],
      [
        { ...samples.proposal, data: { ...samples.proposal.data, satisfactionPercent: 101 } },
        /data\.satisfactionPercent：满意度应在0至100之间/,
      ],
      [
        { ...samples.interpretation, data: { ...samples.interpretation.data, normativeDocumentId: 'nope' } },
        /所解读的规范性文件不存在/,
      ],
      [
        { ...samples.meeting, data: { ...samples.meeting.data, heldOn: '2026-01-06' } },
        /日期 2026-01-06 晚于今天/,
      ],
      [{ ...samples.training, year: 2024 }, /记录年度 2024 与记录本身的年度 2025 不一致/],
      [{ kind: 'party', data: {} }, /记录类别应为/],
    ];
    for (const [payload, message] of cases) {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.json().message).toMatch(message);
    }
    expect(await snapshotStore(t.db)).toEqual(before);
  });

  it('answers bad addresses with 400 or 404, never 500', async () => {
    const cases: Array<[string, RecordsCaller, number]> = [
      [`/api/agencies/${agency()}/work-records-of-year/1999`, 'officer', 400],
      [`/api/agencies/${agency()}/work-records-of-year/abc`, 'officer', 400],
      ['/api/agencies/no-such-agency/work-records-of-year/2025', 'admin', 404],
      ['/api/agencies/no-such-agency/work-records', 'admin', 404],
      [`${url()}?kind=party`, 'officer', 400],
      [`${url()}?year=20x5`, 'officer', 400],
      [`${url()}?page=2`, 'officer', 400],
      [url('/no-such-id'), 'officer', 404],
      [`/api/region/regions/${users.org.cityA.code}/years/3000/work`, 'admin', 400],
      [`/api/region/regions/${users.org.cityA.code}/years/2025/work?limit=0`, 'admin', 400],
      [`/api/region/regions/${users.org.cityA.code}/years/2025/work?limit=501`, 'admin', 400],
      [`/api/region/regions/${users.org.cityA.code}/years/2025/work?noOpenDay=yes`, 'admin', 400],
    ];
    for (const [path, caller, status] of cases) {
      const res = await app.inject({ url: path, headers: h[caller] });
      expect({ path, status: res.statusCode }).toEqual({ path, status });
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    const del = await app.inject({
      method: 'DELETE',
      url: url('/x?expectedVersion=zero'),
      headers: h.officer,
    });
    expect(del.statusCode).toBe(400);
  });

  it('lets only the agency staff write, and the region office and admins read', async () => {
    const samples = sampleWorkRecords();
    for (const caller of ['supervisor', 'admin', 'officerOther'] as const) {
      const res = await post(samples.meeting, caller);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/^无权录入或办理该机关的工作记录/);
    }
    const read = await app.inject({ url: url(), headers: h.supervisorOther });
    expect(read.statusCode).toBe(403);
    expect(read.json().message).toBe('无权查看该机关的工作记录');
  });
});
