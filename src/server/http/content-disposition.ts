/** Percent-encoding of RFC 5987 `value-chars`: encodeURIComponent leaves ' ( ) * unescaped, attr-char does not allow them. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="letter-answer-2025-0001.docx"; filename*=UTF-8''…`: the Chinese name in
 * filename* (RFC 6266 / 5987), and an ASCII name for clients that do not read filename*. `inline`
 * for what a browser shows in the page (a report read online), still named for saving.
 */
export function contentDisposition(
  fileName: string,
  asciiFallback: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
