import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import { markFieldErrors } from '../../components/mark-field-errors.ts';

/** What an administrator changes: rename or close (撤销) a region or an agency. */
export interface OrganisationChange {
  action: 'rename' | 'close';
  target: 'agency' | 'region';
  id: string;
  name: string;
}

const CONSEQUENCES: Record<OrganisationChange['target'], Record<OrganisationChange['action'], string>> = {
  agency: {
    rename:
      '现名称将作为曾用名保留（使用至改名日期前一日）；以原名称发布的年度报告，导入时仍对应到本机关。申请、报告等记录不受影响。',
    close:
      '撤销后，该机关从各列表中移除，不能再登记申请；已有的申请、年度报告等记录保留，仍可查阅；撤销之前各年度的统计和地区总览仍包括该机关。有未办结申请的机关不能撤销。撤销后不能恢复。',
  },
  region: {
    rename: '行政区划代码不变，其下机关和记录不受影响。',
    close:
      '其下的机关和下级行政区划须先撤销。撤销后，该行政区划从各列表中移除，不能再添加机关；已有的记录保留。撤销后不能恢复。',
  },
};

const TITLES: Record<OrganisationChange['target'], Record<OrganisationChange['action'], string>> = {
  agency: { rename: '机关改名', close: '撤销机关' },
  region: { rename: '行政区划改名', close: '撤销行政区划' },
};

/** Field names as the API names them, so that its per-field errors land beside the field. */
interface Values {
  name?: string;
  closedOn?: Dayjs;
  renamedOn?: Dayjs;
}

/** Asks for the new name or the day, states the consequences, and applies the change on 确认. */
export function OrganisationChangeDialog(props: {
  change: OrganisationChange | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const change = props.change;
  const dated = change !== null && (change.action === 'close' || change.target === 'agency');

  const submit = async (values: Values) => {
    if (!change || busy) return;
    setBusy(true);
    setFailure(null);
    const body =
      change.action === 'close'
        ? { closedOn: values.closedOn?.format('YYYY-MM-DD') }
        : change.target === 'agency'
          ? { name: values.name, renamedOn: values.renamedOn?.format('YYYY-MM-DD') }
          : { name: values.name };
    const base = change.target === 'agency' ? '/agencies' : '/regions';
    try {
      await api.post(`${base}/${encodeURIComponent(change.id)}/${change.action}`, body);
      form.resetFields();
      props.onDone();
    } catch (e) {
      if (!markFieldErrors(form, e)) setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={change !== null}
      title={change ? `${TITLES[change.target][change.action]}：${change.name}` : ''}
      okText={change?.action === 'close' ? '确认撤销' : '确认改名'}
      okButtonProps={{ danger: change?.action === 'close' }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(null);
        form.resetFields();
        props.onClose();
      }}
      destroyOnHidden
    >
      {change && (
        <Form<Values>
          form={form}
          name="organisation-change"
          layout="vertical"
          onFinish={submit}
          // Enter picks the typed date; only 确认 applies the change (closing cannot be undone).
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        >
          <Typography.Paragraph data-testid="change-consequences">
            {CONSEQUENCES[change.target][change.action]}
          </Typography.Paragraph>
          {change.action === 'rename' && (
            <Form.Item
              name="name"
              label="新名称"
              rules={[{ required: true, whitespace: true, message: '请填写新名称' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {dated && (
            <Form.Item
              name={change.action === 'close' ? 'closedOn' : 'renamedOn'}
              label={change.action === 'close' ? '撤销日期' : '改名日期（启用新名称之日）'}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker />
            </Form.Item>
          )}
          {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        </Form>
      )}
    </Modal>
  );
}
