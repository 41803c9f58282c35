import { Empty } from 'antd';
import type { ReactNode } from 'react';

/**
 * The `locale` of a Table or List that is empty: what to do next, never just “暂无数据”.
 * `text` says why the list is empty and what the user does to fill it.
 */
export function emptyHint(text: ReactNode): { emptyText: ReactNode } {
  return { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} /> };
}
