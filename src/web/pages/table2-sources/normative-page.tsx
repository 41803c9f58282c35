import { Alert, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAgencyChoice } from '../use-agency-choice.tsx';
import { NormativeDocuments } from './normative-documents.tsx';
import { Table2Panel } from './table2-panel.tsx';

/** 规章和行政规范性文件 and the other figures of table 二 (主动公开政府信息情况). */
export function NormativePage() {
  const { agencyId, picker, failure, canHandle } = useAgencyChoice();
  const [changes, setChanges] = useState(0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        规范性文件与统计数据
      </Typography.Title>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {picker}
      {agencyId && (
        <>
          <Card size="small" title="规章和行政规范性文件">
            <NormativeDocuments
              key={agencyId}
              agencyId={agencyId}
              canHandle={canHandle}
              onChanged={() => setChanges((c) => c + 1)}
            />
          </Card>
          <Card size="small" title="年度报告表二">
            <Table2Panel key={agencyId} agencyId={agencyId} canHandle={canHandle} refresh={changes} />
          </Card>
        </>
      )}
    </Space>
  );
}
