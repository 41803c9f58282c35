import { Button, Popconfirm, Typography } from 'antd';

/**
 * 发布, which cannot be undone: confirmed first, and the confirmation says beforehand when
 * publishing today would be late against the deadline (1月31日 / 3月31日).
 */
export function PublishButton(props: {
  lateIfPublishedToday: boolean | null;
  deadline: string;
  busy: boolean;
  onPublish: () => void;
}) {
  return (
    <Popconfirm
      title="发布后不能撤回"
      description={
        <div style={{ maxWidth: 360 }}>
          {props.lateIfPublishedToday && (
            <Typography.Paragraph type="danger" style={{ marginBottom: 4 }}>
              今天已超过公布期限（{props.deadline}），发布后将标注为逾期发布。
            </Typography.Paragraph>
          )}
          发布后年度报告向社会公开，内容不能再修改；如有错误，只能以更正版本替换。确定发布吗？
        </div>
      }
      okText="确定发布"
      cancelText="取消"
      onConfirm={props.onPublish}
    >
      <Button type="primary" loading={props.busy}>
        发布
      </Button>
    </Popconfirm>
  );
}
