import { describe, expect, it } from 'vitest';
import { canonicalLabel, findVariant, TABLE2_ROW_VARIANTS, TABLE3_ROW_VARIANTS } from './label-variants.ts';
import { TABLE2_LABELS, TABLE3_ROW_LABELS, type Table3RowKey } from './labels.ts';

const TABLE2_OFFICIAL: Record<string, string> = {
  regulations: TABLE2_LABELS.regulations,
  normativeDocuments: TABLE2_LABELS.normativeDocuments,
  licensing: TABLE2_LABELS.licensing,
  punishment: TABLE2_LABELS.punishment,
  coercion: TABLE2_LABELS.coercion,
  feesWanYuan: TABLE2_LABELS.fees,
};

describe('the variant tables', () => {
  it('declare each printed variant once, never the official caption itself', () => {
    for (const variants of [TABLE2_ROW_VARIANTS, TABLE3_ROW_VARIANTS]) {
      const canon = variants.map((v) => canonicalLabel(v.printed));
      expect(new Set(canon).size).toBe(canon.length);
    }
    for (const v of TABLE2_ROW_VARIANTS) expect(v.printed).not.toBe(TABLE2_OFFICIAL[v.row]);
    for (const v of TABLE3_ROW_VARIANTS)
      expect(v.printed).not.toBe(
        TABLE3_ROW_LABELS[v.row].replace(/^\d+\./, '').replace(/^[一二四]、|^（七）/, ''),
      );
  });
});

describe('canonicalLabel', () => {
  it('ignores width, spacing, list commas, quotes, 的/之 and 或者', () => {
    expect(canonicalLabel('要求行政机关确认或者重新出具已获取的信息')).toBe(
      canonicalLabel('要求行政机关确认或重新出具已获取信息'),
    );
    expect(canonicalLabel('危及 "三安全一稳定"')).toBe(canonicalLabel('危及“三安全一稳定”'));
    expect(canonicalLabel('信访、举报、投诉类申请')).toBe(canonicalLabel('信访举报投诉类申请'));
  });
  it('keeps words that change the meaning', () => {
    expect(canonicalLabel('其他法律法规禁止公开')).not.toBe(canonicalLabel('其他法律行政法规禁止公开'));
    expect(canonicalLabel('规范性文件')).not.toBe(canonicalLabel('行政规范性文件'));
  });
});

describe('findVariant', () => {
  it('finds a table-二 variant in any width and spacing', () => {
    expect(findVariant(TABLE2_ROW_VARIANTS, ' 规范性文件 ')?.row).toBe('normativeDocuments');
    expect(findVariant(TABLE2_ROW_VARIANTS, '行政强制措施')?.row).toBe('coercion');
    expect(findVariant(TABLE2_ROW_VARIANTS, '行政许可')).toBeUndefined();
  });
  it('marks the variant whose legal scope differs', () => {
    const v = findVariant(TABLE3_ROW_VARIANTS, '其他法律法规禁止公开');
    expect(v?.row).toBe<Table3RowKey>('denied.lawForbidden');
    expect(v?.differs).toMatch(/范围不同/);
  });
});
