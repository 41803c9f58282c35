import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateValid2019Report } from '../../../test/support/generate-report.ts';
import { fullReport, seedReport } from '../../../test/support/sample-reports.ts';
import { AppError } from '../../core/errors.ts';
import { assertRenderable, renderReport } from './render-report.ts';

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assertRenderable', () => {
  it('accepts a report with blank cells and a decimal fee', () => {
    const report = fullReport();
    report.table3.granted[0] = null;
    report.table2.feesWanYuan = 0.35;
    expect(() => assertRenderable(report)).not.toThrow();
  });

  it('accepts a 2019-format report with a negative 本年增/减 but refuses a negative count of its own table 二', async () => {
    const report = generateValid2019Report(3);
    report.format2019!.table2.licensing = { previous: 4, change: -2, decisions: 9 };
    expect(() => assertRenderable(report)).not.toThrow();
    report.format2019!.table2.procurement.projects = -1;
    const error = await refusal(() => assertRenderable(report));
    expect(error.message).toBe('表二“政府集中采购”行“采购项目数量”列的值 -1 不是非负整数，无法生成报告');
    expect(error.details).toEqual({ fields: ['format2019.table2.procurement.projects'] });
  });

  it('refuses a negative count, naming the row and the column', async () => {
    const report = seedReport();
    report.table3.granted[0] = -1;
    const error = await refusal(() => assertRenderable(report));
    expect(error.code).toBe('INVALID_REPORT');
    expect(error.message).toBe('表三“（一）予以公开”行“自然人”列的值 -1 不是非负整数，无法生成报告');
    expect(error.details).toEqual({ fields: ['table3.granted[0]'] });
  });

  it('refuses a fractional count in tables 二 and 四 and a negative fee', async () => {
    const report = seedReport();
    report.table2.normativeDocuments.inForce = 2.5;
    report.table4.litigationDirect[4] = 0.5;
    report.table2.feesWanYuan = -3;
    report.table3['denied.thirdParty'][6] = 1.5;
    const error = await refusal(() => assertRenderable(report));
    expect(error.message).toBe(
      '表二“行政规范性文件”行“现行有效件数”列的值 2.5 不是非负整数；' +
        '表二“行政事业性收费”行“本年收费金额（单位：万元）”列的值 -3 不是非负数；' +
        '表三“（三）不予公开 4.保护第三方合法权益”行“总计”列的值 1.5 不是非负整数等 4 处，无法生成报告',
    );
    expect(error.details).toEqual({
      fields: [
        'table2.normativeDocuments.inForce',
        'table2.feesWanYuan',
        'table3.denied.thirdParty[6]',
        'table4.litigationDirect[4]',
      ],
    });
  });

  it('refuses a table row of the wrong length', async () => {
    const report = seedReport();
    report.table4.review = [0, 0, 0];
    expect((await refusal(() => assertRenderable(report))).message).toBe(
      '表四“行政复议”组应有 5 个数值，无法生成报告',
    );
  });
});

describe('renderReport', () => {
  it('renders html, md and docx with their media types', async () => {
    const report = seedReport();
    const html = await renderReport(report, 'html');
    expect(html).toMatchObject({ format: 'html', mediaType: 'text/html; charset=utf-8', extension: '.html' });
    expect(new TextDecoder().decode(html.bytes)).toContain('<h2>三、收到和处理政府信息公开申请情况</h2>');
    const md = await renderReport(report, 'md');
    expect(new TextDecoder().decode(md.bytes)).toContain('## 四、政府信息公开行政复议、行政诉讼情况');
    const docx = await renderReport(report, 'docx');
    expect(docx.extension).toBe('.docx');
    expect(strFromU8(unzipSync(docx.bytes)['word/document.xml']!)).toContain('六、其他需要报告的事项');
  });

  it('passes findings to the renderer', async () => {
    const out = await renderReport(seedReport(), 'md', {
      findings: [
        { ruleId: 'T2-04', severity: 'warning', assessable: true, message: '规章不为0', location: {} },
      ],
    });
    expect(new TextDecoder().decode(out.bytes)).toContain('| 警告 | T2-04 | — | 规章不为0 |');
  });

  it('renders nothing for a report no form may print', async () => {
    const report = seedReport();
    report.table3.granted[0] = -1;
    for (const format of ['html', 'md', 'docx', 'pdf'] as const) {
      const error = await refusal(() =>
        renderReport(report, format, { executablePath: '/nonexistent/chromium' }),
      );
      expect(error.code).toBe('INVALID_REPORT');
    }
  });
});
