import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type {
  Disclosure,
  DisclosureActor,
  DisclosureAttribute,
  DisclosureChannel,
  DisclosureContent,
  DisclosureStatus,
  DisclosureStep,
  DisclosureStepInput,
  SecrecyConclusion,
} from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import {
  applyDisclosureStep,
  draftDisclosure,
  editDisclosure,
} from '../../core/disclosures/disclosure-lifecycle.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { findAgencyRow } from '../agency-row.ts';
import { appendAudit } from '../audit/audit.repository.ts';
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
  const row = await findAgencyRow(db, 'disclosures', agencyId, id);
  return row ? rowToDisclosure(row) : null;
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

/** Registers a new item in draft (拟稿) by an officer. Audited. Throws FORBIDDEN, INVALID_INPUT, NOT_FOUND. */
export async function draftDisclosureItem(
  trx: Transaction<Database>,
  agencyId: string,
  content: DisclosureContent,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const item = draftDisclosure(content, actor, now.today);
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  const at = now.at.toISOString();
  const row: DisclosuresTable = {
    id: randomUUID(),
    agency_id: agencyId,
    ...columnsOf(item, now.today),
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('disclosures').values(row).execute();
  const stored = rowToDisclosure(row);
  await appendAudit(trx, {
    at: now.at,
    actor: { userId: actor.userId, label: actor.label },
    entity: 'disclosure',
    entityId: row.id,
    action: 'draft',
    before: null,
    after: stored,
  });
  return stored;
}

/** Saves `next` over `before` if nobody saved since; audits `action`. */
async function save(
  trx: Transaction<Database>,
  before: StoredDisclosure,
  next: Disclosure,
  action: string,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const at = now.at.toISOString();
  const columns = columnsOf(next, now.today);
  const result = await trx
    .updateTable('disclosures')
    .set({ ...columns, version: before.version + 1, updated_at: at })
    .where('id', '=', before.id)
    .where('agency_id', '=', before.agencyId)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', DISCLOSURE_CONFLICT_MESSAGE);
  const after: StoredDisclosure = {
    ...before,
    ...next,
    dueOn: columns.due_on,
    version: before.version + 1,
    updatedAt: at,
  };
  await appendAudit(trx, {
    at: now.at,
    actor: { userId: actor.userId, label: actor.label },
    entity: 'disclosure',
    entityId: before.id,
    action,
    before,
    after,
  });
  return after;
}

async function load(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<StoredDisclosure> {
  const before = await getDisclosure(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '主动公开信息不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', DISCLOSURE_CONFLICT_MESSAGE);
  return before;
}

/** Changes a draft's content (officer; not once submitted or published). Audited. */
export async function editDisclosureItem(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  content: DisclosureContent,
  expectedVersion: number,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const before = await load(trx, agencyId, id, expectedVersion);
  return save(trx, before, editDisclosure(before, content, actor, now.today), 'edit', actor, now);
}

/**
 * One step of the review chain, decided by the core's applyDisclosureStep. Audited as
 * `step:<type>`. Throws NOT_FOUND, CONFLICT (stale version, step not allowed now), FORBIDDEN
 * (wrong role, leader = section head), INVALID_INPUT.
 */
export async function applyDisclosureItemStep(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  step: DisclosureStepInput,
  expectedVersion: number,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const before = await load(trx, agencyId, id, expectedVersion);
  const next = applyDisclosureStep(before, step, actor, now.at.toISOString(), now.today);
  return save(trx, before, next, `step:${step.type}`, actor, now);
}
