import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { suggestedObtainWording } from '../../../core/applications/obtain-wording.ts';
import type { RequestedForm } from '../../../core/applications/registration-input.ts';
import { download, messageOf, saveFile } from '../../api/client.ts';

const KINDS = [
  { value: 'answer', label: '政府信息公开申请答复书' },
  { value: 'correction', label: '补正申请告知书' },
  { value: 'extension', label: '延期答复告知书' },
  { value: 'fee', label: '收费通知书' },
  { value: 'consultation', label: '征求第三方意见书' },
  { value: 'art35', label: '延迟答复告知书（第三十五条）' },
] as const;

type Kind = (typeof KINDS)[number]['value'];

interface LetterValues {
  kind: Kind;
  format: 'docx' | 'pdf' | 'html';
  obtain?: string;
  reason?: string;
  points?: string;
  submitTo?: string;
  extensionReason?: string;
  feeMethod?: 'per-page' | 'per-application';
  pages?: number;
  count?: number;
  payment?: string;
  concern?: string;
  replyTo?: string;
  thirdPartyOrganisation?: boolean;
}

/** The request body of POST …/letters from the form: only what the application does not record. */
function letterBody(values: LetterValues, outcome: string | null): Record<string, unknown> {
  const common = { kind: values.kind, format: values.format };
  switch (values.kind) {
    case 'answer':
      return {
        ...common,
        ...(values.obtain ? { obtain: values.obtain } : {}),
        ...(values.reason && outcome ? { reasons: { [outcome]: values.reason } } : {}),
      };
    case 'correction':
      return {
        ...common,
        points: (values.points ?? '')
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
        ...(values.submitTo ? { submitTo: values.submitTo } : {}),
      };
    case 'extension':
      return { ...common, ...(values.extensionReason ? { reason: values.extensionReason } : {}) };
    case 'fee':
      return {
        ...common,
        // Only for a notice recorded without its basis; otherwise the server takes the recorded one.
        ...(values.feeMethod === 'per-application' && values.count
          ? { feeBasis: { method: 'per-application', count: values.count } }
          : values.feeMethod !== 'per-application' && values.pages
            ? { feeBasis: { method: 'per-page', pages: values.pages } }
            : {}),
        payment: values.payment ?? '',
      };
    case 'consultation':
      return {
        ...common,
        thirdPartyOrganisation: Boolean(values.thirdPartyOrganisation),
        ...(values.concern ? { concern: values.concern } : {}),
        ...(values.replyTo ? { replyTo: values.replyTo } : {}),
      };
    default:
      return common;
  }
}

/**
 * Issues a letter (告知书) from the application as DOCX, PDF or HTML; the server explains a refusal. The
 * answer's “获取信息的方式、途径” starts from what the applicant asked for (`requestedForm`), editable.
 */
export function LetterForm(props: {
  agencyId: string;
  applicationId: string;
  outcome: string | null;
  requestedForm: RequestedForm | null;
}) {
  const [form] = Form.useForm<LetterValues>();
  const suggestedObtain = suggestedObtainWording(props.requestedForm);
  const kind = Form.useWatch('kind', form);
  const feeMethod = Form.useWatch('feeMethod', form);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: LetterValues) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { blob, fileName } = await download(
        `/agencies/${encodeURIComponent(props.agencyId)}/applications/${encodeURIComponent(props.applicationId)}/letters`,
        letterBody(values, props.outcome),
      );
      saveFile(blob, fileName);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<LetterValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        kind: 'answer',
        format: 'docx',
        feeMethod: 'per-page',
        obtain: suggestedObtain ?? undefined,
      }}
    >
      <Form.Item name="kind" label="文书种类">
        <Select options={[...KINDS]} />
      </Form.Item>
      <Form.Item name="format" label="文件格式">
        <Radio.Group
          options={[
            { value: 'docx', label: 'Word（DOCX）' },
            { value: 'pdf', label: 'PDF' },
            { value: 'html', label: '网页（HTML）' },
          ]}
        />
      </Form.Item>
      {kind === 'answer' && (
        <>
          <Form.Item
            name="obtain"
            label="获取信息的方式、途径（予以公开、部分公开时必填）"
            extra={suggestedObtain ? '已按申请人所需信息的形式预填，可修改' : undefined}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reason" label="不予公开、无法提供或不予处理的具体理由">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {kind === 'correction' && (
        <>
          <Form.Item
            name="points"
            label="需要补正的事项（每行一项，一次性告知）"
            rules={[{ required: true, whitespace: true, message: '请写明需要补正的事项' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="submitTo" label="提交补正材料的方式、地点">
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
      {kind === 'extension' && (
        <Form.Item name="extensionReason" label="需要延期的原因">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {kind === 'fee' && (
        <>
          <Form.Item
            name="feeMethod"
            label="计费方式"
            extra="收费记录已写明计费方式和数量的，以下两项无需填写"
          >
            <Radio.Group
              options={[
                { value: 'per-page', label: '按量（页数）' },
                { value: 'per-application', label: '按件' },
              ]}
            />
          </Form.Item>
          {feeMethod === 'per-application' ? (
            <Form.Item name="count" label="计费的申请件数">
              <InputNumber min={1} precision={0} />
            </Form.Item>
          ) : (
            <Form.Item name="pages" label="提供信息的页数">
              <InputNumber min={1} precision={0} />
            </Form.Item>
          )}
          <Form.Item
            name="payment"
            label="缴费方式"
            rules={[{ required: true, whitespace: true, message: '请写明缴费方式' }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {kind === 'consultation' && (
        <>
          <Form.Item name="thirdPartyOrganisation" valuePropName="checked">
            <Checkbox>第三方为单位（称“贵单位”）</Checkbox>
          </Form.Item>
          <Form.Item name="concern" label="涉及第三方的何种权益">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="replyTo" label="书面意见的送达方式">
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Button htmlType="submit" loading={busy}>
        生成并下载
      </Button>
    </Form>
  );
}
