import type { User } from '../../src/core/organisation/user.ts';
import type { StoreDb } from '../../src/store/dialect.ts';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  sessionHeaders,
  type TestOrganisation,
} from './server-factories.ts';

/** Who acts on agency X's records in route tests: its staff, outsiders and a supervisor of each city. */
export interface RecordsTestUsers {
  org: TestOrganisation;
  officer: User;
  sectionHead: User;
  leader: User;
  officerOther: User;
  supervisor: User;
  supervisorOther: User;
  admin: User;
}

export type RecordsCaller = Exclude<keyof RecordsTestUsers, 'org'>;

export async function createRecordsTestUsers(db: StoreDb): Promise<RecordsTestUsers> {
  const org = await createTestOrganisation(db);
  return {
    org,
    officer: await createTestUser(db, 'officer', { agencyId: org.agencyX.id }),
    sectionHead: await createTestUser(db, 'reviewer', { agencyId: org.agencyX.id }),
    leader: await createTestUser(db, 'reviewer', { agencyId: org.agencyX.id }),
    officerOther: await createTestUser(db, 'officer', { agencyId: org.agencyY.id }),
    supervisor: await createTestUser(db, 'supervisor', { regionId: org.cityA.id }),
    supervisorOther: await createTestUser(db, 'supervisor', { regionId: org.cityB.id }),
    admin: await createTestUser(db, 'admin'),
  };
}

/** Fresh session headers for each caller. */
export async function recordsHeaders(
  db: StoreDb,
  users: RecordsTestUsers,
  now: Date,
): Promise<Record<RecordsCaller, Headers>> {
  const callers = [
    'officer',
    'sectionHead',
    'leader',
    'officerOther',
    'supervisor',
    'supervisorOther',
    'admin',
  ] as const;
  const entries = await Promise.all(
    callers.map(async (c) => [c, await sessionHeaders(db, users[c], now)] as const),
  );
  return Object.fromEntries(entries) as Record<RecordsCaller, Headers>;
}
