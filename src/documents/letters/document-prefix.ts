/** The default 机关代字 of a letter's document number (文号). */

/** A place name and the administrative unit it ends in ("中卫" + "市"); at least two characters before the unit. */
const PLACE =
  /^(\p{Script=Han}{2,}?)(?:维吾尔自治区|回族自治区|壮族自治区|自治区|特别行政区|自治州|自治县|自治旗|地区|省|市|州|盟|县|旗|区)/u;
/** Regions nest province → city → county: a name carries at most three place names. */
const MAX_PLACES = 3;
/** Endings of an agency's name that its 代字 leaves out, longest first. */
const AGENCY_ENDINGS = ['委员会', '办公室', '中心', '局', '委', '办', '厅', '署'] as const;

/**
 * The default 机关代字 of an agency: each place name without its unit, then the agency's own name
 * without its ending — 中卫市数据局 → 中卫数据, 中卫市沙坡头区人民政府 → 中卫沙坡头政府,
 * 宁夏回族自治区发展和改革委员会 → 宁夏发展和改革. Real 代字 are abbreviated by hand (卫政发); this is
 * only a readable default, and callers may give their own. A one-character place (甲县) keeps its unit.
 */
export function documentPrefixOf(agencyName: string): string {
  let rest = agencyName.trim().replace(/\s+/gu, '');
  let places = '';
  for (let i = 0; i < MAX_PLACES; i += 1) {
    const m = PLACE.exec(rest);
    if (!m || m[0].length === rest.length) break;
    places += m[1];
    rest = rest.slice(m[0].length);
  }
  let own = rest.replace(/人民政府$/u, '政府');
  const ending = AGENCY_ENDINGS.find((e) => own.endsWith(e) && own.length > e.length);
  if (ending) own = own.slice(0, -ending.length);
  return `${places}${own}` || agencyName.trim();
}
