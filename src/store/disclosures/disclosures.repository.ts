import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type {
  Disclosure,
  DisclosureAttribute,
  DisclosureChannel,
  DisclosureStatus,
  DisclosureStep,
  SecrecyConclusion,
} from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import { getAgencyRecord, updateAgencyRowAtVersion } from '../agency-row.ts';
import type { Database, DisclosuresTable } from '../database.ts';

/** An item of the register as stored: the core's Disclosure plus identity, version and due day. */
export interface StoredDisclosure extends Disclosure {
  id: string;
  agencyId: string;
  /** Art. 26 due day as of the last save (or calendar change); null only beyond the calendar's 2000–2100 bound. */
  dueOn: IsoDate | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const DISCLOSURE_CONFLICT_MESSAGE = '该信息已被他人修改，请刷新后重试';

function rowToDisclosure(row: DisclosuresTable): StoredDisclosure {
  const steps = JSON.parse(row.steps_json) as DisclosureStep[];
  const secrecyStep = steps.findLast((s) => s.type === 'sectionApprove');
  return {
    id: row.id,
    agencyId: row.agency_id,
    title: row.title,
    category: row.category,
    channel: row.channel as DisclosureChannel,
    documentNumber: row.document_number,
    attribute: row.attribute as DisclosureAttribute,
    attributeReason: row.attribute_reason,
    createdOn: row.created_on,
    dueOn: row.due_on,
    status: row.status as DisclosureStatus,
    publishedOn: row.published_on,
    drafterUserId: row.drafter_user_id,
    sectionHeadUserId: row.section_head_user_id,
    leaderUserId: row.leader_user_id,
    secrecyReview:
      row.secrecy_conclusion === null || row.secrecy_by_user_id === null || row.secrecy_at === null
        ? null
        : {
            byUserId: row.secrecy_by_user_id,
            byLabel: secrecyStep?.byLabel ?? '',
            at: row.secrecy_at,
            conclusion: row.secrecy_conclusion as SecrecyConclusion,
            note: row.secrecy_note,
          },
    steps,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a save writes, from the core's item. */
function columnsOf(item: Disclosure, today: IsoDate) {
  return {
    title: item.title,
    category: item.category,
    channel: item.channel,
    document_number: item.documentNumber,
    attribute: item.attribute,
    attribute_reason: item.attributeReason,
    created_on: item.createdOn,
    due_on: disclosureDeadline(item, today).dueOn,
    status: item.status,
    published_on: item.publishedOn,
    drafter_user_id: item.drafterUserId,
    section_head_user_id: item.sectionHeadUserId,
    leader_user_id: item.leaderUserId,
    secrecy_by_user_id: item.secrecyReview?.byUserId ?? null,
    secrecy_at: item.secrecyReview?.at ?? null,
    secrecy_conclusion: item.secrecyReview?.conclusion ?? null,
    secrecy_note: item.secrecyReview?.note ?? null,
    steps_json: JSON.stringify(item.steps),
  };
}

/** The agency's item, or null (also when it belongs to another agency). */
export async function getDisclosure(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredDisclosure | null> {
  return getAgencyRecord(db, 'disclosures', agencyId, id, rowToDisclosure);
}

export interface DisclosureFilters {
  status?: DisclosureStatus;
  /** Only 主动公开 items past their art. 26 due day (published late, or still unpublished on `today`). */
  overdueOn?: IsoDate;
  /** Only items created (or changed) in that year. */
  year?: number;
}

/** The agency's register, latest first (at most 200 per call, from `offset`), with the total. */
export async function listDisclosures(
  db: Kysely<Database>,
  agencyId: string,
  filters: DisclosureFilters = {},
  page: { limit?: number; offset?: number } = {},
): Promise<{ items: StoredDisclosure[]; total: number }> {
  const limit = Math.min(200, Math.max(1, Math.trunc(page.limit ?? 50)));
  const offset = Math.max(0, Math.trunc(page.offset ?? 0));
  const { status, overdueOn, year } = filters;
  const base = db
    .selectFrom('disclosures')
    .where('agency_id', '=', agencyId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status as DisclosureStatus))
    .$if(year !== undefined, (qb) =>
      qb.where('created_on', '>=', `${year}-01-01`).where('created_on', '<=', `${year}-12-31`),
    )
    .$if(overdueOn !== undefined, (qb) =>
      qb
        .where('attribute', '=', 'proactive')
        .where('due_on', 'is not', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('published_on', 'is not', null), eb('published_on', '>', eb.ref('due_on'))]),
            eb.and([eb('published_on', 'is', null), eb('due_on', '<', overdueOn as IsoDate)]),
          ]),
        ),
    );
  const counted = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map(rowToDisclosure), total: Number(counted.n) };
}

/** Inserts a new item (version 1) of the agency's register and returns it as stored. */
export async function insertDisclosure(
  trx: Transaction<Database>,
  agencyId: string,
  item: Disclosure,
  today: IsoDate,
  at: string,
): Promise<StoredDisclosure> {
  const row: DisclosuresTable = {
    id: randomUUID(),
    agency_id: agencyId,
    ...columnsOf(item, today),
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('disclosures').values(row).execute();
  return rowToDisclosure(row);
}

/**
 * Saves `next` over `before` if nobody saved since (the row is still at `before.version`); returns
 * the item as now stored, or null when another save came first.
 */
export async function updateDisclosure(
  trx: Transaction<Database>,
  before: StoredDisclosure,
  next: Disclosure,
  today: IsoDate,
  at: string,
): Promise<StoredDisclosure | null> {
  const columns = columnsOf(next, today);
  const saved = await updateAgencyRowAtVersion(
    trx,
    'disclosures',
    before.agencyId,
    before.id,
    before.version,
    columns,
    at,
  );
  if (!saved) return null;
  return {
    ...before,
    ...next,
    dueOn: columns.due_on,
    version: before.version + 1,
    updatedAt: at,
  };
}

/** The agency an item of the register belongs to, or null when there is no such item. */
export async function findDisclosureAgencyId(db: Kysely<Database>, id: string): Promise<string | null> {
  const item = await db.selectFrom('disclosures').select('agency_id').where('id', '=', id).executeTakeFirst();
  return item?.agency_id ?? null;
}
