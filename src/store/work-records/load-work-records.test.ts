import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import {
  applyDisclosureItemStep,
  createWorkRecord,
  draftDisclosureItem,
  issueNormativeDocument,
} from '../../../test/support/record-writes.ts';
import { TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { sampleWorkRecords } from '../../../test/support/work-record-samples.ts';
import { addDays, yearOf } from '../../core/dates.ts';
import {
  DISCLOSURE_ATTRIBUTES,
  DISCLOSURE_CHANNELS,
  type DisclosureActor,
} from '../../core/disclosures/disclosure.ts';
import { momentOf } from '../../core/moment.ts';
import type { Database } from '../database.ts';
import { listDisclosures } from '../disclosures/disclosures.repository.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { listNormativeDocuments } from '../table2-sources/normative-documents.repository.ts';
import {
  loadRegionWorkRecords,
  loadWorkRecordsOfAgencies,
  loadWorkRecordsOfYear,
} from './load-work-records.ts';
import { listWorkRecords } from './work-records.repository.ts';

const OFFICER: DisclosureActor = { userId: 'officer', label: '经办人', role: 'officer' };
const HEAD: DisclosureActor = { userId: 'head', label: '科室负责人', role: 'reviewer' };
const LEADER: DisclosureActor = { userId: 'leader', label: '分管领导', role: 'reviewer' };
const CATEGORIES = ['机构职能', '政策文件', '财政信息', '人事信息', '重点领域'];
const unique = () => randomBytes(4).toString('hex');

/** An instant on `day` (UTC) at `hour` UTC: hours 16–23 are already the next day in China. */
const instant = (day: string, hour: number) =>
  momentOf(new Date(`${day}T${String(hour).padStart(2, '0')}:30:00.000Z`));

/**
 * Random register data of one agency: disclosure items at every stage of the chain (approved and
 * published around the turn of the year, at any hour), normative documents, trainings, channels.
 */
async function fillAgency(db: Kysely<Database>, agencyId: string, seed: number): Promise<void> {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 0; i < 45; i += 1) {
    const createdOn = addDays('2024-11-15', Math.floor(rand() * 420));
    const attribute = rand() < 0.6 ? 'proactive' : pick(DISCLOSURE_ATTRIBUTES);
    const stage = Math.floor(rand() * 5); // 0 draft … 3 approved, 4 published (proactive only)
    const approved = instant(addDays(createdOn, Math.floor(rand() * 20)), Math.floor(rand() * 24));
    await db.transaction().execute(async (trx) => {
      let item = await draftDisclosureItem(
        trx,
        agencyId,
        {
          title: `信息${i}`,
          category: pick(CATEGORIES),
          channel: pick(DISCLOSURE_CHANNELS),
          documentNumber: null,
          attribute,
          attributeReason: attribute === 'proactive' ? null : '依据条例第十六条',
          createdOn,
        },
        OFFICER,
        momentOf(new Date(`${createdOn}T02:00:00.000Z`)),
      );
      const step = (s: Parameters<typeof applyDisclosureItemStep>[3], actor: DisclosureActor, m = approved) =>
        applyDisclosureItemStep(trx, agencyId, item.id, s, item.version, actor, m);
      if (stage >= 1) item = await step({ type: 'submit' }, OFFICER);
      if (stage >= 2) item = await step({ type: 'sectionApprove', secrecyConclusion: 'publishable' }, HEAD);
      if (stage >= 3) item = await step({ type: 'leaderApprove' }, LEADER);
      if (stage >= 4 && attribute === 'proactive') {
        const published = instant(addDays(approved.today, Math.floor(rand() * 15)), Math.floor(rand() * 24));
        item = await step({ type: 'publish', publishedOn: published.today }, OFFICER, published);
      }
    });
  }
  const now = momentOf(new Date('2026-03-01T02:00:00.000Z'));
  for (let i = 0; i < 12; i += 1) {
    await db.transaction().execute(async (trx) => {
      await issueNormativeDocument(
        trx,
        agencyId,
        {
          kind: rand() < 0.7 ? 'normative' : 'regulation',
          documentNumber: `文〔${unique()}〕号`,
          title: `文件${i}`,
          issuedOn: addDays('2024-10-01', Math.floor(rand() * 500)),
        },
        TEST_ACTOR,
        now,
      );
      const samples = sampleWorkRecords();
      await createWorkRecord(
        trx,
        agencyId,
        {
          kind: 'training',
          data: { ...samples.training.data, heldOn: addDays('2024-06-01', Math.floor(rand() * 500)) },
        },
        TEST_ACTOR,
        now,
      );
      const openedOn = addDays('2023-01-01', Math.floor(rand() * 900));
      const closedOn = rand() < 0.5 ? addDays(openedOn, Math.floor(rand() * 500)) : null;
      await createWorkRecord(
        trx,
        agencyId,
        {
          kind: 'channel',
          data: {
            ...samples.channel.data,
            name: `平台${i}`,
            openedOn,
            closedOn: closedOn && closedOn > '2026-03-01' ? null : closedOn,
            years: [],
          },
        },
        TEST_ACTOR,
        now,
      );
    });
  }
}

/** What the registers say of a year, counted in memory from the items as the repositories return them. */
async function expectedCounts(db: Kysely<Database>, agencyId: string, year: number) {
  const { items } = await listDisclosures(db, agencyId, {}, { limit: 1000 });
  const published = items.filter(
    (d) => d.status === 'published' && d.attribute === 'proactive' && yearOf(d.publishedOn!) === year,
  );
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const decided = (attribute: string) =>
    items.filter(
      (d) =>
        d.attribute === attribute &&
        d.status === 'approved' &&
        yearOf(d.steps.findLast((s) => s.type === 'leaderApprove')!.on) === year,
    ).length;
  const documents = await listNormativeDocuments(db, agencyId, { kind: 'normative' }, { limit: 1000 });
  return {
    proactivePublished: published.length,
    byCategory: tally(published.map((d) => d.category)),
    byChannel: tally(published.map((d) => d.channel)),
    decidedOnRequest: decided('onRequest'),
    decidedWithheld: decided('withheld'),
    documents: documents
      .filter((d) => yearOf(d.issuedOn) === year)
      .map((d) => d.id)
      .sort(),
  };
}

describeEachDialect('loadWorkRecordsOfYear', (t) => {
  it('counts the registers of the year as an in-memory count of random data does', async () => {
    const region = await createRegion(t.db, {
      code: `W${unique()}`,
      name: `测试市${unique()}`,
      level: 'city',
    });
    const agency = await createAgency(t.db, { regionId: region.id, name: '测试局', kind: 'department' });
    await fillAgency(t.db, agency.id, 8);
    for (const year of [2024, 2025, 2026]) {
      const loaded = await loadWorkRecordsOfYear(t.db, agency.id, year);
      const expected = await expectedCounts(t.db, agency.id, year);
      const d = loaded.disclosures;
      expect(d.proactivePublished, `${year}`).toBe(expected.proactivePublished);
      expect(new Map(d.byCategory.map((c) => [c.category, c.count]))).toEqual(expected.byCategory);
      expect(new Map(d.byChannel.map((c) => [c.channel, c.count]))).toEqual(expected.byChannel);
      expect(d.byCategory.map((c) => c.count)).toEqual(
        d.byCategory.map((c) => c.count).sort((a, b) => b - a),
      );
      expect(d.decidedOnRequest, `${year}`).toBe(expected.decidedOnRequest);
      expect(d.decidedWithheld, `${year}`).toBe(expected.decidedWithheld);
      expect(loaded.normativeDocumentsIssued.map((x) => x.id).sort()).toEqual(expected.documents);
      expect(loaded.trainings.every((x) => yearOf(x.heldOn) === year)).toBe(true);
      const allChannels = await listWorkRecords(t.db, agency.id, { kind: 'channel' });
      const open = allChannels
        .map((r) => r.data as { name: string; openedOn: string | null; closedOn: string | null })
        .filter((c) => (c.openedOn ?? '') <= `${year}-12-31` && (c.closedOn ?? '9999') >= `${year}-01-01`);
      expect(loaded.channels.map((c) => c.name).sort()).toEqual(open.map((c) => c.name).sort());
      expect(loaded.year).toBe(year);
    }
    // The random data reaches both sides of the turn of the year.
    const of2025 = await expectedCounts(t.db, agency.id, 2025);
    expect(of2025.proactivePublished).toBeGreaterThan(0);
    expect(of2025.decidedOnRequest + of2025.decidedWithheld).toBeGreaterThan(0);
  });

  it('gives each record of the year, sorted, the channels open in the year with their figures', async () => {
    const region = await createRegion(t.db, {
      code: `W${unique()}`,
      name: `测试市${unique()}`,
      level: 'city',
    });
    const agency = await createAgency(t.db, { regionId: region.id, name: '测试局', kind: 'department' });
    const samples = sampleWorkRecords();
    const now = momentOf(new Date('2026-03-01T02:00:00.000Z'));
    const add = (input: unknown) =>
      t.db.transaction().execute((trx) => createWorkRecord(trx, agency.id, input, TEST_ACTOR, now));
    for (const kind of Object.keys(samples) as Array<keyof typeof samples>) await add(samples[kind]);
    await add({ kind: 'task', data: { ...samples.task.data, position: 3 } });
    await add({ kind: 'task', data: { ...samples.task.data, position: 2 } });
    await add({ kind: 'meeting', data: { ...samples.meeting.data, heldOn: '2024-12-31' } });
    await add({
      kind: 'channel',
      data: { kind: 'weibo', name: '已关停微博', openedOn: '2018-01-01', closedOn: '2024-12-31' },
    });
    const year = await loadWorkRecordsOfYear(t.db, agency.id, 2025);
    expect(year.interpretations).toEqual([samples.interpretation.data]);
    expect(year.evaluations).toEqual([samples.evaluation.data]);
    expect(year.proposals).toEqual([samples.proposal.data]);
    expect(year.meetings).toEqual([samples.meeting.data]);
    expect(year.accountability).toEqual([samples.accountability.data]);
    expect(year.figures).toEqual(samples.figures.data);
    expect(year.tasks.map((x) => x.position)).toEqual([1, 2, 3]);
    const { years: _years, ...channel } = samples.channel.data;
    expect(year.channels).toEqual([{ ...channel, figures: { year: 2025, posts: 356, followers: 15_200 } }]);
    const earlier = await loadWorkRecordsOfYear(t.db, agency.id, 2024);
    expect(earlier.meetings.map((m) => m.heldOn)).toEqual(['2024-12-31']);
    expect(earlier.channels.map((c) => c.name).sort()).toEqual(['中卫数据', '已关停微博']);
    expect(earlier.figures).toBeNull();
    await expect(loadWorkRecordsOfYear(t.db, 'no-such-agency', 2025)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
  it('counts an item decided or published around midnight in the year of the day in China', async () => {
    const region = await createRegion(t.db, {
      code: `W${unique()}`,
      name: `测试市${unique()}`,
      level: 'city',
    });
    const agency = await createAgency(t.db, { regionId: region.id, name: '测试局', kind: 'department' });
    // 2024-12-31 17:30 UTC is 2025-01-01 01:30 in China; 2025-12-31 15:30 UTC is still 2025-12-31.
    const decide = (at: string, attribute: 'onRequest' | 'withheld') =>
      t.db.transaction().execute(async (trx) => {
        const m = momentOf(new Date(at));
        let item = await draftDisclosureItem(
          trx,
          agency.id,
          {
            title: '边界',
            category: '政策文件',
            channel: 'website',
            documentNumber: null,
            attribute,
            attributeReason: '理由',
            createdOn: '2024-12-01',
          },
          OFFICER,
          m,
        );
        for (const [step, actor] of [
          [{ type: 'submit' }, OFFICER],
          [{ type: 'sectionApprove', secrecyConclusion: 'publishable' }, HEAD],
          [{ type: 'leaderApprove' }, LEADER],
        ] as const) {
          item = await applyDisclosureItemStep(trx, agency.id, item.id, step, item.version, actor, m);
        }
      });
    await decide('2024-12-31T17:30:00.000Z', 'onRequest');
    await decide('2025-12-31T15:30:00.000Z', 'withheld');
    await decide('2025-12-31T16:30:00.000Z', 'withheld');
    const of = async (year: number) => (await loadWorkRecordsOfYear(t.db, agency.id, year)).disclosures;
    expect(await of(2024)).toMatchObject({ decidedOnRequest: 0, decidedWithheld: 0 });
    expect(await of(2025)).toMatchObject({ decidedOnRequest: 1, decidedWithheld: 1 });
    expect(await of(2026)).toMatchObject({ decidedOnRequest: 0, decidedWithheld: 1 });
  });
});

describeEachDialect('loadRegionWorkRecords', (t) => {
  it('gives every agency of the region subtree its year, the same as one agency at a time', async () => {
    const city = await createRegion(t.db, { code: `C${unique()}`, name: `测试市${unique()}`, level: 'city' });
    const county = await createRegion(t.db, {
      code: `X${unique()}`,
      name: `测试县${unique()}`,
      level: 'county',
      parentId: city.id,
    });
    const elsewhere = await createRegion(t.db, {
      code: `E${unique()}`,
      name: `他市${unique()}`,
      level: 'city',
    });
    const a = await createAgency(t.db, { regionId: city.id, name: '市数据局', kind: 'department' });
    const b = await createAgency(t.db, { regionId: county.id, name: '县数据局', kind: 'department' });
    const c = await createAgency(t.db, { regionId: elsewhere.id, name: '他市数据局', kind: 'department' });
    await fillAgency(t.db, a.id, 21);
    await fillAgency(t.db, b.id, 22);
    await fillAgency(t.db, c.id, 23);
    const region = await loadRegionWorkRecords(t.db, city.code, 2025);
    expect(region.map((x) => x.agencyId).sort()).toEqual([a.id, b.id].sort());
    for (const entry of region) {
      expect(entry.agencyName).toBe(entry.agencyId === a.id ? '市数据局' : '县数据局');
      expect(entry.records).toEqual(await loadWorkRecordsOfYear(t.db, entry.agencyId, 2025));
    }
    expect((await loadRegionWorkRecords(t.db, county.code, 2025)).map((x) => x.agencyId)).toEqual([b.id]);
    // Batches of one agency give the same as one batch of all.
    const ids = [a.id, b.id, c.id];
    expect(await loadWorkRecordsOfAgencies(t.db, ids, 2025, 1)).toEqual(
      await loadWorkRecordsOfAgencies(t.db, ids, 2025),
    );
    await expect(loadRegionWorkRecords(t.db, 'nowhere', 2025)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
