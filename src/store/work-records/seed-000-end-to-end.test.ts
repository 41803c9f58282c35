import { expect, it } from 'vitest';
import { seed000WorkRecords } from '../../../test/fixtures/work/seed-000.ts';
import {
  applyDisclosureItemStep,
  createWorkRecord,
  draftDisclosureItem,
} from '../../../test/support/record-writes.ts';
import { SEED_WORK_RECORDS } from '../../../test/support/seed-work-records.ts';
import { loadSeedReport } from '../../../test/support/seeds.ts';
import { createTestAgency, TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import type { DisclosureActor } from '../../core/disclosures/disclosure.ts';
import { momentOf } from '../../core/moment.ts';
import { checkNarrative } from '../../core/rules/narrative/check-narrative.ts';
import { draftNarrative } from '../../core/work-records/draft-narrative.ts';
import { summariseWork } from '../../core/work-records/work-summary.ts';
import { loadWorkRecordsOfYear } from './load-work-records.ts';

const OFFICER: DisclosureActor = { userId: 'officer', label: '经办人', role: 'officer' };
const HEAD: DisclosureActor = { userId: 'head', label: '科室负责人', role: 'reviewer' };
const LEADER: DisclosureActor = { userId: 'leader', label: '分管领导', role: 'reviewer' };

/**
 * Seed 000 from end to end: its 63 items entered in the disclosure register one by one (the
 * categories it lists, and 2 more it counts but does not list, as 其他) and published through the
 * review chain, its open week and other work records entered, then sections 一 and 六 drafted
 * from what the store reads back — the "其中" list now adds up to the 63 it states.
 */
describeEachDialect('seed 000 from the records', (t) => {
  it('drafts 63 items whose "其中" list adds up, the open week, the 提案 answers and the groups cleaned', async () => {
    const { agency } = await createTestAgency(t.db);
    const listed = seed000WorkRecords().disclosures.byCategory;
    const categories = [...listed, { category: '其他', count: 63 - listed.reduce((n, c) => n + c.count, 0) }];
    let n = 0;
    for (const { category, count } of categories) {
      for (let i = 0; i < count; i += 1, n += 1) {
        const day = `2023-${String(1 + (n % 11)).padStart(2, '0')}-10`;
        const at = momentOf(new Date(`${day}T02:00:00.000Z`));
        await t.db.transaction().execute(async (trx) => {
          let item = await draftDisclosureItem(
            trx,
            agency.id,
            {
              title: `${category}（${i + 1}）`,
              category,
              channel: 'website',
              documentNumber: null,
              attribute: 'proactive',
              attributeReason: null,
              createdOn: day,
            },
            OFFICER,
            at,
          );
          const step = (s: Parameters<typeof applyDisclosureItemStep>[3], actor: DisclosureActor) =>
            applyDisclosureItemStep(trx, agency.id, item.id, s, item.version, actor, at);
          item = await step({ type: 'submit' }, OFFICER);
          item = await step({ type: 'sectionApprove', secrecyConclusion: 'publishable' }, HEAD);
          item = await step({ type: 'leaderApprove' }, LEADER);
          item = await step({ type: 'publish', publishedOn: day }, OFFICER);
        });
      }
    }
    const { year, records } = SEED_WORK_RECORDS['000']!;
    const now = momentOf(new Date(`${year + 1}-01-10T02:00:00.000Z`));
    for (const record of records) {
      await t.db.transaction().execute((trx) => createWorkRecord(trx, agency.id, record, TEST_ACTOR, now));
    }

    const seed = loadSeedReport('000');
    const draft = draftNarrative(
      summariseWork(await loadWorkRecordsOfYear(t.db, agency.id, year)),
      seed,
      year,
      seed.agency,
    );
    const overview = draft.overview;
    expect(overview).toContain('2023年，中卫市云计算和大数据发展局主动公开政府信息63条，其中');
    const list = /主动公开政府信息63条，其中([^。]*)/.exec(overview)![1]!;
    const stated = [...list.matchAll(/(\d+)条/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(stated).toBe(63);
    expect(list).toContain('重点项目建设、招商引资等重点领域信息22条');
    expect(list).toContain('其他2条');
    expect(overview).toContain('发放征求意见表24份');
    expect(overview).toContain('收集意见建议5条');
    expect(overview).toContain('本年清理整合工作群2个');
    // The seed does not say how many took part in the training: no figure is made up.
    expect(overview).toContain('组织政务公开培训1次');
    expect(overview).not.toContain('参训');
    expect(draft.other).toContain('政协委员提案');
    const report = { ...seed, sections: { ...seed.sections, overview, other: draft.other } };
    expect(checkNarrative(report).filter((f) => f.assessable && f.ruleId === 'N-06')).toEqual([]);
  });
});
