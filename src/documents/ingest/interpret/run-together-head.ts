import { compact } from '../../../core/report/normalize-text.ts';
import type { SourceLine } from '../source-document.ts';

/**
 * Crawled text often runs a page's head together: breadcrumb, CMS info block and title on one line
 * ("…>部门年报某某局2024年政府信息公开工作年度报告发布时间:2025-01-20来源:某某局字号:[大中小]根据…"),
 * or a title line that carries its info block ("某某局2024年…年度报告 发布日期：2025-01-20 来源：某某局").
 * This splits such lines into the lines a page prints, so the title, the agency and the labelled
 * dates can be read from them. Only used when the head has no title line of its own.
 */

/** Labels of a CMS info block, longest first where one ends another (发布时间 before 时间). */
const LABEL =
  /(?:索引号|主题分类|信息分类|发布机构|发文机关|发文机构|发布单位|成文日期|发布日期|发布时间|公开日期|生效日期|发文字号|文号|信息来源|来源|作者|字号|字体|浏览次数|访问次数|点击次数|点击数|阅读次数|浏览量|阅读量|时间|日期)\s*[:：]/g;
/** Labels whose value is an agency name. */
const NAME_LABEL = /^(?:发布机构|发文机关|发文机构|发布单位|信息来源|来源)\s*[:：]/;
const DATE_VALUE = String.raw`\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?`;
/** A time of day after a date, which a crawler may glue to it ("2025-01-2009:30:12"). */
const TIME_VALUE = String.raw`(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?`;
/** The extent of a value whose shape is known; other values run to the next label. */
const VALUE: Array<[RegExp, RegExp]> = [
  [
    /^(?:成文日期|发布日期|发布时间|公开日期|生效日期|时间|日期)/,
    new RegExp(`^\\s*${DATE_VALUE}${TIME_VALUE}`),
  ],
  [/^字[号体]/, /^\s*[[［(（]?\s*大\s*中\s*小\s*[\]］)）】]?/],
  [/^(?:浏览次数|访问次数|点击次数|点击数|阅读次数|浏览量|阅读量)/, /^\s*\d*\s*次?/],
  [/^索引号/, /^\s*[\dA-Za-z/\-—_.]+/],
];
/** Words a report's first sentence starts with, ending a name value that runs into the body. */
const BODY_START = /(?:根据|按照|依据|依照|本报告|本年度|为进一步|现将|现发布|20\d{2}\s*年)/;
/** The end of an agency's name (as in report-meta.ts's AGENCY_END, without the brackets). */
const NAME_END = /[局委办室厅府院会心所站处队部署行社馆镇乡道司科组]$/;
/** A title: "（agency）2024年（度）…政府信息公开…年度报告", found inside a longer line. */
const TITLE = /\d{4}\s*年度?[^。，；;,:：>]{0,24}?信息公开[^。，；;,:：>]{0,12}?年度?报告/;
/** Where a breadcrumb or a site banner ends before a title that was run into it. */
const CRUMB_END = /.*(?:[>＞»|｜:：\]】]|年报|年度报告|信息公开专栏)/;

/** A name value that ran into the report's first sentence, cut before it (or kept whole). */
function nameOf(value: string): string {
  // "来源：某局【字体：大中小】": the bracket that opens the next label is not part of the name.
  const v = value.trim().replace(/[【[［(（]+$/, '');
  if (v.length <= 30 && NAME_END.test(v)) return v;
  const m = BODY_START.exec(v);
  const cut = m ? v.slice(0, m.index) : '';
  return cut.length >= 2 && cut.length <= 30 && NAME_END.test(cut) ? cut : '';
}

/** Splits one text at the CMS labels: [text before, label+value, rest, label+value, …]. */
function splitAtLabels(text: string, names: string[]): string[] {
  const starts = [...text.matchAll(LABEL)].map((m) => m.index);
  if (starts.length === 0) return [text];
  const out = [text.slice(0, starts[0])];
  starts.forEach((start, k) => {
    const piece = text.slice(start, starts[k + 1] ?? text.length);
    const label = /^[^:：]+[:：]/.exec(piece)![0];
    const rest = piece.slice(label.length);
    const shape = VALUE.find(([l]) => l.test(label))?.[1];
    let value = shape ? (shape.exec(rest)?.[0] ?? '') : rest;
    // A value that runs into the title is left whole: the title is split out of it later.
    if (NAME_LABEL.test(label) && !TITLE.test(rest)) {
      const name = nameOf(rest);
      if (name !== '') names.push(name);
      if (name !== '' && name.length < rest.trim().length)
        value = rest.slice(0, rest.indexOf(name) + name.length);
    }
    // A time glued to a zero-padded date ("2025-01-2009:30") is set apart, or the date would not read.
    const shown = shape ? value.replace(/(\d{4}[-/.]\d{2}[-/.]\d{2})(\d{1,2}:\d{2})/, '$1 $2') : value;
    out.push(`${label}${shown}`, rest.slice(value.length));
  });
  return out;
}

/** A name that starts with a place ("淄博市…", "某某县…"), as a local agency's does. */
const PLACE_FIRST = /^[^省市县区州旗盟镇乡]{1,8}[省市县区州旗盟镇乡]/;

/**
 * The agency at the end of `words` (what precedes a title's year once breadcrumbs are cut): all of
 * it when the report names it again, else the longest tail that starts after the end of a name
 * ("来源：某县人民政府办公室" run into "某县某局2024年…"), starts with a place and is named again
 * in the report, else all of it. `text` is the whole report, compact; the title names it once.
 */
function agencyAtEnd(words: string, text: string): string {
  const times = (n: string) => text.split(compact(n)).length - 1;
  if (words.length < 4 || times(words) >= 2 || !NAME_END.test(words)) return words;
  for (let i = 3; i < words.length - 3; i += 1) {
    const tail = words.slice(i);
    if (NAME_END.test(words.slice(0, i)) && PLACE_FIRST.test(tail) && times(tail) >= 2) return tail;
  }
  return words;
}

/**
 * Splits the title out of `text`: its agency is the longest name the page also gives (来源, 发布机构,
 * a 《…》 citation) that ends the words before the year; without one, the words after the last
 * breadcrumb separator, narrowed by what the report names elsewhere (`text`, the whole report, compact).
 */
function splitTitle(text: string, names: readonly string[], whole: string): string[] {
  const m = TITLE.exec(text);
  if (!m) return [text];
  const before = text.slice(0, m.index);
  // The report citing itself (现发布《…年度报告》) is a sentence, not the title.
  if (before.lastIndexOf('《') > before.lastIndexOf('》')) return [text];
  const name = [...names].sort((a, b) => b.length - a.length).find((n) => before.endsWith(n));
  const agency = name ?? agencyAtEnd(before.replace(CRUMB_END, ''), whole);
  const start = m.index - agency.length;
  return [text.slice(0, start), text.slice(start, m.index + m[0].length), text.slice(m.index + m[0].length)];
}

/** Agencies named in 《…年度报告》 citations of the whole text (the report citing itself). */
function citedAgencies(text: string): string[] {
  return [...text.matchAll(/《([^《》]{2,30}?)\d{4}\s*年度?[^《》]*?年度?报告》/g)].map((m) => m[1]!);
}

/**
 * The head's lines with run-together lines split into their parts (empty parts dropped). `text` is
 * the whole report, where the agency is usually named again (落款, contact line).
 */
export function splitRunTogetherHead(head: readonly SourceLine[], text: string): SourceLine[] {
  const whole = compact(text);
  const names: string[] = [];
  const split = head.map((line) => {
    const text = line.cells.filter((c) => c.trim() !== '').join(' ');
    return { line, parts: splitAtLabels(text, names) };
  });
  for (const line of head) names.push(...citedAgencies(line.cells.join('')));
  const out: SourceLine[] = [];
  for (const { line, parts } of split) {
    const pieces = parts.flatMap((p) => splitTitle(p, names, whole)).map((p) => p.trim());
    if (pieces.filter((p) => p !== '').length <= 1) {
      out.push(line);
      continue;
    }
    for (const p of pieces) {
      if (p === '') continue;
      const part: SourceLine = { cells: [p], inTable: false, line: line.line };
      if (line.page !== undefined) part.page = line.page;
      out.push(part);
    }
  }
  return out;
}
