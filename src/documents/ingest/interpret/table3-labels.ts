import { canonicalLabel, findVariant, TABLE3_ROW_VARIANTS } from '../../../core/report/label-variants.ts';
import {
  TABLE3_GROUPS,
  TABLE3_OUTCOME_CAPTION,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  type Table3Group,
  type Table3RowKey,
  table3Group,
} from '../../../core/report/labels.ts';
import { editDistance, normalizeLabel } from '../../../core/report/normalize-text.ts';

export interface RowMatch {
  key: Table3RowKey;
  /** The row's own caption as printed (group captions and stray fragments removed). */
  printed: string;
  /** True when the printed caption equals the official one after width/spacing normalisation. */
  standard: boolean;
  /** A known variant with a different legal meaning (e.g. 法律法规 for 法律行政法规). */
  knownVariant?: string;
  /** True when only a similar caption (a missing or wrong character) identified the row. */
  near?: boolean;
  /** True when the table's structure (group and item number) placed the row, not its caption. */
  byStructure?: boolean;
}

const ITEM_MARK = /(\d{1,2})\.(?=\D)/g;
const TOP_MARK = /\((一|二|三|四|五|六|七)\)/g;

function itemText(key: Table3RowKey): string {
  return normalizeLabel(TABLE3_ROW_LABELS[key]).replace(/^\d+\./, '');
}

const LEAVES = TABLE3_ROW_KEYS.filter((k) => k.includes('.')).map((key) => ({
  key,
  text: itemText(key),
  canonical: canonicalLabel(itemText(key)),
}));

/** The item number a leaf is printed with ("2." of "2.重复申请"). */
export function itemNumber(key: Table3RowKey): number | null {
  const m = /^(\d+)\./.exec(TABLE3_ROW_LABELS[key]);
  return m && key.includes('.') ? Number(m[1]) : null;
}

const GROUP_ORDER = Object.keys(TABLE3_GROUPS) as Table3Group[];

function groupOf(text: string): Table3Group | null {
  for (const [group, caption] of Object.entries(TABLE3_GROUPS) as Array<[Table3Group, string]>) {
    const c = normalizeLabel(caption).replace(/^\(.\)/, '');
    if (text.includes(c)) return group;
  }
  return null;
}

function tail(text: string, mark: RegExp): { at: number; rest: string } | null {
  let found: RegExpExecArray | null = null;
  for (const m of text.matchAll(mark)) found = m as RegExpExecArray;
  if (!found) return null;
  return { at: found.index, rest: text.slice(found.index) };
}

function topLevel(n: string): Table3RowKey | null {
  if (n.includes('本年新收')) return 'newReceived';
  if (n.includes('上年结转')) return 'carriedOver';
  if (n.includes('结转下年度')) return 'carriedForward';
  if (/\(七\)|^总计$|^合计$/.test(n) || (n.endsWith('总计') && !/\d\./.test(n))) return 'totalConcluded';
  if (n.includes('部分公开')) return 'partial';
  if (n.includes('予以公开') && !n.includes('不予公开')) return 'granted';
  return null;
}

const matchCache = new Map<string, RowMatch | null>();
const MAX_CACHED = 20_000;

/**
 * Identifies the table-三 row a printed label stands for, by its own caption and not by its
 * position: group captions before the item ("（三）不予公开"), the outcome caption, and stray
 * fragments of a neighbouring cell ("理") are tolerated; so are a missing character and the known
 * variants. Returns null for header text and anything that is not a row of the form.
 */
export function matchTable3Row(label: string): RowMatch | null {
  const cached = matchCache.get(label);
  if (cached !== undefined) return cached;
  const match = matchUncached(label);
  if (matchCache.size >= MAX_CACHED) matchCache.clear();
  matchCache.set(label, match);
  return match;
}

function matchUncached(label: string): RowMatch | null {
  const n = normalizeLabel(label).replace(normalizeLabel(TABLE3_OUTCOME_CAPTION), '');
  if (n === '') return null;
  const item = tail(n, ITEM_MARK);
  if (item && !/^\d+\.\d/.test(item.rest)) {
    const text = item.rest.replace(/^\d+\./, '');
    const exact = LEAVES.find((l) => l.text === text);
    if (exact)
      return {
        key: exact.key,
        printed: item.rest,
        standard: item.rest === normalizeLabel(TABLE3_ROW_LABELS[exact.key]),
      };
    const canonical = canonicalLabel(text);
    const same = LEAVES.find((l) => l.canonical === canonical);
    if (same) return { key: same.key, printed: item.rest, standard: false };
    const variant = findVariant(TABLE3_ROW_VARIANTS, text);
    if (variant?.row.includes('.'))
      return {
        key: variant.row,
        printed: item.rest,
        standard: false,
        ...(variant.differs ? { knownVariant: variant.differs } : {}),
      };
    // A near miss (a missing or wrong character) counts only when the item number is the official one.
    const number = item.rest.replace(/\..*$/, '');
    const near = LEAVES.map((l) => ({ ...l, d: editDistance(l.text, text, 3) }))
      .filter((l) => TABLE3_ROW_LABELS[l.key].startsWith(`${number}.`))
      .filter((l) => l.d <= Math.max(1, Math.floor(l.text.length / 6)))
      .sort((a, b) => a.d - b.d)[0];
    if (near) return { key: near.key, printed: item.rest, standard: false, near: true };
    // "3.其他" is only a leaf of （六）; anything else numbered is not a row of this table.
    return null;
  }
  const unmarked = n.replace(/^(?:[一二三四]、|\([一二三四五六七]\))/, '');
  const variant = findVariant(TABLE3_ROW_VARIANTS, unmarked);
  if (variant && !variant.row.includes('.')) {
    const mark = tail(n, TOP_MARK) ?? tail(n, /[一二四]、/g);
    return { key: variant.row, printed: mark ? mark.rest : n, standard: false };
  }
  const top = topLevel(n);
  if (top) {
    const official = normalizeLabel(TABLE3_ROW_LABELS[top]);
    if (n.endsWith(official)) return { key: top, printed: official, standard: true };
    const mark = tail(n, TOP_MARK) ?? tail(n, /[一二四]、/g);
    return { key: top, printed: mark ? mark.rest : n, standard: false };
  }
  return null;
}

/** A label that is only a group caption ("（六）其他处理"): a merged or subtotal row when it carries values. */
export function matchGroupCaption(label: string): Table3Group | null {
  const n = normalizeLabel(label).replace(normalizeLabel(TABLE3_OUTCOME_CAPTION), '');
  if (ITEM_MARK.test(n)) {
    ITEM_MARK.lastIndex = 0;
    return null;
  }
  ITEM_MARK.lastIndex = 0;
  return groupOf(n);
}

/** Where the reader is in the table: the last row placed, for placing the next by structure. */
export interface Table3Cursor {
  lastKey: Table3RowKey | null;
}

/**
 * The row a numbered label stands for by the table's structure alone: its group (the group
 * caption printed with it, or the group it continues, or the next group when the numbering
 * restarts at 1) and its item number. Null when the label carries no item number or the
 * structure does not name a row of the form.
 */
export function structuralRow(label: string, cursor: Table3Cursor): Table3RowKey | null {
  const n = normalizeLabel(label).replace(normalizeLabel(TABLE3_OUTCOME_CAPTION), '');
  const item = tail(n, ITEM_MARK);
  if (!item) return null;
  const number = Number(/^(\d+)/.exec(item.rest)?.[1]);
  const printedGroup = groupOf(n.slice(0, item.at));
  const last = cursor.lastKey;
  const lastGroup = last ? table3Group(last) : null;
  let group: Table3Group | null = printedGroup;
  if (!group && lastGroup) {
    const lastNumber = itemNumber(last!) ?? 0;
    group = number > lastNumber ? lastGroup : (GROUP_ORDER[GROUP_ORDER.indexOf(lastGroup) + 1] ?? null);
  } else if (!group && (last === 'partial' || last === 'granted') && number === 1) {
    group = 'denied';
  }
  if (!group) return null;
  return TABLE3_ROW_KEYS.find((k) => table3Group(k) === group && itemNumber(k) === number) ?? null;
}
