import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { previewResponse } from '../../../server/routes/imports/imports.schema.ts';

type Preview = z.output<typeof previewResponse>;
type FileBeingRead = NonNullable<Preview['reading']>[number];

/** “第3/6页识别中” for a scan being read by OCR; what became of any other file. */
export function readingLabel(f: FileBeingRead): string {
  switch (f.state) {
    case 'waiting':
      return '等待读取';
    case 'reading':
      return f.page !== null && f.pages !== null ? `第${f.page}/${f.pages}页识别中` : '读取中';
    case 'read':
      return '已读取';
    case 'refused':
      return '无法读取';
  }
}

const STATE_COLORS = { waiting: 'default', reading: 'processing', read: 'green', refused: 'red' } as const;

/**
 * A batch whose preview a job is reading: the batch's progress (files read of all) and each file's,
 * a scan page by page (OCR takes seconds a page).
 */
export function ImportReading({ batch }: { batch: Preview }) {
  const job = batch.job;
  const files = batch.reading ?? [];
  const done = job?.done ?? 0;
  const total = job?.total ?? files.length;
  return (
    <Card size="small" title="正在读取和识别上传的文件（扫描件逐页文字识别，每页需数秒）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Progress
          percent={total === 0 ? 100 : Math.floor((done / total) * 100)}
          status="active"
          aria-label="读取进度"
        />
        <Typography.Text>
          已读取 {done} / {total} 个文件，读取完成后显示预览，核对后再确认导入
        </Typography.Text>
        <Table<FileBeingRead>
          rowKey="name"
          size="small"
          dataSource={files}
          pagination={files.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: '文件', dataIndex: 'name' },
            {
              title: '进度',
              width: 220,
              render: (_: unknown, f) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Tag color={STATE_COLORS[f.state]}>{readingLabel(f)}</Tag>
                  {f.state === 'reading' && f.page !== null && f.pages !== null && (
                    <Progress
                      size="small"
                      percent={Math.floor((f.page / f.pages) * 100)}
                      showInfo={false}
                      aria-label={`${f.name} 识别进度`}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
