/**
 * Characters that have no place in a name or an identifier and can disguise one: C0 controls
 * (ESC starts terminal sequences), DEL and C1 controls, and the bidirectional controls (U+202E
 * turns a name ending “xcod.exe” into what reads as “exe.docx”). Tab and newline are C0 too: names have none.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_IN_NAMES_ALL = new RegExp(UNSAFE_IN_NAMES.source, 'gu');

/** Whether `text` holds a control or bidi character (see UNSAFE_IN_NAMES). */
export function hasUnsafeNameCharacters(text: string): boolean {
  return UNSAFE_IN_NAMES.test(text);
}

/** The Chinese refusal for a name or identifier holding such a character, naming the field. */
export function unsafeNameMessage(label: string): string {
  return `${label}不能含控制字符或文字方向控制字符（如 U+202E）`;
}

/**
 * Untrusted text (a zip entry name, a file name, a report's agency) made safe to print on a
 * terminal: each control or bidi character, and each lone surrogate, written visibly as \u{…}.
 * With `keepLineBreaks`, newline and tab stay (multi-line messages and tables).
 */
export function escapeForTerminal(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const escaped = text.replace(UNSAFE_IN_NAMES_ALL, (c) =>
    options.keepLineBreaks && (c === '\n' || c === '\t') ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  return escaped.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}
