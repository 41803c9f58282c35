import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Agency } from '../../src/core/organisation/agency.ts';
import type { Region } from '../../src/core/organisation/region.ts';
import type { Report } from '../../src/core/report/schema.ts';
import type { Database } from '../../src/store/database.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { generateValid2019Report, generateValidReport, prng } from './generate-report.ts';
import { reportToText } from './report-to-text.ts';

/**
 * A generated region for import and supervisor tests: `agencies` agencies (every 50th a people's
 * government, the others departments), and for each year a text report per agency — except
 * the agencies `missing` picks, which published nothing that year — published on time or, for
 * those `late` picks, after the deadline.
 */
export interface CorpusFile {
  name: string;
  text: string;
  report: Report;
  agencyName: string;
}

export interface RegionCorpus {
  regionName: string;
  agencies: Array<{ name: string; kind: 'department' | 'government' }>;
  files: CorpusFile[];
}

export interface CorpusOptions {
  agencies: number;
  years: readonly number[];
  seed?: number;
  /** Agency index and year → no report. */
  missing?: (i: number, year: number) => boolean;
  /** Agency index and year → published after the deadline. */
  late?: (i: number, year: number) => boolean;
}

const TAG_CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳';

/** Four random Chinese characters: region names must differ between tests and hold no digits. */
function chineseTag(): string {
  return [...randomBytes(4)].map((b) => TAG_CHARS[b % 16]).join('');
}

export function regionCorpus(options: CorpusOptions): RegionCorpus {
  const regionName = `测试${chineseTag()}市`;
  const agencies = Array.from({ length: options.agencies }, (_, i) =>
    i % 50 === 0
      ? { name: `${regionName}第${i}区人民政府`, kind: 'government' as const }
      : { name: `${regionName}第${i}局`, kind: 'department' as const },
  );
  const random = prng(options.seed ?? 7);
  const files: CorpusFile[] = [];
  for (const year of options.years) {
    agencies.forEach((agency, i) => {
      if (options.missing?.(i, year)) return;
      const report = generateValidReport(Math.floor(random() * 1e9), { agency: agency.name, year });
      const late = options.late?.(i, year) ?? false;
      const day = String(10 + (i % 18)).padStart(2, '0');
      const government = agency.kind === 'government';
      report.publishedOn = late
        ? `${year + 1}-${government ? '04' : '02'}-${day}`
        : `${year + 1}-${government ? '03' : '01'}-${day}`;
      const text = `${reportToText(report)}发布日期：${report.publishedOn}\n`;
      files.push({
        name: `${year}/${String(i).padStart(4, '0')}.txt`,
        text,
        report,
        agencyName: agency.name,
      });
    });
  }
  return { regionName, agencies, files };
}

/** Creates the corpus's region and agencies; returns them by name. */
export async function createCorpusRegion(
  db: Kysely<Database>,
  corpus: RegionCorpus,
): Promise<{ region: Region; agencies: Map<string, Agency> }> {
  const region = await createRegion(db, {
    code: `G${randomBytes(4).toString('hex')}`,
    name: corpus.regionName,
    level: 'city',
  });
  const agencies = new Map<string, Agency>();
  for (const a of corpus.agencies)
    agencies.set(a.name, await createAgency(db, { regionId: region.id, ...a }));
  return { region, agencies };
}

/**
 * Each agency's reports of 2019 and 2020 in the 2019 format (seeds from `seed`), published on 20
 * January of the next year, as files to import beside the corpus's own.
 */
export function format2019Files(corpus: RegionCorpus, seed: number): CorpusFile[] {
  return corpus.agencies.flatMap((agency, i) =>
    [2019, 2020].map((year) => {
      const report = generateValid2019Report(seed + i * 2 + year, { agency: agency.name, year });
      report.publishedOn = `${year + 1}-01-20`;
      return {
        name: `${year}/${i}.txt`,
        text: `${reportToText(report)}发布日期：${report.publishedOn}\n`,
        report,
        agencyName: agency.name,
      };
    }),
  );
}
