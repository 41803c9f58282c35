import { expect, it } from 'vitest';
import { createWorkRecord } from '../../../test/support/record-writes.ts';
import { SEED_WORK_RECORDS } from '../../../test/support/seed-work-records.ts';
import { createTestAgency, TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { momentOf } from '../../core/moment.ts';
import type { WorkRecordsOfYear } from '../../core/work-records/work-records.ts';
import { loadWorkRecordsOfYear } from './load-work-records.ts';

/** The figures sections 一 and 六 of the seeds state, as read from the records of the year. */
function stated(r: WorkRecordsOfYear) {
  const suggestions = r.evaluations.flatMap((e) => e.suggestions);
  return {
    openEvents: r.evaluations.map((e) => [e.kind, e.participants, e.formsHandedOut, e.suggestions.length]),
    suggestionsHandled: suggestions.filter((s) => s.handling !== 'pending').length,
    npc: r.proposals.filter((p) => p.kind === 'npcSuggestion').length,
    cppcc: r.proposals.filter((p) => p.kind === 'cppccProposal').length,
    resultsPublished: r.proposals.filter((p) => p.resultPublishedOn !== null).length,
    allSatisfied: r.proposals.every((p) => p.satisfactionPercent === 100),
    interpretations: r.interpretations.length,
    briefings: r.meetings.filter((m) => m.kind === 'leadershipBriefing').length,
    specialMeetings: r.meetings.filter((m) => m.kind === 'specialMeeting').length,
    trainingsHeld: r.trainings.filter((t) => t.kind === 'held').length,
    channels: r.channels.map((c) => [
      c.kind,
      c.figures?.posts ?? null,
      c.figures?.followers ?? null,
      c.filedWith,
    ]),
    inAssessment: r.figures?.inAnnualAssessment ?? null,
    workGroupsCleaned: r.figures?.workGroupsCleaned ?? null,
    accountability: r.accountability.length,
  };
}

describeEachDialect('the work records of the seeds', (t) => {
  const enter = async (seed: string) => {
    const { agency } = await createTestAgency(t.db);
    const { year, records } = SEED_WORK_RECORDS[seed]!;
    const now = momentOf(new Date(`${year + 1}-01-10T02:00:00.000Z`));
    for (const record of records) {
      await t.db.transaction().execute((trx) => createWorkRecord(trx, agency.id, record, TEST_ACTOR, now));
    }
    return stated(await loadWorkRecordsOfYear(t.db, agency.id, year));
  };

  it('000: a 政府开放周 with 24 forms and 5 suggestions, 6 提案 answers published, 2 work groups cleaned', async () => {
    expect(await enter('000')).toMatchObject({
      openEvents: [['openWeek', null, 24, 5]],
      cppcc: 6,
      resultsPublished: 6,
      interpretations: 3,
      inAssessment: true,
      workGroupsCleaned: 2,
      accountability: 0,
    });
  });

  it('001: an open day whose figures the seed does not state (left unrecorded), 4 interpretations, 3 提案 answers published', async () => {
    expect(await enter('001')).toMatchObject({
      openEvents: [['openDay', null, null, 0]],
      cppcc: 3,
      resultsPublished: 3,
      interpretations: 4,
      inAssessment: true,
      workGroupsCleaned: null,
      accountability: 0,
    });
  });

  it('002: website 94 items, weibo 267 items and 73 followers, 27 forms and 7 suggestions, 8 results published', async () => {
    expect(await enter('002')).toMatchObject({
      openEvents: [['openDay', 27, 27, 7]],
      resultsPublished: 8,
      channels: [
        ['website', 94, null, null],
        ['weibo', 267, 73, '市政务公开办'],
      ],
      accountability: 0,
    });
  });

  it('003: an open day of 27 people with 5 suggestions all handled, a filed WeChat account of 7 posts, 2 briefings, 2 trainings', async () => {
    expect(await enter('003')).toMatchObject({
      openEvents: [['openDay', 27, 0, 5]],
      suggestionsHandled: 5,
      channels: [['wechat', 7, null, '市委网信办']],
      briefings: 2,
      trainingsHeld: 2,
    });
  });

  it('004: 6 人大代表建议 and 8 政协委员提案, all 100% satisfied, 3 interpretations, 2 + 2 meetings, 1 training', async () => {
    expect(await enter('004')).toMatchObject({
      npc: 6,
      cppcc: 8,
      allSatisfied: true,
      interpretations: 3,
      briefings: 2,
      specialMeetings: 2,
      trainingsHeld: 1,
      openEvents: [],
    });
  });
});
