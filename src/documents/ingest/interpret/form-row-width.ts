import {
  TABLE2_LABELS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_KEYS,
} from '../../../core/report/labels.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';

const TABLE2_THREE_COLUMN_ROWS = [TABLE2_LABELS.regulations, TABLE2_LABELS.normativeDocuments].map(
  normalizeLabel,
);
const TABLE3_WIDTH = TABLE3_COLUMNS.length;
/** Table 四 is one data row of three groups of five. */
export const TABLE4_WIDTH = TABLE4_COLUMNS.length * TABLE4_GROUP_KEYS.length;

/**
 * How many value cells the form's row labelled `label` has, in section `section` (1 … 6) of the
 * report; null outside the tables. Used by readers of text that lost the table structure (one cell
 * per line, Word 97 cell marks) to rebuild rows by the form's shape.
 */
export function formRowWidth(section: number, label: string): number | null {
  if (section === 3) return TABLE3_WIDTH;
  if (section === 4) return TABLE4_WIDTH;
  if (section === 2) {
    const n = normalizeLabel(label);
    // "规范性文件" is a variant of 行政规范性文件 some pages print.
    if (TABLE2_THREE_COLUMN_ROWS.some((l) => n.endsWith(l) || n.endsWith(l.slice(-5)))) return 3;
    return 1;
  }
  return null;
}
