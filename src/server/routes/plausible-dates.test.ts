import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordsTestUsers,
  type RecordsTestUsers,
  recordsHeaders,
} from '../../../test/support/records-test-users.ts';
import type { Headers } from '../../../test/support/server-factories.ts';
import { registrationBody } from '../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../test/support/server-test-app.ts';

/**
 * Dates of past events are refused before 2008-05-01, the day the first 政府信息公开条例 took effect
 * (国务院令第492号, 2007-04-05, 第三十八条: 自2008年5月1日起施行), and after today.
 */
describe('dates of past events are plausible', () => {
  const clock = new TestClock('2025-03-10');
  let app: FastifyInstance;
  let users: RecordsTestUsers;
  let officer: Headers;
  const agency = () => `/api/agencies/${users.org.agencyX.id}`;

  beforeAll(async () => {
    app = await buildServerTestApp({ now: clock.now });
    users = await createRecordsTestUsers(app.db);
    officer = (await recordsHeaders(app.db, users, clock.now())).officer;
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: officer, payload });
  const count = async (table: 'applications' | 'cases' | 'disclosures') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an application received before 2008-05-01 or after today, naming the field, storing nothing', async () => {
    for (const submittedOn of ['0000-01-01', '1999-06-01', '2008-04-30']) {
      const res = await post(`${agency()}/applications`, registrationBody({ submittedOn }));
      expect({ submittedOn, status: res.statusCode }).toEqual({ submittedOn, status: 400 });
      expect(res.json().message).toContain('提交日期不能早于 2008-05-01');
    }
    const future = await post(`${agency()}/applications`, registrationBody({ submittedOn: '2025-03-11' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('晚于今天');
    expect(await count('applications')).toBe(0);
    const first = await post(`${agency()}/applications`, registrationBody({ submittedOn: '2008-05-04' }));
    expect(first.statusCode).toBe(201);
  });

  it('refuses a case filed before 2008-05-01', async () => {
    const res = await post(`${agency()}/cases`, { kind: 'review', filedOn: '1999-06-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('立案（申请）日期不能早于 2008-05-01');
    expect(await count('cases')).toBe(0);
  });

  it('refuses a disclosure formed before 2008-05-01', async () => {
    const res = await post(`${agency()}/disclosures`, {
      title: '关于某事项的通知',
      category: '政策文件',
      channel: 'website',
      documentNumber: null,
      attribute: 'proactive',
      createdOn: '0000-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('信息形成（变更）日期不能早于 2008-05-01');
    expect(await count('disclosures')).toBe(0);
  });
});
