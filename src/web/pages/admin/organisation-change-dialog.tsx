import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { markFieldErrors } from '../../components/mark-field-errors.ts';

/** What an administrator changes: rename, close (撤销, for an agency also 合并) or reopen (恢复) a region or an agency. */
export interface OrganisationChange {
  action: 'rename' | 'close' | 'reopen';
  target: 'agency' | 'region';
  id: string;
  name: string;
}

const CONSEQUENCES: Record<OrganisationChange['target'], Record<OrganisationChange['action'], string>> = {
  agency: {
    rename:
      '现名称将作为曾用名保留（使用至改名日期前一日）；以原名称发布的年度报告，导入时仍对应到本机关。申请、报告等记录不受影响。',
    close:
      '撤销后，该机关从各列表中移除，不能再登记申请；已有的申请、年度报告等记录保留，仍可查阅；撤销之前各年度的统计和地区总览仍包括该机关，撤销之后的年度不再要求其发布年度报告。有未办结申请的机关不能撤销。如因机构改革并入另一机关，请选择“合并至”：该机关已发布的年度报告将显示在合并后机关的报告历史中。',
    reopen:
      '恢复后，该机关重新出现在各列表中，可以登记申请，并重新按年度要求发布年度报告；如曾合并至另一机关，合并随之取消。',
  },
  region: {
    rename: '行政区划代码不变，其下机关和记录不受影响。',
    close:
      '其下的机关和下级行政区划须先撤销。撤销后，该行政区划从各列表中移除，不能再添加机关；已有的记录保留。',
    reopen: '恢复后，该行政区划重新出现在各列表中，可以添加机关；其下已撤销的机关不会随之恢复。',
  },
};

const TITLES: Record<OrganisationChange['target'], Record<OrganisationChange['action'], string>> = {
  agency: { rename: '机关改名', close: '撤销机关', reopen: '恢复机关' },
  region: { rename: '行政区划改名', close: '撤销行政区划', reopen: '恢复行政区划' },
};

const OK_TEXTS: Record<OrganisationChange['action'], string> = {
  rename: '确认改名',
  close: '确认撤销',
  reopen: '确认恢复',
};

/** Field names as the API names them, so that its per-field errors land beside the field. */
interface Values {
  name?: string;
  closedOn?: Dayjs;
  renamedOn?: Dayjs;
  mergedInto?: string;
}

/** Asks for the new name or the day, states the consequences, and applies the change on 确认. */
export function OrganisationChangeDialog(props: {
  change: OrganisationChange | null;
  /** The agencies that exist: where a closed agency may be merged into. */
  agencies: Agency[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const change = props.change;
  const dated =
    change !== null &&
    (change.action === 'close' || (change.action === 'rename' && change.target === 'agency'));

  const submit = async (values: Values) => {
    if (!change || busy) return;
    setBusy(true);
    setFailure(null);
    const body =
      change.action === 'reopen'
        ? undefined
        : change.action === 'close'
          ? {
              closedOn: values.closedOn?.format('YYYY-MM-DD'),
              ...(values.mergedInto ? { mergedInto: values.mergedInto } : {}),
            }
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
      okText={change ? OK_TEXTS[change.action] : ''}
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
          {change.action === 'close' && change.target === 'agency' && (
            <Form.Item name="mergedInto" label="合并至（机构改革中并入的机关；单纯撤销不选）">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="不合并"
                options={props.agencies
                  .filter((a) => a.closedOn === null && a.id !== change.id)
                  .map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          )}
          {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        </Form>
      )}
    </Modal>
  );
}
