import stringWidth from 'string-width';
import { type Finding, formatLocation, SEVERITY_LABELS } from '../core/rules/finding.ts';
import type { FindingSummary } from '../core/rules/summarize-findings.ts';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function formatSummary(s: FindingSummary): string {
  const parts = [`错误 ${s.errors}`, `警告 ${s.warnings}`, `提示 ${s.infos}`];
  return `${parts.join('，')}${s.notAssessable > 0 ? `（其中无法核验 ${s.notAssessable}）` : ''}`;
}

/** Human table: severity, rule, location, message; one finding per line, aligned for CJK widths. */
export function formatFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  未发现问题\n';
  const rows = findings.map((f) => [
    SEVERITY_LABELS[f.severity],
    f.ruleId,
    formatLocation(f.location) || '—',
    f.message,
  ]);
  const widths = [0, 1, 2].map((c) => Math.min(48, Math.max(...rows.map((r) => stringWidth(r[c]!)))));
  return rows
    .map(
      (r) => `  ${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}\n`,
    )
    .join('');
}
