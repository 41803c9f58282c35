import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

/**
 * DOMAIN.md §A.6 marks the counting of mixed outcomes as a project convention to make configurable:
 * a supervising office chooses for its region, regions below inherit unless they choose, and an
 * officer's answer is held to the choice in force for the agency's region.
 */
describeEachDialect('a region’s counting conventions', (t) => {
  const clock = new TestClock('2025-03-03');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let cityOffice: Headers;
  let countyOffice: Headers;
  let otherOffice: Headers;
  let officer: Headers;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    const user = async (role: 'supervisor' | 'officer', scope: { regionId?: string; agencyId?: string }) =>
      sessionHeaders(t.db, await createTestUser(t.db, role, scope), clock.now());
    cityOffice = await user('supervisor', { regionId: org.cityA.id });
    countyOffice = await user('supervisor', { regionId: org.countyA1.id });
    otherOffice = await user('supervisor', { regionId: org.cityB.id });
    officer = await user('officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  const conventions = (code: string) => `/api/region/regions/${code}/conventions`;
  const set = (headers: Headers, code: string, mixedOutcomes: string | null) =>
    app.inject({ method: 'PUT', url: conventions(code), headers, payload: { mixedOutcomes } });

  /** Registers an application at agency X and answers it with a main and a secondary outcome. */
  async function answerMixed() {
    const registered = await app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/applications`,
      headers: officer,
      payload: registrationBody({ submittedOn: '2025-03-03' }),
    });
    expect(registered.statusCode).toBe(201);
    const { id, version } = registered.json().application;
    return app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/applications/${id}/events`,
      headers: officer,
      payload: {
        event: {
          type: 'answered',
          on: '2025-03-03',
          outcome: 'granted',
          secondaryOutcomes: ['unable.notHeld'],
        },
        expectedVersion: version,
      },
    });
  }

  it('starts on the recommended rule, set nowhere', async () => {
    const res = await app.inject({ url: conventions(org.countyA1.code), headers: countyOffice });
    expect(res.statusCode).toBe(200);
    expect(res.json().mixedOutcomes).toMatchObject({ own: null, effective: 'one-row', from: null });
    expect(res.json().mixedOutcomes.options.map((o: { value: string }) => o.value)).toEqual([
      'one-row',
      'separate-applications',
    ]);
  });

  it('lets the city choose 一事一申请 for its counties; an answer with two outcomes is then refused at its field', async () => {
    const res = await set(cityOffice, org.cityA.code, 'separate-applications');
    expect(res.statusCode).toBe(200);
    const county = await app.inject({ url: conventions(org.countyA1.code), headers: countyOffice });
    expect(county.json().mixedOutcomes).toMatchObject({
      own: null,
      effective: 'separate-applications',
      from: { code: org.cityA.code, name: org.cityA.name },
    });
    const answer = await answerMixed();
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toContain('一事一申请');
    expect(answer.json().details).toEqual([expect.objectContaining({ path: '/event/secondaryOutcomes' })]);
    const audit = await listAuditEntries(t.db, 'region', org.cityA.id);
    expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
      ['set-mixed-outcome-rule', { mixedOutcomeRule: null }, { mixedOutcomeRule: 'separate-applications' }],
    ]);
  });

  it('lets the county choose otherwise for itself: the answer is counted in one row, （二）部分公开', async () => {
    expect((await set(countyOffice, org.countyA1.code, 'one-row')).statusCode).toBe(200);
    const answer = await answerMixed();
    expect(answer.statusCode).toBe(200);
    expect(answer.json().application).toMatchObject({ status: 'concluded', outcome: 'partial' });
    const view = await app.inject({
      url: `/api/agencies/${org.agencyX.id}/applications/${answer.json().application.id}`,
      headers: officer,
    });
    expect(view.json().mixedOutcomeRule).toBe('one-row');
  });

  it('refuses a county office setting its city’s rule, another city’s office, and an unknown rule', async () => {
    expect((await set(countyOffice, org.cityA.code, 'one-row')).statusCode).toBe(403);
    expect((await set(otherOffice, org.countyA1.code, 'one-row')).statusCode).toBe(403);
    const bad = await set(cityOffice, org.cityA.code, 'majority');
    expect(bad.statusCode).toBe(400);
    const city = await app.inject({ url: conventions(org.cityA.code), headers: cityOffice });
    expect(city.json().mixedOutcomes.own).toBe('separate-applications');
  });
});
