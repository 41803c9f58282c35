import { DatePicker, Form, Select } from 'antd';

/** A required choice of the record's kind (`name="kind"`), offered with its labels. */
export function KindField<K extends string>(props: {
  label: string;
  kinds: readonly K[];
  labels: Record<K, string>;
  width: number;
}) {
  const { label, kinds, labels, width } = props;
  return (
    <Form.Item name="kind" label={label} rules={[{ required: true, message: `请选择${label}` }]}>
      <Select style={{ width }} options={kinds.map((k) => ({ value: k, label: labels[k] }))} />
    </Form.Item>
  );
}

/** A required date of the record. */
export function RequiredDateField(props: { name: string; label: string }) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={[{ required: true, message: `请选择${props.label}` }]}
    >
      <DatePicker />
    </Form.Item>
  );
}
