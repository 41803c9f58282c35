import { type Element, isTag } from 'domhandler';
import { strFromU8, unzipSync } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  expectedTable2,
  expectedTable3,
  expectedTable4,
  fullReport,
  seedReport,
} from '../../../test/support/sample-reports.ts';
import { SECTION_CAPTIONS } from '../../core/report/labels.ts';
import { renderDocx } from './render-docx.ts';

async function documentXml(bytes: Uint8Array): Promise<{ xml: string; files: Record<string, Uint8Array> }> {
  const files = unzipSync(bytes);
  return { xml: strFromU8(files['word/document.xml']!), files };
}

const children = (e: Element, name: string) =>
  e.children.filter((c): c is Element => isTag(c) && c.name === name);
const find = (e: Element | Element[], name: string) =>
  DomUtils.findAll((n) => n.name === name, Array.isArray(e) ? e : [e]);
const textOf = (e: Element) =>
  find(e, 'w:t')
    .map((t) => DomUtils.textContent(t))
    .join('');
const attr = (e: Element, path: string) => find(e, path)[0]?.attribs['w:val'];

/** A Word table as a full matrix: w:gridSpan repeats a cell to the right, w:vMerge continue repeats the cell above. */
function wordMatrix(tbl: Element): string[][] {
  const matrix: string[][] = [];
  for (const tr of children(tbl, 'w:tr')) {
    const row: string[] = [];
    for (const tc of children(tr, 'w:tc')) {
      const span = Number(attr(tc, 'w:gridSpan') ?? 1);
      const vMerge = find(tc, 'w:vMerge')[0];
      const above = matrix.at(-1);
      const text =
        vMerge && vMerge.attribs['w:val'] !== 'restart' ? (above?.[row.length] ?? '?') : textOf(tc);
      for (let i = 0; i < span; i += 1) row.push(text);
    }
    matrix.push(row);
  }
  return matrix;
}

function tablesOf(xml: string): Element[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return find(doc.children.filter(isTag), 'w:tbl');
}

describe('renderDocx', () => {
  it('writes a Word document whose tables 二/三/四 are the official form with real merged cells', async () => {
    const report = fullReport();
    const { xml } = await documentXml(await renderDocx(report));
    const [t2, t3, t4] = tablesOf(xml);
    expect(wordMatrix(t2!)).toEqual(expectedTable2(report));
    expect(wordMatrix(t3!)).toEqual(expectedTable3(report));
    expect(wordMatrix(t4!)).toEqual(expectedTable4(report));
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
  });

  it('marks the header rows of tables 三 and 四 to repeat and keeps rows whole', async () => {
    const { xml } = await documentXml(await renderDocx(seedReport()));
    const [, t3, t4] = tablesOf(xml);
    const headerFlags = (t: Element) =>
      children(t, 'w:tr').map((tr) =>
        find(tr, 'w:tblHeader').some((h) => (h.attribs['w:val'] ?? 'on') !== 'off'),
      );
    expect(headerFlags(t3!).slice(0, 4)).toEqual([true, true, true, false]);
    expect(headerFlags(t4!)).toEqual([true, true, true, false]);
    expect(children(t3!, 'w:tr').every((tr) => find(tr, 'w:cantSplit').length > 0)).toBe(true);
  });

  it('prints the title, the six captions in order and the narrative', async () => {
    const { xml } = await documentXml(await renderDocx(seedReport()));
    const doc = parseDocument(xml, { xmlMode: true });
    const body = find(doc.children.filter(isTag), 'w:body')[0]!;
    const paragraphs = children(body, 'w:p').map(textOf);
    expect(paragraphs[0]).toBe('中卫市工业和信息化局2023年政府信息公开工作年度报告');
    expect(paragraphs.filter((p) => (SECTION_CAPTIONS as readonly string[]).includes(p))).toEqual([
      ...SECTION_CAPTIONS,
    ]);
    expect(paragraphs).toContain('（一）主动公开政府信息情');
    expect(paragraphs).toContain('本机关 2023 年未收取信息处理费。');
  });

  it('lays out an A4 公文 page and names the fonts for East Asian text', async () => {
    const { xml, files } = await documentXml(await renderDocx(seedReport()));
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(xml)?.[0] ?? '';
    expect(sectPr).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sectPr).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const fonts = new Set([...xml.matchAll(/<w:rFonts ([^>]*)\/><w:(?:b|sz) /g)].map((m) => m[1]));
    for (const font of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体']) {
      expect(fonts).toContain(`w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"`);
    }
    const sizeOf = (font: string) =>
      new Set(
        [
          ...xml.matchAll(
            new RegExp(`w:ascii="${font}"[^>]*/>(?:<w:b [^>]*/><w:bCs [^>]*/>)?<w:sz w:val="(\\d+)"`, 'g'),
          ),
        ].map((m) => m[1]),
      );
    expect(sizeOf('方正小标宋简体')).toEqual(new Set(['44']));
    expect(sizeOf('仿宋_GB2312')).toEqual(new Set(['32']));
    expect(sizeOf('黑体')).toEqual(new Set(['32']));
    expect(sizeOf('宋体')).toEqual(new Set(['21']));
    expect(xml.match(/<w:ind w:firstLine="640"\/>/g)?.length).toBeGreaterThan(10);
    const footer = strFromU8(files['word/footer1.xml']!);
    expect(footer).toContain('第 ');
    expect(footer).toContain('PAGE');
  });

  it('leaves a blank cell empty and does not render extras', async () => {
    const report = fullReport();
    report.table3.carriedForward[0] = null;
    const { xml } = await documentXml(await renderDocx(report));
    const t3 = wordMatrix(tablesOf(xml)[1]!);
    expect(t3.at(-1)!.slice(3)).toEqual(['', '12502', '12503', '12504', '12505', '12506', '12507']);
    expect(xml).not.toMatch(/987654|876543|小计/);
  });

  it('escapes text for XML', async () => {
    const report = seedReport();
    report.sections.problems = '<w:p>&"\'';
    const { xml } = await documentXml(await renderDocx(report));
    expect(xml).toContain('&lt;w:p&gt;&amp;');
  });

  it('appends the findings on a new page when given', async () => {
    const { xml } = await documentXml(
      await renderDocx(seedReport(), {
        findings: [
          {
            ruleId: 'S-01',
            severity: 'info',
            assessable: true,
            message: '说明',
            location: { section: 'title' },
          },
        ],
      }),
    );
    expect(xml).toContain('附：核查结果');
    expect(wordMatrix(tablesOf(xml)[3]!)).toEqual([
      ['级别', '规则', '位置', '说明'],
      ['提示', 'S-01', '标题', '说明'],
    ]);
  });
});
