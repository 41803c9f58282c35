import { Alert, Button, Form, type FormInstance, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { WorkRecordDataByKind, WorkRecordKind } from '../../../core/work-records/work-record-kinds.ts';
import { ApiError, messageOf } from '../../api/client.ts';
import {
  deleteWorkRecord,
  listWorkRecords,
  recordFieldErrors,
  saveWorkRecord,
  type WorkRecordView,
} from './work-records-api.ts';

/** What every tab of the work page receives. */
export interface WorkTabProps {
  agencyId: string;
  year: number;
  canHandle: boolean;
}

/** How one kind of record is listed and edited. `Values` is the form's shape. */
export interface WorkRecordTabConfig<K extends WorkRecordKind, Values> {
  kind: K;
  /** The record's name in buttons and titles, e.g. "政策解读". */
  noun: string;
  /** Channels live across years: listed without the year. */
  acrossYears?: boolean;
  /** At most one record (the year's figures): no add button once there is one. */
  single?: boolean;
  columns: ColumnsType<WorkRecordView<K>>;
  /** The form's fields; `form` for fields that depend on others. */
  fields: (form: FormInstance<Values>) => ReactNode;
  /** A new record's initial values (`records`: those listed, e.g. for the next task number). */
  blank: (year: number, records: WorkRecordView<K>[]) => Partial<Values>;
  toForm: (data: WorkRecordDataByKind[K]) => Values;
  fromForm: (values: Values, year: number) => WorkRecordDataByKind[K];
  order?: (a: WorkRecordView<K>, b: WorkRecordView<K>) => number;
  modalWidth?: number;
  /** A line under the table, e.g. totals. */
  footer?: (records: WorkRecordView<K>[]) => ReactNode;
}

const STALE = '（已重新载入最新内容，请核对后再修改）';

/**
 * A refusal because the record changed since it was read (not a 409 of another kind, such as the
 * year's figures or a task number already entered, which the form shows).
 */
const isStale = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status === 409 && /已被他人修改|已被删除/.test(e.message);

/**
 * One kind of work record of an agency-year: a table, an add/edit form in a dialog (the server's
 * field messages beside the fields), delete with confirmation, and a stale edit (409) explained
 * and the list reloaded.
 */
export function WorkRecordTab<K extends WorkRecordKind, Values extends object>({
  agencyId,
  year,
  canHandle,
  config,
}: WorkTabProps & { config: WorkRecordTabConfig<K, Values> }) {
  const [records, setRecords] = useState<WorkRecordView<K>[]>([]);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<WorkRecordView<K> | 'new' | null>(null);
  const [formFailure, setFormFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const { kind, acrossYears, order } = config;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const items = await listWorkRecords(agencyId, kind, acrossYears ? null : year);
      setRecords(order ? [...items].sort(order) : items);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [agencyId, kind, acrossYears, year, order]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (record: WorkRecordView<K> | 'new') => {
    setFormFailure(null);
    setEditing(record);
    form.resetFields();
    form.setFieldsValue(
      (record === 'new' ? config.blank(year, records) : config.toForm(record.data)) as never,
    );
  };

  const submit = async (values: Values) => {
    if (busy || editing === null) return;
    setBusy(true);
    setFormFailure(null);
    try {
      const data = config.fromForm(values, year);
      await saveWorkRecord(agencyId, kind, data, editing === 'new' ? null : editing);
      setEditing(null);
      await load();
    } catch (e) {
      const fields = recordFieldErrors(e);
      if (fields.length > 0) form.setFields(fields as never);
      if (isStale(e) && editing !== 'new') {
        // A stale edit: the dialog closes, the list shows what is stored now, the page says why.
        setEditing(null);
        setFailure(`${e.message}${STALE}`);
        await load();
      } else {
        setFormFailure(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (record: WorkRecordView<K>) => {
    setFailure(null);
    try {
      await deleteWorkRecord(agencyId, record);
    } catch (e) {
      setFailure(isStale(e) ? `${e.message}${STALE}` : messageOf(e));
    }
    await load();
  };

  const actions: ColumnsType<WorkRecordView<K>> = canHandle
    ? [
        {
          title: '操作',
          key: 'actions',
          width: 130,
          render: (_: unknown, r: WorkRecordView<K>) => (
            <Space size="small">
              <Button size="small" onClick={() => open(r)}>
                修改
              </Button>
              <Popconfirm
                title={`删除这条${config.noun}记录？`}
                description="删除后不能恢复（审计记录保留）。"
                okText="删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(r)}
              >
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]
    : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" closable onClose={() => setFailure(null)} />
      )}
      {canHandle && !(config.single && records.length > 0) && (
        <Button type="primary" onClick={() => open('new')}>
          新增{config.noun}
        </Button>
      )}
      <Table<WorkRecordView<K>>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={records}
        aria-label={config.noun}
        locale={{ emptyText: `${acrossYears ? '' : `${year}年`}尚未登记${config.noun}` }}
        pagination={records.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[...config.columns, ...actions]}
      />
      {config.footer && records.length > 0 && (
        <Typography.Text type="secondary">{config.footer(records)}</Typography.Text>
      )}
      <Modal
        title={editing === 'new' ? `新增${config.noun}` : `修改${config.noun}`}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        width={config.modalWidth ?? 640}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={`${config.noun}表单`}>
          {config.fields(form)}
          {formFailure && <Alert type="error" showIcon title={formFailure} role="alert" />}
        </Form>
      </Modal>
    </Space>
  );
}
