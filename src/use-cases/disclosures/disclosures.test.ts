import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import { createTestAgency } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { addDays } from '../../core/dates.ts';
import type { DisclosureActor, DisclosureContent } from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import { AppError } from '../../core/errors.ts';
import { type Moment, momentOf } from '../../core/moment.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  getDisclosure,
  listDisclosures,
  type StoredDisclosure,
} from '../../store/disclosures/disclosures.repository.ts';
import { applyDisclosureItemStep } from './apply-disclosure-item-step.ts';
import { draftDisclosureItem } from './draft-disclosure-item.ts';
import { editDisclosureItem } from './edit-disclosure-item.ts';

const officer: DisclosureActor = { userId: 'officer-1', label: '经办人（officer1）', role: 'officer' };
const head: DisclosureActor = { userId: 'head-1', label: '科长（head1）', role: 'reviewer' };
const leader: DisclosureActor = { userId: 'leader-1', label: '局长（leader1）', role: 'reviewer' };

const CONTENT: DisclosureContent = {
  title: '2025年度部门预算',
  category: '财政信息',
  channel: 'website',
  documentNumber: null,
  attribute: 'proactive',
  attributeReason: null,
  createdOn: '2025-03-03',
};

const day = (d: string): Moment => momentOf(new Date(`${d}T02:00:00.000Z`));

async function code(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describeEachDialect('disclosures repository', (t) => {
  const tx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => t.db.transaction().execute(fn);

  it('keeps the review chain, the 保密审查 record and the art. 26 due day, and audits each step', async () => {
    const { agency } = await createTestAgency(t.db);
    let item = await tx((trx) => draftDisclosureItem(trx, agency.id, CONTENT, officer, day('2025-03-03')));
    expect(item).toMatchObject({
      status: 'draft',
      dueOn: '2025-03-31',
      version: 1,
      drafterUserId: 'officer-1',
    });
    item = await tx((trx) =>
      editDisclosureItem(
        trx,
        agency.id,
        item.id,
        { ...CONTENT, documentNumber: '中卫财发〔2025〕1号' },
        1,
        officer,
        day('2025-03-04'),
      ),
    );
    const steps = [
      [{ type: 'submit' }, officer, '2025-03-05'],
      [{ type: 'sectionApprove', secrecyConclusion: 'publishable', secrecyNote: '已核' }, head, '2025-03-06'],
      [{ type: 'leaderApprove' }, leader, '2025-03-07'],
      [{ type: 'publish', publishedOn: '2025-03-07' }, officer, '2025-03-07'],
    ] as const;
    for (const [step, actor, on] of steps) {
      item = await tx((trx) =>
        applyDisclosureItemStep(trx, agency.id, item.id, step, item.version, actor, day(on)),
      );
    }
    const stored = (await getDisclosure(t.db, agency.id, item.id)) as StoredDisclosure;
    expect(stored).toEqual(item);
    expect(stored).toMatchObject({
      status: 'published',
      publishedOn: '2025-03-07',
      documentNumber: '中卫财发〔2025〕1号',
      sectionHeadUserId: 'head-1',
      leaderUserId: 'leader-1',
      secrecyReview: {
        byUserId: 'head-1',
        byLabel: '科长（head1）',
        conclusion: 'publishable',
        note: '已核',
      },
      version: 6,
    });
    expect((await listAuditEntries(t.db, 'disclosure', item.id)).map((e) => e.action)).toEqual([
      'draft',
      'edit',
      'step:submit',
      'step:sectionApprove',
      'step:leaderApprove',
      'step:publish',
    ]);
    // Published: locked.
    expect(
      await code(
        tx((trx) => editDisclosureItem(trx, agency.id, item.id, CONTENT, 6, officer, day('2025-03-08'))),
      ),
    ).toBe('CONFLICT');
  });

  it('refuses a stale version, another agency, and leaves nothing half-written', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    const item = await tx((trx) => draftDisclosureItem(trx, agency.id, CONTENT, officer, day('2025-03-03')));
    await tx((trx) =>
      applyDisclosureItemStep(trx, agency.id, item.id, { type: 'submit' }, 1, officer, day('2025-03-03')),
    );
    expect(
      await code(
        tx((trx) =>
          applyDisclosureItemStep(trx, agency.id, item.id, { type: 'submit' }, 1, officer, day('2025-03-03')),
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      await code(
        tx((trx) =>
          applyDisclosureItemStep(
            trx,
            other.id,
            item.id,
            { type: 'leaderApprove' },
            2,
            leader,
            day('2025-03-03'),
          ),
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        tx((trx) =>
          applyDisclosureItemStep(
            trx,
            agency.id,
            item.id,
            { type: 'leaderApprove' },
            2,
            leader,
            day('2025-03-03'),
          ),
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      await code(
        tx((trx) => draftDisclosureItem(trx, 'no-such-agency', CONTENT, officer, day('2025-03-03'))),
      ),
    ).toBe('NOT_FOUND');
    expect((await getDisclosure(t.db, agency.id, item.id))?.version).toBe(2);
    expect((await listAuditEntries(t.db, 'disclosure', item.id)).length).toBe(2);
  });

  it('lists the overdue items as the core flags them, on random data', async () => {
    const rand = random(7);
    const { agency } = await createTestAgency(t.db);
    const today = '2025-12-15';
    const items: StoredDisclosure[] = [];
    for (let i = 0; i < 40; i += 1) {
      const createdOn = addDays('2025-01-02', Math.floor(rand() * 330));
      const proactive = rand() < 0.8;
      let item = await tx((trx) =>
        draftDisclosureItem(
          trx,
          agency.id,
          {
            ...CONTENT,
            title: `信息${i}`,
            createdOn,
            ...(proactive ? {} : { attribute: 'onRequest', attributeReason: '依申请' }),
          },
          officer,
          day(today),
        ),
      );
      const publishedOn = addDays(createdOn, Math.floor(rand() * 40));
      if (proactive && rand() < 0.6 && publishedOn <= today) {
        const on = day(publishedOn);
        for (const [step, actor] of [
          [{ type: 'submit' }, officer],
          [{ type: 'sectionApprove', secrecyConclusion: 'publishable' }, head],
          [{ type: 'leaderApprove' }, leader],
          [{ type: 'publish', publishedOn }, officer],
        ] as const) {
          item = await tx((trx) =>
            applyDisclosureItemStep(trx, agency.id, item.id, step, item.version, actor, on),
          );
        }
      }
      items.push(item);
    }
    const expected = items
      .filter((d) => disclosureDeadline(d, today).overdue)
      .map((d) => d.id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(items.some((d) => d.status === 'published' && disclosureDeadline(d, today).overdue)).toBe(true);
    const listed = await listDisclosures(t.db, agency.id, { overdueOn: today }, { limit: 200 });
    expect(listed.items.map((d) => d.id).sort()).toEqual(expected);
    expect(listed.total).toBe(expected.length);
    expect((await listDisclosures(t.db, agency.id, { status: 'published' })).total).toBe(
      items.filter((d) => d.status === 'published').length,
    );
  });
});
