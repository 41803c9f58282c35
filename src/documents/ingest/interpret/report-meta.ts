import { isIsoDate } from '../../../core/dates.ts';
import type { SourceLine } from '../source-document.ts';

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
  const isTitleEnd = (t: string) =>
    /报告[\s)）]*$/.test(t) && !/《|格式|通知|[，。；]/.test(t) && t.length <= 60;
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

/** The agency is what the title names before the year: "中卫市数据局 2024年…报告" → 中卫市数据局. */
export function agencyFromTitle(title: string): string {
  const compactTitle = title.replace(/\s+/g, '');
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

const DATE_LINE =
  /^(?:发布(?:日期|时间)[:：]?\s*)?(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/;
const DATE_LABELLED =
  /(?:发布日期|发布时间|成文日期)[:：]\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/;

/** A publication date: a labelled date anywhere, or a line that is only a date (the signature date). */
export function findPublicationDate(lines: readonly SourceLine[]): string | null {
  for (const line of lines) {
    const t = text(line);
    const m = DATE_LABELLED.exec(t) ?? (t.length <= 20 ? DATE_LINE.exec(t) : null);
    if (!m) continue;
    const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    if (isIsoDate(date)) return date;
  }
  return null;
}
