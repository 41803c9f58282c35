import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { HOLIDAY_SCHEDULES } from '../../../core/calendar/holidays.ts';
import { activateHolidaySchedules } from '../../../core/calendar/workdays.ts';

const MADE_UP_2027 = readFileSync(
  new URL('../../../../test/fixtures/calendar/2027-holiday-notice-made-up.txt', import.meta.url),
  'utf8',
);

describeEachDialect('calendar routes', (t) => {
  let app: FastifyInstance;
  let admin: Headers;
  let officer: Headers;
  let agencyId: string;
  const clock = new TestClock('2026-12-07T10:00:00+08:00');

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    const org = await createTestOrganisation(t.db);
    agencyId = org.agencyX.id;
    admin = await sessionHeaders(t.db, await createTestUser(t.db, 'admin'));
    officer = await sessionHeaders(t.db, await createTestUser(t.db, 'officer', { agencyId }));
  });
  afterAll(async () => {
    await app.close();
    activateHolidaySchedules(HOLIDAY_SCHEDULES);
  });

  const get = (url: string, as: Headers) => app.inject({ method: 'GET', url, headers: as });
  const post = (url: string, payload: object, as: Headers = admin) =>
    app.inject({ method: 'POST', url, headers: as, payload });

  it('takes a 2027 notice: parse, save, the open case recomputed, audited and no longer 暂定', async () => {
    const before = (await get('/api/calendar', officer)).json();
    expect(before.years.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025, 2026]);
    expect([before.today, before.nextYearMissing]).toEqual(['2026-12-07', true]);

    const registered = await post(
      `/api/agencies/${agencyId}/applications`,
      registrationBody({ submittedOn: '2026-12-07' }),
      officer,
    );
    expect(registered.statusCode).toBe(201);
    const id: string = registered.json().application.id;
    // 20 working days from 2026-12-07: 12-08 … 12-31 (18), 2027-01-01 元旦, 01-04 (19), 01-05 (20).
    expect(registered.json().application).toMatchObject({
      answerDueOn: '2027-01-05',
      answerDueProvisional: { years: [2027] },
    });
    expect(registered.json().deadlines.provisional.reason).toBe(
      '2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定',
    );

    const summary = () => get(`/api/agencies/${agencyId}/deadlines/summary`, officer);
    expect((await summary()).json().provisional).toBe(1);

    const parsed = await post('/api/calendar/parse', { text: MADE_UP_2027 });
    expect(parsed.statusCode).toBe(200);
    const schedule = parsed.json().schedule;
    expect(schedule).toMatchObject({ year: 2027, issuedOn: '2026-11-20', documentNumber: null });
    expect(schedule.holidays[0]).toEqual({ name: '元旦', from: '2027-01-01', to: '2027-01-03' });

    expect((await post('/api/calendar', { schedule }, officer)).statusCode).toBe(403);
    const saved = await post('/api/calendar', { schedule });
    expect([saved.statusCode, saved.json()]).toEqual([201, { year: 2027, recomputed: 1 }]);

    const file = (await get(`/api/agencies/${agencyId}/applications/${id}`, officer)).json();
    // The made-up notice rests 01-01 to 01-03 (Fri–Sun): the 20th working day stays 01-05, now exact.
    expect(file.application).toMatchObject({ answerDueOn: '2027-01-05', answerDueProvisional: null });
    expect(file.deadlines.provisional).toBeNull();
    expect((await summary()).json().provisional).toBe(0);
    expect(file.auditTrail.at(-1).action).toBe('deadline.recomputed');

    const after = (await get('/api/calendar', officer)).json();
    expect(after.nextYearMissing).toBe(false);
    expect(after.years.at(-1)).toMatchObject({
      year: 2027,
      source: 'entered',
      enteredAt: expect.any(String),
    });
    expect(after.years.at(-1).enteredBy).toEqual(expect.any(String));

    const twice = await post('/api/calendar', { schedule });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'CALENDAR_YEAR_EXISTS']);
  });

  it('refuses a notice it cannot read with the line, and overlapping ranges, storing nothing', async () => {
    const bad = await post('/api/calendar/parse', {
      text: '国务院办公厅关于2028年部分节假日安排的通知\n一、元旦：元月一日。',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      code: 'CALENDAR_NOTICE_INVALID',
      message: expect.stringMatching(/^第2行无法识别：/),
      details: { line: 2 },
    });
    const overlapping = await post('/api/calendar', {
      schedule: {
        year: 2028,
        title: '国务院办公厅关于2028年部分节假日安排的通知',
        documentNumber: null,
        issuedOn: '2027-11-01',
        holidays: [
          { name: '元旦', from: '2028-01-01', to: '2028-01-03' },
          { name: '春节', from: '2028-01-02', to: '2028-01-08' },
        ],
        makeUpWorkdays: [],
      },
    });
    expect([overlapping.statusCode, overlapping.json().code]).toEqual([400, 'CALENDAR_RANGES_INVALID']);
    expect(overlapping.json().message).toContain('“元旦”（2028年1月1日至2028年1月3日）与“春节”');
    const years = (await get('/api/calendar', admin)).json().years.map((y: { year: number }) => y.year);
    expect(years).not.toContain(2028);
  });
});
