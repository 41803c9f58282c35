import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { WorkRecordDataByKind, WorkRecordKind } from '../../../core/work-records/work-record-kinds.ts';
import type { workRecordSchema } from '../../../server/routes/work-records/work-records.schema.ts';
import { ApiError, api } from '../../api/client.ts';

/**
 * A work record as the API answers (workRecordSchema, tag work), its data narrowed to the kind's
 * shape, which the server checks with the core's schema of that kind before saving.
 */
export type WorkRecordView<K extends WorkRecordKind = WorkRecordKind> = Omit<
  z.output<typeof workRecordSchema>,
  'kind' | 'data'
> & { kind: K; data: WorkRecordDataByKind[K] };

export const workRecordsPath = (agencyId: string) => `/agencies/${encodeURIComponent(agencyId)}/work-records`;

/** The agency's records of a kind; of a year unless the kind lives across years (channels). */
export async function listWorkRecords<K extends WorkRecordKind>(
  agencyId: string,
  kind: K,
  year: number | null,
): Promise<WorkRecordView<K>[]> {
  const query = `?kind=${kind}${year === null ? '' : `&year=${year}`}`;
  const answer = await api.get<WorkRecordView<K>[] | { items: WorkRecordView<K>[] }>(
    `${workRecordsPath(agencyId)}${query}`,
  );
  return Array.isArray(answer) ? answer : answer.items;
}

export function saveWorkRecord<K extends WorkRecordKind>(
  agencyId: string,
  kind: K,
  data: WorkRecordDataByKind[K],
  editing: WorkRecordView<K> | null,
): Promise<WorkRecordView<K>> {
  const base = workRecordsPath(agencyId);
  return editing
    ? api.put(`${base}/${encodeURIComponent(editing.id)}`, { kind, data, expectedVersion: editing.version })
    : api.post(base, { kind, data });
}

export function deleteWorkRecord(agencyId: string, record: WorkRecordView): Promise<void> {
  return api.delete(
    `${workRecordsPath(agencyId)}/${encodeURIComponent(record.id)}?expectedVersion=${record.version}`,
  );
}

/**
 * The form field a server message is about: "/data/suggestions/0/handledOn" (schema) or
 * "data.suggestions[0].handledOn" (core checks) → ['suggestions', 0, 'handledOn']; the forms
 * hold the record's data, so the leading "data" goes.
 */
export function fieldNameOf(path: string): (string | number)[] {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[/.]/)
    .filter((p) => p.length > 0)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return parts[0] === 'data' ? parts.slice(1) : parts;
}

/** Field messages for antd Form.setFields from a refusal (only those about a field of the data). */
export function recordFieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields
    .map((f) => ({ name: fieldNameOf(f.path), errors: [f.message] }))
    .filter((f) => f.name.length > 0);
}

/** "2025-03-12" → a Dayjs for a DatePicker; null stays null. */
export const toDay = (date: string | null | undefined): Dayjs | null => (date ? dayjs(date) : null);

/** A DatePicker's value → "2025-03-12", or null when empty. */
export const fromDay = (day: Dayjs | null | undefined): string | null =>
  day ? day.format('YYYY-MM-DD') : null;

/** A cleared optional text input → null (the API takes null for "not entered"). */
export const textOrNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;
