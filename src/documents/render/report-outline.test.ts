import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/support/sample-reports.ts';
import { narrativeBlocks, reportTitle } from './report-outline.ts';

describe('reportTitle', () => {
  it('rebuilds the title from agency and year, ignoring the printed title', () => {
    const report = seedReport();
    expect(report.title).toBe('中卫市工业和信息化局2023 年政府信息公开工作年度报告');
    expect(reportTitle(report)).toEqual({
      agency: '中卫市工业和信息化局',
      name: '2023年政府信息公开工作年度报告',
      full: '中卫市工业和信息化局2023年政府信息公开工作年度报告',
    });
  });
});

describe('narrativeBlocks', () => {
  it('splits on newlines, drops empty lines and makes short "（一）…" lines sub-headings', () => {
    expect(narrativeBlocks('（一）主动公开\n\n  本年主动公开信息 12 条。\n（二）依申请公开。')).toEqual([
      { kind: 'heading', text: '（一）主动公开' },
      { kind: 'paragraph', lead: '', text: '本年主动公开信息 12 条。' },
      { kind: 'heading', text: '（二）依申请公开。' },
    ]);
  });

  it('prints the first sentence of a numbered paragraph as a run-in heading', () => {
    expect(narrativeBlocks('1.积极开展政策解读。通过政策咨询窗口宣传。')).toEqual([
      { kind: 'paragraph', lead: '1.积极开展政策解读。', text: '通过政策咨询窗口宣传。' },
    ]);
    expect(
      narrativeBlocks(
        '（三）政府信息管理。我局高度重视政府信息公开工作，将政务公开工作与业务工作同安排、同部署。',
      ),
    ).toEqual([
      {
        kind: 'paragraph',
        lead: '（三）政府信息管理。',
        text: '我局高度重视政府信息公开工作，将政务公开工作与业务工作同安排、同部署。',
      },
    ]);
  });

  it('does not take a decimal number or a long first sentence for a heading', () => {
    expect(narrativeBlocks('1.5 万元用于平台建设。')[0]).toMatchObject({ lead: '' });
    const long =
      '2.申请人逾期未按收费通知要求缴纳费用的，行政机关不再处理其政府信息公开申请并告知。其余照常。';
    expect(narrativeBlocks(long)[0]).toMatchObject({ lead: '' });
  });
});
