import { Alert, Button, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import { markFieldErrors } from '../../components/mark-field-errors.ts';
import type { FiguresView } from '../table2-sources/table2-types.ts';

type Values = Omit<FiguresView, 'entered' | 'version'>;

/**
 * Table 二's figures that no register holds (行政许可、处罚、强制 decisions, 收费 in 万元), entered
 * for the report's year; after saving, the report's tables are assembled again.
 */
export function FiguresForm(props: { agencyId: string; year: number; onSaved: () => Promise<void> }) {
  const [form] = Form.useForm<Values>();
  const [figures, setFigures] = useState<FiguresView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const path = `/agencies/${encodeURIComponent(props.agencyId)}/enforcement-statistics/${props.year}`;

  useEffect(() => {
    api
      .get<FiguresView>(path)
      .then((f) => {
        setFigures(f);
        form.setFieldsValue(f);
      })
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [path, form]);

  const submit = async (values: Values) => {
    if (busy || !figures) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api.put<FiguresView>(path, {
        licensing: values.licensing ?? null,
        punishment: values.punishment ?? null,
        coercion: values.coercion ?? null,
        feesWanYuan: values.feesWanYuan?.trim() ? values.feesWanYuan.trim() : null,
        expectedVersion: figures.version,
      });
      setFigures(saved);
      await props.onSaved();
    } catch (e) {
      markFieldErrors(form, e);
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const count = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} precision={0} style={{ width: 140 }} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="inline" onFinish={submit}>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          role="alert"
          style={{ width: '100%', marginBottom: 8 }}
        />
      )}
      <Space wrap>
        {count('licensing', '行政许可')}
        {count('punishment', '行政处罚')}
        {count('coercion', '行政强制')}
        <Form.Item
          name="feesWanYuan"
          label="行政事业性收费（万元）"
          rules={[{ pattern: /^\d+(\.\d{1,4})?$/, message: '请填写金额，最多4位小数' }]}
        >
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          保存并重新汇总
        </Button>
      </Space>
    </Form>
  );
}
