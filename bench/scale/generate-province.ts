/**
 * A synthetic province for the scale bench: a region tree (province → 14 cities → 10 counties
 * each), 2,000 agencies, ten years (2016–2025) of applications with their applicants and events
 * (answers, some 补正 and 延期), a published annual report per agency-year (some missing, some
 * corrected: version 2), and work records — at full size 2 million applications and 20,000
 * reports. `scale` (GONGKAI_SCALE) shrinks the agencies and applications for quick runs; the region
 * tree and the ten years stay. Seeded: the same scale gives the same province.
 *
 * Inserted in bulk straight into the tables (bench fixture, not a use-case path); no audit rows.
 */
import { randomBytes } from 'node:crypto';
import { APPLICANT_TYPES } from '../../src/core/applications/application.ts';
import { addDays, type IsoDate } from '../../src/core/dates.ts';
import { TABLE3_OUTCOME_KEYS } from '../../src/core/report/labels.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { numbersOf } from '../../src/store/imports/imported-reports.ts';
import { FIGURE_COLUMNS, reportFiguresRow } from '../../src/store/region/report-figures.ts';
import { generateValidReport } from '../../test/support/generate-report.ts';
import type { BulkSink, Columns, Row } from './bulk-insert.ts';

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;
const CITIES = 14;
const COUNTIES_PER_CITY = 10;
const FULL_AGENCIES = 2_000;
const FULL_APPLICATIONS = 2_000_000;
const STAMP = '2026-01-01T00:00:00.000Z';

export interface Province {
  provinceCode: string;
  cityCode: string;
  agencies: number;
  applications: number;
  reports: number;
  workRecords: number;
  /** The agency with the most applications (the inbox and assembly are measured on it). */
  busiestAgencyId: string;
  busiestAgencyApplications: number;
}

const REGION_COLUMNS: Columns = [
  ['id', 'text'],
  ['code', 'text'],
  ['name', 'text'],
  ['level', 'text'],
  ['parent_id', 'text'],
];
const AGENCY_COLUMNS: Columns = [
  ['id', 'text'],
  ['region_id', 'text'],
  ['name', 'text'],
  ['kind', 'text'],
];
const APPLICATION_COLUMNS: Columns = [
  ['id', 'text'],
  ['agency_id', 'text'],
  ['year', 'int'],
  ['tracking_number', 'text'],
  ['channel', 'text'],
  ['submitted_on', 'text'],
  ['confirmed_on', 'text'],
  ['received_on', 'text'],
  ['applicant_type', 'text'],
  ['description', 'text'],
  ['status', 'text'],
  ['outcome', 'text'],
  ['concluded_on', 'text'],
  ['events_json', 'text'],
  ['answer_due_on', 'text'],
  ['version', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
];
const APPLICANT_COLUMNS: Columns = [
  ['application_id', 'text'],
  ['name', 'text'],
  ['phone', 'text'],
  ['address', 'text'],
];
const COUNTER_COLUMNS: Columns = [
  ['agency_id', 'text'],
  ['year', 'int'],
  ['last_number', 'int'],
];
const REPORT_COLUMNS: Columns = [
  ['id', 'text'],
  ['agency_id', 'text'],
  ['year', 'int'],
  ['version', 'int'],
  ['status', 'text'],
  ['origin', 'text'],
  ['report_json', 'text'],
  ['numbers_json', 'text'],
  ['error_count', 'int'],
  ['warning_count', 'int'],
  ['published_on', 'text'],
  ['correction_reason', 'text'],
  ['revision', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
];
/** report_figures: the newest published version of each agency-year, as publishing keeps it. */
const FIGURE_TABLE_COLUMNS: Columns = [
  ['agency_id', 'text'],
  ['year', 'int'],
  ['report_id', 'text'],
  ['version', 'int'],
  ['origin', 'text'],
  ['published_on', 'text'],
  ['error_count', 'int'],
  ['warning_count', 'int'],
  ['blank_cells', 'int'],
  ...FIGURE_COLUMNS.map((c) => [c, 'float'] as const),
];
const WORK_COLUMNS: Columns = [
  ['id', 'text'],
  ['agency_id', 'text'],
  ['kind', 'text'],
  ['year', 'int'],
  ['data_json', 'text'],
  ['version', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
];

const CHANNELS = ['online', 'online', 'online', 'in-person', 'mail-registered', 'email'] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const DEPARTMENTS =
  '发展和改革委员会 教育局 公安局 民政局 司法局 财政局 人力资源和社会保障局 自然资源局 生态环境局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化和旅游局 卫生健康委员会 应急管理局 审计局 市场监督管理局 统计局'.split(
    ' ',
  );

/** A deterministic UUID-shaped id from a prefix and a counter (fast, unique within the fixture). */
function idOf(tag: string, kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${tag}-${kind.toString(16).padStart(4, '0')}-4000-8000-${hex}`;
}

/** Workdays are approximated as 7/5 calendar days: the fixture needs plausible, not exact, deadlines. */
const dueAfter = (day: IsoDate, workdays: number) => addDays(day, Math.ceil((workdays * 7) / 5));

export async function generateProvince(sink: BulkSink, scale: number): Promise<Province> {
  const random = seededRandom(20_161_225);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tag = randomBytes(4).toString('hex');
  const code = randomBytes(2).toString('hex').toUpperCase();

  // The region tree.
  const regions: Row[] = [];
  const provinceId = idOf(tag, 1, 0);
  regions.push([provinceId, `P${code}`, '基准省', 'province', null]);
  const leafRegions: Array<{ id: string; name: string }> = [{ id: provinceId, name: '基准省' }];
  for (let c = 0; c < CITIES; c += 1) {
    const cityId = idOf(tag, 1, 1 + c * 100);
    const cityName = `基准省第${c + 1}市`;
    regions.push([cityId, `P${code}C${c}`, cityName, 'city', provinceId]);
    leafRegions.push({ id: cityId, name: cityName });
    for (let k = 0; k < COUNTIES_PER_CITY; k += 1) {
      const countyName = `${cityName}第${k + 1}县`;
      const countyId = idOf(tag, 1, 2 + c * 100 + k);
      regions.push([countyId, `P${code}C${c}K${k}`, countyName, 'county', cityId]);
      leafRegions.push({ id: countyId, name: countyName });
    }
  }
  await sink.insert('regions', REGION_COLUMNS, regions);

  // Agencies: each region's people's government first, then its departments.
  const agencyCount = Math.max(leafRegions.length, Math.round(FULL_AGENCIES * scale));
  const agencies: Array<{ id: string; name: string; weight: number }> = [];
  const agencyRows: Row[] = [];
  for (let i = 0; i < agencyCount; i += 1) {
    const region = leafRegions[i % leafRegions.length]!;
    const round = Math.floor(i / leafRegions.length);
    const name =
      round === 0
        ? `${region.name}人民政府`
        : `${region.name}${DEPARTMENTS[(round - 1) % DEPARTMENTS.length]}${round > DEPARTMENTS.length ? round : ''}`;
    const id = idOf(tag, 2, i);
    // A few agencies get most of the requests (自然资源, 住建 at province and city level).
    const weight = i < 15 ? 40 : i < 155 ? 4 : 0.5 + random();
    agencies.push({ id, name, weight });
    agencyRows.push([id, region.id, name, round === 0 ? 'government' : 'department']);
  }
  await sink.insert('agencies', AGENCY_COLUMNS, agencyRows);

  // Applications, agency by agency, growing year on year.
  const totalApplications = Math.round(FULL_APPLICATIONS * scale);
  const totalWeight = agencies.reduce((s, a) => s + a.weight, 0);
  const yearShare = Array.from({ length: 10 }, (_, y) => 0.6 + y * 0.09);
  const yearShareSum = yearShare.reduce((s, v) => s + v, 0);
  let applications = 0;
  let busiest = { id: agencies[0]!.id, n: 0 };
  let applicationNo = 0;
  for (const agency of agencies) {
    const ofAgency = Math.round((totalApplications * agency.weight) / totalWeight);
    const rows: Row[] = [];
    const applicants: Row[] = [];
    const counters: Row[] = [];
    for (let y = 0; y < 10; y += 1) {
      const year = FIRST_YEAR + y;
      const n = Math.round((ofAgency * yearShare[y]!) / yearShareSum);
      const days: IsoDate[] = Array.from({ length: n }, () =>
        addDays(`${year}-01-01`, Math.floor(random() * 365)),
      ).sort();
      days.forEach((receivedOn, k) => {
        const id = idOf(tag, 3, applicationNo);
        applicationNo += 1;
        const channel = pick(CHANNELS);
        const events: object[] = [];
        let due = dueAfter(receivedOn, 20);
        let day = receivedOn;
        if (random() < 0.08) {
          const requested = addDays(receivedOn, 3);
          const received = addDays(requested, 5 + Math.floor(random() * 10));
          events.push(
            { type: 'correction-requested', on: requested },
            { type: 'correction-received', on: received },
          );
          day = received;
          due = dueAfter(received, 20);
        }
        if (random() < 0.05) {
          const approvedOn = addDays(day, 15);
          events.push({
            type: 'extension',
            approvedOn,
            noticeOn: approvedOn,
            days: 20,
            approver: '办公室主任',
          });
          due = dueAfter(due, 20);
        }
        const answeredOn = addDays(day, 3 + Math.floor(random() * 30));
        const open = answeredOn > '2025-12-20';
        const outcome = random() < 0.55 ? 'granted' : pick(TABLE3_OUTCOME_KEYS);
        if (!open) events.push({ type: 'answered', on: answeredOn, outcome });
        rows.push([
          id,
          agency.id,
          year,
          `${year}-${String(k + 1).padStart(4, '0')}`,
          channel,
          receivedOn,
          // Online and e-mail applications carry the day the applicant confirmed them (条例第三十一条), as the register records it.
          channel === 'online' || channel === 'email' ? receivedOn : null,
          receivedOn,
          random() < 0.8 ? 'naturalPerson' : pick(APPLICANT_TYPES),
          `申请公开${year}年度相关政府信息（第${k + 1}件）`,
          open ? 'received' : 'concluded',
          open ? null : outcome,
          open ? null : answeredOn,
          JSON.stringify(events),
          open ? due : null,
          1,
          STAMP,
          STAMP,
        ]);
        applicants.push([
          id,
          `${pick([...SURNAMES])}${pick([...GIVEN])}${pick([...GIVEN])}`,
          '13800000000',
          '基准省某街道',
        ]);
      });
      counters.push([agency.id, year, n]);
    }
    await sink.insert('applications', APPLICATION_COLUMNS, rows);
    await sink.insert('applicants', APPLICANT_COLUMNS, applicants);
    await sink.insert('tracking_counters', COUNTER_COLUMNS, counters);
    applications += rows.length;
    if (rows.length > busiest.n) busiest = { id: agency.id, n: rows.length };
  }

  // Published reports (3% of agency-years missing, 2% corrected as version 2) and work records.
  let reports = 0;
  let workRecords = 0;
  let reportNo = 0;
  for (let start = 0; start < agencies.length; start += 200) {
    const reportRows: Row[] = [];
    const figureRows: Row[] = [];
    const workRows: Row[] = [];
    agencies.slice(start, start + 200).forEach((agency, k) => {
      const a = start + k;
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
        for (let m = 0; m < 3; m += 1) {
          const data =
            m < 2
              ? { kind: 'officeMeeting', heldOn: `${year}-0${3 + m * 4}-15`, topic: '研究政府信息公开工作' }
              : { kind: 'held', title: '政府信息公开业务培训', heldOn: `${year}-06-20`, participants: 30 };
          workRows.push([
            idOf(tag, 5, workRecords),
            agency.id,
            m < 2 ? 'meeting' : 'training',
            year,
            JSON.stringify(data),
            1,
            STAMP,
            STAMP,
          ]);
          workRecords += 1;
        }
        if (random() < 0.03) continue;
        const versions = random() < 0.02 ? 2 : 1;
        for (let version = 1; version <= versions; version += 1) {
          const report = generateValidReport(a * 100 + (year - FIRST_YEAR) * 7 + version, {
            agency: agency.name,
            year,
          });
          const publishedOn = `${year + 1}-01-${String(10 + (Math.floor(random() * 40) % 21)).padStart(2, '0')}`;
          reportRows.push([
            idOf(tag, 4, reportNo),
            agency.id,
            year,
            version,
            'published',
            'imported',
            JSON.stringify({ ...report, publishedOn }),
            JSON.stringify(numbersOf(report)),
            0,
            0,
            publishedOn,
            version > 1 ? '更正表三数据' : null,
            1,
            STAMP,
            STAMP,
          ]);
          if (version === versions) {
            const figures = reportFiguresRow({
              reportId: idOf(tag, 4, reportNo),
              agencyId: agency.id,
              year,
              version,
              origin: 'imported',
              publishedOn,
              errorCount: 0,
              warningCount: 0,
              numbers: numbersOf(report),
            });
            figureRows.push(FIGURE_TABLE_COLUMNS.map(([name]) => figures[name] ?? null));
          }
          reportNo += 1;
          reports += 1;
        }
      }
    });
    await sink.insert('annual_reports', REPORT_COLUMNS, reportRows);
    await sink.insert('report_figures', FIGURE_TABLE_COLUMNS, figureRows);
    await sink.insert('work_records', WORK_COLUMNS, workRows);
  }
  await sink.analyze();
  return {
    provinceCode: `P${code}`,
    cityCode: `P${code}C0`,
    agencies: agencies.length,
    applications,
    reports,
    workRecords,
    busiestAgencyId: busiest.id,
    busiestAgencyApplications: busiest.n,
  };
}
