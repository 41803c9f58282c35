import { describe, expect, it } from 'vitest';
import { emptyWorkRecords, randomWorkRecords } from '../../../test/support/random-work-records.ts';
import { regionWorkRows } from './region-work-rows.ts';
import type { WorkRecordsOfYear } from './work-records.ts';

function randomRegion(seed: number) {
  return Array.from({ length: 1 + (seed % 9) }, (_, i) => ({
    agencyId: `a${i}`,
    agencyName: `测试市第${i}局`,
    records: randomWorkRecords(seed * 17 + i),
  }));
}

/** Plain counts over the raw records, written without the summary. */
function rawCounts(records: WorkRecordsOfYear) {
  const y = `${records.year}-`;
  const end = `${records.year}-12-31`;
  const openDays = records.evaluations.filter(
    (e) => e.heldOn.startsWith(y) && (e.kind === 'openDay' || e.kind === 'openWeek'),
  ).length;
  const proposals = records.proposals.filter((p) => p.year === records.year);
  const unpublished = proposals.filter(
    (p) => p.resultPublishedOn === null || p.resultPublishedOn > end,
  ).length;
  const issued = new Set(records.normativeDocumentsIssued.map((d) => d.id));
  const interpreted = new Set(
    records.interpretations
      .filter(
        (i) =>
          i.publishedOn.startsWith(y) && i.normativeDocumentId !== null && issued.has(i.normativeDocumentId),
      )
      .map((i) => i.normativeDocumentId),
  );
  return { openDays, unpublished, issued: issued.size, interpreted: interpreted.size };
}

describe('regionWorkRows', () => {
  it('gives each agency its open days, unpublished 建议提案 results and coverage, on 200 random regions', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const region = randomRegion(seed);
      const { rows, totals } = regionWorkRows(region);
      expect(rows.map((r) => r.agencyId)).toEqual(region.map((a) => a.agencyId));
      let issued = 0;
      let interpreted = 0;
      let withoutOpenDay = 0;
      let withUnpublished = 0;
      region.forEach((agency, i) => {
        const raw = rawCounts(agency.records);
        const row = rows[i]!;
        expect(row.openDays, `seed ${seed} agency ${i}`).toBe(raw.openDays);
        expect(row.noOpenDay).toBe(raw.openDays === 0);
        expect(row.proposalResultsUnpublished).toBe(raw.unpublished);
        expect(row.normativeIssued).toBe(raw.issued);
        expect(row.normativeInterpreted).toBe(raw.interpreted);
        issued += raw.issued;
        interpreted += raw.interpreted;
        if (raw.openDays === 0) withoutOpenDay += 1;
        if (raw.unpublished > 0) withUnpublished += 1;
      });
      expect(totals.agencies).toBe(region.length);
      expect(totals.agenciesWithoutOpenDay).toBe(withoutOpenDay);
      expect(totals.agenciesWithUnpublishedResults).toBe(withUnpublished);
      expect(totals.normativeIssued).toBe(issued);
      expect(totals.interpretationCoveragePercent).toBe(
        issued === 0 ? null : Math.round((interpreted / issued) * 1000) / 10,
      );
      expect(totals.openDays).toBe(rows.reduce((a, r) => a + r.openDays, 0));
    }
  });

  it('flags the agency that held no open day and the one whose results are unpublished', () => {
    const quiet = emptyWorkRecords(2023);
    const busy = emptyWorkRecords(2023);
    busy.evaluations = [
      {
        kind: 'openDay',
        theme: '政府开放日',
        heldOn: '2023-09-27',
        endsOn: null,
        participants: 27,
        formsHandedOut: 0,
        suggestions: [],
      },
    ];
    busy.proposals = [
      {
        kind: 'cppccProposal',
        role: 'lead',
        number: '12',
        title: '提案',
        year: 2023,
        receivedOn: '2023-02-01',
        concludedOn: '2023-06-30',
        satisfactionPercent: 100,
        resultPublishedOn: '2024-01-10',
      },
    ];
    busy.normativeDocumentsIssued = [{ id: 'n1', title: '文件', issuedOn: '2023-05-01' }];
    const { rows, totals } = regionWorkRows([
      { agencyId: 'q', agencyName: '甲局', records: quiet },
      { agencyId: 'b', agencyName: '乙局', records: busy },
    ]);
    expect(rows.map((r) => [r.noOpenDay, r.participants, r.proposalResultsUnpublished])).toEqual([
      [true, 0, 0],
      [false, 27, 1],
    ]);
    expect(rows[0]!.interpretationCoveragePercent).toBeNull();
    expect(rows[1]!.interpretationCoveragePercent).toBe(0);
    expect(totals).toMatchObject({
      agenciesWithoutOpenDay: 1,
      agenciesWithUnpublishedResults: 1,
      agenciesWithUninterpretedDocuments: 1,
      interpretationCoveragePercent: 0,
    });
  });

  it('gives empty totals for a region without agencies', () => {
    const { rows, totals } = regionWorkRows([]);
    expect(rows).toEqual([]);
    expect(totals.agencies).toBe(0);
    expect(totals.interpretationCoveragePercent).toBeNull();
  });
});
