import { SEVERITY_LABELS } from '../core/rules/finding.ts';
import type { FileResult } from './commands/check.ts';

const HEADER = ['文件', '机关', '年度', '规则', '级别', '可核验', '表格', '行', '列', '页', '行号', '说明'];
const TABLE = { table2: '表二', table3: '表三', table4: '表四' } as const;

function field(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row per finding (UTF-8 with BOM so that spreadsheet programs read the Chinese). */
export function findingsCsv(results: readonly FileResult[]): string {
  const rows = [HEADER];
  for (const r of results) {
    if (!r.loaded || !r.findings) continue;
    for (const f of r.findings) {
      const l = f.location;
      rows.push([
        r.file,
        r.loaded.report.agency,
        String(r.loaded.report.year),
        f.ruleId,
        SEVERITY_LABELS[f.severity],
        f.assessable ? '是' : '否',
        l.table ? TABLE[l.table] : '',
        l.rowLabel ?? '',
        (l.columns ?? []).join('、'),
        l.source?.page !== undefined ? String(l.source.page) : '',
        l.source?.line !== undefined ? String(l.source.line) : '',
        f.message,
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
