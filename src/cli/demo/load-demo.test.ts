import { describe, expect, it } from 'vitest';
import { buildServerTestApp } from '../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { requestedFormLabel } from '../../core/applications/applicant-identity.ts';
import { getApplication } from '../../store/applications/applications.repository.ts';
import { listApplications } from '../../store/applications/list-applications.ts';
import { verifyAuditChain } from '../../store/audit/verify-audit-chains.ts';
import { countTable4 } from '../../store/cases/count-table4.ts';
import { listDisclosures } from '../../store/disclosures/disclosures.repository.ts';
import { listAgencies, listRegions } from '../../store/organisation/organisation.repository.ts';
import { getPublishedAnnualReport, listAnnualReports } from '../../store/reports/read-annual-reports.ts';
import { countTable2 } from '../../store/table2-sources/count-table2.ts';
import { findUserByUsername, listUsers } from '../../store/users/users.repository.ts';
import { loadWorkRecordsOfYear } from '../../store/work-records/load-work-records.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { loadDemo } from './load-demo.ts';
import { planDemoApplication, seededRandom } from './plan-demo-application.ts';

const NOW = new Date('2026-11-20T02:00:00.000Z');

describe('planDemoApplication', () => {
  it('never dates a step after today, and leaves recent applications open', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 200; i += 1) {
      for (const e of planDemoApplication(random, '2026-11-18', '2026-11-20')) {
        expect('on' in e ? e.on : e.type === 'extension' ? e.approvedOn : '').not.toBe('');
        expect(JSON.stringify(e)).not.toMatch(/2026-11-2[1-9]|2026-12|2027/);
      }
    }
  });
});

describeEachDialect('loadDemo', (t) => {
  it('creates the Ningxia demo region, agencies, users and a year of applications in every state', async () => {
    const summary = await loadDemo(t.db, NOW);
    expect(summary.password).toBe(DEMO_PASSWORD);
    expect(summary.users.map((u) => u.role).sort()).toEqual(
      [
        'officer',
        'officer',
        'officer',
        'reviewer',
        'reviewer',
        'reviewer',
        'supervisor',
        'supervisor',
      ].sort(),
    );
    expect(summary.applicationsCreated).toBeGreaterThan(70);
    const [nx] = await listRegions(t.db, null);
    expect(nx?.name).toBe('宁夏回族自治区');
    const agencies = await listAgencies(t.db, nx!.id);
    expect(agencies.map((a) => a.name).sort()).toEqual(
      ['中卫市数据局', '中卫市工业和信息化局', '沙坡头区人民政府办公室'].sort(),
    );
    const data = agencies.find((a) => a.name === '中卫市数据局')!;
    const all = await listApplications(t.db, data.id, {}, { limit: 200 });
    expect(all.total).toBeGreaterThan(30);
    const statuses = new Set(all.items.map((a) => a.status));
    expect(statuses).toContain('concluded');
    expect(statuses.size).toBeGreaterThanOrEqual(2);
    const outcomes = new Set(all.items.map((a) => a.outcome).filter(Boolean));
    expect(outcomes.size).toBeGreaterThanOrEqual(4);
    const received = all.items.map((a) => a.receivedOn);
    // From 1 January of last year (so that last year's report has a real table 三) to today.
    expect(received.every((d) => d >= '2025-01-01' && d <= '2026-11-20')).toBe(true);
    // 条例第二十九条第二款第（三）项: every demo applicant states the form wanted.
    for (const a of all.items) {
      const stored = await getApplication(t.db, data.id, a.id);
      expect(requestedFormLabel(stored!.requestedForm)).toMatch(/文本；/);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('gives 中卫市数据局 a year (2025) of records whose tables 二 and 四 match the hand count', async () => {
    const [nx] = await listRegions(t.db, null);
    const agencies = await listAgencies(t.db, nx!.id);
    const data = agencies.find((a) => a.name === '中卫市数据局')!;
    const industry = agencies.find((a) => a.name === '中卫市工业和信息化局')!;
    expect(await countTable2(t.db, data.id, 2025)).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 2, repealed: 1, inForce: 3 },
      licensing: 12,
      punishment: 0,
      coercion: 0,
      feesWanYuan: 0,
    });
    expect(await countTable4(t.db, data.id, 2025)).toEqual({
      review: [1, 1, 0, 0, 2],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [1, 0, 0, 0, 1],
    });
    const t2 = await countTable2(t.db, industry.id, 2025);
    expect([t2.normativeDocuments.issued, t2.licensing, t2.punishment, t2.coercion, t2.feesWanYuan]).toEqual([
      1, 86, 14, 2, 3.265,
    ]);
    const register = await listDisclosures(t.db, data.id, {}, { limit: 50 });
    expect(register.items.map((d) => d.status).sort()).toEqual([
      'approved',
      'published',
      'published',
      'sectionApproved',
      'submitted',
    ]);
    expect((await listDisclosures(t.db, data.id, { overdueOn: '2026-11-20' })).total).toBe(1);
  });

  it('gives the agencies a year (2025) of work records, the open day with its suggestions', async () => {
    const [nx] = await listRegions(t.db, null);
    const byName = new Map((await listAgencies(t.db, nx!.id)).map((a) => [a.name, a.id]));
    const data = await loadWorkRecordsOfYear(t.db, byName.get('中卫市数据局')!, 2025);
    expect(data.evaluations).toHaveLength(1);
    expect(data.evaluations[0]).toMatchObject({
      theme: '云聚中卫 数算未来',
      participants: 60,
      formsHandedOut: 60,
    });
    expect(data.evaluations[0]!.suggestions.map((s) => s.handling)).toEqual([
      'adopted',
      'answered',
      'pending',
    ]);
    expect(data.proposals.map((p) => [p.kind, p.resultPublishedOn !== null])).toEqual([
      ['npcSuggestion', true],
      ['npcSuggestion', true],
      ['cppccProposal', false],
    ]);
    // Both interpretations are of the agency's 行政规范性文件 of the year, linked to them.
    expect(data.interpretations.map((i) => i.normativeDocumentId).sort()).toEqual(
      data.normativeDocumentsIssued.map((d) => d.id).sort(),
    );
    expect(data.channels.map((c) => [c.kind, c.figures?.posts])).toEqual([
      ['website', 214],
      ['wechat', 356],
    ]);
    expect(data.figures).toMatchObject({ workPlanTitle: '中卫市2025年政务公开工作要点' });
    expect(data.tasks.map((x) => x.position)).toEqual([1, 2, 3]);
    expect(data.disclosures.proactivePublished).toBe(2);
    const industry = await loadWorkRecordsOfYear(t.db, byName.get('中卫市工业和信息化局')!, 2025);
    expect(industry.evaluations).toEqual([]);
    expect(industry.interpretations).toHaveLength(1);
    const spt = await loadWorkRecordsOfYear(t.db, byName.get('沙坡头区人民政府办公室')!, 2025);
    expect([spt.interpretations, spt.evaluations, spt.trainings]).toEqual([[], [], []]);
  });

  it('publishes the 2025 reports of two agencies by 31 January 2026, assembled from that year’s records; the third has not published', async () => {
    const [nx] = await listRegions(t.db, null);
    const byName = new Map((await listAgencies(t.db, nx!.id)).map((a) => [a.name, a.id]));
    const data = await getPublishedAnnualReport(t.db, byName.get('中卫市数据局')!, 2025);
    expect(data).toMatchObject({ status: 'published', publishedOn: '2026-01-20', errorCount: 0 });
    expect(data!.publishedOn! <= '2026-01-31').toBe(true);
    // Table 二 of the published report is the hand count of the demo records (see the test above).
    expect(data!.report.table2.normativeDocuments).toEqual({ issued: 2, repealed: 1, inForce: 3 });
    expect(data!.report.table4.review).toEqual([1, 1, 0, 0, 2]);
    expect(data!.report.sections.problems).not.toBe('');
    const text = JSON.stringify(data!.report.sections);
    expect(text).not.toMatch(/请根据|请填写/);
    // The applications span all of 2025 (from 1 January of last year): table 三 is a real year's.
    const received2025 = await t.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', byName.get('中卫市数据局')!)
      .where('received_on', '>=', '2025-01-01')
      .where('received_on', '<=', '2025-12-31')
      .executeTakeFirstOrThrow();
    expect(Number(received2025.n)).toBeGreaterThan(6);
    expect(data!.report.table3.newReceived[6]).toBe(Number(received2025.n));
    const firstHalf = await t.db
      .selectFrom('applications')
      .select('received_on')
      .where('agency_id', '=', byName.get('中卫市数据局')!)
      .where('received_on', '<', '2025-07-01')
      .execute();
    expect(firstHalf.length).toBeGreaterThan(0);
    const industry = await getPublishedAnnualReport(t.db, byName.get('中卫市工业和信息化局')!, 2025);
    expect(industry?.report.table2.licensing).toBe(86);
    expect(await listAnnualReports(t.db, byName.get('沙坡头区人民政府办公室')!)).toEqual([]);
    // Each step by the people whose role takes it: drafted and submitted by the officer, approved by a reviewer.
    const officer = await findUserByUsername(t.db, 'shuju.jingban');
    const reviewer = await findUserByUsername(t.db, 'shuju.shenhe');
    expect(data).toMatchObject({ submittedBy: officer!.id, approvedBy: reviewer!.id });
  });

  it('is idempotent: a second load adds nothing', async () => {
    const users = (await listUsers(t.db)).length;
    const audit = (await verifyAuditChain(t.db)).entries;
    const again = await loadDemo(t.db, NOW);
    expect(again.applicationsCreated).toBe(0);
    expect((await listUsers(t.db)).length).toBe(users);
    expect((await verifyAuditChain(t.db)).entries).toBe(audit);
  });

  it('lets a demo officer sign in and see an inbox with overdue and due-soon cases', async () => {
    const app = await buildServerTestApp({ store: t, now: () => NOW });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'shuju.jingban', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const agencyId = login.json().user.agencyId;
    const cookie = `gongkai_session=${login.cookies[0]!.value}`;
    const summary = await app.inject({
      url: `/api/agencies/${agencyId}/deadlines/summary`,
      headers: { cookie },
    });
    expect(summary.json().open).toBeGreaterThan(0);
    const supervisor = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ningxia.zhuguan', password: DEMO_PASSWORD },
    });
    const list = await app.inject({
      url: `/api/agencies/${agencyId}/applications`,
      headers: { cookie: `gongkai_session=${supervisor.cookies[0]!.value}` },
    });
    expect(list.statusCode).toBe(200);
    await app.close();
  });
});
