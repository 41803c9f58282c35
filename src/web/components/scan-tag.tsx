import { Tag, Tooltip, Typography } from 'antd';
import { describeScan, SCAN_TAG, type ScanSource } from '../../core/report/scan-source.ts';

/**
 * 扫描件 beside a report read from a scan by OCR, its summary (pages, confidence, cells corrected by
 * the tables' arithmetic or left unreadable) on hover and for screen readers; `detailed` also
 * prints it as a line. Nothing for a report not read from a scan (null: absent is not zero).
 */
export function ScanTag({
  scan,
  detailed = false,
}: {
  scan: ScanSource | null | undefined;
  detailed?: boolean;
}) {
  if (!scan) return null;
  const summary = describeScan(scan);
  const tag = (
    <Tooltip title={summary}>
      <Tag color="geekblue" aria-label={summary} style={{ marginInlineStart: 4 }}>
        {SCAN_TAG}
      </Tag>
    </Tooltip>
  );
  if (!detailed) return tag;
  return (
    <span>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {summary.slice(SCAN_TAG.length).trim()}
      </Typography.Text>
    </span>
  );
}
