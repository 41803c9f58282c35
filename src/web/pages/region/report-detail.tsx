import { Alert, Card, Col, Descriptions, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { Report } from '../../../core/report/schema.ts';
import { formatLocation } from '../../../core/rules/finding.ts';
import type { reportDetailResponse } from '../../../server/routes/region/region.schema.ts';
import { api, messageOf } from '../../api/client.ts';
import { ScanTag } from '../../components/scan-tag.tsx';
import { SeverityTag } from '../../components/severity-tag.tsx';
import { MergedReports } from '../reports/merged-reports.tsx';
import { ReportTables } from '../reports/report-tables.tsx';
import { percent } from './overview-types.ts';

/** GET /api/reports/{id}; the schema types the report as any object, the server sends a gongkai-report/1. */
type ReportDetail = Omit<z.output<typeof reportDetailResponse>, 'report'> & { report: Report };

/** A report of the region, drilled down to its findings, rates and similarity with last year. */
export function RegionReportPage() {
  const { reportId } = useParams();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!reportId) return;
    api
      .get<ReportDetail>(`/region/reports/${encodeURIComponent(reportId)}`)
      .then(setDetail)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [reportId]);

  if (failure) return <Alert type="error" showIcon title={failure} role="alert" />;
  if (!detail) return <Spin description="正在加载……" />;
  const copied = detail.similarity.filter((s) => s.copied);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/region">← 返回地区总览</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {detail.agency.name} {detail.year}年度报告（第{detail.version}版）
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="来源">
          {detail.origin === 'imported' ? `导入：${detail.sourceFileName ?? ''}` : '由台账汇总'}
          <ScanTag scan={detail.scan} detailed />
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">{detail.publishedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="核查">
          <Tag color="red">{detail.summary.errors} 错误</Tag>
          <Tag color="orange">{detail.summary.warnings} 提醒</Tag>
          <Tag>{detail.summary.notAssessable} 无法核验</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="予以公开比例">{percent(detail.rates.grantedShare)}</Descriptions.Item>
        <Descriptions.Item label="不予公开比例">{percent(detail.rates.deniedShare)}</Descriptions.Item>
        <Descriptions.Item label="行政复议纠错率">
          {percent(detail.rates.reviewCorrectionRate)}
        </Descriptions.Item>
      </Descriptions>
      {copied.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="疑似照抄上一年度报告"
          description={copied
            .map((s) => `${s.label}（相似度 ${Math.round((s.similarity ?? 0) * 100)}%）`)
            .join('；')}
        />
      )}
      <MergedReports
        reports={detail.mergedReports}
        open={(r) => <Link to={`/workspace/region/reports/${encodeURIComponent(r.reportId)}`}>查看核查</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title="统计表">
            <ReportTables report={detail.report} findings={detail.findings} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={`核查结果（${detail.findings.length}）`}>
            <List
              size="small"
              dataSource={detail.findings}
              renderItem={(f) => (
                <List.Item>
                  <div>
                    <SeverityTag severity={f.severity} />
                    <Typography.Text type="secondary">
                      {f.ruleId}　{formatLocation(f.location)}
                    </Typography.Text>
                    <div>{f.message}</div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="与上一年度的文字相似度" style={{ marginTop: 16 }}>
            {detail.previous === null ? (
              <Typography.Text type="secondary">没有上一年度已发布的报告</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={detail.similarity}
                renderItem={(s) => (
                  <List.Item>
                    {s.label}：{s.similarity === null ? '文字过短' : `${Math.round(s.similarity * 100)}%`}
                    {s.copied && (
                      <Tag color="orange" style={{ marginLeft: 8 }}>
                        疑似照抄
                      </Tag>
                    )}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
