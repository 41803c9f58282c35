import { describe, expect, it } from 'vitest';
import { TABLE3_ROW_VARIANTS } from '../../../core/report/label-variants.ts';
import { TABLE3_ROW_LABELS, type Table3RowKey } from '../../../core/report/labels.ts';
import { matchTable3Row, structuralRow } from './table3-labels.ts';

/** The number a leaf is printed with in the official form ("5." of "5.属于三类内部事务信息"). */
function numberOf(key: Table3RowKey): string {
  return /^\d+\./.exec(TABLE3_ROW_LABELS[key])?.[0] ?? '';
}

describe('matchTable3Row on the wording real reports print', () => {
  it.each(TABLE3_ROW_VARIANTS.map((v) => [v.printed, v.row] as const))(
    'reads “%s” as row %s, reported as non-standard',
    (printed, row) => {
      const mark =
        numberOf(row) ||
        (row === 'newReceived'
          ? '一、'
          : row === 'carriedOver'
            ? '二、'
            : row === 'carriedForward'
              ? '四、'
              : '（七）');
      const match = matchTable3Row(`${mark}${printed}`);
      expect(match?.key).toBe(row);
      expect(match?.standard).toBe(false);
    },
  );

  it('reads the official captions as standard', () => {
    for (const [key, label] of Object.entries(TABLE3_ROW_LABELS)) {
      expect(matchTable3Row(label)).toMatchObject({ key, standard: true });
    }
  });
});

describe('structuralRow', () => {
  it('places a misprinted item under the group it continues, at its number', () => {
    expect(structuralRow('2.其他法律行政止公开', { lastKey: 'denied.stateSecret' })).toBe(
      'denied.lawForbidden',
    );
  });
  it('takes the group printed with the item', () => {
    expect(structuralRow('（五）不予处理 2.重复申清', { lastKey: null })).toBe('notProcessed.repeat');
  });
  it('moves to the next group when the numbering starts again at 1', () => {
    expect(structuralRow('1.本机关不掌握', { lastKey: 'denied.adminQuery' })).toBe('unable.notHeld');
    expect(structuralRow('1.属于国家秘', { lastKey: 'partial' })).toBe('denied.stateSecret');
  });
  it('names no row for an unnumbered label or a number the group does not have', () => {
    expect(structuralRow('（一）予以公开', { lastKey: 'carriedOver' })).toBeNull();
    expect(structuralRow('9.其他', { lastKey: 'denied.adminQuery' })).toBeNull();
  });
});
