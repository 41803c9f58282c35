import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReportDocument } from '../read-document.ts';
import type { SourceLine } from '../source-document.ts';
import { splitRunTogetherHead } from './run-together-head.ts';

/**
 * Crawled text made from seed 004's page (test/fixtures/crawled/seed-004.*.txt) with the header
 * shapes crawlers really write put in place of the page's own: the agency, year and publication
 * date must come out right, with the line they were read from.
 */
const CRAWLED = new URL('../../../../test/fixtures/crawled/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, CRAWLED), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);
const TITLE = '淄博市大数据局2023年政府信息公开工作年度报告';

async function meta(text: string) {
  const { report } = await readReportDocument(encode(text), 'crawled.txt');
  return {
    agency: report.agency,
    year: report.year,
    publishedOn: report.publishedOn,
    from: report.provenance?.publishedOn?.text,
  };
}

describe('concatenated crawled text: agency, year and publication date', () => {
  const page = fixture('seed-004.concat.txt');
  /** The page with its head (title, info block) replaced by `head`. */
  const withHead = (head: string) => {
    const changed = page.replace(/部门年报.*?字号：\[大中小\]/, `部门年报${head}`);
    expect(changed).not.toBe(page);
    return changed;
  };

  it.each([
    [
      'an info block before the title (来源, 发布时间, 浏览次数)',
      `来源：淄博市大数据局发布时间：2024-01-20浏览次数：1234${TITLE}`,
      '发布时间:2024-01-20',
    ],
    [
      'a 2024/01/20 date with its time glued on, 来源 run into the title',
      `发布日期：2024/01/2009:30:12来源：淄博市人民政府办公室${TITLE}`,
      '发布日期:2024/01/20 09:30:12',
    ],
    [
      'a 2024年1月20日 时间, 发文机关, the title run into the first sentence',
      `时间：2024年1月20日发文机关：淄博市大数据局${TITLE}`,
      '时间:2024年1月20日',
    ],
    [
      'the info block after the title (日期, 来源)',
      `${TITLE}日期：2024-01-20来源：淄博市大数据局`,
      '日期:2024-01-20',
    ],
    [
      'an index table (索引号, 发布机构, 成文日期, 主题分类) before the title',
      `索引号：11370300MB2853043E/2024-00012发布机构：淄博市大数据局成文日期：2024-01-20主题分类：其他${TITLE}`,
      '成文日期:2024-01-20',
    ],
  ])('reads %s', async (_, head, from) => {
    expect(await meta(withHead(head))).toEqual({
      agency: '淄博市大数据局',
      year: 2023,
      publishedOn: '2024-01-20',
      from,
    });
  });

  it('reads the 落款 run into the last sentence, before the page footer', async () => {
    const signed = withHead(TITLE).replace('【打印本页】', '淄博市大数据局2024年1月22日【打印本页】');
    expect(await meta(signed)).toEqual({
      agency: '淄博市大数据局',
      year: 2023,
      publishedOn: '2024-01-22',
      from: '2024年1月22日',
    });
  });

  it('prefers the 落款 date to a 发布时间 in the head, as for every other format', async () => {
    const both = withHead(`发布时间：2024-01-25${TITLE}`).replace(
      '【打印本页】',
      '淄博市大数据局2024年1月22日【打印本页】',
    );
    expect((await meta(both)).publishedOn).toBe('2024-01-22');
  });

  it('keeps the page footer out of section 六', async () => {
    const { report } = await readReportDocument(encode(page), 'crawled.txt');
    expect(report.sections.other).toMatch(/落地落实。$/);
  });
});

describe('one-cell-per-line crawled text: agency, year and publication date', () => {
  const variants = [
    ['seed-004.cells.txt', '\n\n'],
    ['seed-004.cells-cr.txt', '\r\r'],
  ] as const;
  const withHead = (file: string, gap: string, head: readonly string[]) => {
    const page = fixture(file);
    const changed = page.replace(/淄博市大数据局 2023 年[\s\S]*?字号：\[ 大 中 小 \]/, head.join(gap));
    expect(changed).not.toBe(page);
    return changed;
  };
  const cases: Array<[string, string[], string]> = [
    [
      '来源 … 发布时间 with a time … 浏览次数 on the line before the title',
      ['来源：淄博市人民政府办公室 发布时间：2024-01-20 09:30 浏览次数：35', TITLE],
      '来源：淄博市人民政府办公室 发布时间：2024-01-20 09:30 浏览次数：35',
    ],
    [
      '发布日期 in 年月日 and 来源 before the title',
      ['发布日期：2024年1月20日  来源：淄博市大数据局', TITLE],
      '发布日期：2024年1月20日  来源：淄博市大数据局',
    ],
    [
      'the title and its info block on one line',
      [`${TITLE} 发布日期：2024/01/20 来源：淄博市大数据局 浏览次数：35`],
      '发布日期：2024/01/20',
    ],
  ];
  for (const [file, gap] of variants) {
    it.each(cases)(`reads ${file} with %s`, async (_, head, from) => {
      expect(await meta(withHead(file, gap, head))).toEqual({
        agency: '淄博市大数据局',
        year: 2023,
        publishedOn: '2024-01-20',
        from,
      });
    });
  }

  it('reads the agency from the info block when the title does not name it', async () => {
    const page = withHead('seed-004.cells.txt', '\n\n', [
      '2023年政府信息公开工作年度报告',
      '发布机构：淄博市大数据局 发布日期：2024-01-20',
    ]);
    const { report } = await readReportDocument(encode(page), 'crawled.txt');
    expect([report.agency, report.year, report.publishedOn]).toEqual(['淄博市大数据局', 2023, '2024-01-20']);
    expect(report.provenance?.agency?.text).toBe('发布机构：淄博市大数据局 发布日期：2024-01-20');
  });

  it('reads the 落款 at the end of the report', async () => {
    const page = fixture('seed-004.cells.txt').replace(
      '【打印本页】',
      '淄博市大数据局\n\n2024年1月22日\n\n【打印本页】',
    );
    expect(await meta(page)).toMatchObject({ publishedOn: '2024-01-22', from: '2024年1月22日' });
  });
});

describe('splitRunTogetherHead', () => {
  const line = (text: string): SourceLine => ({ cells: [text], inTable: false, line: 3 });
  const texts = (head: string, report = '') =>
    splitRunTogetherHead([line(head)], `${head}${report}`).map((l) => l.cells[0]);

  it('cuts a breadcrumb before a title at its last separator or column name', () => {
    expect(
      texts(`当前位置：首页>信息公开>年度报告>部门年报某县水利局2024年政府信息公开工作年度报告`),
    ).toEqual(['当前位置：首页>信息公开>年度报告>部门年报', '某县水利局2024年政府信息公开工作年度报告']);
  });

  it('does not take the report citing itself (现发布《…》) for its title', () => {
    const head = '根据《条例》要求，现发布《某县水利局2024年政府信息公开工作年度报告》。';
    expect(texts(head)).toEqual([head]);
  });

  it('keeps a 来源 agency that the report does not name again together with the title’s', () => {
    // Without a second mention nothing tells where one name ends: the words are kept whole.
    expect(texts('来源：某县人民政府办公室某县水利局2024年政府信息公开工作年度报告')[1]).toBe(
      '某县人民政府办公室某县水利局2024年政府信息公开工作年度报告',
    );
    expect(
      texts('来源：某县人民政府办公室某县水利局2024年政府信息公开工作年度报告', '请与某县水利局联系')[1],
    ).toBe('某县水利局2024年政府信息公开工作年度报告');
  });

  it('leaves a line without labels or a title as it is', () => {
    const l = line('欢迎访问某县人民政府门户网站');
    expect(splitRunTogetherHead([l], '')).toEqual([l]);
  });
});
