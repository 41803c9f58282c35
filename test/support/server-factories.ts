import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Agency } from '../../src/core/organisation/agency.ts';
import type { Region } from '../../src/core/organisation/region.ts';
import type { Role } from '../../src/core/organisation/role.ts';
import type { User } from '../../src/core/organisation/user.ts';
import type { StoreDb } from '../../src/store/dialect.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { createApiToken } from '../../src/store/users/api-tokens.repository.ts';
import { createSession } from '../../src/store/users/sessions.repository.ts';
import { createUser } from '../../src/store/users/users.repository.ts';
import type { RegisterApplicationInput } from '../../src/use-cases/applications/register-application.ts';
import { sessionCookieOf } from './server-test-app.ts';

/** Data factories for server tests: every call makes records of its own. */

export const TEST_PASSWORD = 'test-password-1';

const unique = () => randomBytes(4).toString('hex');

/**
 * Two cities, the first with a county: agency X in the county (so a supervisor of the city reaches
 * it only through the region tree), agency Y in the other city.
 */
export interface TestOrganisation {
  cityA: Region;
  countyA1: Region;
  cityB: Region;
  agencyX: Agency;
  agencyY: Agency;
}

export async function createTestOrganisation(db: StoreDb): Promise<TestOrganisation> {
  const cityA = await createRegion(db, { code: `A${unique()}`, name: `甲市${unique()}`, level: 'city' });
  const countyA1 = await createRegion(db, {
    code: `A1${unique()}`,
    name: `甲县${unique()}`,
    level: 'county',
    parentId: cityA.id,
  });
  const cityB = await createRegion(db, { code: `B${unique()}`, name: `乙市${unique()}`, level: 'city' });
  const agencyX = await createAgency(db, { regionId: countyA1.id, name: '甲县数据局', kind: 'department' });
  const agencyY = await createAgency(db, { regionId: cityB.id, name: '乙市数据局', kind: 'department' });
  return { cityA, countyA1, cityB, agencyX, agencyY };
}

export async function createTestUser(
  db: StoreDb,
  role: Role,
  scope: { agencyId?: string; regionId?: string } = {},
  now = new Date(),
): Promise<User> {
  return createUser(
    db,
    {
      username: `${role}.${unique()}`,
      displayName: `测试${role}`,
      password: TEST_PASSWORD,
      role,
      agencyId: scope.agencyId ?? null,
      regionId: scope.regionId ?? null,
    },
    now,
  );
}

export type Headers = Record<string, string>;

/** Headers of a browser signed in as `user` (a fresh session: cookie and CSRF token). */
export async function sessionHeaders(db: StoreDb, user: User, now = new Date()): Promise<Headers> {
  const { token, session } = await createSession(db, user.id, now, 8 * 60 * 60 * 1000);
  return { cookie: `gongkai_session=${token}`, 'x-csrf-token': session.csrfToken };
}

/** Headers of a script calling with a new API token of `user`. */
export async function tokenHeaders(db: StoreDb, user: User): Promise<Headers> {
  const { token } = await createApiToken(db, user.id, `测试令牌${unique()}`, new Date());
  return { authorization: `Bearer ${token}` };
}

/** Signs in through the API; returns the browser's headers afterwards. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Headers> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookieOf(res), 'x-csrf-token': res.json().csrfToken };
}

/** Personal data that must never appear outside GET …/applicant. */
export const TEST_APPLICANT = {
  name: '欧阳测试员',
  idNumber: '640502199001019871',
  phone: '13995551234',
  address: '宁夏中卫市沙坡头区测试路99号',
  email: 'ouyang.test@example.cn',
};

export function registrationBody(overrides: Partial<Omit<RegisterApplicationInput, 'agencyId'>> = {}) {
  return {
    channel: 'in-person',
    submittedOn: '2026-03-02',
    applicantType: 'naturalPerson',
    applicant: { ...TEST_APPLICANT },
    description: '2025年度某路段改造工程的环境影响评价批复文件',
    ...overrides,
  };
}
