import { TABLE2_2019_COLUMNS, TABLE2_2019_ROWS } from '../../../core/report/format-2019.ts';
import {
  TABLE2_LABELS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_KEYS,
} from '../../../core/report/labels.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';
import { table2Of2019RowOf } from './read-table2-2019.ts';

const TABLE2_THREE_COLUMN_ROWS = [TABLE2_LABELS.regulations, TABLE2_LABELS.normativeDocuments].map(
  normalizeLabel,
);
const TABLE3_WIDTH = TABLE3_COLUMNS.length;
/** Table 四 is one data row of three groups of five. */
export const TABLE4_WIDTH = TABLE4_COLUMNS.length * TABLE4_GROUP_KEYS.length;

/**
 * How many value cells the form's row labelled `label` has, in section `section` (1 … 6) of the
 * report; null outside the tables. Used by readers of text that lost the table structure (one cell
 * per line, Word 97 cell marks) to rebuild rows by the form's shape. `format2019`: table 二 is
 * the 2019 format's (国办公开办函〔2019〕60号), whose rows have their own columns.
 */
export function formRowWidth(section: number, label: string, format2019 = false): number | null {
  if (section === 3) return TABLE3_WIDTH;
  if (section === 4) return TABLE4_WIDTH;
  if (section === 2 && format2019) {
    const row = table2Of2019RowOf(label);
    const kind = row && TABLE2_2019_ROWS.find((r) => r.key === row.key)!.kind;
    return kind ? TABLE2_2019_COLUMNS[kind].length : null;
  }
  if (section === 2) {
    const n = normalizeLabel(label);
    // "规范性文件" is a variant of 行政规范性文件 some pages print.
    if (TABLE2_THREE_COLUMN_ROWS.some((l) => n.endsWith(l) || n.endsWith(l.slice(-5)))) return 3;
    return 1;
  }
  return null;
}
