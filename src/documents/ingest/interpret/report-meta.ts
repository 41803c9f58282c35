import { isIsoDate } from '../../../core/dates.ts';
import type { SourceRef } from '../../../core/report/schema.ts';
import type { DocumentProperty, SourceLine } from '../source-document.ts';

function text(line: SourceLine): string {
  return line.cells
    .filter((c) => c.trim() !== '')
    .join(' ')
    .trim();
}

/** Last characters of an agency's name: 局, 委员会, 办公室, 人民政府, 服务中心, 街道办事处, ）… */
const AGENCY_END = /[局委办室厅府院会心所站处队部署行社馆镇乡道司科组)）]$/;

/**
 * True when `t`, the line above the title lines found so far, is the first part of an agency name
 * that wrapped: the title is printed agency / "2023年…报告" and the agency line is cut mid-name (our
 * PDF prints a 22 pt title, about 20 characters a line). The cut line does not end like a name
 * and is at least as long as its rest. Without this, "新疆维吾尔自治区…人力资源" / "和社会保障局" /
 * "2023年…报告" was read as agency "和社会保障局".
 */
function cutAgency(t: string, lines: readonly SourceLine[]): boolean {
  const rest = lines.length === 2 ? text(lines[0]!) : '';
  return rest !== '' && !/\d{4}\s*年/.test(rest) && !AGENCY_END.test(t) && t.length >= rest.length;
}

/** The title: the line that ends in "报告" (not a citation of the format notice), with the short lines before it that a layout wrapped. */
export function findTitle(head: readonly SourceLine[]): { title: string; lines: SourceLine[] } {
  // A site's breadcrumb often ends with the column name (… > 政府信息公开年度报告): not a title.
  const isTitleEnd = (t: string) =>
    /报告[\s)）]*$/.test(t) &&
    !/《|格式|通知|[，。；]|当前位置|您的位置|您现在的位置|[>＞»]/.test(t) &&
    t.length <= 60;
  // A title wrapped just before its last character(s) ("…年度报" / "告").
  const withTail = (i: number) => {
    const tail = head[i + 1] ? text(head[i + 1]!) : '';
    return tail.length > 0 && tail.length <= 3 && isTitleEnd(text(head[i]!) + tail);
  };
  const index = head.findIndex((l, i) => isTitleEnd(text(l)) || withTail(i));
  if (index < 0) return { title: '', lines: [] };
  const lines = isTitleEnd(text(head[index]!)) ? [head[index]!] : [head[index]!, head[index + 1]!];
  for (let i = index - 1; i >= 0 && lines.length < 3; i -= 1) {
    const t = text(head[i]!);
    const joined = lines.map(text).join('');
    // Prepend wrapped parts while the title is not yet complete (agency and year come first).
    if (
      (/^.{2,}\d{4}\s*年/.test(joined.replace(/\s+/g, '')) && !cutAgency(t, lines)) ||
      t.length === 0 ||
      t.length > 40 ||
      /[，。；：:]/.test(t)
    )
      break;
    lines.unshift(head[i]!);
  }
  const title = lines.map(text).join('');
  return { title, lines };
}

/**
 * Labels of an index table (信息索引) or a CMS info line that a page prints before the title in
 * the same row: "名称沭阳县发展和改革局…" is the agency without its label.
 */
const LEADING_LABEL =
  /^(?:信息名称|文件名称|文章标题|标题|名称|发布机构|发文机构|机构名称|来源|信息来源)[:：]?/;

/** The title without a label printed before it in the same row ("名称：…报告" → "…报告"). */
export function withoutLeadingLabel(title: string): string {
  return title.replace(/^\s+/, '').replace(LEADING_LABEL, '').trim();
}

/** The agency is what the title names before the year: "中卫市数据局 2024年…报告" → 中卫市数据局. */
export function agencyFromTitle(title: string): string {
  const compactTitle = withoutLeadingLabel(title.replace(/\s+/g, ''));
  const before = /^(.*?)\d{4}年/.exec(compactTitle)?.[1] ?? '';
  if (before.length >= 2) return before.replace(/关于$/, '');
  const after = /\d{4}年度?(.*?)政府信息公开/.exec(compactTitle)?.[1] ?? '';
  return after;
}

export function yearFromTitle(title: string): number | null {
  const m = /(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

const PERIOD =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:[，,]?\s*)?(?:至|到|—|-|－|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

const pad = (n: string) => n.padStart(2, '0');

/** The statistical period the report states ("统计期限自 2023 年 1 月 1 日起，至 2023 年 12 月 31 日止"). */
export function findPeriod(texts: readonly string[]): { start: string; end: string } | null {
  for (const t of texts) {
    if (!/统计|期限|时间|数据/.test(t)) continue;
    const m = PERIOD.exec(t);
    if (!m) continue;
    const start = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    const end = `${m[4] ?? m[1]}-${pad(m[5]!)}-${pad(m[6]!)}`;
    if (isIsoDate(start) && isIsoDate(end)) return { start, end };
  }
  return null;
}

const DATE = String.raw`(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})`;
/** A line that is only a date: the 落款 (signature) date, or a date under the title. */
const DATE_LINE = new RegExp(`^(?:(?:发布|成文)(?:日期|时间)[:：]?\\s*)?${DATE}\\s*日?$`);
/** A labelled date: 发布时间：…, 发布日期：…, 成文日期：…, or a bare 时间：/日期： as CMS info lines print it. */
const DATE_LABELLED = new RegExp(
  `(?:发布日期|发布时间|成文日期|公开日期|时间|日期)[:：]\\s*${DATE}(?!\\d)(?!\\s*日?\\s*(?:起|至|到|—|－|-|~))`,
);
/** Lines stating a period or a deadline, not when the report was published. */
const NOT_PUBLICATION = /统计|期限|截至|截止|至\s*\d{4}/;

export type PublicationSource = 'signature' | 'labelled' | 'date-line' | 'html-meta' | 'file-properties';

export interface PublicationDate {
  date: string;
  /** Where the date was read, in the order it is preferred. */
  from: PublicationSource;
  source: SourceRef;
}

function isoOf(m: RegExpExecArray): string | null {
  const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return isIsoDate(date) ? date : null;
}

/**
 * The publication date and where it was read, preferring (1) the 落款 date at the end of the
 * report, (2) a labelled date (发布时间/发布日期/时间/日期) in the page's head or tail, (3) a date-only
 * line in the head, (4) the page's <meta> (PubDate, PublishDate, article:published_time…), and only
 * as a last resort (5) the file's own properties (DOCX created/modified, PDF CreationDate/ModDate),
 * which date the file rather than the publication.
 */
export function findPublication(
  head: readonly SourceLine[],
  tail: readonly SourceLine[],
  properties: readonly DocumentProperty[] = [],
): PublicationDate | null {
  const ref = (line: SourceLine, t: string): SourceRef => ({
    ...(line.page !== undefined ? { page: line.page } : {}),
    line: line.line,
    text: t,
  });
  const scan = (lines: readonly SourceLine[], pattern: RegExp, from: PublicationSource, last: boolean) => {
    const ordered = last ? [...lines].reverse() : lines;
    for (const line of ordered) {
      const t = text(line);
      if (pattern === DATE_LINE ? t.length > 20 : NOT_PUBLICATION.test(t)) continue;
      const m = pattern.exec(t);
      const date = m ? isoOf(m) : null;
      if (date) return { date, from, source: ref(line, t) };
    }
    return null;
  };
  const found =
    scan(tail, DATE_LINE, 'signature', true) ??
    scan([...head, ...tail], DATE_LABELLED, 'labelled', false) ??
    scan(head, DATE_LINE, 'date-line', false);
  if (found) return found;
  for (const from of ['html-meta', 'file-properties'] as const) {
    for (const p of properties) {
      if ((p.from === 'html-meta') !== (from === 'html-meta') || !/date|time|created|modified/i.test(p.name))
        continue;
      const date = propertyDate(p.value);
      if (!date) continue;
      const note = from === 'file-properties' ? '（文件属性，只说明文件的时间）' : '';
      const where =
        p.from === 'html-meta' ? `<meta name="${p.name}" content="${p.value}">` : `${p.name} ${p.value}`;
      return { date, from, source: { ...(p.line ? { line: p.line } : {}), text: `${where}${note}` } };
    }
  }
  return null;
}

/**
 * A date in a property value: "2025-03-10", "2025-03-10 09:30:00", "2025年3月10日", a W3CDTF/ISO
 * time with a zone ("2025-01-19T20:31:00Z" is 2025-01-20 in China), PDF "D:20250120083100+08'00'".
 */
export function propertyDate(value: string): string | null {
  const pdf = /^D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  const iso = pdf
    ? `${pdf[1]}-${pdf[2]}-${pdf[3]}T${pdf[4] ?? '00'}:${pdf[5] ?? '00'}:${pdf[6] ?? '00'}${pdf[7] ? pdf[7].replace(/'/g, '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''}`
    : value.trim();
  const zoned = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (zoned) {
    const utc = Date.parse(iso);
    if (Number.isNaN(utc)) return null;
    // China Standard Time (UTC+8, no daylight saving): the day the agency saw on its clock.
    return new Date(utc + 8 * 3600_000).toISOString().slice(0, 10);
  }
  const m = new RegExp(`^${DATE}`).exec(iso);
  return m ? isoOf(m) : null;
}

/** The agency a page names in its <meta name="ContentSource"> (the 政府网站 metadata set), cleaned like a title. */
export function agencyFromProperties(properties: readonly DocumentProperty[]): string {
  const source = properties.find((p) => p.from === 'html-meta' && /^contentsource$/i.test(p.name));
  const value = source ? withoutLeadingLabel(source.value.replace(/\s+/g, '')) : '';
  return AGENCY_END.test(value) && value.length <= 40 ? value : '';
}

/** Info-block labels naming the agency that issued a page, most specific first. */
const AGENCY_LABELS = ['发布机构', '发文机关', '发文机构', '发布单位', '信息来源', '来源'];

/**
 * The agency an info block names (发布机构：…, 发文机关：…, 来源：…), for a title that does not name
 * it ("2024年政府信息公开工作年度报告"); the value ends at a space or the next label and must end
 * like an agency's name ("来源：本站" is not one).
 */
export function agencyFromInfoBlock(
  head: readonly SourceLine[],
): { agency: string; source: SourceRef } | null {
  for (const label of AGENCY_LABELS) {
    for (const line of head) {
      const t = text(line);
      const m = new RegExp(`(?:^|[^\\u4e00-\\u9fff])${label}\\s*[:：]\\s*([^\\s:：|｜]{2,40})`).exec(t);
      const value = m ? withoutTrailingLabel(m[1]!) : '';
      // 本站/本网/…网站 name the site, not an agency.
      if (value.length >= 2 && value.length <= 30 && AGENCY_END.test(value) && !/^本|网站$/.test(value)) {
        return {
          agency: value,
          source: { ...(line.page !== undefined ? { page: line.page } : {}), line: line.line, text: t },
        };
      }
    }
  }
  return null;
}

/** A value with the next label run into it cut off ("某县水利局发布时间" → "某县水利局"). */
function withoutTrailingLabel(value: string): string {
  const next = /(?:发布|成文|公开|生效|浏览|点击|阅读|访问|索引|主题|字号|文号|时间|日期|作者)/.exec(value);
  return next ? value.slice(0, next.index) : value;
}
