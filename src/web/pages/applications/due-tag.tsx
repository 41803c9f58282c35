import { Tag } from 'antd';
import { ProvisionalTag } from '../../components/provisional-tag.tsx';

/**
 * The due date with the flag an officer looks for: red when overdue, orange within 7 days. Without
 * a date, the server's text (`label`): "暂停计算（…）" only while the clock is stopped.
 */
export function DueTag(props: {
  due: string | null;
  label: string;
  overdue: boolean;
  dueThisWeek: boolean;
  concluded: boolean;
  /** A concluded application answered after its deadline: "逾期答复（超过答复期限3个工作日）". */
  late?: string | null;
  /** The 暂定 mark of a date counted through a year without a holiday arrangement. */
  provisional?: { reason: string } | null;
}) {
  if (props.concluded) {
    return (
      <span>
        {props.due ?? '—'} {props.late && <Tag color="red">{props.late}</Tag>}
      </span>
    );
  }
  if (props.due === null)
    return <Tag color={props.label.startsWith('暂停') ? undefined : 'gold'}>{props.label}</Tag>;
  const mark = <ProvisionalTag mark={props.provisional} />;
  if (props.overdue)
    return (
      <span>
        <Tag color="red">{props.due} 已逾期</Tag>
        {mark}
      </span>
    );
  if (props.dueThisWeek)
    return (
      <span>
        <Tag color="orange">{props.due} 即将到期</Tag>
        {mark}
      </span>
    );
  return (
    <span>
      {props.due}
      {mark}
    </span>
  );
}
