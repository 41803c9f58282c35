import { describe, expect, it } from 'vitest';
import { snapDoubtfulCaption, snapToFormat } from './format-lexicon.ts';

describe('snapToFormat', () => {
  it('mends look-alike characters, brackets and punctuation OCR makes of the format’s captions', () => {
    expect(snapToFormat('2.其他法律行政法规茜上公开')).toBe('2.其他法律行政法规禁止公开');
    expect(snapToFormat('1属于国家秘密')).toBe('1.属于国家秘密');
    expect(snapToFormat('〈六)其他处理')).toBe('（六）其他处理');
    expect(snapToFormat('三、收到和处理政府信息公开申请情;')).toBe('三、收到和处理政府信息公开申请情况');
    expect(snapToFormat('2023年政府信息公开工作年度报各')).toBe('2023年政府信息公开工作年度报告');
  });

  it('keeps a printed variant that adds or drops words, so that the checker still reports it', () => {
    expect(snapToFormat('2.其他法律法规禁止公开')).toBe('2.其他法律法规禁止公开');
    expect(snapToFormat('五、存在问题及改进情况')).toBe('五、存在问题及改进情况');
    expect(snapToFormat('淄博市大数据局2023年政府信息公开 工作年度报告')).toBe(
      '淄博市大数据局2023年政府信息公开 工作年度报告',
    );
  });

  it('drops a speck read as one character before a section caption, and nothing else', () => {
    expect(snapToFormat('和六、其他需要报告的事项')).toBe('六、其他需要报告的事项');
    expect(snapToFormat('·五、存在的主要问题及改进情况')).toBe('五、存在的主要问题及改进情况');
    expect(snapToFormat('关于六、其他需要报告的事项')).toBe('关于六、其他需要报告的事项');
    expect(snapToFormat('和1.属于国家秘密')).toBe('和1.属于国家秘密');
  });

  it('leaves short texts and names alone', () => {
    expect(snapToFormat('自然')).toBe('自然');
    expect(snapToFormat('中卫市工业和信息化局')).toBe('中卫市工业和信息化局');
  });
});

describe('snapDoubtfulCaption', () => {
  it('matches a badly read row caption to the one format caption close enough', () => {
    expect(snapDoubtfulCaption('1本机关丰各所相关政府')).toBe('1.本机关不掌握相关政府信息');
  });

  it('leaves text that is near no caption, or near two alike', () => {
    expect(snapDoubtfulCaption('中卫市工业和信息化局')).toBe('中卫市工业和信息化局');
    expect(snapDoubtfulCaption('属于')).toBe('属于');
  });
});
