import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { snapshotStore } from '../../../test/support/server-db-snapshot.ts';
import { createTestAgency, TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { sampleWorkRecords } from '../../../test/support/work-record-samples.ts';
import type { AppError } from '../../core/errors.ts';
import { WORK_RECORD_KINDS } from '../../core/work-records/work-record-kinds.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { getWorkRecord, listWorkRecords } from '../../store/work-records/work-records.repository.ts';
import { draftDisclosureItem } from '../disclosures/draft-disclosure-item.ts';
import { issueNormativeDocument } from '../table2-sources/issue-normative-document.ts';
import { createWorkRecord } from './create-work-record.ts';
import { deleteWorkRecord } from './delete-work-record.ts';
import { updateWorkRecord } from './update-work-record.ts';

const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.message }),
  );

describeEachDialect('work records repository', (t) => {
  const tx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => t.db.transaction().execute(fn);
  const create = (agencyId: string, input: unknown) =>
    t.db.transaction().execute((trx) => createWorkRecord(trx, agencyId, input, TEST_ACTOR, TEST_NOW));

  it('stores a record of every kind and reads it back as it was sent, audited', async () => {
    const { agency } = await createTestAgency(t.db);
    for (const kind of WORK_RECORD_KINDS) {
      const sample = sampleWorkRecords()[kind];
      const stored = await create(agency.id, sample);
      expect(stored).toMatchObject({ kind, year: kind === 'channel' ? null : 2025, version: 1 });
      expect(stored.data).toEqual(sample.data);
      expect(await getWorkRecord(t.db, agency.id, stored.id)).toEqual(stored);
      const audit = await listAuditEntries(t.db, 'work-record', stored.id);
      expect(audit.map((a) => a.action)).toEqual([`create:${kind}`]);
      expect(audit[0]!.after).toMatchObject({ id: stored.id, kind });
    }
    const all = await listWorkRecords(t.db, agency.id);
    expect(all.map((r) => r.kind).sort()).toEqual([...WORK_RECORD_KINDS].sort());
  });

  it('lists by kind and year, channels in every year', async () => {
    const { agency } = await createTestAgency(t.db);
    const samples = sampleWorkRecords();
    const years = [2023, 2024, 2024, 2025];
    const made = [];
    for (const [i, year] of years.entries()) {
      made.push(
        await create(agency.id, {
          kind: 'training',
          data: { ...samples.training.data, heldOn: `${year}-0${i + 1}-10` },
        }),
      );
    }
    const channel = await create(agency.id, samples.channel);
    const of2024 = await listWorkRecords(t.db, agency.id, { year: 2024 });
    expect(of2024.map((r) => r.id).sort()).toEqual([made[1]!.id, made[2]!.id, channel.id].sort());
    const trainings = await listWorkRecords(t.db, agency.id, { kind: 'training', year: 2024 });
    expect(trainings.map((r) => r.id).sort()).toEqual([made[1]!.id, made[2]!.id].sort());
    expect(await listWorkRecords(t.db, agency.id, { kind: 'meeting' })).toEqual([]);
  });

  it('updates with the current version only, and keeps the kind', async () => {
    const { agency } = await createTestAgency(t.db);
    const samples = sampleWorkRecords();
    const record = await create(agency.id, samples.proposal);
    const data = { ...samples.proposal.data, satisfactionPercent: 95.5 };
    const updated = await tx((trx) =>
      updateWorkRecord(trx, agency.id, record.id, { kind: 'proposal', data }, 1, TEST_ACTOR, TEST_NOW),
    );
    expect(updated).toMatchObject({ version: 2, data: { satisfactionPercent: 95.5 } });
    expect(await getWorkRecord(t.db, agency.id, record.id)).toEqual(updated);
    const { agency: other } = await createTestAgency(t.db);
    const before = await snapshotStore(t.db);
    const stale = await refusal(
      tx((trx) => updateWorkRecord(trx, agency.id, record.id, samples.proposal, 1, TEST_ACTOR, TEST_NOW)),
    );
    expect(stale?.code).toBe('CONFLICT');
    const otherKind = await refusal(
      tx((trx) => updateWorkRecord(trx, agency.id, record.id, samples.training, 2, TEST_ACTOR, TEST_NOW)),
    );
    expect(otherKind).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('记录类别不能修改'),
    });
    const elsewhere = await refusal(
      tx((trx) => updateWorkRecord(trx, other.id, record.id, samples.proposal, 2, TEST_ACTOR, TEST_NOW)),
    );
    expect(elsewhere?.code).toBe('NOT_FOUND');
    expect(await snapshotStore(t.db)).toEqual(before);
    const audit = await listAuditEntries(t.db, 'work-record', record.id);
    expect(audit.map((a) => a.action)).toEqual(['create:proposal', 'update:proposal']);
  });

  it('deletes with the current version only, and the audit keeps the record', async () => {
    const { agency } = await createTestAgency(t.db);
    const record = await create(agency.id, sampleWorkRecords().meeting);
    const stale = await refusal(
      tx((trx) => deleteWorkRecord(trx, agency.id, record.id, 2, TEST_ACTOR, TEST_NOW)),
    );
    expect(stale?.code).toBe('CONFLICT');
    await tx((trx) => deleteWorkRecord(trx, agency.id, record.id, 1, TEST_ACTOR, TEST_NOW));
    expect(await getWorkRecord(t.db, agency.id, record.id)).toBeNull();
    const audit = await listAuditEntries(t.db, 'work-record', record.id);
    expect(audit.map((a) => a.action)).toEqual(['create:meeting', 'delete:meeting']);
    expect(audit[1]!.before).toMatchObject({ id: record.id, data: sampleWorkRecords().meeting.data });
    const again = await refusal(
      tx((trx) => deleteWorkRecord(trx, agency.id, record.id, 1, TEST_ACTOR, TEST_NOW)),
    );
    expect(again?.code).toBe('NOT_FOUND');
  });

  it('keeps one record of figures per agency-year and one task per position', async () => {
    const { agency } = await createTestAgency(t.db);
    const samples = sampleWorkRecords();
    await create(agency.id, samples.figures);
    await create(agency.id, samples.task);
    const before = await snapshotStore(t.db);
    expect(await refusal(create(agency.id, samples.figures))).toMatchObject({
      code: 'CONFLICT',
      message: '2025年的年度工作数据已录入，请修改已有的记录',
    });
    expect(await refusal(create(agency.id, samples.task))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('第1项任务已录入'),
    });
    expect(await snapshotStore(t.db)).toEqual(before);
    await create(agency.id, { kind: 'figures', data: { ...samples.figures.data, year: 2024 } });
    await create(agency.id, { kind: 'task', data: { ...samples.task.data, position: 2 } });
    const { agency: other } = await createTestAgency(t.db);
    await create(other.id, samples.figures);
    // The unique index holds even when the check is bypassed.
    const row = await t.db
      .selectFrom('work_records')
      .selectAll()
      .where('agency_id', '=', other.id)
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('work_records')
        .values({ ...row, id: `${row.id}-copy` })
        .execute(),
    ).rejects.toThrow();
  });

  it('lets one of two simultaneous entries of the same year figures through, the other gets 409', async () => {
    const { agency } = await createTestAgency(t.db);
    const figures = sampleWorkRecords().figures;
    const outcomes = await Promise.allSettled([create(agency.id, figures), create(agency.id, figures)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await listWorkRecords(t.db, agency.id, { kind: 'figures' })).toHaveLength(1);
  });

  it('links an interpretation to the agency own documents only, and changes nothing otherwise', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    const issue = (agencyId: string) =>
      tx((trx) =>
        issueNormativeDocument(
          trx,
          agencyId,
          {
            kind: 'normative',
            documentNumber: `文〔2025〕${agencyId.slice(0, 6)}号`,
            title: '办法',
            issuedOn: '2025-02-01',
          },
          TEST_ACTOR,
          TEST_NOW,
        ),
      );
    const own = await issue(agency.id);
    const foreign = await issue(other.id);
    const item = await tx((trx) =>
      draftDisclosureItem(
        trx,
        other.id,
        {
          title: '解读',
          category: '政策解读',
          channel: 'website',
          documentNumber: null,
          attribute: 'proactive',
          attributeReason: null,
          createdOn: '2025-02-02',
        },
        { userId: 'u', label: '经办人', role: 'officer' },
        TEST_NOW,
      ),
    );
    const base = sampleWorkRecords().interpretation;
    const linked = await create(agency.id, { ...base, data: { ...base.data, normativeDocumentId: own.id } });
    expect(linked.data).toMatchObject({ normativeDocumentId: own.id });
    const before = await snapshotStore(t.db);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ normativeDocumentId: 'no-such-document' }, 'NOT_FOUND', '所解读的规范性文件不存在'],
      [{ normativeDocumentId: foreign.id }, 'INVALID_INPUT', '不是本机关制发的'],
      [
        { normativeDocumentId: own.id, publishedOn: '2025-01-31' },
        'INVALID_INPUT',
        '解读发布日期 2025-01-31 早于所解读文件的制发日期 2025-02-01',
      ],
      [{ disclosureId: 'no-such-item' }, 'NOT_FOUND', '所解读的主动公开信息不存在'],
      [{ disclosureId: item.id }, 'INVALID_INPUT', '不属于本机关'],
    ];
    for (const [change, code, message] of cases) {
      const input = { ...base, data: { ...base.data, ...change } };
      expect(await refusal(create(agency.id, input))).toMatchObject({
        code,
        message: expect.stringContaining(message),
      });
      expect(
        await refusal(
          tx((trx) => updateWorkRecord(trx, agency.id, linked.id, input, 1, TEST_ACTOR, TEST_NOW)),
        ),
      ).toMatchObject({ code });
    }
    expect(await snapshotStore(t.db)).toEqual(before);
  });

  it('refuses bad records and unknown agencies, changing nothing', async () => {
    const { agency } = await createTestAgency(t.db);
    const samples = sampleWorkRecords();
    const before = await snapshotStore(t.db);
    const bad: unknown[] = [
      { ...samples.proposal, data: { ...samples.proposal.data, satisfactionPercent: 120 } },
      { ...samples.proposal, data: { ...samples.proposal.data, concludedOn: '2025-01-01' } },
      {
        ...samples.evaluation,
        data: {
          ...samples.evaluation.data,
          suggestions: [
            { content: '建议', receivedOn: '2025-05-20', handling: 'answered', handledOn: '2025-05-01' },
          ],
        },
      },
      { ...samples.training, data: { ...samples.training.data, heldOn: '2026-07-01' } },
      { kind: 'figures', data: { ...samples.figures.data, year: 1999 } },
      null,
      'text',
    ];
    for (const input of bad) {
      expect(await refusal(create(agency.id, input))).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await refusal(create('no-such-agency', samples.meeting))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshotStore(t.db)).toEqual(before);
  });
});
