import { TABLE3_TOTAL_COLUMN, TABLE4_TOTAL_COLUMN } from '../../report/labels.ts';
import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { allSentences, type NarrativeParagraphs, quote, sentenceLocation } from './narrative-input.ts';

const total = (row: readonly (number | null)[]) => row[TABLE3_TOTAL_COLUMN] ?? null;

/** N-01: "未收到…申请" ⇒ 本年新收 总计 = 0. */
export function checkNoApplicationsClaim(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const received = total(report.table3.newReceived);
  return allSentences(paragraphs)
    .filter((s) => /未(?:收到|受理|接到|接收)[^。；，]{0,20}申请/.test(s.text))
    .filter(() => received !== null && received > 0)
    .map((s) =>
      violation(
        'N-01',
        `正文称未收到申请（“${quote(s.text)}”），但表三本年新收申请总计为 ${received}`,
        sentenceLocation(s),
      ),
    );
}

/** Who applied, as reports name them before 申请, and the table-三 columns that count them. */
const APPLICANT_WORDS: ReadonlyArray<[word: string, columns: readonly number[]]> = [
  ['法人或其他组织', [1, 2, 3, 4, 5]],
  ['法人和其他组织', [1, 2, 3, 4, 5]],
  ['自然人', [0]],
  ['公民', [0]],
  ['商业企业', [1]],
  ['企业', [1]],
  ['科研机构', [2]],
  ['社会公益组织', [3]],
  ['法律服务机构', [4]],
];
const APPLICANT = APPLICANT_WORDS.map(([w]) => w).join('|');

const COUNT_AFTER = new RegExp(
  `(收到|受理|办理|办结|答复|接收|处理)[^。；，]{0,16}?(?:(${APPLICANT})(?:提出的?|的)?)?申请(?:政府信息公开|公开政府信息)?[^。；，\\d]{0,6}?(\\d+)\\s*(件|个|份)`,
);
const COUNT_BEFORE =
  /(收到|受理|办理|办结|答复|接收|处理)[^。；，\d]{0,6}?()(\d+)\s*(件|个|份)[^。；，]{0,8}?申请/;
const ON_REQUEST_DOCUMENTS = /依申请公开\s*(\d+)\s*(份|件|条|个)/;

/** The table-三 count a sentence's number is compared with: all applicants, or those it names. */
function expectedCounts(
  report: Report,
  applicant: string | undefined,
): { accepted: Set<number>; what: string } {
  const columns = APPLICANT_WORDS.find(([w]) => w === applicant)?.[1];
  const sum = (row: readonly (number | null)[]) =>
    columns ? columns.reduce((a, c) => a + (row[c] ?? 0), 0) : (total(row) ?? 0);
  const received = sum(report.table3.newReceived);
  const carried = sum(report.table3.carriedOver);
  const who = applicant ? `${applicant}` : '';
  return {
    accepted: new Set([received, received + carried]),
    what: `表三本年新收${who}申请为 ${received} 件${carried ? `，加上年结转共 ${received + carried} 件` : ''}`,
  };
}

/**
 * N-02: a number of applications stated in the text equals table 三's 本年新收, or 新收 + 上年结转 —
 * of the applicants the sentence names (“收到自然人申请…1件” is compared with the 自然人 column).
 * "依申请公开 N 份" may mean documents whose disclosure attribute is on request, so it is reported
 * as ambiguous rather than as a contradiction.
 */
export function checkApplicationCount(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const received = total(report.table3.newReceived);
  const carried = total(report.table3.carriedOver);
  if (received === null) return [];
  const accepted = new Set([received, received + (carried ?? 0)]);
  const findings: Finding[] = [];
  for (const s of allSentences(paragraphs)) {
    if (/上年|结转|同比|增加|减少|比\d{4}/.test(s.text)) continue;
    const m = COUNT_AFTER.exec(s.text) ?? COUNT_BEFORE.exec(s.text);
    if (m) {
      const stated = Number(m[3]);
      // “自然人和法人申请共N件” names every applicant: compared with the total.
      const named = APPLICANT_WORDS.filter(
        ([w]) => m[0].includes(w) && !(w === '企业' && m[0].includes('商业企业')),
      );
      const applicant = named.length === 1 ? m[2] || undefined : undefined;
      const expected = expectedCounts(report, applicant);
      if (!expected.accepted.has(stated)) {
        findings.push(
          violation(
            'N-02',
            `正文称${m[1]}${applicant ?? ''}申请 ${stated} 件（“${quote(s.text)}”），但${expected.what}`,
            sentenceLocation(s),
          ),
        );
      }
      continue;
    }
    const d = ON_REQUEST_DOCUMENTS.exec(s.text);
    if (d && !accepted.has(Number(d[1]))) {
      findings.push(
        violation(
          'N-02',
          `正文“依申请公开 ${d[1]} ${d[2]}”（“${quote(s.text)}”）容易被理解为收到 ${d[1]} 件申请，但表三本年新收申请为 ${received} 件；如指公开属性为“依申请公开”的文件，建议写明`,
          sentenceLocation(s),
        ),
      );
    }
  }
  return findings;
}

/** N-03: "办结率100%" ⇒ 结转下年度继续办理 总计 = 0. */
export function checkCompletionRateClaim(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const forward = total(report.table3.carriedForward);
  if (forward === null || forward === 0) return [];
  return allSentences(paragraphs)
    .filter((s) => /办结率\s*(?:达到?|为)?\s*100\s*%/.test(s.text))
    .map((s) =>
      violation(
        'N-03',
        `正文称办结率 100%（“${quote(s.text)}”），但表三结转下年度继续办理为 ${forward} 件`,
        sentenceLocation(s),
      ),
    );
}

/** N-04: "未发生/不存在 行政复议、行政诉讼" ⇒ every table 四 total = 0. */
export function checkNoCasesClaim(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const totals = [
    report.table4.review,
    report.table4.litigationDirect,
    report.table4.litigationAfterReview,
  ].map((g) => g[TABLE4_TOTAL_COLUMN] ?? null);
  const cases = totals.reduce<number>((a, b) => a + (b ?? 0), 0);
  if (cases === 0) return [];
  return allSentences(paragraphs)
    .filter((s) => /(未发生|未产生|不存在|没有|未出现|无)[^。；，]{0,30}(行政复议|行政诉讼)/.test(s.text))
    .map((s) =>
      violation(
        'N-04',
        `正文称没有行政复议或行政诉讼（“${quote(s.text)}”），但表四共有 ${cases} 件`,
        sentenceLocation(s),
      ),
    );
}

/** N-05: "未制发规范性文件" ⇒ 行政规范性文件 本年制发 = 0. */
export function checkNoNormativeDocumentsClaim(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  // The 2019 format counts 本年新制作数量 of 规范性文件 where the 2021 format counts 本年制发件数.
  const trial = report.format2019?.table2.normativeDocuments.made;
  const issued = trial ?? report.table2.normativeDocuments.issued;
  if (issued === null || issued === 0) return [];
  return allSentences(paragraphs)
    .filter((s) => /(未|没有|无)(制发|出台|印发|制定)[^。；，]{0,6}规范性文件/.test(s.text))
    .map((s) =>
      violation(
        'N-05',
        `正文称未制发规范性文件（“${quote(s.text)}”），但表二${trial === undefined ? '行政规范性文件本年制发' : '规范性文件本年新制作'} ${issued} 件`,
        sentenceLocation(s),
      ),
    );
}
