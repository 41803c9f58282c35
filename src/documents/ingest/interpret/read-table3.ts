import {
  TABLE3_GROUPS,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  type Table3Group,
  type Table3RowKey,
  table3FullLabel,
  table3Group,
} from '../../../core/report/labels.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';
import type { ExtraCell, ExtraRow, SourceRef, Table3 } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import type { SourceLine } from '../source-document.ts';
import { hasValues, pickCells, splitLine } from './cell-values.ts';
import { sourceOf } from './source-ref.ts';
import { matchGroupCaption, matchTable3Row, type RowMatch, structuralRow } from './table3-labels.ts';

const HEADER_WORDS = [
  '勾稽',
  '申请人情况',
  '法人或其他组织',
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
];

export interface Table3Reading {
  table3: Table3;
  extraCells: ExtraCell[];
  extraRows: ExtraRow[];
  provenance: Record<string, SourceRef>;
  findings: Finding[];
  /** Rows the document does not print at all (their cells are null). */
  missingRows: Table3RowKey[];
  /** Labels of extra rows that print a whole group as one row (the group's items are missing rows). */
  mergedRows: string[];
}

/**
 * Reads table 三 from the lines of its section. Rows are identified by their caption, not by
 * position; captions that wrap over several lines are joined; the seven values are read in the
 * form's column order (header text split over lines cannot be trusted for order).
 */
export function readTable3(lines: readonly SourceLine[]): Table3Reading {
  const table3 = Object.fromEntries(
    TABLE3_ROW_KEYS.map((k) => [k, [null, null, null, null, null, null, null]]),
  ) as Table3;
  const seen = new Set<Table3RowKey>();
  const reading: Table3Reading = {
    table3,
    extraCells: [],
    extraRows: [],
    provenance: {},
    findings: [],
    missingRows: [],
    mergedRows: [],
  };
  const split = lines.map((line) => ({ line, ...splitLine(line) }));
  const subtotalColumn = split.some((s) => !hasValues(s.values) && s.line.cells.join('').includes('小计'));
  let pending = '';
  const groupRows = new Map<ExtraRow, Table3Group>();
  let lastGroup: Table3Group | null = null;
  let lastKey: Table3RowKey | null = null;
  for (let i = 0; i < split.length; i += 1) {
    const { line, label, values } = split[i]!;
    if (!hasValues(values)) {
      // A row of the form printed with every cell blank (T3-04), not a caption that wraps.
      const blank = values.length >= 7 ? matchTable3Row(label) : null;
      if (blank && !seen.has(blank.key)) {
        seen.add(blank.key);
        lastKey = blank.key;
        lastGroup = table3Group(blank.key);
        reading.provenance[`table3.${blank.key}`] = sourceOf(line);
        const n09 = labelFinding(blank, sourceOf(line));
        if (n09) reading.findings.push(n09);
        pending = '';
        continue;
      }
      pending = HEADER_WORDS.some((w) => label.includes(w)) ? '' : `${pending}${label}`;
      continue;
    }
    const source = sourceOf(line);
    let match = matchTable3Row(label) ?? matchTable3Row(`${pending}${label}`);
    // A caption that wraps below its values (values centred in a two-line cell) continues on the next line.
    const next = split[i + 1];
    if (!match && next && !hasValues(next.values) && next.label !== '') {
      match = matchTable3Row(`${label}${next.label}`) ?? matchTable3Row(`${pending}${label}${next.label}`);
      if (match) i += 1;
    }
    const fullLabel = `${pending}${label}`;
    pending = '';
    // Structure first: a numbered row sits under its group at its number; its caption is evidence.
    // A caption that only resembles another row (or none) does not move it (rule N-09, info).
    const structural = structuralRow(fullLabel, { lastKey });
    if (structural && !seen.has(structural) && (!match || (match.near && match.key !== structural))) {
      match = byStructure(fullLabel, structural);
    }
    if (!match) {
      // "小计" under a group (its caption sits in a merged cell of an earlier row) is that group's subtotal.
      const bare = /^(小计|合计)$/.test(normalizeLabel(label)) && lastGroup ? lastGroup : null;
      if (bare) {
        const row: ExtraRow = {
          table: 'table3',
          label: `${TABLE3_GROUPS[bare]} ${label.trim()}`,
          values: pickCells(values, 7).cells,
          source,
        };
        groupRows.set(row, bare);
        reading.extraRows.push(row);
        continue;
      }
      const group = matchGroupCaption(fullLabel);
      const { cells } = pickCells(values, 7);
      if (group || fullLabel.trim() !== '') {
        const row: ExtraRow = { table: 'table3', label: fullLabel.trim(), values: cells, source };
        if (group) groupRows.set(row, group);
        reading.extraRows.push(row);
      }
      continue;
    }
    if (seen.has(match.key)) {
      reading.findings.push(
        violation('T3-05', `“${table3FullLabel(match.key)}”行出现了两次，第二次的数值未采用`, {
          table: 'table3',
          rowKey: match.key,
          rowLabel: table3FullLabel(match.key),
          source,
        }),
      );
      continue;
    }
    seen.add(match.key);
    lastKey = match.key;
    lastGroup = table3Group(match.key);
    let { cells, extra } = pickCells(values, subtotalColumn ? 8 : 7);
    const positions: number[] = [];
    if (subtotalColumn && cells.length === 8) {
      // A 法人小计 column printed between 其他 and 总计: keep it aside as an extra cell.
      extra = [cells[6]!, ...extra];
      positions.push(7);
      cells = [...cells.slice(0, 6), cells[7]!];
    }
    table3[match.key] = cells;
    reading.provenance[`table3.${match.key}`] = source;
    extra.forEach((value, i) => {
      const position = positions[i] ?? 8 + i - positions.length;
      const label = position === 7 && subtotalColumn ? { label: '法人小计' } : {};
      reading.extraCells.push({ table: 'table3', row: match.key, position, value, ...label, source });
    });
    const n09 = labelFinding(match, source);
    if (n09) reading.findings.push(n09);
  }
  for (const key of TABLE3_ROW_KEYS) {
    if (seen.has(key)) continue;
    reading.missingRows.push(key);
  }
  // A row captioned only by a group is a subtotal when the group's items are printed too (T3-06),
  // otherwise the group is printed as one row, as the 2019 trial format did for （六）其他处理: its
  // items stay null and one finding says so (not one "missing row" per item).
  const mergedGroups = new Set<Table3Group>();
  for (const [row, group] of groupRows) {
    if (TABLE3_ROW_KEYS.some((k) => table3Group(k) === group && seen.has(k))) {
      row.subtotalOf = group;
      continue;
    }
    mergedGroups.add(group);
    reading.mergedRows.push(row.label);
    const items = TABLE3_ROW_KEYS.filter((k) => table3Group(k) === group);
    reading.findings.push(
      violation(
        'T3-05',
        `表三“${TABLE3_GROUPS[group]}”只印了一行（2019年试行格式的写法），没有分列${items.map((k) => `“${TABLE3_ROW_LABELS[k]}”`).join('、')}${items.length}项；这${items.length}项按未填写处理，该行的数值单独列出`,
        { table: 'table3', rowLabel: row.label, ...(row.source ? { source: row.source } : {}) },
      ),
    );
  }
  const unexplained = reading.missingRows.filter((k) => {
    const group = table3Group(k);
    return !(group && mergedGroups.has(group));
  });
  if (unexplained.length > 0 && reading.missingRows.length < TABLE3_ROW_KEYS.length) {
    const merged = reading.extraRows
      .filter((r) => !r.subtotalOf && !reading.mergedRows.includes(r.label))
      .map((r) => `“${r.label}”`)
      .join('、');
    for (const key of unexplained) {
      reading.findings.push(
        violation('T3-05', `表三缺少“${table3FullLabel(key)}”行${merged ? `（可能并入了${merged}）` : ''}`, {
          table: 'table3',
          rowKey: key,
          rowLabel: table3FullLabel(key),
        }),
      );
    }
  }
  return reading;
}

/** A row placed by its group and number although its caption names no row (or another one). */
function byStructure(label: string, key: Table3RowKey): RowMatch {
  const n = normalizeLabel(label);
  const number = TABLE3_ROW_LABELS[key].replace(/\..*$/, '');
  const at = n.lastIndexOf(`${number}.`);
  return { key, printed: at >= 0 ? n.slice(at) : n, standard: false, byStructure: true };
}

/** N-09 for a caption that is not the official one (a warning when the variant means something else). */
function labelFinding(match: RowMatch, source: SourceRef): Finding | null {
  if (match.standard) return null;
  return violation(
    'N-09',
    match.knownVariant
      ? `行标题“${match.printed}”与标准格式“${TABLE3_ROW_LABELS[match.key]}”不一致：${match.knownVariant}`
      : match.byStructure
        ? `行标题“${match.printed}”与其所在位置的标准标题“${TABLE3_ROW_LABELS[match.key]}”不一致，按表格结构读作该行`
        : `行标题“${match.printed}”与标准格式“${TABLE3_ROW_LABELS[match.key]}”不一致`,
    { table: 'table3', rowKey: match.key, rowLabel: table3FullLabel(match.key), source },
    match.knownVariant ? 'warning' : 'info',
  );
}
