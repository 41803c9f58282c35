import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  applicationInput,
  applyTestEvent,
  createTestAgency,
  registerTestApplication,
  TEST_ACTOR,
  TEST_NOW,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect, tempSqliteFile } from '../../../test/support/store-test-db.ts';
import {
  findApplicationByFollowUp,
  getApplicant,
  getApplication,
} from '../../store/applications/applications.repository.ts';
import { listApplications } from '../../store/applications/list-applications.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { verifyAuditChain } from '../../store/audit/verify-audit-chains.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';
import { CONFLICT_MESSAGE, recordApplicationEvent } from './record-application-event.ts';
import { registerApplication } from './register-application.ts';

const PERSONAL = [
  '张三丰',
  '三丰',
  '110105199001011232',
  '13800138000',
  '北京市朝阳区某某路1号',
  'zhang@example.cn',
];

const expectConsecutive = (numbers: string[], year: number, count: number) =>
  expect([...numbers].sort()).toEqual(
    Array.from({ length: count }, (_, i) => `${year}-${String(i + 1).padStart(4, '0')}`),
  );

describeEachDialect('applications repository', (t) => {
  it('registers an application: receipt date by the core, tracking number, personal data apart, audit', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application, followUpCode } = await registerTestApplication(t.db, agency.id, {
      channel: 'online',
      submittedOn: '2025-12-31',
      confirmedOn: '2026-01-05',
      requestedForm: { media: ['paper'], delivery: ['post', 'pickup'] },
    });
    expect(application.requestedForm).toEqual({ media: ['paper'], delivery: ['post', 'pickup'] });
    expect(application).toMatchObject({
      agencyId: agency.id,
      trackingNumber: '2026-0001',
      receivedOn: '2026-01-05',
      status: 'received',
      events: [],
      version: 1,
      answerDueOn: '2026-02-02',
    });
    expect(await getApplication(t.db, agency.id, application.id)).toEqual(application);
    expect(await getApplicant(t.db, agency.id, application.id)).toEqual({
      name: '张三丰',
      idType: 'resident-id',
      idNumber: '110105199001011232',
      phone: '13800138000',
      address: '北京市朝阳区某某路1号',
      email: 'zhang@example.cn',
    });
    const [entry] = await listAuditEntries(t.db, 'application', application.id);
    expect(entry).toMatchObject({ action: 'register', before: null, after: { trackingNumber: '2026-0001' } });
    for (const text of PERSONAL) expect(JSON.stringify(entry)).not.toContain(text);
    expect(followUpCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(await findApplicationByFollowUp(t.db, agency.id, '2026-0001', followUpCode.toLowerCase())).toEqual(
      application,
    );
    expect(await findApplicationByFollowUp(t.db, agency.id, '2026-0001', 'AAAA-AAAA-AAAA-AAAA')).toBeNull();
  });

  it('shows nothing of an application to another agency', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(t.db, agency.id);
    expect(await getApplication(t.db, other.id, application.id)).toBeNull();
    expect(await getApplicant(t.db, other.id, application.id)).toBeNull();
    expect((await listApplications(t.db, other.id)).total).toBe(0);
  });

  it('refuses what the core refuses, an unknown agency, and leaves no trace', async () => {
    const { agency } = await createTestAgency(t.db);
    await expect(
      registerTestApplication(t.db, agency.id, { channel: 'online', submittedOn: '2026-03-02' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      registerTestApplication(t.db, agency.id, { submittedOn: '2026-07-01' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(registerTestApplication(t.db, agency.id, { description: '  ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(registerTestApplication(t.db, 'no-such-agency')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await listApplications(t.db, agency.id)).total).toBe(0);
    const { application } = await registerTestApplication(t.db, agency.id);
    expect(application.trackingNumber).toBe('2026-0001');
  });

  it('registers in a year without a holiday arrangement with a provisional due date (issue 15)', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(
      t.db,
      agency.id,
      { submittedOn: '2027-01-04' },
      { at: new Date('2027-01-04T02:00:00Z'), today: '2027-01-04' },
    );
    // 2027-01-05 … 01-08 (4), 01-11 … 01-15 (9), 01-18 … 01-22 (14), 01-25 … 01-29 (19), 02-01 (20).
    expect(application).toMatchObject({ trackingNumber: '2027-0001', answerDueOn: '2027-02-01' });
  });

  it('hands out 200 distinct consecutive tracking numbers to 200 concurrent registrations', async () => {
    const { agency } = await createTestAgency(t.db);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => registerTestApplication(t.db, agency.id)),
    );
    expectConsecutive(
      results.map((r) => r.application.trackingNumber),
      2026,
      200,
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('numbers per agency and per year of receipt', async () => {
    const { agency: a } = await createTestAgency(t.db);
    const { agency: b } = await createTestAgency(t.db);
    const first = await registerTestApplication(t.db, a.id, { submittedOn: '2025-12-31' });
    const second = await registerTestApplication(t.db, a.id);
    const third = await registerTestApplication(t.db, b.id);
    expect([first, second, third].map((r) => r.application.trackingNumber)).toEqual([
      '2025-0001',
      '2026-0001',
      '2026-0001',
    ]);
  });

  it('saves an event against the expected version and refuses a stale one without changing anything', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(t.db, agency.id);
    const asked = await applyTestEvent(t.db, application, { type: 'correction-requested', on: '2026-03-04' });
    expect(asked).toMatchObject({ status: 'awaiting-correction', version: 2, answerDueOn: null });
    const stale = applyTestEvent(t.db, application, { type: 'withdrawn', on: '2026-03-05' });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', message: CONFLICT_MESSAGE });
    expect(await getApplication(t.db, agency.id, application.id)).toEqual(asked);
    expect(await listAuditEntries(t.db, 'application', application.id)).toHaveLength(2);

    const refused = applyTestEvent(t.db, asked, { type: 'answered', on: '2026-03-05', outcome: 'granted' });
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('待补正'),
    });
    await expect(
      applyTestEvent(t.db, asked, { type: 'no-such-event', on: '2026-03-05' } as never),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          recordApplicationEvent(
            trx,
            'other',
            asked.id,
            { type: 'withdrawn', on: '2026-03-05' },
            2,
            TEST_ACTOR,
            TEST_NOW,
          ),
        ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const received = await applyTestEvent(t.db, asked, { type: 'correction-received', on: '2026-03-06' });
    const done = await applyTestEvent(t.db, received, {
      type: 'answered',
      on: '2026-03-20',
      outcome: 'partial',
    });
    expect(done).toMatchObject({
      status: 'concluded',
      outcome: 'partial',
      concludedOn: '2026-03-20',
      version: 4,
    });
    const history = await listAuditEntries(t.db, 'application', application.id);
    expect(history.map((e) => e.action)).toEqual([
      'register',
      'event:correction-requested',
      'event:correction-received',
      'event:answered',
    ]);
    expect(history[3]).toMatchObject({ before: { version: 3 }, after: { version: 4, outcome: 'partial' } });
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(t.db, agency.id);
    const outcomes = await Promise.allSettled([
      applyTestEvent(t.db, application, { type: 'answered', on: '2026-03-10', outcome: 'granted' }),
      applyTestEvent(t.db, application, { type: 'withdrawn', on: '2026-03-10' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect((await getApplication(t.db, agency.id, application.id))?.version).toBe(2);
  });

  it('lists with the applicant masked and no personal data, filtered and paged', async () => {
    const { agency } = await createTestAgency(t.db);
    const a = await registerTestApplication(t.db, agency.id, { submittedOn: '2026-01-05' });
    await registerTestApplication(t.db, agency.id, {
      submittedOn: '2026-05-06',
      description: '100%_完成率的统计口径',
      applicant: { name: '欧阳明月' },
    });
    await registerTestApplication(t.db, agency.id, { submittedOn: '2025-11-03', applicant: { name: '李' } });
    await applyTestEvent(t.db, a.application, { type: 'answered', on: '2026-01-20', outcome: 'granted' });

    const all = await listApplications(t.db, agency.id);
    expect(all.total).toBe(3);
    expect(all.items.map((i) => [i.receivedOn, i.applicantNameMasked])).toEqual([
      ['2026-05-06', '欧**'],
      ['2026-01-05', '张**'],
      ['2025-11-03', '*'],
    ]);
    for (const text of PERSONAL) expect(JSON.stringify(all)).not.toContain(text);
    expect(Object.keys(all.items[0]!).sort()).toEqual(
      [
        'id',
        'trackingNumber',
        'channel',
        'receivedOn',
        'applicantType',
        'applicantNameMasked',
        'description',
        'status',
        'outcome',
        'concludedOn',
        'answerDueOn',
        'version',
        'answerTimeliness',
      ].sort(),
    );

    const count = async (filters: Parameters<typeof listApplications>[2]) =>
      (await listApplications(t.db, agency.id, filters)).total;
    expect(await count({ status: 'concluded' })).toBe(1);
    expect(await count({ status: ['received', 'concluded'] })).toBe(3);
    expect(await count({ year: 2025 })).toBe(1);
    expect(await count({ q: '%_' })).toBe(1);
    expect(await count({ q: '2025-0001' })).toBe(1);
    expect(await count({ q: '张三丰' })).toBe(0);
    // Open and due before the day: 2025-11-03 is due 2025-12-01; 2026-05-06 is due 2026-06-03.
    expect(await count({ dueBefore: '2025-12-02' })).toBe(1);
    expect(await count({ dueBefore: '2026-06-30' })).toBe(2);

    const page = await listApplications(t.db, agency.id, {}, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, items: [{ receivedOn: '2025-11-03' }] });

    // By deadline: open ones soonest first (due 2025-12-01, then 2026-06-03), the concluded one last.
    const byDue = await listApplications(t.db, agency.id, {}, { order: 'due' });
    expect(byDue.items.map((i) => [i.receivedOn, i.status === 'concluded'])).toEqual([
      ['2025-11-03', false],
      ['2026-05-06', false],
      ['2026-01-05', true],
    ]);
  });

  if (t.dialect === 'postgres') {
    it('stays correct across two instances (two pools) registering at once', async () => {
      const { agency } = await createTestAgency(t.db);
      const second = openDatabase(t.url);
      try {
        const both = await Promise.all(
          Array.from({ length: 100 }, (_, i) => registerTestApplication(i % 2 ? second.db : t.db, agency.id)),
        );
        expectConsecutive(
          both.map((r) => r.application.trackingNumber),
          2026,
          100,
        );
      } finally {
        await second.close();
      }
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  }
});

describe('applications on one SQLite file', () => {
  it('numbers concurrent transactions of one instance and of four processes without a gap or a repeat', async () => {
    const file = tempSqliteFile();
    const { db, close } = openDatabase(file.url);
    try {
      await migrateToLatest(db);
      const { agency } = await createTestAgency(db);
      const inProcess = await Promise.all(
        Array.from({ length: 40 }, () =>
          db
            .transaction()
            .execute((trx) => registerApplication(trx, applicationInput(agency.id), TEST_ACTOR, TEST_NOW)),
        ),
      );
      const run = promisify(execFile);
      const workers = await Promise.all(
        [0, 1, 2, 3].map(() =>
          run(process.execPath, [
            '--import',
            'tsx',
            'test/support/store-register-worker.ts',
            file.url,
            agency.id,
            '15',
          ]),
        ),
      );
      const numbers = [
        ...inProcess.map((r) => r.application.trackingNumber),
        ...workers.flatMap((w) => JSON.parse(w.stdout) as string[]),
      ];
      expectConsecutive(numbers, 2026, 100);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 100, chains: 1 });
    } finally {
      await close();
      file.cleanup();
    }
  }, 60_000);
});
