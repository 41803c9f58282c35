import { Space, Typography } from 'antd';
import type { z } from 'zod';
import type { previewResponse } from '../../../server/routes/imports/imports.schema.ts';
import { ScanTag } from '../../components/scan-tag.tsx';

type PlannedFile = z.output<typeof previewResponse>['files'][number];

/** Most page names listed; the rest are counted. */
const SHOWN_PAGES = 8;

/**
 * A file of the preview: its name, 扫描件 with the OCR summary when it was read from a scan, and
 * for page images how they were grouped — which images, in which order, make this one report.
 */
export function PlannedFileName({ file }: { file: PlannedFile }) {
  const pages = file.pageImages;
  return (
    <Space direction="vertical" size={0}>
      <span>
        {file.name}
        <ScanTag scan={file.scan} />
      </span>
      {pages && pages.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pages.length} 张页面图片按文件名顺序合为一份报告：
          {pages.slice(0, SHOWN_PAGES).join('、')}
          {pages.length > SHOWN_PAGES ? ` 等（共 ${pages.length} 页）` : ''}
        </Typography.Text>
      )}
      {file.scan && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          识别置信度平均 {Math.round(file.scan.meanConfidence)}%，按勾稽关系校正 {file.scan.cellsCorrected}{' '}
          格，无法识别 {file.scan.cellsUnreadable} 格
        </Typography.Text>
      )}
    </Space>
  );
}
