import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';

const clock = new TestClock('2025-03-03');
let app: FastifyInstance;
let org: TestOrganisation;

beforeAll(async () => {
  app = await buildServerTestApp({ now: clock.now });
  await app.ready();
  org = await createTestOrganisation(app.db);
});
afterAll(async () => {
  await app.close();
});

const body = (overrides: Record<string, unknown> = {}) => ({
  applicantType: 'naturalPerson',
  applicant: { name: '李四', idNumber: '110101199001011237', email: 'lisi@example.cn' },
  description: '2024年本区老旧小区改造项目清单',
  requestedForm: { media: ['electronic'], delivery: ['email'] },
  ...overrides,
});

describe('POST /api/public/agencies/:agencyId/applications', () => {
  it('registers an online application received today, which the applicant can then track', async () => {
    clock.set('2025-03-03');
    const res = await app.inject({
      method: 'POST',
      url: `/api/public/agencies/${org.agencyX.id}/applications`,
      payload: body(),
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.agencyName).toBe(org.agencyX.name);
    expect(created.receivedOn).toBe('2025-03-03');
    // 20 working days after 3 March 2025 (a Monday; no holiday until 清明 on 4 April).
    expect(created.answerDueOn).toBe('2025-03-31');

    const track = await app.inject({
      method: 'POST',
      url: '/api/public/track',
      payload: {
        agencyId: org.agencyX.id,
        trackingNumber: created.trackingNumber,
        code: created.followUpCode,
      },
    });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ trackingNumber: created.trackingNumber, status: 'received' });
    expect(track.body).not.toContain('李四');
  });

  it('refuses an application without a way to obtain the information, and an ID number that is not one', async () => {
    clock.set('2025-03-03');
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/public/agencies/${org.agencyX.id}/applications`, payload });
    const noWay = await post(body({ requestedForm: { media: ['paper'], delivery: [] } }));
    expect(noWay.statusCode).toBe(400);
    expect(noWay.json().details).toEqual([
      { path: '/requestedForm/delivery', message: '请至少选择一种获取信息的方式、途径' },
    ]);
    const twelve345 = await post(
      body({ applicant: { name: '李四', idNumber: '12345', email: 'lisi@example.cn' } }),
    );
    expect(twelve345.statusCode).toBe(400);
    expect(twelve345.json().details).toEqual([
      {
        path: '/applicant/idNumber',
        message:
          '证件号码不是有效的居民身份证号码或统一社会信用代码：请选择证件类型（护照、其他证件）或核对号码',
      },
    ]);
    const badCheck = await post(
      body({
        applicant: { name: '李四', idType: 'resident-id', idNumber: '110101199001011234', email: 'a@b.cn' },
      }),
    );
    expect(badCheck.json().details[0].message).toBe('居民身份证号码的校验位不正确，请核对号码');
    const passport = await post(
      body({ applicant: { name: 'John Smith', idType: 'passport', idNumber: 'E12345678', email: 'a@b.cn' } }),
    );
    expect(passport.statusCode).toBe(201);
  });

  it('numbers applications in order and records them as online applications', async () => {
    const a = (
      await app.inject({
        method: 'POST',
        url: `/api/public/agencies/${org.agencyX.id}/applications`,
        payload: body(),
      })
    ).json();
    const b = (
      await app.inject({
        method: 'POST',
        url: `/api/public/agencies/${org.agencyX.id}/applications`,
        payload: body(),
      })
    ).json();
    const n = (t: string) => Number(t.split('-')[1]);
    expect(n(b.trackingNumber)).toBe(n(a.trackingNumber) + 1);
    const row = await app.db
      .selectFrom('applications')
      .select(['channel', 'submitted_on', 'confirmed_on'])
      .where('tracking_number', '=', a.trackingNumber)
      .where('agency_id', '=', org.agencyX.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'online', submitted_on: '2025-03-03', confirmed_on: '2025-03-03' });
  });

  it.each([
    ['no contact at all', body({ applicant: { name: '李四' } }), '请至少填写一种联系方式'],
    ['an empty description', body({ description: '   ' }), '请填写所需政府信息'],
    [
      'a malformed e-mail',
      body({ applicant: { name: '李四', email: 'not-an-email' } }),
      '电子邮箱格式不正确',
    ],
    ['an unknown applicant type', body({ applicantType: 'alien' }), '请选择申请人类型'],
  ])('refuses %s with a message and stores nothing', async (_what, payload, message) => {
    const before = await app.db
      .selectFrom('applications')
      .select(app.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await app.inject({
      method: 'POST',
      url: `/api/public/agencies/${org.agencyX.id}/applications`,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    const after = await app.db
      .selectFrom('applications')
      .select(app.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/agencies/nope/applications',
      payload: body(),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('机关不存在');
  });
});

describe('online applications from one address', () => {
  it('are limited per hour (PUBLIC_APPLY_MAX_PER_HOUR): the next gets 429 and is not stored; other addresses go on', async () => {
    const limited = await buildServerTestApp({ now: clock.now, env: { PUBLIC_APPLY_MAX_PER_HOUR: '2' } });
    try {
      const o = await createTestOrganisation(limited.db);
      const post = (remoteAddress: string) =>
        limited.inject({
          method: 'POST',
          url: `/api/public/agencies/${o.agencyX.id}/applications`,
          payload: body(),
          remoteAddress,
        });
      const count = async () =>
        Number(
          (
            await limited.db
              .selectFrom('applications')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect((await post('203.0.113.7')).statusCode).toBe(201);
      expect((await post('203.0.113.7')).statusCode).toBe(201);
      const refused = await post('203.0.113.7');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringContaining('每小时最多网上提交 2 件申请'),
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await count()).toBe(2);
      expect((await post('198.51.100.9')).statusCode).toBe(201);
      expect(await count()).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
