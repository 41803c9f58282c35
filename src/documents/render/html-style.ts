/**
 * Font stacks: the 公文 fonts a government PC has (GB2312 names first, then the Windows and macOS
 * names), then Noto CJK so that a Linux server (and the PDF renderer) prints real Chinese glyphs.
 */
export const FONT_BODY = '"仿宋_GB2312", FangSong, STFangsong, "Noto Serif CJK SC", serif';
export const FONT_TITLE = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", SimSun, "Noto Serif CJK SC", serif';
export const FONT_CAPTION = '"黑体", SimHei, "Noto Sans CJK SC", sans-serif';
export const FONT_SUBHEADING = '"楷体_GB2312", KaiTi, STKaiti, "Noto Serif CJK SC", serif';
export const FONT_TABLE = '"宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif';

/** 公文 page margins (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

const m = PAGE_MARGINS_MM;

/**
 * Apart from the page box (@page, html, body), every rule applies to gk- classes only, so the
 * report can be pasted into a CMS page without restyling the CMS. Print: A4, 三号 body, table rows
 * kept whole where possible, header rows repeated (thead). Table 三 never starts with only its
 * header and rows 一、二 at the foot of a page: Chromium keeps the 22-row block of 三、本年度办理结果
 * with them and moves the table (and its caption) to the next page instead.
 */
export const REPORT_CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
html { background: #fff; }
body { margin: 0; }
.gk-report { font-family: ${FONT_BODY}; font-size: 16pt; line-height: 1.75; color: #000; max-width: 156mm; margin: 0 auto; }
@media screen { .gk-report { padding: 16mm 0 24mm; } }
.gk-report h1, .gk-report h2, .gk-report h3 { font-weight: normal; margin: 0; }
.gk-report .gk-title { font-family: ${FONT_TITLE}; font-size: 22pt; line-height: 1.45; text-align: center; margin: 0 0 1.1em; }
.gk-title span { display: block; }
.gk-report .gk-scan-note { text-align: center; color: #555; font-size: 10.5pt; margin: -0.6em 0 1.2em; }
.gk-report h2 { font-family: ${FONT_CAPTION}; font-size: 16pt; text-indent: 2em; margin-top: 0.35em; break-after: avoid; page-break-after: avoid; }
.gk-report h3 { font-family: ${FONT_SUBHEADING}; font-size: 16pt; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; }
.gk-report p strong { font-weight: bold; }
.gk-table { border-collapse: collapse; width: 100%; table-layout: fixed; font-family: ${FONT_TABLE}; font-size: 10.5pt; line-height: 1.3; margin: 0.4em 0 0.6em; }
.gk-table th, .gk-table td { border: 0.75pt solid #000; padding: 1mm 0.6mm; vertical-align: middle; text-align: center; font-weight: normal; overflow-wrap: anywhere; }
.gk-table td.gk-label { text-align: left; }
.gk-table td.gk-num { text-align: center; font-variant-numeric: tabular-nums; }
.gk-table th.gk-caption { font-weight: bold; background: #f2f2f2; text-align: center; }
.gk-table th.gk-note { text-align: left; }
.gk-table thead { display: table-header-group; }
.gk-table tr { break-inside: avoid; page-break-inside: avoid; }
.gk-table3 tbody tr:nth-child(-n+2) { break-after: avoid; page-break-after: avoid; }
.gk-table3 tbody tr:nth-last-child(-n+2) { break-before: avoid; page-break-before: avoid; }
.gk-table2, .gk-table4 { break-inside: avoid; page-break-inside: avoid; }
.gk-appendix { break-before: page; page-break-before: always; }
.gk-appendix h2, .gk-appendix p { text-indent: 0; }
@media print { .gk-report { max-width: none; } .gk-table th.gk-caption { background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
