import type { SourceRef } from '../report/schema.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The parts of a report a finding can point to besides a table cell. */
export const SECTION_KEYS = ['title', 'preamble', 'overview', 'problems', 'other', 'meta'] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  title: '标题',
  preamble: '引言',
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
  meta: '报告基本信息',
};

/** Where a finding applies: a table cell (table, row, column), a section, and/or a place in the source file. */
export interface FindingLocation {
  table?: 'table2' | 'table3' | 'table4';
  section?: SectionKey;
  /** Model key of the row (e.g. "denied.thirdParty"), when the row is one of the format's rows. */
  rowKey?: string;
  /** The row as a clerk reads it on the form, e.g. "（三）不予公开 4.保护第三方合法权益". */
  rowLabel?: string;
  /** Column captions, e.g. ["自然人"] or ["商业企业", "科研机构"]. */
  columns?: string[];
  /** Page and line in the ingested document, and the quoted text. */
  source?: SourceRef;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /**
   * False when the rule could not be assessed because an operand is missing (a blank cell, no
   * previous-year report, no publication date). Such a finding is never a pass.
   */
  assessable: boolean;
  message: string;
  location: FindingLocation;
}

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;

/** "表三 “（七）总计”行 “自然人”列 · 第2页第14行" */
export function formatLocation(location: FindingLocation): string {
  const parts: string[] = [];
  if (location.table) parts.push(TABLE_NAMES[location.table]);
  if (location.section) parts.push(SECTION_LABELS[location.section]);
  if (location.rowLabel) parts.push(`“${location.rowLabel}”行`);
  if (location.columns && location.columns.length > 0) parts.push(`“${location.columns.join('”“')}”列`);
  const where = parts.join(' ');
  const src = location.source;
  if (!src || (src.page === undefined && src.line === undefined)) return where;
  const at = `${src.page !== undefined ? `第${src.page}页` : ''}${src.line !== undefined ? `第${src.line}行` : ''}`;
  return where ? `${where} · ${at}` : at;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; assessable before not assessable; stable otherwise. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        Number(b.f.assessable) - Number(a.f.assessable) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
