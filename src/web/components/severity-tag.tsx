import { Tag } from 'antd';
import { SEVERITY_LABELS, type Severity } from '../../core/rules/finding.ts';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** A finding's severity as the checker names it everywhere (错误、警告、提示), coloured. */
export function SeverityTag({ severity }: { severity: Severity }) {
  return <Tag color={COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>;
}
