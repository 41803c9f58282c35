import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { NORMATIVE_KIND_LABELS, NORMATIVE_KINDS } from '../../../core/table2-sources/normative-document.ts';
import { api, messageOf } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { serverFieldErrors } from '../../components/server-field-errors.ts';
import type { NormativeDocumentView } from './table2-types.ts';

const ISSUE_HINTS: [string, string[]][] = [
  ['kind', ['文件类别']],
  ['documentNumber', ['文号']],
  ['title', ['文件标题']],
  ['issuedOn', ['制发日期']],
];

/** The register of 规章 and 行政规范性文件: list, issue form, repeal. `onChanged` after each write. */
export function NormativeDocuments(props: { agencyId: string; canHandle: boolean; onChanged: () => void }) {
  const [items, setItems] = useState<NormativeDocumentView[]>([]);
  const [kind, setKind] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issueFailure, setIssueFailure] = useState<string | null>(null);
  const [repealing, setRepealing] = useState<NormativeDocumentView | null>(null);
  const [repealFailure, setRepealFailure] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [repealForm] = Form.useForm<{ repealedOn: Dayjs }>();
  const base = `/agencies/${encodeURIComponent(props.agencyId)}/normative-documents`;

  const load = useCallback(() => {
    api
      .get<NormativeDocumentView[]>(`${base}${kind ? `?kind=${kind}` : ''}`)
      .then(setItems)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, [base, kind]);
  useEffect(load, [load]);

  const issue = async (v: { kind: string; documentNumber: string; title: string; issuedOn: Dayjs }) => {
    if (busy) return;
    setBusy(true);
    setIssueFailure(null);
    try {
      await api.post(base, { ...v, issuedOn: v.issuedOn.format('YYYY-MM-DD') });
      form.resetFields();
      load();
      props.onChanged();
    } catch (e) {
      const fields = serverFieldErrors(e, ISSUE_HINTS);
      if (fields.length > 0) form.setFields(fields as never);
      setIssueFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const repeal = async (v: { repealedOn: Dayjs }) => {
    if (busy || !repealing) return;
    setBusy(true);
    setRepealFailure(null);
    try {
      await api.post(`${base}/${encodeURIComponent(repealing.id)}/repeal`, {
        repealedOn: v.repealedOn.format('YYYY-MM-DD'),
        expectedVersion: repealing.version,
      });
      setRepealing(null);
      repealForm.resetFields();
      load();
      props.onChanged();
    } catch (e) {
      const fields = serverFieldErrors(e, [['repealedOn', ['废止日期']]]);
      if (fields.length > 0) repealForm.setFields(fields as never);
      setRepealFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {props.canHandle && (
        <Form form={form} layout="inline" onFinish={issue} aria-label="登记制发文件">
          <Form.Item name="kind" label="文件类别" rules={[{ required: true, message: '请选择文件类别' }]}>
            <Select
              style={{ width: 150 }}
              options={NORMATIVE_KINDS.map((k) => ({ value: k, label: NORMATIVE_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="documentNumber"
            label="文号"
            rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
          >
            <Input maxLength={200} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="title"
            label="文件标题"
            rules={[{ required: true, whitespace: true, message: '请填写文件标题' }]}
          >
            <Input maxLength={500} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label="制发日期" rules={[{ required: true, message: '请选择制发日期' }]}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记制发
          </Button>
        </Form>
      )}
      {issueFailure && <Alert type="error" showIcon title={issueFailure} role="alert" />}
      <Select
        aria-label="文件类别筛选"
        style={{ width: 180 }}
        value={kind}
        onChange={setKind}
        options={[
          { value: '', label: '全部类别' },
          ...NORMATIVE_KINDS.map((k) => ({ value: k, label: NORMATIVE_KIND_LABELS[k] })),
        ]}
      />
      <Table<NormativeDocumentView>
        rowKey="id"
        size="middle"
        dataSource={items}
        aria-label="规章和行政规范性文件"
        locale={emptyHint(
          kind
            ? '没有该类别的文件：可改选“全部类别”。'
            : props.canHandle
              ? '尚未登记规章或行政规范性文件。每制发一件，在上方填写文号、标题和日期后点“登记制发”；废止时在列表中登记废止。表二由此统计。'
              : '该机关尚未登记规章或行政规范性文件。',
        )}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '类别', dataIndex: 'kindLabel', width: 140 },
          { title: '文号', dataIndex: 'documentNumber', width: 200 },
          { title: '文件标题', dataIndex: 'title' },
          { title: '制发日期', dataIndex: 'issuedOn', width: 120 },
          {
            title: '状态',
            dataIndex: 'repealedOn',
            width: 170,
            render: (v: string | null) => (v ? <Tag>已于 {v} 废止</Tag> : <Tag color="green">现行有效</Tag>),
          },
          ...(props.canHandle
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: NormativeDocumentView) =>
                    r.repealedOn ? null : (
                      <Button
                        size="small"
                        onClick={() => {
                          setRepealFailure(null);
                          setRepealing(r);
                        }}
                      >
                        废止
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={repealing ? `登记废止：${repealing.documentNumber}` : ''}
        open={repealing !== null}
        onCancel={() => setRepealing(null)}
        onOk={() => repealForm.submit()}
        okText="确认废止"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={repealForm} layout="vertical" onFinish={repeal}>
          <Form.Item
            name="repealedOn"
            label="废止日期"
            rules={[{ required: true, message: '请选择废止日期' }]}
          >
            <DatePicker />
          </Form.Item>
          {repealFailure && <Alert type="error" showIcon title={repealFailure} role="alert" />}
        </Form>
      </Modal>
    </Space>
  );
}
