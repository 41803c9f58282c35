/**
 * Reports for the render → read round trip (src/documents/render/round-trip.test.ts): generated
 * valid reports with blank cells sprinkled in and section texts of several paragraphs, and the
 * part of a report a round trip must give back.
 */
import type { Cell, Report } from '../../src/core/report/schema.ts';
import {
  type GenerateOptions,
  generateValid2019Report,
  generateValidReport,
  prng,
} from './generate-report.ts';

/**
 * Real-style agency names, several longer than the ~20 characters of a title line in the PDF, so
 * that the agency wraps (one with a parenthesised second name).
 */
export const LONG_AGENCIES = [
  '宁夏回族自治区中卫市沙坡头区人民政府办公室',
  '新疆维吾尔自治区伊犁哈萨克自治州人力资源和社会保障局',
  '中卫市工业和信息化局（中卫市国防科技工业办公室）',
  '宁夏回族自治区中卫市沙坡头区滨河镇人民政府（滨河镇便民服务中心）',
] as const;

export interface RoundTripOptions extends GenerateOptions {
  /** Probability that any one table cell is blank (`null`): 0 none, 1 every cell. */
  nullRate?: number;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SUBHEADINGS = [
  '（一）主动公开政府信息情况',
  '（二）依申请公开政府信息办理情况',
  '（三）政府信息管理情况',
  '（四）政府信息公开平台建设情况',
  '（五）监督保障情况',
] as const;

const LEADS = ['1.积极开展政策解读。', '2.规范平台信息化建设。', '3、扩大政策精准推送。'] as const;

/**
 * Sentence pieces with what real reports print and the renderers must escape or keep: ASCII and
 * full-width brackets, quotes, 《》, %, URLs in angle brackets, e-mail addresses, Latin words, and
 * the Markdown and HTML specials * _ ` \ < > & | #.
 */
const FRAGMENTS = [
  '坚持“公开为常态、不公开为例外”',
  '通过政府网站发布相关信息{n}条',
  '公开属性标识100%全覆盖',
  '解读《中华人民共和国政府信息公开条例》',
  '详见中卫市人民政府网站（<http://www.nxzw.gov.cn>）',
  '电子邮箱：nxzw_sjw@163.com',
  '开展“互联网+政务服务”活动{n}次',
  '无违反规定发布信息 and 失泄密情况',
  '依托 *政务公开* 专栏及 `12345` 热线',
  '办理 a<b & c>d 类申请{n}件',
  '按 A|B 两类分别统计',
  '#重点领域信息公开 共{n}条',
  '路径为 C:\\公开\\年报',
  '(试行)版本同步更新',
  '群众满意率达到{n}.5%',
] as const;

const ENDS = ['。', '；', '！', '？', '）。'] as const;

/** One sentence ending in sentence punctuation: readers join a line that does not end a sentence with the next. */
function sentence(random: () => number): string {
  const count = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: count }, () =>
    pick(random, FRAGMENTS).replace('{n}', String(Math.floor(random() * 5000))),
  );
  return `${parts.join('，')}${pick(random, ENDS)}`;
}

/**
 * A section of 1–6 lines: sub-headings "（一）…", paragraphs with a run-in numbered lead
 * ("1.积极开展政策解读。…") and plain paragraphs, some long enough to wrap over several PDF lines.
 * Never a line like "二、…": that is a section caption of the format.
 */
function sectionText(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i += 1) {
    const kind = random();
    const body = Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(random)).join('');
    if (kind < 0.2) lines.push(pick(random, SUBHEADINGS));
    else if (kind < 0.4) lines.push(`${pick(random, LEADS)}${body}`);
    else lines.push(body);
  }
  return lines.join('\n');
}

function sprinkle(cells: readonly Cell[], random: () => number, rate: number): Cell[] {
  return cells.map((c) => (random() < rate ? null : c));
}

/**
 * generateValidReport(seed) with multi-paragraph section texts and each table cell blank with
 * probability `nullRate` (blanks break the identities; rendering does not validate).
 */
export function roundTripReport(seed: number, options: RoundTripOptions = {}): Report {
  const { nullRate = 0, ...generate } = options;
  const report = generateValidReport(seed, generate);
  const random = prng(seed ^ 0x5eed);
  report.sections = {
    overview: sectionText(random),
    problems: sectionText(random),
    other: sectionText(random),
  };
  const t2 = report.table2;
  const blank = (c: Cell) => sprinkle([c], random, nullRate)[0]!;
  for (const stock of [t2.regulations, t2.normativeDocuments]) {
    stock.issued = blank(stock.issued);
    stock.repealed = blank(stock.repealed);
    stock.inForce = blank(stock.inForce);
  }
  t2.licensing = blank(t2.licensing);
  t2.punishment = blank(t2.punishment);
  t2.coercion = blank(t2.coercion);
  t2.feesWanYuan = blank(t2.feesWanYuan);
  for (const key of Object.keys(report.table3) as (keyof Report['table3'])[]) {
    report.table3[key] = sprinkle(report.table3[key], random, nullRate);
  }
  for (const key of Object.keys(report.table4) as (keyof Report['table4'])[]) {
    report.table4[key] = sprinkle(report.table4[key], random, nullRate);
  }
  return report;
}

/**
 * What a rendering must carry back to the reader: agency, year, every cell of tables 二–四 and the
 * section texts. Title, dates and extras are left out (the renderers rebuild the title from agency
 * and year, and print neither the extras nor the dates). `squeezeSpaces`: section texts without
 * any whitespace, for PDF, whose text layer does not keep spaces or line breaks reliably.
 */
export function roundTripView(report: Report, options: { squeezeSpaces?: boolean } = {}) {
  const text = (s: string) => (options.squeezeSpaces ? s.replace(/\s+/g, '') : s);
  return {
    agency: report.agency,
    year: report.year,
    formatVersion: report.formatVersion,
    format2019: report.format2019,
    table2: report.table2,
    table3: report.table3,
    table4: report.table4,
    sections: {
      overview: text(report.sections.overview),
      problems: text(report.sections.problems),
      other: text(report.sections.other),
    },
  };
}

/** Like roundTripReport, in the 2019 format: its table 二 and （六）其他处理 row sprinkled with blanks too. */
export function roundTrip2019Report(seed: number, options: RoundTripOptions = {}): Report {
  const { nullRate = 0, ...generate } = options;
  const base = roundTripReport(seed, { ...generate, nullRate });
  const report = generateValid2019Report(seed, {
    year: base.year <= 2020 ? base.year : 2019 + (seed % 2),
    ...generate,
  });
  const random = prng(seed ^ 0x2019);
  const format2019 = report.format2019!;
  for (const row of Object.values(format2019.table2) as Record<string, Cell>[]) {
    for (const column of Object.keys(row))
      row[column] = sprinkle([row[column] ?? null], random, nullRate)[0]!;
  }
  format2019.otherHandling = sprinkle(format2019.otherHandling, random, nullRate);
  for (const key of Object.keys(report.table3) as (keyof Report['table3'])[]) {
    if (key.startsWith('other.')) continue;
    report.table3[key] = sprinkle(report.table3[key], random, nullRate);
  }
  for (const key of Object.keys(report.table4) as (keyof Report['table4'])[]) {
    report.table4[key] = sprinkle(report.table4[key], random, nullRate);
  }
  return { ...report, sections: base.sections };
}
