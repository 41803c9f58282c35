import { PAGE_CHROME } from '../interpret/sections.ts';

/** A 落款 run into the last sentence: "…信息处理费。江宁市生态环境局2021年1月28日" (agency optional). */
const SIGNATURE = /(^|[。；！？;!?）)])([^。；！？;!?]{0,30}?)(\d{4}年\d{1,2}月\d{1,2}日)$/;
/** The end of an agency's name (as the 落款 prints it). */
const NAME_END = /[局委办室厅府院会心所站处队部署行社馆镇乡道司科组]$/;

/**
 * The last section of a concatenated text as the lines a page printed: the text, the 落款 agency
 * and date on lines of their own (so the signature date is read), then the site's footer from its
 * first piece of page chrome (【打印本页】, 主办:…), which the interpreter leaves out of the report.
 */
export function splitConcatenatedTail(body: string): string[] {
  const chrome = PAGE_CHROME.exec(body);
  const text = chrome ? body.slice(0, chrome.index) : body;
  const footer = chrome ? [body.slice(chrome.index)] : [];
  const m = SIGNATURE.exec(text);
  if (!m || (m[2] !== '' && !NAME_END.test(m[2]!))) return [text, ...footer];
  const before = text.slice(0, m.index + m[1]!.length);
  return [before, m[2]!, m[3]!, ...footer].filter((p) => p !== '');
}
