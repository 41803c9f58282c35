import { Alert, Card, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { publishedListResponse } from '../../../server/routes/public/public-reports.schema.ts';
import { api, messageOf } from '../../api/client.ts';
import { RegionSelect } from '../../components/region-select.tsx';
import { ScanTag } from '../../components/scan-tag.tsx';
import { YearInput } from '../../components/year-input.tsx';
import { useVisibleRegions } from '../region/use-regions.ts';

type PublishedList = z.output<typeof publishedListResponse>;

/** The public reads the published annual reports of a region's agencies, in the national format. */
export function PublishedReportsPage() {
  const { regions, failure: regionFailure } = useVisibleRegions(null);
  const [code, setCode] = useState<string | null>(null);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [list, setList] = useState<PublishedList | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!code && regions.length > 0) setCode(regions[0]!.code);
  }, [regions, code]);
  useEffect(() => {
    if (!code) return;
    api
      .get<PublishedList>(`/public/regions/${encodeURIComponent(code)}/reports?year=${year}`, {
        allowUnauthenticated: true,
      })
      .then(setList)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [code, year]);

  const href = (id: string, format: string) =>
    `/api/public/reports/${encodeURIComponent(id)}/document?format=${format}`;
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>政府信息公开工作年度报告</h1>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionSelect label="地区" regions={regions} value={code} onChange={setCode} />
        <YearInput label="年度" min={2008} value={year} onChange={setYear} />
      </Space>
      {(failure || regionFailure) && (
        <Alert type="error" showIcon title={failure ?? regionFailure} role="alert" />
      )}
      <List
        bordered
        dataSource={list?.items ?? []}
        locale={{
          emptyText:
            regions.length === 0
              ? '本系统尚未建立地区和机关，暂无年度报告'
              : `该地区${year}年度尚无已发布的年度报告，可改选年度或地区`,
        }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <a key="html" href={href(r.reportId, 'html')} target="_blank" rel="noreferrer">
                在线阅读
              </a>,
              <a key="pdf" href={href(r.reportId, 'pdf')}>
                PDF
              </a>,
              <a key="docx" href={href(r.reportId, 'docx')}>
                Word
              </a>,
            ]}
          >
            <Typography.Text strong>
              {r.agencyName}
              {year}年政府信息公开工作年度报告
            </Typography.Text>
            <ScanTag scan={r.scan} />
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {r.publishedOn ? `发布日期 ${r.publishedOn}` : ''}
              {r.version > 1 ? `（更正版第${r.version}版）` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
