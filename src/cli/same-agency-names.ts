import { normalizeAgencyName } from '../core/region/agency-names.ts';
import { UsageError } from './exit.ts';

/**
 * Which printed agency names are one agency, for pairing a folder's reports of consecutive years
 * (Y-01) across a rename: seed 000 (中卫市云计算和大数据发展局, 2024) and seed 001 (中卫市数据局, 2025).
 * Maps a normalized name to the key of its agency; a name not in it is its own agency.
 */
export type SameAgencyNames = ReadonlyMap<string, string>;

/** `--same-agency "旧名=新名"` (several names joined by “=”, the option repeatable) → groups of names. */
export function parseSameAgencyOptions(values: readonly string[]): string[][] {
  return values.map((value) => {
    const names = value
      .split(/[=＝]/)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (names.length < 2)
      throw new UsageError(
        `--same-agency “${value}”无效：应为“旧名称=新名称”，如“中卫市云计算和大数据发展局=中卫市数据局”`,
      );
    return names;
  });
}

/** One key per group (names in several groups join them: A=B and B=C make A, B, C one agency). */
export function sameAgencyNames(groups: readonly (readonly string[])[]): SameAgencyNames {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const group of groups) {
    const keys = group.map(normalizeAgencyName);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    const root = find(keys[0]!);
    for (const k of keys.slice(1)) {
      const other = find(k);
      if (other !== root) parent.set(other, root);
    }
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

/** The key of the agency a report's printed name designates. */
export function agencyKeyOf(names: SameAgencyNames, printed: string): string {
  const key = normalizeAgencyName(printed);
  return names.get(key) ?? key;
}
