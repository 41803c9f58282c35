import { FORMAT_2019_MARKERS, TABLE3_2019_OTHER_LABEL } from '../../../core/report/format-2019.ts';
import {
  SECTION_CAPTIONS,
  TABLE2_LABELS,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  type Table3RowKey,
  table3FullLabel,
} from '../../../core/report/labels.ts';
import { compact } from '../../../core/report/normalize-text.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import { CAPTION_KEYS } from '../interpret/sections.ts';
import type { SourceLine } from '../source-document.ts';
import { readTable2Of2019Concatenated } from './concatenated-2019.ts';
import { quoteCandidates, row, SPLIT_NOTE, UNDECIDED } from './concatenated-cells.ts';
import { readTable4 } from './concatenated-table4.ts';
import { splitConcatenatedTail } from './concatenated-tail.ts';
import { splitBySums, splitFree } from './split-digits.ts';

/**
 * Crawled text that lost every separator: the whole report on one line, table cells run together
 * ("行政规范性文件6233440", "一、本年新收政府信息公开申请数量21710000218"). The sections are found
 * inline by their captions; each row's digit run is split by the table's own arithmetic (row
 * totals, then the column identities of table 三, group totals of table 四). A split that is not
 * unique is not guessed: its cells are read as blank and a finding names the candidates.
 */

const NUMERALS = '一二三四五六';
const norm = (text: string): string => compact(text).replace(/["“”「」『』]/g, '"');

/** True when one line holds at least three section captions and table 三's first row label. */
export function looksConcatenated(physical: readonly string[]): boolean {
  return physical.some((raw) => {
    if (raw.length < 400) return false;
    const text = norm(raw);
    if (!text.includes(norm(TABLE3_ROW_LABELS.newReceived))) return false;
    return SECTION_CAPTIONS.filter((c) => text.includes(norm(c))).length >= 3;
  });
}

export interface ConcatenatedReading {
  lines: SourceLine[];
  findings: Finding[];
}

/** The item number of a grouped label ("1.属于国家秘密" → "1."), '' otherwise. */
const itemNumber = (label: string): string => /^\d+\./.exec(norm(label))?.[0] ?? '';
const core = (label: string): string => norm(label).slice(itemNumber(label).length);

/** Reads one concatenated text (normalised: NFKC, no whitespace) into lines and reading findings. */
export function readConcatenated(text: string): ConcatenatedReading {
  const t = norm(text);
  const lines: SourceLine[] = [];
  const findings: Finding[] = [];
  const at: number[] = [];
  let from = 0;
  const captionEnd: number[] = [];
  SECTION_CAPTIONS.forEach((caption, n) => {
    let i = t.indexOf(norm(caption), from);
    let end = i + norm(caption).length;
    if (i < 0) {
      // A caption worded differently ("五、存在问题及改进情况"): its numeral and keyword.
      const m = new RegExp(
        `${NUMERALS[n]}、[^、。，]{0,12}?(?:${CAPTION_KEYS[n]!.source})[^、。，\\d]{0,8}?情况`,
      ).exec(t.slice(from));
      i = m ? from + m.index : -1;
      end = m ? i + m[0].length : -1;
    }
    at.push(i);
    captionEnd.push(end);
    if (i >= 0) from = end;
  });
  const starts = at.filter((i) => i >= 0);
  const sectionText = (n: number): string => {
    const i = at[n - 1]!;
    if (i < 0) return '';
    const begin = captionEnd[n - 1]!;
    const end = starts.find((s) => s > i) ?? t.length;
    return t.slice(begin, end);
  };
  const paragraph = (s: string) => {
    if (s !== '') lines.push({ cells: [s], inTable: false, line: 1 });
  };
  paragraph(t.slice(0, starts[0] ?? t.length));
  // DOMAIN.md §A.7: the format is told by table 二's header.
  const format2019 = FORMAT_2019_MARKERS.test(sectionText(2));
  for (let n = 1; n <= 6; n += 1) {
    if (at[n - 1]! < 0) continue;
    paragraph(t.slice(at[n - 1]!, captionEnd[n - 1]!));
    const body = sectionText(n);
    if (n === 2 && format2019) readTable2Of2019Concatenated(body, lines, findings, SPLIT_NOTE);
    else if (n === 2) readTable2(body, lines, findings);
    else if (n === 3) readTable3(body, lines, findings, format2019);
    else if (n === 4) readTable4(body, lines, findings);
    else if (n === 6) splitConcatenatedTail(body).forEach(paragraph);
    else paragraph(body);
  }
  return { lines, findings };
}

const TABLE2_ROWS = [
  { label: TABLE2_LABELS.regulations, count: 3 },
  { label: TABLE2_LABELS.normativeDocuments, count: 3 },
  { label: TABLE2_LABELS.licensing, count: 1 },
  { label: TABLE2_LABELS.punishment, count: 1 },
  { label: TABLE2_LABELS.coercion, count: 1 },
  { label: TABLE2_LABELS.fees, count: 1 },
];

function readTable2(body: string, lines: SourceLine[], findings: Finding[]): void {
  let from = 0;
  for (const r of TABLE2_ROWS) {
    const i = body.indexOf(norm(r.label), from);
    if (i < 0) continue;
    from = i + norm(r.label).length;
    const digits =
      (r.count === 1 ? /^(\d+(?:\.\d+)?|[/／—-])/ : /^[\d/／—-]+/).exec(body.slice(from))?.[0] ?? '';
    from += digits.length;
    if (r.count === 1) {
      lines.push(row(r.label, [digits], false, 0));
      continue;
    }
    if (/^[/／—-]{3}$/.test(digits)) {
      lines.push(row(r.label, [...digits], false, 0));
      continue;
    }
    const { candidates, capped } = /^\d+$/.test(digits)
      ? splitFree(digits, 3)
      : { candidates: [], capped: false };
    // Within a year, 本年制发 ≤ 现行有效 + 本年废止 (a document issued this year is in force or repealed).
    const plausible = candidates.filter(([issued, repealed, inForce]) => issued! <= inForce! + repealed!);
    if (plausible.length === 1 && !capped) {
      lines.push(row(r.label, plausible[0]!.map(String), true, 0));
    } else {
      lines.push(row(r.label, [UNDECIDED, UNDECIDED, UNDECIDED], false, 0));
      findings.push(
        violation(
          'T2-01',
          `表二“${r.label}”行的数字连在一起（“${digits}”），无法唯一拆分为三列，按空白处理；${quoteCandidates(plausible, capped)}`,
          { table: 'table2', rowLabel: r.label, source: { line: 1, text: `${r.label}${digits}` } },
          'warning',
        ),
      );
    }
  }
}

/**
 * A row of table 三 as this reader splits it: a 2021 row, or （六）其他处理 printed as one row in the
 * 2019 format (in place of the 2021 format's three items).
 */
const OTHER_2019 = 'otherHandling2019';
type RowKey = Table3RowKey | typeof OTHER_2019;
const OTHER_KEYS = TABLE3_ROW_KEYS.filter((k) => k.startsWith('other.'));
const rowLabel = (key: RowKey): string =>
  key === OTHER_2019 ? TABLE3_2019_OTHER_LABEL : TABLE3_ROW_LABELS[key];
const fullLabel = (key: RowKey): string =>
  key === OTHER_2019 ? TABLE3_2019_OTHER_LABEL : table3FullLabel(key);
/** The rows of table 三 in printed order, in either format. */
function rowKeys(format2019: boolean): RowKey[] {
  if (!format2019) return [...TABLE3_ROW_KEYS];
  const keys: RowKey[] = TABLE3_ROW_KEYS.filter((k) => !OTHER_KEYS.includes(k));
  keys.splice(keys.indexOf('totalConcluded'), 0, OTHER_2019);
  return keys;
}

function readTable3(body: string, lines: SourceLine[], findings: Finding[], format2019: boolean): void {
  const width = TABLE3_COLUMNS.length;
  const found: Array<{ key: RowKey; label: string; digits: string }> = [];
  let from = 0;
  const keys = rowKeys(format2019);
  const positions = keys.map((key) => {
    const i = body.indexOf(core(rowLabel(key)), from);
    if (i >= 0) from = i + core(rowLabel(key)).length;
    return i;
  });
  keys.forEach((key, k) => {
    const start = positions[k]!;
    if (start < 0) return;
    const end = start + core(rowLabel(key)).length;
    const nextStart = positions.slice(k + 1).find((p) => p >= 0) ?? body.length;
    let segment = body.slice(end, nextStart);
    const nextKey = keys[positions.findIndex((p, j) => j > k && p >= 0)];
    const nextItem = nextKey ? itemNumber(rowLabel(nextKey)) : '';
    if (nextItem && segment.endsWith(nextItem)) segment = segment.slice(0, -nextItem.length);
    let digits = /^\d*/.exec(segment)![0];
    // Digits followed by "." end with the item number of a row whose label was not recognised ("2.其他…").
    if (segment[digits.length] === '.' && digits.length > 0) digits = digits.slice(0, -1);
    found.push({ key, label: fullLabel(key), digits });
  });
  // A 法人小计 column (an eighth number per row) breaks the row arithmetic: nothing is split.
  const subtotal = body.slice(0, positions.find((p) => p >= 0) ?? 0).includes('小计');
  const choices: Choices = new Map();
  for (const f of found)
    choices.set(
      f.key,
      subtotal ? { candidates: [], capped: false } : splitBySums(f.digits, 1, width, MAX_ROW_CANDIDATES),
    );
  const identities = identitiesOf(format2019);
  narrowByColumns(choices, identities);
  const extras = new Map<RowKey, number>();
  if (!subtotal) {
    for (let more = true; more; ) {
      more = false;
      for (const f of found) {
        const c = choices.get(f.key)!;
        if (c.candidates.length > 0 || c.capped || f.digits.length <= width) continue;
        const extra = readWithExtra(f.key, f.digits, choices, identities);
        if (extra === null) continue;
        extras.set(f.key, extra);
        narrowByColumns(choices, identities);
        more = true;
      }
    }
  }
  for (const f of found) {
    const { candidates, capped } = choices.get(f.key)!;
    if (candidates.length === 1 && !capped) {
      const extra = extras.get(f.key);
      const cells = candidates[0]!.map(String);
      lines.push(row(f.label, extra === undefined ? cells : [...cells, String(extra)], true, 1));
      continue;
    }
    lines.push(row(f.label, Array<string>(width).fill(UNDECIDED), false, 1));
    findings.push(
      violation(
        'T3-04',
        `表三“${f.label}”行的数字连在一起（“${f.digits}”），无法按勾稽关系唯一拆分为七列，按空白处理；${quoteCandidates(candidates, capped)}`,
        {
          table: 'table3',
          ...(f.key === OTHER_2019 ? {} : { rowKey: f.key }),
          rowLabel: f.label,
          source: { line: 1, text: `${f.label}${f.digits}` },
        },
        'warning',
      ),
    );
  }
}

/**
 * Narrows the rows' candidate splits by table 三's column identities: （七）总计 = Σ the 21 outcome
 * rows, and 一 + 二 = （七）+ 四. The combinations of the undecided rows' candidates are tried
 * against every column; a row whose candidate is the same in every combination that fits is decided.
 */
/** Most combinations of the open rows' candidates tried for one identity. */
const MAX_COMBINATIONS = 2_000;
/** Candidates kept per row: more means the list is incomplete and not used to narrow others. */
const MAX_ROW_CANDIDATES = 50;
const isComplete = (c: { candidates: number[][]; capped: boolean } | undefined): boolean =>
  c !== undefined && !c.capped && c.candidates.length > 0 && c.candidates.length < MAX_ROW_CANDIDATES;

/** Table 三's column identities as signed terms summing to zero in every column (T3-02, T3-01). */
type Identities = Array<Array<[RowKey, 1 | -1]>>;
const identitiesOf = (format2019: boolean): Identities => [
  [
    ...TABLE3_OUTCOME_KEYS.filter((k) => !format2019 || !OTHER_KEYS.includes(k)).map((k): [RowKey, 1] => [
      k,
      1,
    ]),
    ...(format2019 ? [[OTHER_2019, 1] as [RowKey, 1]] : []),
    ['totalConcluded', -1],
  ],
  [
    ['newReceived', 1],
    ['carriedOver', 1],
    ['totalConcluded', -1],
    ['carriedForward', -1],
  ],
];

type Choices = Map<RowKey, { candidates: number[][]; capped: boolean }>;

const decidedIn = (choices: Choices, key: RowKey): number[] | null => {
  const c = choices.get(key);
  return c && c.candidates.length === 1 && !c.capped ? c.candidates[0]! : null;
};

/**
 * A row printed with more numbers than the form's seven (an extra column): when an identity
 * whose other rows are all decided gives its seven values and its digits start with exactly
 * those, the rest of the digits is one extra cell. Returns that cell, or null.
 */
function readWithExtra(key: RowKey, digits: string, choices: Choices, identities: Identities): number | null {
  for (const terms of identities) {
    const own = terms.find(([k]) => k === key);
    if (!own || terms.some(([k]) => k !== key && decidedIn(choices, k) === null)) continue;
    const need = TABLE3_COLUMNS.map((_, c) => {
      let sum = 0;
      for (const [k, s] of terms) if (k !== key) sum += s * decidedIn(choices, k)![c]!;
      return -sum * own[1];
    });
    if (need.some((v) => v < 0)) continue;
    const printed = need.join('');
    const rest = digits.slice(printed.length);
    if (!digits.startsWith(printed) || !/^(0|[1-9]\d{0,6})$/.test(rest)) continue;
    choices.set(key, { candidates: [need], capped: false });
    return Number(rest);
  }
  return null;
}

function narrowByColumns(choices: Choices, identities: Identities): void {
  const decided = (key: RowKey): number[] | null => decidedIn(choices, key);
  for (let changed = true; changed; ) {
    changed = false;
    for (const terms of identities) {
      const open = terms.filter(([k]) => decided(k) === null);
      if (open.length === 0 || open.some(([k]) => !isComplete(choices.get(k)))) continue;
      let combos = 1;
      for (const [k] of open) combos *= choices.get(k)!.candidates.length;
      if (combos > MAX_COMBINATIONS) continue;
      const fixed = TABLE3_COLUMNS.map((_, c) => {
        let sum = 0;
        for (const [k, sign] of terms) if (decided(k) !== null) sum += sign * decided(k)![c]!;
        return sum;
      });
      // Which candidate of each open row appears in some combination that satisfies every column.
      const used = open.map(() => new Set<number>());
      const pick: number[] = [];
      const walk = (r: number): void => {
        if (r === open.length) {
          const ok = fixed.every((base, c) => {
            let sum = base;
            open.forEach(([k, sign], j) => {
              sum += sign * choices.get(k)!.candidates[pick[j]!]![c]!;
            });
            return sum === 0;
          });
          if (ok) {
            for (const [j, p] of pick.entries()) used[j]!.add(p);
          }
          return;
        }
        for (let p = 0; p < choices.get(open[r]![0])!.candidates.length; p += 1) {
          pick[r] = p;
          walk(r + 1);
        }
      };
      walk(0);
      open.forEach(([k], j) => {
        const choice = choices.get(k)!;
        if (used[j]!.size === 1) {
          choices.set(k, { candidates: [choice.candidates[[...used[j]!][0]!]!], capped: false });
          changed = true;
        } else if (used[j]!.size > 1 && used[j]!.size < choice.candidates.length) {
          choices.set(k, { candidates: choice.candidates.filter((_, p) => used[j]!.has(p)), capped: false });
        }
      });
    }
  }
}
