import { InputNumber, Space } from 'antd';

/** “年度” with a whole-year field (2008–2100) beside it; clearing the field keeps the last year. */
export function LabelledYearInput(props: { id: string; value: number; onChange: (year: number) => void }) {
  return (
    <Space>
      <label htmlFor={props.id}>年度</label>
      <InputNumber
        id={props.id}
        min={2008}
        max={2100}
        precision={0}
        value={props.value}
        onChange={(v) => v && props.onChange(v)}
      />
    </Space>
  );
}
