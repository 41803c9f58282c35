import { describe, expect, it } from 'vitest';
import { suggestedObtainWording } from './obtain-wording.ts';

describe('suggestedObtainWording', () => {
  it('says the form and the way the applicant asked for', () => {
    expect(suggestedObtainWording({ media: ['paper'], delivery: ['post'] })).toBe(
      '以纸质文本形式随本答复书一并邮寄送达',
    );
    expect(suggestedObtainWording({ media: ['electronic'], delivery: ['email'] })).toBe(
      '以电子文本形式通过电子邮件发送至申请时提供的电子邮箱',
    );
  });

  it('offers several methods as alternatives, in the order asked', () => {
    expect(suggestedObtainWording({ media: ['paper', 'electronic'], delivery: ['pickup', 'post'] })).toBe(
      '以纸质文本和电子文本形式请持本答复书到本机关当面领取，或随本答复书一并邮寄送达',
    );
  });

  it('drafts from the form alone, and drafts nothing when the applicant said neither', () => {
    expect(suggestedObtainWording({ media: ['electronic'], delivery: [] })).toBe('以电子文本形式提供');
    expect(suggestedObtainWording({ media: [], delivery: ['online'] })).toBe(
      '可在本机关门户网站“政府信息公开”栏目获取',
    );
    expect(suggestedObtainWording({ media: [], delivery: [] })).toBeNull();
    expect(suggestedObtainWording(null)).toBeNull();
  });
});
