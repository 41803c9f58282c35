import type { Kysely } from 'kysely';
import { DISCLOSURE_CHANNELS, type DisclosureChannel } from '../../core/disclosures/disclosure.ts';
import { AppError } from '../../core/errors.ts';
import type { PublicationChannelRecord } from '../../core/work-records/work-record-kinds.ts';
import {
  CHANNEL_KINDS,
  type DisclosureCountsOfYear,
  emptyWorkRecords,
  type WorkRecordsOfYear,
} from '../../core/work-records/work-records.ts';
import type { Database } from '../database.ts';
import { listAgencies } from '../organisation/organisation.repository.ts';
import { regionByCode } from '../region/regional-agencies.ts';
import { rowToWorkRecord, type StoredWorkRecord } from './work-records.repository.ts';

/** Agencies per batch of queries: keeps `in (…)` lists well under both dialects' parameter limits. */
const CHUNK = 500;

/**
 * The instants of a year in China (UTC+8) as the store writes them (ISO, UTC): updated_at of an
 * item falls in year Y when it is in [from, to).
 */
function chinaYearInstants(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-31T16:00:00.000Z`, to: `${year}-12-31T16:00:00.000Z` };
}

const byDate =
  <T>(day: (t: T) => string) =>
  (a: T, b: T) =>
    day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0;

function addRecord(target: WorkRecordsOfYear, record: StoredWorkRecord): void {
  const year = target.year;
  switch (record.kind) {
    case 'interpretation':
      target.interpretations.push(record.data);
      break;
    case 'evaluation':
      target.evaluations.push(record.data);
      break;
    case 'proposal':
      target.proposals.push(record.data);
      break;
    case 'training':
      target.trainings.push(record.data);
      break;
    case 'meeting':
      target.meetings.push(record.data);
      break;
    case 'accountability':
      target.accountability.push(record.data);
      break;
    case 'figures':
      target.figures = record.data;
      break;
    case 'task':
      target.tasks.push(record.data);
      break;
    case 'channel': {
      const { years, ...channel }: PublicationChannelRecord = record.data;
      const opened = channel.openedOn === null || channel.openedOn <= `${year}-12-31`;
      const open = channel.closedOn === null || channel.closedOn >= `${year}-01-01`;
      if (opened && open) {
        target.channels.push({ ...channel, figures: years.find((y) => y.year === year) ?? null });
      }
      break;
    }
  }
}

function sortRecords(r: WorkRecordsOfYear): void {
  r.interpretations.sort(byDate((x) => x.publishedOn));
  r.evaluations.sort(byDate((x) => x.heldOn));
  r.proposals.sort(byDate((x) => x.receivedOn));
  r.trainings.sort(byDate((x) => x.heldOn));
  r.meetings.sort(byDate((x) => x.heldOn));
  r.accountability.sort(byDate((x) => x.decidedOn));
  r.tasks.sort((a, b) => a.position - b.position);
  r.channels.sort(
    (a, b) =>
      CHANNEL_KINDS.indexOf(a.kind) - CHANNEL_KINDS.indexOf(b.kind) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

const largestFirst =
  <T extends { count: number }>(key: (t: T) => string | number) =>
  (a: T, b: T) =>
    b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * WorkRecordsOfYear of each agency (by id; every id gets an entry), in a bounded number of queries
 * per 500 agencies: the records of the year and the channels, the disclosure register grouped by
 * agency and category / channel / attribute, and the normative documents issued in the year.
 * Proactive items count in the year they were published; items 依申请公开 / 不予公开 in the year
 * their review chain ended (leader approval, the last change such an item can get). `chunk`:
 * agencies per batch of queries (tests make it small).
 */
export async function loadWorkRecordsOfAgencies(
  db: Kysely<Database>,
  agencyIds: readonly string[],
  year: number,
  chunk = CHUNK,
): Promise<Map<string, WorkRecordsOfYear>> {
  const out = new Map(agencyIds.map((id) => [id, emptyWorkRecords(year)]));
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const instants = chinaYearInstants(year);
  for (let start = 0; start < agencyIds.length; start += chunk) {
    const ids = agencyIds.slice(start, start + chunk);
    const records = await db
      .selectFrom('work_records')
      .selectAll()
      .where('agency_id', 'in', ids)
      .where((eb) => eb.or([eb('year', '=', year), eb('kind', '=', 'channel')]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of records) addRecord(out.get(row.agency_id)!, rowToWorkRecord(row));

    const published = (column: 'category' | 'channel') =>
      db
        .selectFrom('disclosures')
        .select(['agency_id', column, (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('agency_id', 'in', ids)
        .where('status', '=', 'published')
        .where('attribute', '=', 'proactive')
        .where('published_on', '>=', first)
        .where('published_on', '<=', last)
        .groupBy(['agency_id', column])
        .execute();
    for (const row of await published('category')) {
      const d = out.get(row.agency_id)!.disclosures;
      d.byCategory.push({ category: row.category, count: Number(row.n) });
      d.proactivePublished += Number(row.n);
    }
    for (const row of await published('channel')) {
      out.get(row.agency_id)!.disclosures.byChannel.push({
        channel: row.channel as DisclosureChannel,
        count: Number(row.n),
      });
    }
    const decided = await db
      .selectFrom('disclosures')
      .select(['agency_id', 'attribute', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('agency_id', 'in', ids)
      .where('status', '=', 'approved')
      .where('attribute', 'in', ['onRequest', 'withheld'])
      .where('updated_at', '>=', instants.from)
      .where('updated_at', '<', instants.to)
      .groupBy(['agency_id', 'attribute'])
      .execute();
    for (const row of decided) {
      const d: DisclosureCountsOfYear = out.get(row.agency_id)!.disclosures;
      if (row.attribute === 'onRequest') d.decidedOnRequest += Number(row.n);
      else d.decidedWithheld += Number(row.n);
    }
    const documents = await db
      .selectFrom('normative_documents')
      .select(['id', 'agency_id', 'title', 'issued_on'])
      .where('agency_id', 'in', ids)
      .where('kind', '=', 'normative')
      .where('issued_on', '>=', first)
      .where('issued_on', '<=', last)
      .orderBy('issued_on')
      .orderBy('document_number')
      .execute();
    for (const d of documents) {
      out
        .get(d.agency_id)!
        .normativeDocumentsIssued.push({ id: d.id, title: d.title, issuedOn: d.issued_on });
    }
  }
  for (const r of out.values()) {
    sortRecords(r);
    r.disclosures.byCategory.sort(largestFirst((x) => x.category));
    r.disclosures.byChannel.sort(largestFirst((x) => DISCLOSURE_CHANNELS.indexOf(x.channel)));
  }
  return out;
}

/** Everything recorded for one agency-year that the narrative is drafted from (NOT_FOUND: agency). */
export async function loadWorkRecordsOfYear(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<WorkRecordsOfYear> {
  const agency = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  return (await loadWorkRecordsOfAgencies(db, [agencyId], year)).get(agencyId)!;
}

export interface AgencyWorkRecords {
  agencyId: string;
  agencyName: string;
  records: WorkRecordsOfYear;
}

/**
 * The work records of a year of every agency of a region and the regions below it (by name), for
 * the supervising office. NOT_FOUND for an unknown region code.
 */
export async function loadRegionWorkRecords(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
): Promise<AgencyWorkRecords[]> {
  const region = await regionByCode(db, regionCode);
  const agencies = await listAgencies(db, region.id, { existingAfter: `${year}-12-31` });
  const records = await loadWorkRecordsOfAgencies(
    db,
    agencies.map((a) => a.id),
    year,
  );
  return agencies.map((a) => ({ agencyId: a.id, agencyName: a.name, records: records.get(a.id)! }));
}
