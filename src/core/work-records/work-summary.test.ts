import { describe, expect, it } from 'vitest';
import { emptyWorkRecords, randomWorkRecords } from '../../../test/support/random-work-records.ts';
import { summariseWork } from './work-summary.ts';

const sum = (items: Array<{ count: number }>) => items.reduce((a, c) => a + c.count, 0);

describe('summariseWork', () => {
  it('gives breakdowns that add up to their totals, on 500 random agency-years', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const s = summariseWork(randomWorkRecords(seed));
      const why = `seed ${seed}`;
      if (s.proactive.byCategory.length > 0) expect(sum(s.proactive.byCategory), why).toBe(s.proactive.total);
      if (s.proactive.byChannel.length > 0) expect(sum(s.proactive.byChannel), why).toBe(s.proactive.total);
      expect(sum(s.evaluations.byKind), why).toBe(s.evaluations.count);
      expect(sum(s.evaluations.byHandling), why).toBe(s.evaluations.suggestionsReceived);
      expect(sum(s.proposals.byKind), why).toBe(s.proposals.count);
      expect(sum(s.proposals.byRole), why).toBe(s.proposals.count);
      expect(sum(s.meetings.byKind), why).toBe(s.meetings.count);
      expect(sum(s.channels.byKind), why).toBe(s.channels.open);
      expect(s.channels.filed + s.channels.unfiled, why).toBe(s.channels.open);
      expect(s.decided.total, why).toBe(s.decided.proactive + s.decided.onRequest + s.decided.withheld);
      if (s.interpretations.singleForm)
        expect(sum(s.interpretations.byForm), why).toBe(s.interpretations.count);
    }
  });

  it('counts what the records of the year hold, checked against a plain count of the same records', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const records = randomWorkRecords(seed);
      const s = summariseWork(records);
      const y = `${records.year}-`;
      const end = `${records.year}-12-31`;
      const proposals = records.proposals.filter((p) => p.year === records.year);
      expect(s.proposals.count).toBe(proposals.length);
      expect(s.proposals.concluded).toBe(
        proposals.filter((p) => p.concludedOn && p.concludedOn <= end).length,
      );
      expect(s.proposals.resultsPublished).toBe(
        proposals.filter((p) => p.resultPublishedOn && p.resultPublishedOn <= end).length,
      );
      const rates = proposals.flatMap((p) => (p.satisfactionPercent === null ? [] : [p.satisfactionPercent]));
      expect(s.proposals.meanSatisfactionPercent).toBe(
        rates.length === 0 ? null : Math.round((rates.reduce((a, b) => a + b, 0) / rates.length) * 10) / 10,
      );
      const interpretations = records.interpretations.filter((i) => i.publishedOn.startsWith(y));
      expect(s.interpretations.count).toBe(interpretations.length);
      expect(s.interpretations.byDraftingOffice).toBe(
        interpretations.filter((i) => i.byDraftingOffice).length,
      );
      const events = records.evaluations.filter((e) => e.heldOn.startsWith(y));
      let participants: number | null = 0;
      let adopted = 0;
      let pending = 0;
      for (const e of events) {
        participants =
          participants === null || e.participants === null ? null : participants + e.participants;
        for (const g of e.suggestions) {
          if (g.handling === 'adopted') adopted += 1;
          if (g.handling === 'pending') pending += 1;
        }
      }
      expect(s.evaluations.participants).toBe(participants);
      expect(s.evaluations.suggestionsAdopted).toBe(adopted);
      expect(s.evaluations.suggestionsHandled).toBe(s.evaluations.suggestionsReceived - pending);
      const trainings = records.trainings.filter((t) => t.heldOn.startsWith(y));
      expect(s.training.held + s.training.attended).toBe(trainings.length);
      const known = (kind: string) => {
        const of = trainings.filter((t) => t.kind === kind);
        return of.some((t) => t.participants === null) ? null : of.reduce((a, t) => a + t.participants!, 0);
      };
      expect(s.training.heldParticipants).toBe(known('held'));
      expect(s.training.attendedParticipants).toBe(known('attended'));
      expect(s.tasks.map((t) => t.position)).toEqual(
        [...records.tasks.map((t) => t.position)].sort((a, b) => a - b),
      );
    }
  });

  it('is deterministic: the same records give the same summary', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      expect(summariseWork(randomWorkRecords(seed))).toEqual(summariseWork(randomWorkRecords(seed)));
    }
  });

  it('puts the uncategorised part of the proactive items under 其他 so that the list adds up (seed 000: 61 of 63)', () => {
    const records = emptyWorkRecords(2023);
    records.disclosures.proactivePublished = 63;
    records.disclosures.byCategory = [
      { category: '部门文件', count: 7 },
      { category: '重点领域信息', count: 22 },
      { category: '其他', count: 30 },
      { category: '安全生产信息', count: 2 },
    ];
    const s = summariseWork(records);
    expect(s.proactive.byCategory).toEqual([
      { label: '重点领域信息', count: 22 },
      { label: '部门文件', count: 7 },
      { label: '安全生产信息', count: 2 },
      { label: '其他', count: 32 },
    ]);
    records.disclosures.byCategory = [{ category: '部门文件', count: 64 }];
    expect(summariseWork(records).proactive.byCategory).toEqual([]);
  });

  it('tells interpretations published the same day as their document and within the 20 working days of art. 26', () => {
    const records = emptyWorkRecords(2023);
    // 2023-09-29…10-06 are holidays and 10-07, 10-08 working Saturdays and Sundays (调休):
    // the 20th working day after 2023-09-28 is 2023-11-01.
    records.normativeDocumentsIssued = [
      { id: 'a', title: '甲', issuedOn: '2023-09-28' },
      { id: 'b', title: '乙', issuedOn: '2023-03-01' },
      { id: 'c', title: '丙', issuedOn: '2023-05-05' },
    ];
    const interpretation = (id: string | null, publishedOn: string) => ({
      documentTitle: id ?? '某文件',
      normativeDocumentId: id,
      disclosureId: null,
      forms: ['graphic' as const],
      publishedOn,
      byDraftingOffice: true,
    });
    records.interpretations = [
      interpretation('a', '2023-11-01'),
      interpretation('a', '2023-11-02'),
      interpretation('b', '2023-03-01'),
      interpretation(null, '2023-06-01'),
      interpretation('c', '2022-12-30'),
    ];
    const s = summariseWork(records).interpretations;
    expect(s.count).toBe(4);
    expect(s.documentsInterpreted).toBe(3);
    expect(s.normativeIssued).toBe(3);
    expect(s.normativeInterpreted).toBe(2);
    expect(s.coveragePercent).toBe(66.7);
    expect(s.sameDay).toBe(1);
    expect(s.withinArt26).toBe(2);
  });

  it('cannot tell art. 26 for a document whose period is only 暂定 (a year without arrangement, issue 15)', () => {
    const records = emptyWorkRecords(2026);
    records.normativeDocumentsIssued = [{ id: 'd', title: '丁', issuedOn: '2026-12-20' }];
    records.interpretations = [
      {
        documentTitle: '丁',
        normativeDocumentId: 'd',
        disclosureId: null,
        forms: ['text' as const],
        publishedOn: '2026-12-21',
        byDraftingOffice: true,
      },
    ];
    const s = summariseWork(records).interpretations;
    expect([s.withinArt26, s.art26Unknown]).toEqual([0, 1]);
  });

  it('leaves out proposals of another year and conclusions after the year, and keeps the last conclusion day', () => {
    const records = emptyWorkRecords(2023);
    const proposal = (year: number, concludedOn: string | null, satisfactionPercent: number | null) => ({
      kind: 'npcSuggestion' as const,
      role: 'lead' as const,
      number: '1',
      title: '建议',
      year,
      receivedOn: `${year}-02-01`,
      concludedOn,
      satisfactionPercent,
      resultPublishedOn: null,
    });
    records.proposals = [
      proposal(2023, '2023-07-31', 100),
      proposal(2023, '2023-06-30', 90),
      proposal(2023, '2024-01-05', null),
      proposal(2022, '2022-07-01', 10),
    ];
    const s = summariseWork(records).proposals;
    expect(s.count).toBe(3);
    expect(s.concluded).toBe(2);
    expect(s.lastConcludedOn).toBe('2023-07-31');
    expect(s.meanSatisfactionPercent).toBe(95);
    expect(s.rated).toBe(2);
  });
});
