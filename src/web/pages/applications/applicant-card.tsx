import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { applicantResponse } from '../../../server/routes/applications/applications.schema.ts';
import { api, messageOf } from '../../api/client.ts';

type Applicant = z.output<typeof applicantResponse>;

/**
 * The applicant's personal data, hidden until asked for: each reveal is recorded in the application's
 * audit trail (查看申请人个人信息), and the server refuses it to anyone not handling the application.
 */
export function ApplicantCard(props: { agencyId: string; applicationId: string; onRevealed: () => void }) {
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setApplicant(
        await api.get<Applicant>(
          `/agencies/${encodeURIComponent(props.agencyId)}/applications/${encodeURIComponent(props.applicationId)}/applicant`,
        ),
      );
      props.onRevealed();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="申请人信息">
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 8 }} />}
      {applicant ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="姓名或名称">{applicant.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            {applicant.idNumber ? `${applicant.idTypeLabel ?? ''} ${applicant.idNumber}`.trim() : '未填写'}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{applicant.phone ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{applicant.email ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="通信地址" span={2}>
            {applicant.address ?? '未填写'}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          申请人的姓名、联系方式和证件号码属于个人信息，默认不显示。{' '}
          <Button size="small" onClick={() => void reveal()} loading={busy}>
            查看申请人信息
          </Button>
          <Typography.Text type="secondary">（查看将记入办理记录）</Typography.Text>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
