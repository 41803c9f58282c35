/**
 * Chinese order of names (pinyin, as zh-CN collates): one collator for the process, since
 * `localeCompare(b, 'zh-CN')` builds a new one at each call — thousands per sort of a region's rows.
 */
export const compareZh: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare;
