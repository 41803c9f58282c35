import { InputNumber } from 'antd';

/** A year field (up to 2100) followed by “年度”; clearing it keeps the last year. */
export function YearInput(props: {
  label: string;
  min: number;
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <InputNumber
      aria-label={props.label}
      min={props.min}
      max={2100}
      value={props.value}
      onChange={(v) => v && props.onChange(v)}
      addonAfter="年度"
    />
  );
}
