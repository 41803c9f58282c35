import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  sessionHeaders,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp } from '../../../../test/support/server-test-app.ts';

let app: FastifyInstance;
let org: TestOrganisation;

beforeAll(async () => {
  app = await buildServerTestApp();
  org = await createTestOrganisation(app.db);
});
afterAll(async () => {
  await app.close();
});

describe('import uploads are refused before their body is read', () => {
  // The body's content type is checked while reading it: a refusal by caller (401/403) instead
  // of 415 shows that the caller was refused first.
  it('answers an anonymous upload 401 and an officer 403 without parsing the body', async () => {
    const upload = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/imports?region=${org.cityA.code}&filename=a.txt`,
        headers: { ...headers, 'content-type': 'application/x-not-a-report' },
        payload: 'x'.repeat(1024),
      });
    expect((await upload({})).statusCode).toBe(401);
    const officer = await createTestUser(app.db, 'officer', { agencyId: org.agencyX.id });
    const refused = await upload(await sessionHeaders(app.db, officer));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/^无权/);
    const admin = await createTestUser(app.db, 'admin');
    expect((await upload(await sessionHeaders(app.db, admin))).statusCode).toBe(415);
  });

  it('takes no large body on confirm and cancel', async () => {
    const admin = await sessionHeaders(app.db, await createTestUser(app.db, 'admin'));
    for (const step of ['confirm', 'cancel']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/imports/some-batch/${step}`,
        headers: { ...admin, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(64 * 1024),
      });
      expect(res.statusCode).toBe(413);
    }
  });
});
