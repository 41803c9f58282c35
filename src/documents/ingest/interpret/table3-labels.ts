import {
  TABLE3_GROUPS,
  TABLE3_OUTCOME_CAPTION,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  type Table3Group,
  type Table3RowKey,
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
}

/** Variants real reports print, with the official wording they stand for (rule N-09). */
const KNOWN_VARIANTS: Array<[RegExp, string, string]> = [
  [/法律法规禁止公开$/, '其他法律行政法规禁止公开', '“法律法规”与“法律行政法规”范围不同'],
];

const ITEM_MARK = /(\d{1,2})\.(?=\D)/g;
const TOP_MARK = /\((一|二|三|四|五|六|七)\)/g;

function itemText(key: Table3RowKey): string {
  return normalizeLabel(TABLE3_ROW_LABELS[key]).replace(/^\d+\./, '');
}

const LEAVES = TABLE3_ROW_KEYS.filter((k) => k.includes('.')).map((key) => ({ key, text: itemText(key) }));

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
    for (const [pattern, official, why] of KNOWN_VARIANTS) {
      const leaf = LEAVES.find((l) => l.text === official);
      if (leaf && pattern.test(text))
        return { key: leaf.key, printed: item.rest, standard: false, knownVariant: why };
    }
    // A near miss (a missing or wrong character) counts only when the item number is the official one.
    const number = item.rest.replace(/\..*$/, '');
    const near = LEAVES.map((l) => ({ ...l, d: editDistance(l.text, text, 3) }))
      .filter((l) => TABLE3_ROW_LABELS[l.key].startsWith(`${number}.`))
      .filter((l) => l.d <= Math.max(1, Math.floor(l.text.length / 6)))
      .sort((a, b) => a.d - b.d)[0];
    if (near) return { key: near.key, printed: item.rest, standard: false };
    // "3.其他" is only a leaf of （六）; anything else numbered is not a row of this table.
    return null;
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
