import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertRandomApplications } from '../../../../test/support/insert-applications.ts';
import { random } from '../../../../test/support/random.ts';
import { recordFeesCharged } from '../../../../test/support/report-records.ts';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  sessionHeaders,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { SUGGESTION_HANDLINGS } from '../../../core/work-records/work-records.ts';

describeEachDialect('the narrative drafted from the work records through the API', (t) => {
  const clock = new TestClock('2026-01-12');
  let app: FastifyInstance;
  let org: TestOrganisation;
  const headers: Record<string, Headers> = {};
  const base = () => `/api/agencies/${org.agencyX.id}`;
  const next = random(808);
  // Random suggestions, counted independently of the summariser.
  const suggestions = Array.from({ length: 2 + Math.floor(next() * 9) }, (_, i) => {
    // The first two differ, so the draft enumerates the handlings ("其中已采纳…、办理中…").
    const handling =
      i === 0
        ? 'adopted'
        : i === 1
          ? 'pending'
          : SUGGESTION_HANDLINGS[Math.floor(next() * SUGGESTION_HANDLINGS.length)]!;
    return {
      content: `意见建议${i + 1}`,
      receivedOn: '2025-09-27',
      handling,
      handledOn: handling === 'pending' ? null : '2025-10-15',
    };
  });
  const participants = 10 + Math.floor(next() * 90);

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    const scopes = {
      officer: ['officer', { agencyId: org.agencyX.id }],
      officerY: ['officer', { agencyId: org.agencyY.id }],
      supervisor: ['supervisor', { regionId: org.cityA.id }],
    } as const;
    for (const [key, [role, scope]] of Object.entries(scopes)) {
      const user = await createTestUser(t.db, role, scope);
      headers[key] = await sessionHeaders(t.db, user, clock.at);
    }
    await insertRandomApplications(t.db, {
      agencyId: org.agencyX.id,
      count: 20,
      seed: 8,
      from: '2025-01-01',
      days: 365,
    });
    // The fee charged is recorded, so that 六（一） states it rather than leaving a placeholder.
    await recordFeesCharged(t.db, org.agencyX.id, 2025);
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: headers[who]!, ...(payload ? { payload } : {}) });
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  let reportId: string;
  let draft: {
    overview: string;
    other: string;
    parts: Array<{ key: string; heading: string; text: string }>;
  };

  it('drafts 一（五） with the open day and its suggestions, and 六 with the tasks in order', async () => {
    ok(
      await call('officer', 'POST', `${base()}/work-records`, {
        kind: 'evaluation',
        data: {
          kind: 'openDay',
          theme: '走进政务服务中心',
          heldOn: '2025-09-27',
          endsOn: null,
          participants,
          formsHandedOut: participants,
          suggestions,
        },
      }),
      201,
    );
    for (const [position, title] of [
      [2, '推进基层政务公开标准化'],
      [1, '做好政策解读'],
    ] as const) {
      ok(
        await call('officer', 'POST', `${base()}/work-records`, {
          kind: 'task',
          data: { year: 2025, position, title, implementation: `已落实第${position}项。` },
        }),
        201,
      );
    }
    reportId = ok(await call('officer', 'POST', `${base()}/reports`, { year: 2025 }), 201).id;
    draft = ok(await call('officer', 'GET', `${base()}/reports/${reportId}/draft-narrative`));

    const supervision = draft.parts.find((p) => p.key === 'supervision')!;
    expect(supervision.heading).toBe('（五）监督保障');
    expect(supervision.text).toContain('9月27日，开展以“走进政务服务中心”为主题的政府开放日');
    expect(supervision.text).toContain(`参加${participants}人`);
    expect(supervision.text).toContain(`收集意见建议${suggestions.length}条`);
    const adopted = suggestions.filter((s) => s.handling === 'adopted').length;
    expect(supervision.text).toContain(`，其中已采纳${adopted}条`);
    expect(draft.overview).toContain(supervision.text.split('\n')[0]);
    expect(draft.other.indexOf('1.做好政策解读')).toBeGreaterThan(-1);
    expect(draft.other.indexOf('1.做好政策解读')).toBeLessThan(
      draft.other.indexOf('2.推进基层政务公开标准化'),
    );
  });

  it('gives no narrative finding on the draft as saved, and N-06 once the total no longer adds up', async () => {
    const saved = ok(
      await call('officer', 'PATCH', `${base()}/reports/${reportId}/sections`, {
        expectedRevision: 1,
        overview: draft.overview,
        other: draft.other,
      }),
    );
    const narrative = (f: { ruleId: string }) => /^N-/.test(f.ruleId);
    expect(saved.findings.filter(narrative)).toEqual([]);

    const stated = `收集意见建议${suggestions.length}条`;
    const broken = draft.overview.replace(stated, `收集意见建议${suggestions.length + 3}条`);
    expect(broken).not.toBe(draft.overview);
    const edited = ok(
      await call('officer', 'PATCH', `${base()}/reports/${reportId}/sections`, {
        expectedRevision: saved.revision,
        overview: broken,
        other: draft.other,
      }),
    );
    const n06 = edited.findings.filter((f: { ruleId: string }) => f.ruleId === 'N-06');
    expect(n06.length).toBe(1);
    expect(n06[0].message).toContain(String(suggestions.length + 3));
  });

  it('is described in /api/openapi.json', async () => {
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json();
    const route = openapi.paths['/api/agencies/{agencyId}/reports/{id}/draft-narrative'].get;
    expect(route.tags).toEqual(['reports']);
    expect(route.summary).toContain('按公开工作台账');
    expect(Object.keys(route.responses['200'].content['application/json'].schema.properties)).toEqual([
      'overview',
      'other',
      'parts',
    ]);
  });

  it('lets the supervisor read the draft, not an officer of another agency', async () => {
    expect(
      (await call('supervisor', 'GET', `${base()}/reports/${reportId}/draft-narrative`)).statusCode,
    ).toBe(200);
    expect((await call('officerY', 'GET', `${base()}/reports/${reportId}/draft-narrative`)).statusCode).toBe(
      403,
    );
    expect((await call('officer', 'GET', `${base()}/reports/nope/draft-narrative`)).statusCode).toBe(404);
  });
});
