import { describe, expect, it } from 'vitest';
import { fullReport, seedReport, tableNumbers } from '../../../test/support/sample-reports.ts';
import { SECTION_CAPTIONS, TABLE3_NOTE } from '../../core/report/labels.ts';
import { interpretDocument } from '../ingest/interpret/interpret-document.ts';
import { readText } from '../ingest/text/read-text.ts';
import { renderMarkdown } from './render-markdown.ts';

/** The pipe-table rows of a Markdown text, each as its trimmed cells (separator rows dropped). */
function pipeRows(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|( --- \|)+$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('renderMarkdown', () => {
  it('prints the title and the six sections as level-2 headings, in order', () => {
    const md = renderMarkdown(seedReport());
    expect(md.startsWith('# 中卫市工业和信息化局2023年政府信息公开工作年度报告\n')).toBe(true);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(SECTION_CAPTIONS.map((c) => `## ${c}`));
    expect(md).toContain('\n### （一）主动公开政府信息情\n');
  });

  it('labels table 三 rows in full and heads the merged columns with both levels', () => {
    const rows = pipeRows(renderMarkdown(seedReport()));
    const head = rows.find((r) => r[0] === TABLE3_NOTE)!;
    expect(head).toEqual([
      TABLE3_NOTE,
      '自然人',
      '法人或其他组织 商业企业',
      '法人或其他组织 科研机构',
      '法人或其他组织 社会公益组织',
      '法人或其他组织 法律服务机构',
      '法人或其他组织 其他',
      '总计',
    ]);
    const labels = rows.map((r) => r[0]);
    expect(labels).toContain('（三）不予公开 1.属于国家秘密');
    expect(labels).toContain('（六）其他处理 3.其他');
    expect(labels).toContain('四、结转下年度继续办理');
    expect(labels).toContain('行政诉讼 复议后起诉');
  });

  it('prints every number of a report with distinct numbers, in form order', () => {
    const report = fullReport();
    const cells = pipeRows(renderMarkdown(report))
      .flatMap((r) => r.slice(1))
      .filter((c) => /^[\d.]+$/.test(c));
    expect(cells).toEqual(tableNumbers(report).map(String));
  });

  it('prints a blank cell empty, never as 0', () => {
    const report = fullReport();
    report.table3['denied.thirdParty'][6] = null;
    report.table2.feesWanYuan = null;
    const rows = pipeRows(renderMarkdown(report));
    expect(rows.find((r) => r[0] === '（三）不予公开 4.保护第三方合法权益')!.at(-1)).toBe('');
    expect(rows.find((r) => r[0] === '行政事业性收费')).toEqual(['行政事业性收费', '']);
    expect(rows.flat()).not.toContain('0');
  });

  it('does not render extras', () => {
    expect(renderMarkdown(fullReport())).not.toMatch(/987654|876543|小计/);
  });

  it('escapes Markdown and HTML in text', () => {
    const report = seedReport();
    report.sections.problems = '# 不是标题\n*强调* <b>x</b> a|b';
    const md = renderMarkdown(report);
    expect(md).toContain('\n\\# 不是标题\n');
    expect(md).toContain('\\*强调\\* \\<b>x\\</b> a|b');
  });

  it('keeps only http(s) links live; every other link is written as plain text', () => {
    const report = seedReport();
    report.sections.problems = [
      '[点我](javascript:alert(1)) [图](data:text/html,<script>x</script>)',
      '[嵌套 [括号] 链接](vbscript:msgbox) [引用][r] [JS](JaVaScRiPt:alert(2))',
      '[r]: javascript:alert(3)',
      '详见[门户网站](https://www.gov.cn/zhengce/) 与 [旧站](http://example.gov.cn/a.html)',
    ].join('\n');
    const md = renderMarkdown(report);
    // Every bracket not preceded by a backslash opens a link; each such link must lead to http(s).
    const live = [...md.matchAll(/(?<!\\)\[([^\]]*)\]\(([^)]*)\)/g)].map((m) => m[2]);
    expect(live).toEqual(['https://www.gov.cn/zhengce/', 'http://example.gov.cn/a.html']);
    expect(md).not.toMatch(/(?<!\\)\[[^\]]*\]:/);
    expect(md).toContain('\\[点我](javascript:alert(1))');
  });

  it('is read back by the Markdown reader with the same tables', async () => {
    const report = fullReport();
    const doc = await readText(new TextEncoder().encode(renderMarkdown(report)), 'md');
    const back = interpretDocument(doc).report;
    expect(back.table2).toEqual(report.table2);
    expect(back.table3).toEqual(report.table3);
    expect(back.table4).toEqual(report.table4);
  });

  it('appends the findings when given', () => {
    const md = renderMarkdown(seedReport(), {
      findings: [
        {
          ruleId: 'T4-01',
          severity: 'error',
          assessable: true,
          message: '总计不等于各项之和',
          location: { table: 'table4' },
        },
      ],
    });
    expect(md).toContain('## 附：核查结果');
    expect(md).toContain('| 错误 | T4-01 | 表四 | 总计不等于各项之和 |');
  });
});
