import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { createTestOrganisation, createTestUser } from '../../../test/support/server-factories.ts';
import { TestClock } from '../../../test/support/server-test-app.ts';
import { describeEachDialect, type StoreTestContext } from '../../../test/support/store-test-db.ts';
import { countHit } from '../../store/rate-limits/rate-limit-counters.repository.ts';
import { createSession } from '../../store/users/sessions.repository.ts';
import { registerClock } from './clock.ts';
import { PURGE_INTERVAL_MS, periodOf, purgeExpired } from './scheduled-work.ts';

/** An instance of the server as far as scheduled work sees it: the database and a clock. */
async function instance(t: StoreTestContext, clock: TestClock) {
  const app = Fastify();
  app.decorate('db', t.db);
  registerClock(app, clock.now);
  await app.ready();
  return app;
}

describeEachDialect('purgeExpired', (t) => {
  it('removes expired sessions and counters once per interval across two instances, keeping live ones', async () => {
    const clock = new TestClock('2026-12-07T02:00:00.000Z');
    const org = await createTestOrganisation(t.db);
    const user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    const hour = 60 * 60 * 1000;
    await createSession(t.db, user.id, new Date('2026-12-07T00:00:00Z'), hour); // ended 01:00
    const live = await createSession(t.db, user.id, new Date('2026-12-07T01:30:00Z'), hour);
    await countHit(t.db, {
      bucket: 'b',
      subject: 'old',
      windowMs: hour,
      now: new Date('2026-12-07T00:30:00Z'),
    });
    await countHit(t.db, {
      bucket: 'b',
      subject: 'new',
      windowMs: hour,
      now: new Date('2026-12-07T01:30:00Z'),
    });

    const [a, b] = [await instance(t, clock), await instance(t, clock)];
    const ran = await Promise.all([purgeExpired(a), purgeExpired(b), purgeExpired(a)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([live.session.id]);
    const counters = await t.db.selectFrom('rate_limit_counters').select('subject').execute();
    expect(counters.map((c) => c.subject)).toEqual(['new']);

    // The next interval is claimed again (by whichever instance comes first).
    clock.set(new Date(clock.at.getTime() + PURGE_INTERVAL_MS).toISOString());
    expect(await purgeExpired(b)).toBe(true);
    expect(await purgeExpired(a)).toBe(false);
    await a.close();
    await b.close();
  });
});

it('periodOf names the interval an instant falls in', () => {
  const tenMinutes = 10 * 60 * 1000;
  expect(periodOf(new Date('2026-12-07T02:19:59.999Z'), tenMinutes)).toBe('2026-12-07T02:10:00.000Z');
  expect(periodOf(new Date('2026-12-07T02:20:00.000Z'), tenMinutes)).toBe('2026-12-07T02:20:00.000Z');
});
