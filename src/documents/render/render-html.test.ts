import { type Element, isTag } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  expandSpans,
  expectedTable2,
  expectedTable3,
  expectedTable4,
  fullReport,
  type SpannedCell,
  seedReport,
} from '../../../test/support/sample-reports.ts';
import { SECTION_CAPTIONS, TABLE2_LABELS, TABLE3_NOTE } from '../../core/report/labels.ts';
import type { Finding } from '../../core/rules/finding.ts';
import { renderHtml } from './render-html.ts';

function parse(html: string) {
  return parseDocument(html);
}

function elements(root: ReturnType<typeof parse> | Element, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, isTag(root as Element) ? [root as Element] : root.children);
}

const text = (e: Element) => DomUtils.textContent(e);

function spannedRows(table: Element): SpannedCell[][] {
  return elements(table, 'tr').map((tr) =>
    tr.children.filter(isTag).map((cell) => ({
      text: text(cell),
      rowSpan: Number(cell.attribs.rowspan ?? 1),
      colSpan: Number(cell.attribs.colspan ?? 1),
    })),
  );
}

function tables(html: string): Record<string, Element> {
  const byClass: Record<string, Element> = {};
  for (const t of elements(parse(html), 'table')) {
    const id = /gk-(table\d|findings)/.exec(t.attribs.class ?? '')?.[1];
    if (id) byClass[id] = t;
  }
  return byClass;
}

describe('renderHtml', () => {
  it('prints the title block and the six sections in order with their exact captions', () => {
    const html = renderHtml(seedReport());
    const doc = parse(html);
    expect(text(elements(doc, 'h1')[0]!)).toBe('中卫市工业和信息化局2023年政府信息公开工作年度报告');
    expect(elements(doc, 'h2').map(text)).toEqual([...SECTION_CAPTIONS]);
    expect(elements(doc, 'h2').map(text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(text(elements(doc, 'title')[0]!)).toBe('中卫市工业和信息化局2023年政府信息公开工作年度报告');
  });

  it('prints narrative lines as paragraphs and "（一）…" lines as sub-headings', () => {
    const doc = parse(renderHtml(seedReport()));
    const subheadings = elements(doc, 'h3').map(text);
    expect(subheadings).toContain('（一）主动公开政府信息情');
    expect(subheadings).toContain('（五）强化监督保障');
    expect(subheadings).toContain('（二）2023 收取信息处理费情况');
    const paragraphs = elements(doc, 'p').map(text);
    expect(paragraphs).toContain('本机关 2023 年未收取信息处理费。');
    expect(paragraphs.some((p) => p.startsWith('1.围绕高质量发展强化信息公开。一是'))).toBe(true);
  });

  it('prints table 三 exactly as the official form: the 勾稽 note and the merged headers', () => {
    const t3 = tables(renderHtml(seedReport())).table3!;
    const head = elements(t3, 'thead')[0]!;
    const first = elements(head, 'tr')[0]!.children.filter(isTag);
    expect(text(first[0]!)).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(first[0]!.attribs).toMatchObject({ rowspan: '3', colspan: '3' });
    expect(text(first[1]!)).toBe('申请人情况');
    expect(first[1]!.attribs.colspan).toBe('7');
    const second = elements(head, 'tr')[1]!.children.filter(isTag);
    expect(second.map((c) => [text(c), c.attribs.rowspan, c.attribs.colspan])).toEqual([
      ['自然人', '2', undefined],
      ['法人或其他组织', undefined, '5'],
      ['总计', '2', undefined],
    ]);
    const outcome = elements(t3, 'td').find((c) => text(c) === '三、本年度办理结果')!;
    expect(outcome.attribs.rowspan).toBe('22');
    const groups = elements(t3, 'td')
      .filter((c) => /^（[三四五六]）/.test(text(c)))
      .map((c) => [text(c), c.attribs.rowspan]);
    expect(groups).toEqual([
      ['（三）不予公开', '8'],
      ['（四）无法提供', '3'],
      ['（五）不予处理', '5'],
      ['（六）其他处理', '3'],
    ]);
  });

  it('puts every cell of a report with distinct numbers in its place in tables 二, 三 and 四', () => {
    const report = fullReport();
    const t = tables(renderHtml(report));
    expect(expandSpans(spannedRows(t.table2!))).toEqual(expectedTable2(report));
    expect(expandSpans(spannedRows(t.table3!))).toEqual(expectedTable3(report));
    expect(expandSpans(spannedRows(t.table4!))).toEqual(expectedTable4(report));
    expect(expandSpans(spannedRows(t.table3!))[0]![0]).toBe(TABLE3_NOTE);
  });

  it('prints table 二 as its four sub-tables', () => {
    const captions = elements(tables(renderHtml(seedReport())).table2!, 'th')
      .filter((c) => c.attribs.class === 'gk-caption')
      .map(text);
    expect(captions).toEqual([
      TABLE2_LABELS.item1,
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
  });

  it('repeats the header rows of tables 三 and 四 on every page (thead)', () => {
    const t = tables(renderHtml(seedReport()));
    expect(elements(elements(t.table3!, 'thead')[0]!, 'tr')).toHaveLength(3);
    expect(elements(elements(t.table4!, 'thead')[0]!, 'tr')).toHaveLength(3);
    expect(renderHtml(seedReport())).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('says under the title that a report was read from a scan, with its OCR summary; nothing for any other report', () => {
    const report = fullReport();
    const scan = {
      pages: 7,
      meanConfidence: 91.6,
      minConfidence: 38.2,
      cellsRead: 203,
      cellsCorrected: 2,
      cellsUnreadable: 1,
    };
    const doc = parse(renderHtml(report, { scan }));
    const note = DomUtils.findOne((e) => e.attribs.class === 'gk-scan-note', doc.children);
    expect(note).not.toBeNull();
    // Right after the title, before the first section.
    expect(DomUtils.prevElementSibling(note!)?.name).toBe('h1');
    const said = text(note!);
    expect(said.startsWith('扫描件')).toBe(true);
    for (const figure of ['7 页', '92%', '38%', '203', '校正 2', '无法识别 1'])
      expect(said).toContain(figure);
    expect(renderHtml(report)).not.toContain('class="gk-scan-note"');
    expect(renderHtml(report, { scan: null })).not.toContain('扫描件');
  });

  it('prints a blank cell empty, never as 0', () => {
    const report = fullReport();
    report.table3.granted[1] = null;
    report.table2.licensing = null;
    report.table4.litigationDirect[2] = null;
    const t = tables(renderHtml(report));
    const t3 = expandSpans(spannedRows(t.table3!));
    expect(t3[5]!.slice(3)).toEqual(['10301', '', '10303', '10304', '10305', '10306', '10307']);
    expect(expandSpans(spannedRows(t.table2!))[6]).toEqual(['行政许可', '', '', '']);
    expect(expandSpans(spannedRows(t.table4!))[3]![7]).toBe('');
    const numbers = elements(parse(renderHtml(report)), 'td')
      .filter((c) => c.attribs.class === 'gk-num')
      .map(text);
    expect(numbers).not.toContain('0');
  });

  it('prints numbers as stored: no fixed decimals, no exponent', () => {
    const report = fullReport();
    report.table2.feesWanYuan = 12.3;
    report.table2.coercion = 0;
    const t2 = expandSpans(spannedRows(tables(renderHtml(report)).table2!));
    expect(t2[13]![1]).toBe('12.3');
    expect(t2[10]![1]).toBe('0');
    report.table2.feesWanYuan = 0.0000001;
    expect(expandSpans(spannedRows(tables(renderHtml(report)).table2!))[13]![1]).toBe('0.0000001');
  });

  it('does not render extras (cells printed beyond the format)', () => {
    const html = renderHtml(fullReport());
    expect(html).not.toContain('987654');
    expect(html).not.toContain('876543');
    expect(html).not.toContain('不予公开小计');
  });

  it('escapes every text', () => {
    const report = seedReport();
    report.agency = '<script>alert("x")</script>&局';
    report.sections.problems = '<img src=x onerror=alert(1)>\n（一）<b>加粗</b>';
    const html = renderHtml(report, {
      findings: [
        { ruleId: 'N-01', severity: 'warning', assessable: true, message: '<i>x</i>', location: {} },
      ],
    });
    expect(html).not.toMatch(/<script>|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;局');
    expect(elements(parse(html), 'script')).toHaveLength(0);
  });

  it('is self-contained: no external resource, no script', () => {
    const html = renderHtml(fullReport());
    const all = DomUtils.findAll(() => true, parse(html).children);
    expect(all.filter((e) => ['link', 'script', 'img', 'iframe', 'object'].includes(e.name))).toEqual([]);
    expect(all.filter((e) => 'src' in e.attribs || 'href' in e.attribs)).toEqual([]);
    const css = elements(parse(html), 'style').map(text).join('');
    expect(css).not.toMatch(/url\(|@import/);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('"仿宋_GB2312", FangSong, STFangsong, "Noto Serif CJK SC", serif');
    expect(html).toContain('"方正小标宋简体", "FZXiaoBiaoSong-B05S", SimSun, "Noto Serif CJK SC"');
    expect(html).toContain('"黑体", SimHei, "Noto Sans CJK SC"');
  });

  it('appends "附：核查结果" when findings are given, errors first', () => {
    const findings: Finding[] = [
      {
        ruleId: 'N-02',
        severity: 'warning',
        assessable: false,
        message: '正文所述件数无法核对',
        location: { section: 'overview', source: { page: 1, line: 3 } },
      },
      {
        ruleId: 'T3-01',
        severity: 'error',
        assessable: true,
        message: '第一项加第二项之和不等于第三项加第四项之和',
        location: { table: 'table3', rowLabel: '（七）总计', columns: ['自然人'] },
      },
    ];
    const html = renderHtml(seedReport(), { findings });
    const doc = parse(html);
    expect(elements(doc, 'h2').map(text).at(-1)).toBe('附：核查结果');
    const rows = expandSpans(spannedRows(tables(html).findings!));
    expect(rows).toEqual([
      ['级别', '规则', '位置', '说明'],
      ['错误', 'T3-01', '表三 “（七）总计”行 “自然人”列', '第一项加第二项之和不等于第三项加第四项之和'],
      ['警告（无法判定）', 'N-02', '一、总体情况 · 第1页第3行', '正文所述件数无法核对'],
    ]);
    expect(renderHtml(seedReport(), { findings: [] })).toContain('核查未发现问题。');
    expect(renderHtml(seedReport())).not.toContain('附：核查结果');
  });
});
