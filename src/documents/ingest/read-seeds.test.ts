import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  comparable,
  loadSeedReport,
  SEED_NAMES,
  type SeedName,
  seedTextPath,
} from '../../../test/support/seeds.ts';
import { checkReport } from '../check-report.ts';
import { readReportDocument } from './read-document.ts';

async function ingestSeed(name: SeedName) {
  const path = seedTextPath(name);
  return readReportDocument(readFileSync(path), path);
}

describe('readReportDocument on the five seed texts', () => {
  it.each(SEED_NAMES)(
    'reads seed %s with every number, blank, extra cell and section text of the truth',
    async (name) => {
      const { report, format } = await ingestSeed(name);
      expect(format).toBe('txt');
      expect(comparable(report)).toEqual(comparable(loadSeedReport(name)));
    },
  );

  it('records where each cell was printed', async () => {
    const { report } = await ingestSeed('002');
    expect(report.provenance?.['table3.denied.thirdParty']).toMatchObject({ line: 70 });
    expect(report.provenance?.['table2.licensing']).toMatchObject({ line: 49 });
  });
});

/** (rule, severity, source line) of every assessable finding, as DOMAIN.md §E lists them. */
const EXPECTED: Record<SeedName, Array<[string, string, number | undefined]>> = {
  '000': [
    ['T3-05', 'error', 69], // 000-E1
    ['T3-05', 'error', 70],
    ['N-06', 'warning', 11], // 000-W1: 63 stated, 61 enumerated
    ['N-11', 'info', 17], // 000-I1: "and"
    ['N-11', 'info', 11], // 000-I2: mixed parentheses
  ],
  '001': [
    ['T2-01', 'error', 116], // 001-E1: fee missing
    ['S-03', 'warning', undefined], // 001-W1: section 六 only the fee
  ],
  '002': [
    ['N-02', 'warning', 15], // 002-W2: 依申请公开 8 份
    ['N-07', 'warning', 19], // 002-W1: 2024 budget in a 2023 report
    ['N-08', 'warning', 100], // 002-W3: 政务公开条例
    ['S-01', 'info', 96], // 002-I2: caption of 五
    ['N-08', 'info', 7], // 002-I5: 国务院令 711 号
    ['N-11', 'info', 13], // 002-I1: heading cut short
    ['N-11', 'info', 98], // 002-I3: 不及及时
    ['N-11', 'info', 120], // 002-I4: 2023 收取
  ],
  '003': [
    ['N-09', 'warning', 60], // 003-W1: 法律法规
    ['N-11', 'info', 9], // 003-I1: "and"
  ],
  '004': [
    ['T4-04', 'error', 77], // 004-E1: 16 values
    ['N-06', 'warning', 11], // 004-W1: 235 > 138
    ['N-10', 'warning', 97], // 004-W2: 准备市 (twice)
    ['N-10', 'warning', 97],
    ['N-07', 'info', 19], // 004-I1: 党史学习教育
    ['N-11', 'info', 13], // 004-I2: 比…相比
    ['N-11', 'info', undefined], // 004-I4: space in title
  ],
};

describe('checkReport on the five seed texts (DOMAIN.md §E)', () => {
  it.each(SEED_NAMES)('finds exactly the errors, warnings and notes §E lists for seed %s', async (name) => {
    const ingest = await ingestSeed(name);
    const findings = checkReport(ingest.report, ingest).filter((f) => f.assessable);
    const got = findings.map((f) => [f.ruleId, f.severity, f.location.source?.line]);
    expect(got.sort()).toEqual([...EXPECTED[name]].sort());
  });

  it('says the publication date cannot be assessed for every seed', async () => {
    for (const name of SEED_NAMES) {
      const ingest = await ingestSeed(name);
      const p01 = checkReport(ingest.report, ingest).find((f) => f.ruleId === 'P-01');
      expect(p01?.assessable).toBe(false);
    }
  });

  it('confirms the carry-over 000 → 001 when both are given', async () => {
    const previous = (await ingestSeed('000')).report;
    const ingest = await ingestSeed('001');
    expect(checkReport(ingest.report, ingest, { previous }).filter((f) => f.ruleId === 'Y-01')).toEqual([]);
  });
});
