import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApplicationEvent } from '../../src/core/applications/application.ts';
import { type Moment, momentOf } from '../../src/core/moment.ts';
import type { Agency } from '../../src/core/organisation/agency.ts';
import type { Region } from '../../src/core/organisation/region.ts';
import type { StoredApplication } from '../../src/store/applications/stored-application.ts';
import type { Actor } from '../../src/store/audit/audit.repository.ts';
import type { Database } from '../../src/store/database.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { recordApplicationEvent } from '../../src/use-cases/applications/record-application-event.ts';
import {
  type RegisterApplicationInput,
  type RegisteredApplication,
  registerApplication,
} from '../../src/use-cases/applications/register-application.ts';

/** Data factories for store tests: each call makes records of its own, so tests do not interfere. */

export const TEST_ACTOR: Actor = { userId: null, label: '测试经办人' };
/** 2026-06-30 10:00 in China. */
export const TEST_NOW: Moment = momentOf(new Date('2026-06-30T02:00:00.000Z'));

const unique = () => randomBytes(4).toString('hex');

export async function createTestAgency(db: Kysely<Database>): Promise<{ region: Region; agency: Agency }> {
  const region = await createRegion(db, { code: `T${unique()}`, name: `测试市${unique()}`, level: 'city' });
  const agency = await createAgency(db, { regionId: region.id, name: '测试局', kind: 'department' });
  return { region, agency };
}

export function applicationInput(
  agencyId: string,
  overrides: Partial<RegisterApplicationInput> = {},
): RegisterApplicationInput {
  return {
    agencyId,
    channel: 'in-person',
    submittedOn: '2026-03-02',
    applicantType: 'naturalPerson',
    description: '某某路段改造工程的环评批复',
    applicant: {
      name: '张三丰',
      idNumber: '110105199001011232',
      phone: '13800138000',
      address: '北京市朝阳区某某路1号',
      email: 'zhang@example.cn',
    },
    ...overrides,
  };
}

export function registerTestApplication(
  db: Kysely<Database>,
  agencyId: string,
  overrides: Partial<RegisterApplicationInput> = {},
  now: Moment = TEST_NOW,
): Promise<RegisteredApplication> {
  return db
    .transaction()
    .execute((trx) => registerApplication(trx, applicationInput(agencyId, overrides), TEST_ACTOR, now));
}

export function applyTestEvent(
  db: Kysely<Database>,
  application: StoredApplication,
  event: ApplicationEvent,
  now: Moment = TEST_NOW,
): Promise<StoredApplication> {
  return db.transaction().execute(async (trx) => {
    const recorded = await recordApplicationEvent(
      trx,
      application.agencyId,
      application.id,
      event,
      application.version,
      TEST_ACTOR,
      now,
    );
    return recorded.application;
  });
}

/**
 * A city (`code`) with 中卫市文化旅游广电局 and 中卫市旅游局, the agency a test merges into it
 * (机构改革): the set-up of the merger tests of Y-01 and the stored counts.
 */
export async function createMergerAgencies(
  db: Kysely<Database>,
  code: string,
): Promise<{ region: Region; successor: Agency; merged: Agency }> {
  const region = await createRegion(db, { code, name: `测试市${code}`, level: 'city' });
  const agency = (name: string) => createAgency(db, { regionId: region.id, name, kind: 'department' });
  return { region, successor: await agency('中卫市文化旅游广电局'), merged: await agency('中卫市旅游局') };
}
