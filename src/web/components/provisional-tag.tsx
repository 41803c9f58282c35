import { Tag, Tooltip } from 'antd';

/**
 * 暂定 beside a date counted through a year whose holiday arrangement is not entered yet; the
 * reason on hover and for screen readers (“2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定”).
 */
export function ProvisionalTag({ mark }: { mark: { reason: string } | null | undefined }) {
  if (!mark) return null;
  return (
    <Tooltip title={mark.reason}>
      <Tag color="gold" aria-label={`暂定：${mark.reason}`} style={{ marginInlineStart: 4 }}>
        暂定
      </Tag>
    </Tooltip>
  );
}
