import { createHash } from 'node:crypto';
import { residentIdCheckCharacter, usccCheckCharacter } from '../../core/applications/applicant-identity.ts';
import type { ApplicantType } from '../../core/applications/application.ts';
import { eventDate } from '../../core/applications/lifecycle.ts';
import type { RequestedForm } from '../../core/applications/registration-input.ts';
import { isWorkingDay } from '../../core/calendar/workdays.ts';
import { addDays, type IsoDate, toDayNumber, yearOf } from '../../core/dates.ts';
import type { Channel } from '../../core/deadlines/deadline-input.ts';
import { isAppError } from '../../core/errors.ts';
import { type Moment, momentOf } from '../../core/moment.ts';
import type { Role } from '../../core/organisation/role.ts';
import { presentManagedUser } from '../../server/presenters/user.presenter.ts';
import { listApplications } from '../../store/applications/list-applications.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { listAgencies, listRegions } from '../../store/organisation/organisation.repository.ts';
import { createUser, findUserByUsername } from '../../store/users/users.repository.ts';
import { recordApplicationEvent } from '../../use-cases/applications/record-application-event.ts';
import {
  type RegisterApplicationInput,
  registerApplication,
} from '../../use-cases/applications/register-application.ts';
import { addAgency } from '../../use-cases/organisation/add-agency.ts';
import { addRegion } from '../../use-cases/organisation/add-region.ts';
import { auditUser } from '../../use-cases/users/audit-user.ts';
import {
  APPLICANT_TYPE_WEIGHTS,
  CHANNEL_WEIGHTS,
  DEMO_AGENCIES,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_USERS,
  type DemoAgency,
  GIVEN_NAMES,
  ORGANISATIONS,
  SURNAMES,
} from './demo-data.ts';
import { loadDemoReports } from './load-demo-reports.ts';
import { loadDemoTableSources } from './load-demo-table-sources.ts';
import { loadDemoWorkRecords } from './load-demo-work.ts';
import { between, pick, planDemoApplication, type Random, seededRandom } from './plan-demo-application.ts';

const ACTOR: Actor = { userId: null, label: '演示数据' };

export interface DemoSummary {
  password: string;
  users: Array<{ username: string; displayName: string; role: Role; scope: string }>;
  /** Applications created by this call (0 when the demo was already loaded). */
  applicationsCreated: number;
}

/** 10:00 Beijing time of `day`, but never later than `now`. */
function momentOn(day: IsoDate, now: Date): Moment {
  const at = new Date(`${day}T10:00:00+08:00`);
  return momentOf(at < now ? at : now);
}

const NEEDS_CONFIRMATION: ReadonlySet<Channel> = new Set(['online', 'email', 'fax', 'mail-ordinary']);

/**
 * 所需信息的形式 (条例第二十九条第二款第（三）项) as applicants of each channel commonly state it:
 * online and e-mail applicants want electronic text by e-mail or online, the others paper by post or
 * in person. `serial` varies the choice without drawing from the demo's random sequence.
 */
function demoRequestedForm(channel: Channel, serial: number): RequestedForm {
  if (channel === 'online' || channel === 'email')
    return { media: ['electronic'], delivery: serial % 3 === 0 ? ['online'] : ['email'] };
  if (channel === 'in-person')
    return { media: ['paper'], delivery: serial % 2 === 0 ? ['pickup'] : ['pickup', 'post'] };
  return { media: serial % 4 === 0 ? ['paper', 'electronic'] : ['paper'], delivery: ['post'] };
}

function demoApplication(random: Random, agency: DemoAgency, agencyId: string, receivedOn: IsoDate) {
  const channel = pick(random, CHANNEL_WEIGHTS);
  const applicantType: ApplicantType = pick(random, APPLICANT_TYPE_WEIGHTS);
  const person = applicantType === 'naturalPerson';
  const serial = String(between(random, 0, 9999)).padStart(4, '0');
  const name = person
    ? `${SURNAMES[between(random, 0, SURNAMES.length - 1)]}${GIVEN_NAMES[between(random, 0, GIVEN_NAMES.length - 1)]}`
    : ORGANISATIONS[applicantType]![between(random, 0, ORGANISATIONS[applicantType]!.length - 1)]!;
  // Valid numbers: their check characters computed as the registration checks them.
  const residentId = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;
  const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;
  const input: RegisterApplicationInput = {
    agencyId,
    channel,
    submittedOn: NEEDS_CONFIRMATION.has(channel) && random() < 0.3 ? addDays(receivedOn, -1) : receivedOn,
    ...(NEEDS_CONFIRMATION.has(channel) ? { confirmedOn: receivedOn } : {}),
    applicantType,
    description: agency.requests[between(random, 0, agency.requests.length - 1)]!,
    requestedForm: demoRequestedForm(channel, Number(serial)),
    applicant: {
      name,
      idNumber: person
        ? residentId(`64050219${between(random, 60, 99)}0101${serial.slice(1)}`)
        : uscc(`91640500MA7${serial}XX`),
      phone: `139${String(between(random, 0, 99_999_999)).padStart(8, '0')}`,
      address: `宁夏回族自治区中卫市沙坡头区演示路${between(random, 1, 200)}号`,
      email: channel === 'email' ? `demo${serial}@example.cn` : null,
    },
  };
  return input;
}

/**
 * Working days from 1 January of last year to today, one per application, oldest first (tracking
 * numbers follow receipt): last year is complete, so its annual report has a real table 三. A third
 * fall in the last six weeks, so that the inbox has open applications in every state.
 */
function receiptDays(random: Random, count: number, today: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const recent = Math.floor(count / 3);
  const span = toDayNumber(today) - toDayNumber(`${yearOf(today) - 1}-01-01`);
  for (let i = 0; i < count; i += 1) {
    // Spread evenly over the span (stratified), the recent third at random in the last six weeks.
    const back =
      i < recent
        ? between(random, 0, 42)
        : Math.floor(((i - recent + random()) * (span + 1)) / (count - recent));
    let day = addDays(today, -Math.min(back, span));
    try {
      while (!isWorkingDay(day)) day = addDays(day, -1);
    } catch {
      continue; // a year the holiday calendar does not cover: leave that one out
    }
    days.push(day);
  }
  return days.sort();
}

async function loadApplications(
  db: StoreDb,
  agency: DemoAgency,
  agencyId: string,
  now: Date,
): Promise<number> {
  if ((await listApplications(db, agencyId, {}, { limit: 1 })).total > 0) return 0;
  const today = momentOf(now).today;
  const seed = createHash('sha256').update(agency.key).digest().readUInt32BE(0);
  const random = seededRandom(seed);
  let created = 0;
  for (const day of receiptDays(random, agency.applications, today)) {
    const input = demoApplication(random, agency, agencyId, day);
    const { application } = await db
      .transaction()
      .execute((trx) => registerApplication(trx, input, ACTOR, momentOn(day, now)));
    created += 1;
    let version = application.version;
    for (const event of planDemoApplication(random, application.receivedOn, today)) {
      try {
        const { application: saved } = await db
          .transaction()
          .execute((trx) =>
            recordApplicationEvent(
              trx,
              agencyId,
              application.id,
              event,
              version,
              ACTOR,
              momentOn(eventDate(event), now),
            ),
          );
        version = saved.version;
      } catch (error) {
        if (!isAppError(error)) throw error;
        break; // a step the procedure refuses: the application stays where it is
      }
    }
  }
  return created;
}

/**
 * Loads the demo (宁夏回族自治区 → 中卫市 → 沙坡头区, three agencies, a user per role with the
 * password DEMO_PASSWORD, a year of applications up to `now`, and the published reports of the
 * last complete year of two agencies) through the repositories, each
 * creation audited. Idempotent: what exists (by region code, agency name, username) is kept, and
 * an agency that already has applications gets no more.
 */
export async function loadDemo(db: StoreDb, now: Date): Promise<DemoSummary> {
  const regionIds = new Map<string, string>();
  const regionNames = new Map<string, string>();
  for (const r of DEMO_REGIONS) {
    const parentId = r.parent ? regionIds.get(r.parent)! : null;
    const existing = (await listRegions(db, parentId)).find((x) => x.code === r.code);
    const region =
      existing ??
      (await db
        .transaction()
        .execute((trx) =>
          addRegion(trx, { code: r.code, name: r.name, level: r.level, parentId }, ACTOR, now),
        ));
    regionIds.set(r.key, region.id);
    regionNames.set(r.key, region.name);
  }
  const agencyIds = new Map<string, string>();
  let applicationsCreated = 0;
  for (const a of DEMO_AGENCIES) {
    const regionId = regionIds.get(a.region)!;
    const existing = (await listAgencies(db, regionId)).find(
      (x) => x.name === a.name && x.regionId === regionId,
    );
    const agency =
      existing ??
      (await db
        .transaction()
        .execute((trx) => addAgency(trx, { regionId, name: a.name, kind: a.kind }, ACTOR, now)));
    agencyIds.set(a.key, agency.id);
  }
  const users: DemoSummary['users'] = [];
  for (const u of DEMO_USERS) {
    if (!(await findUserByUsername(db, u.username))) {
      await db.transaction().execute(async (trx) => {
        const created = await createUser(
          trx,
          {
            username: u.username,
            displayName: u.displayName,
            password: DEMO_PASSWORD,
            role: u.role,
            agencyId: u.agency ? agencyIds.get(u.agency)! : null,
            regionId: u.region ? regionIds.get(u.region)! : null,
          },
          now,
        );
        await auditUser(trx, ACTOR, now, {
          userId: created.id,
          action: 'create',
          after: presentManagedUser(created),
        });
      });
    }
    const scope = u.agency
      ? DEMO_AGENCIES.find((a) => a.key === u.agency)!.name
      : `${regionNames.get(u.region!)}及下辖地区`;
    users.push({ username: u.username, displayName: u.displayName, role: u.role, scope });
  }
  for (const a of DEMO_AGENCIES) {
    applicationsCreated += await loadApplications(db, a, agencyIds.get(a.key)!, now);
  }
  await loadDemoTableSources(db, agencyIds, now);
  await loadDemoWorkRecords(db, agencyIds, now);
  await loadDemoReports(db, agencyIds, now);
  return { password: DEMO_PASSWORD, users, applicationsCreated };
}
