/**
 * The form of an agency name used to match a report to an agency: full-width characters folded
 * (NFKC), whitespace, punctuation and brackets removed, so that "中卫市 数据局" and "中卫市数据局"
 * or "（中卫市）数据局" and "(中卫市)数据局" are the same agency.
 */
export function normalizeAgencyName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

export interface NamedAgency {
  id: string;
  name: string;
  /** Names of the agency's region and the regions above it, nearest first (e.g. 沙坡头区, 中卫市). */
  regionNames: readonly string[];
  /** Names the agency had before a rename (机构改革): a report published then prints one of them. */
  formerNames?: readonly string[];
}

/**
 * Every name under which a report may print an agency: its own name and its former names, each
 * also prefixed with the names of its region (a department registered as "数据局" prints "中卫市数据局").
 */
export function agencyNameKeys(agency: NamedAgency): string[] {
  const keys = new Set<string>();
  for (const own of [agency.name, ...(agency.formerNames ?? [])]) {
    for (const key of nameKeys(own, agency.regionNames)) keys.add(key);
  }
  return [...keys];
}

/** The keys of one name of an agency (see agencyNameKeys). */
function nameKeys(own: string, regionNames: readonly string[]): string[] {
  const name = normalizeAgencyName(own);
  const keys = new Set<string>([name]);
  let prefix = '';
  for (const region of regionNames) {
    prefix = normalizeAgencyName(region) + prefix;
    keys.add(prefix + name);
    keys.add(normalizeAgencyName(region) + name);
  }
  return [...keys];
}

export type AgencyMatch =
  /** via 'former-name': the report prints a name the agency had before a rename. */
  | { kind: 'matched'; agencyId: string; via: 'name' | 'former-name' | 'mapping' }
  | { kind: 'none' }
  | { kind: 'ambiguous'; agencyIds: string[] };

export type AgencyMatcher = (reportAgency: string, mapping?: Readonly<Record<string, string>>) => AgencyMatch;

/**
 * A matcher over `agencies` (the user's region): finds the agency a report's agency name
 * designates. The names are indexed once, so matching thousands of reports stays linear.
 * `mapping` (report name → agency id or name) is consulted first: it is how the user resolves an
 * agency renamed between years (中卫市云计算和大数据发展局 → 中卫市数据局).
 */
export function agencyMatcher(agencies: readonly NamedAgency[]): AgencyMatcher {
  const byKey = new Map<string, NamedAgency[]>();
  for (const a of agencies) {
    for (const key of agencyNameKeys(a)) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(a)) list.push(a);
      byKey.set(key, list);
    }
  }
  const via = (a: NamedAgency, key: string) =>
    nameKeys(a.name, a.regionNames).includes(key) ? ('name' as const) : ('former-name' as const);
  return (reportAgency, mapping = {}) => {
    const key = normalizeAgencyName(reportAgency);
    for (const [from, to] of Object.entries(mapping)) {
      if (normalizeAgencyName(from) !== key) continue;
      const target =
        agencies.find((a) => a.id === to) ??
        agencies.find((a) => normalizeAgencyName(a.name) === normalizeAgencyName(to));
      if (target) return { kind: 'matched', agencyId: target.id, via: 'mapping' };
    }
    const found = byKey.get(key) ?? [];
    if (found.length === 1) return { kind: 'matched', agencyId: found[0]!.id, via: via(found[0]!, key) };
    if (found.length > 1) {
      // A name equal to the registered name wins over a name built with a region prefix.
      const exact = found.filter((a) => normalizeAgencyName(a.name) === key);
      if (exact.length === 1) return { kind: 'matched', agencyId: exact[0]!.id, via: via(exact[0]!, key) };
      return { kind: 'ambiguous', agencyIds: found.map((a) => a.id) };
    }
    return { kind: 'none' };
  };
}

/** One match (see agencyMatcher; build a matcher once for a batch). */
export function matchAgency(
  reportAgency: string,
  agencies: readonly NamedAgency[],
  mapping: Readonly<Record<string, string>> = {},
): AgencyMatch {
  return agencyMatcher(agencies)(reportAgency, mapping);
}

const PLACE_PREFIX = /^(.{2,10}?(?:省|自治区|市|自治州|州|地区|盟|县|自治县|区|旗))/u;

/**
 * Whether an agency name may belong to a region whose (own, lower and upper) region names are
 * `regionNames`: true unless the name starts with a place name none of them begins with —
 * "淄博市大数据局" does not belong to 中卫市, "中卫市数据局" and "沙坡头区民政局" may.
 */
export function nameFitsRegion(agencyName: string, regionNames: readonly string[]): boolean {
  const name = normalizeAgencyName(agencyName);
  const place = PLACE_PREFIX.exec(name)?.[1];
  if (!place) return true;
  return regionNames.some((r) => {
    const region = normalizeAgencyName(r);
    return name.startsWith(region) || region.startsWith(place);
  });
}
