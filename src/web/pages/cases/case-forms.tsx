import { Alert, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CASE_KIND_LABELS, CASE_KINDS, CASE_RESULT_LABELS, CASE_RESULTS } from '../../../core/cases/case.ts';
import { ApiError, api, messageOf } from '../../api/client.ts';
import type { ApplicationList } from '../../api/types.ts';
import { serverFieldErrors } from '../../components/server-field-errors.ts';
import type { CaseRecordView } from './case-types.ts';

const FILE_HINTS: [string, string[]][] = [
  ['kind', ['案件类型']],
  ['caseNumber', ['案号']],
  ['filedOn', ['立案（申请）日期']],
  ['application', ['所涉申请', '受理编号']],
];

/**
 * The application a case concerns, from what the officer typed: a tracking number (2025-0001,
 * looked up among the agency's applications) or the application's id. Throws an ApiError-like
 * message when no application of the agency has that number.
 */
async function resolveApplication(agencyId: string, typed: string): Promise<string> {
  const wanted = typed.trim();
  if (!/^\d{4}-\d+$/.test(wanted)) return wanted;
  const params = new URLSearchParams({ q: wanted, limit: '20' });
  const list = await api.get<ApplicationList>(
    `/agencies/${encodeURIComponent(agencyId)}/applications?${params}`,
  );
  const found = list.items.find((a) => a.trackingNumber === wanted);
  if (!found) throw new ApiError(400, 'INVALID_INPUT', `本机关没有受理编号为 ${wanted} 的申请`);
  return found.id;
}

/** Files a 复议 or 诉讼 case, optionally linked to the application it concerns. */
export function FileCaseForm(props: { agencyId: string; onFiled: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (v: { kind: string; filedOn: Dayjs; caseNumber?: string; application?: string }) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const applicationId = v.application?.trim()
        ? await resolveApplication(props.agencyId, v.application)
        : null;
      await api.post(`/agencies/${encodeURIComponent(props.agencyId)}/cases`, {
        kind: v.kind,
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        caseNumber: v.caseNumber?.trim() ? v.caseNumber.trim() : null,
        applicationId,
      });
      form.resetFields();
      props.onFiled();
    } catch (e) {
      const fields = serverFieldErrors(e, FILE_HINTS).map((f) => ({
        ...f,
        name: f.name.map((n) => (n === 'applicationId' ? 'application' : n)),
      }));
      if (fields.length > 0) form.setFields(fields as never);
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} aria-label="登记案件">
      <Form.Item name="kind" label="案件类型" rules={[{ required: true, message: '请选择案件类型' }]}>
        <Select
          style={{ width: 170 }}
          options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="filedOn"
        label="申请复议或起诉之日"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="caseNumber" label="案号">
        <Input maxLength={200} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="application" label="所涉申请" tooltip="受理编号（如 2025-0001）或申请编号，可不填">
        <Input maxLength={100} style={{ width: 150 }} placeholder="受理编号" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        登记案件
      </Button>
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" style={{ width: '100%', marginTop: 8 }} />
      )}
    </Form>
  );
}

/** Records a case's decision (维持 / 纠正 / 其他) in a dialog. */
export function DecideCaseDialog(props: {
  agencyId: string;
  item: CaseRecordView | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const item = props.item;

  const submit = async (v: { result: string; decidedOn: Dayjs }) => {
    if (busy || !item) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post(
        `/agencies/${encodeURIComponent(props.agencyId)}/cases/${encodeURIComponent(item.id)}/decision`,
        { result: v.result, decidedOn: v.decidedOn.format('YYYY-MM-DD'), expectedVersion: item.version },
      );
      form.resetFields();
      props.onDecided();
    } catch (e) {
      const fields = serverFieldErrors(e, [
        ['decidedOn', ['审结日期']],
        ['result', ['审结结果']],
      ]);
      if (fields.length > 0) form.setFields(fields as never);
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={item ? `登记审结结果：${item.kindLabel}${item.caseNumber ? ` ${item.caseNumber}` : ''}` : ''}
      open={item !== null}
      onCancel={() => {
        setFailure(null);
        props.onClose();
      }}
      onOk={() => form.submit()}
      okText="登记审结"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="result" label="审结结果" rules={[{ required: true, message: '请选择审结结果' }]}>
          <Select options={CASE_RESULTS.map((r) => ({ value: r, label: `结果${CASE_RESULT_LABELS[r]}` }))} />
        </Form.Item>
        <Form.Item name="decidedOn" label="审结日期" rules={[{ required: true, message: '请选择审结日期' }]}>
          <DatePicker />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}
