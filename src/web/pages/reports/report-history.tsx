import { Card, List, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ReportSummary, ReportView } from '../../api/types.ts';
import { STATUS_COLORS } from './report-list.tsx';

/** The year's versions (each with its state and correction reason) and the version's audit trail. */
export function ReportHistory(props: { versions: ReportSummary[]; agencyId: string; view: ReportView }) {
  return (
    <>
      <Card size="small" title="版本" style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={props.versions}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/workspace/reports/${v.id}?agency=${props.agencyId}`}>第{v.version}版</Link>
              <Tag color={STATUS_COLORS[v.status]}>{v.statusLabel}</Tag>
              {v.correctionReason && (
                <Typography.Text type="secondary">更正：{v.correctionReason}</Typography.Text>
              )}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="审计记录" style={{ marginTop: 16 }}>
        <Timeline
          items={props.view.auditTrail.map((e) => ({
            children: `${new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}　${e.actionLabel}　${e.actor}`,
          }))}
        />
      </Card>
    </>
  );
}
