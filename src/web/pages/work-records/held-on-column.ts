import type { ColumnType } from 'antd/es/table';
import type { WorkRecordView } from './work-records-api.ts';

/** Kinds of record that happen on one day, `data.heldOn`. */
type HeldOnKind = 'meeting' | 'training' | 'evaluation';

/** Records in the order they were held. */
export function byHeldOn<K extends HeldOnKind>(a: WorkRecordView<K>, b: WorkRecordView<K>): number {
  return a.data.heldOn.localeCompare(b.data.heldOn);
}

/** The first column of a list of meetings or trainings: the day it was held. */
export function heldOnColumn<K extends HeldOnKind>(): ColumnType<WorkRecordView<K>> {
  return { title: '日期', width: 120, render: (_, r) => r.data.heldOn };
}
