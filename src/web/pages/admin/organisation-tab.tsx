import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import type { Agency, Region } from '../../api/types.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { markFieldErrors } from '../../components/mark-field-errors.ts';
import { type OrganisationChange, OrganisationChangeDialog } from './organisation-change-dialog.tsx';
import { KIND_LABELS, LEVEL_LABELS } from './use-organisation.ts';

/**
 * Regions and agencies: the tree a supervisor's scope follows, and the agencies in it (given closed
 * ones too: shown on “显示已撤销”, where they can be reopened).
 */
export function OrganisationTab(props: { regions: Region[]; agencies: Agency[]; onChanged: () => void }) {
  const [showClosed, setShowClosed] = useState(false);
  const openRegions = props.regions.filter((r) => r.closedOn === null);
  const openAgencies = props.agencies.filter((a) => a.closedOn === null);
  const agencyName = (id: string | null) => props.agencies.find((a) => a.id === id)?.name ?? '—';
  const [regionForm] = Form.useForm();
  const [agencyForm] = Form.useForm();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [change, setChange] = useState<OrganisationChange | null>(null);
  const actions = (target: OrganisationChange['target']) => ({
    title: '操作',
    key: 'actions',
    render: (_: unknown, item: { id: string; name: string; closedOn: string | null }) =>
      item.closedOn !== null ? (
        <Button
          size="small"
          type="link"
          onClick={() => setChange({ action: 'reopen', target, id: item.id, name: item.name })}
        >
          恢复
        </Button>
      ) : (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            onClick={() => setChange({ action: 'rename', target, id: item.id, name: item.name })}
          >
            改名
          </Button>
          <Button
            size="small"
            type="link"
            danger
            onClick={() => setChange({ action: 'close', target, id: item.id, name: item.name })}
          >
            {target === 'agency' ? '撤销或合并' : '撤销'}
          </Button>
        </Space>
      ),
  });
  const state = {
    title: '状态',
    key: 'state',
    render: (_: unknown, item: { closedOn: string | null; mergedInto?: string | null }) =>
      item.closedOn === null ? (
        <Tag color="green">现有</Tag>
      ) : item.mergedInto ? (
        <Tag>{`${item.closedOn} 并入${agencyName(item.mergedInto)}`}</Tag>
      ) : (
        <Tag>{`${item.closedOn} 撤销`}</Tag>
      ),
  };
  /** Former names, and the agencies merged into this one. */
  const lineage = (agency: Agency) => {
    const parts = [
      ...agency.formerNames.map((f) => `曾用名 ${f.name}（至${f.renamedOn}改名）`),
      ...props.agencies.filter((a) => a.mergedInto === agency.id).map((a) => `${a.closedOn} 由${a.name}并入`),
    ];
    return parts.length === 0 ? '—' : parts.join('；');
  };
  const regionName = (id: string | null) => props.regions.find((r) => r.id === id)?.name ?? '—';
  const regionOptions = openRegions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }));

  const create = async (path: string, values: Record<string, unknown>, form: typeof regionForm) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post(path, values);
      form.resetFields();
      props.onChanged();
    } catch (e) {
      if (!markFieldErrors(form, e)) setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={showClosed} onChange={setShowClosed} aria-label="显示已撤销" />
        <span>显示已撤销（及已合并）的行政区划和机关</span>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <TableWithAddForm<Region>
            title="行政区划"
            rows={showClosed ? props.regions : openRegions}
            empty="尚未建立行政区划。请在下方填写名称、代码和层级并点“添加”：先建最上级（如某市），再选它为上级建区县。"
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '代码', dataIndex: 'code' },
              { title: '层级', dataIndex: 'level', render: (l: Region['level']) => LEVEL_LABELS[l] },
              { title: '上级', dataIndex: 'parentId', render: regionName },
              ...(showClosed ? [state] : []),
              actions('region'),
            ]}
            form={regionForm}
            onAdd={(v) => create('/regions', v, regionForm)}
            busy={busy}
          >
            <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
              <Input placeholder="名称" aria-label="行政区划名称" />
            </Form.Item>
            <Form.Item name="code" rules={[{ required: true, message: '请填写代码' }]}>
              <Input placeholder="代码" aria-label="行政区划代码" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="level" rules={[{ required: true, message: '请选择层级' }]}>
              <Select
                placeholder="层级"
                aria-label="层级"
                style={{ width: 90 }}
                options={optionsOf(LEVEL_LABELS)}
              />
            </Form.Item>
            <Form.Item name="parentId">
              <Select
                placeholder="上级（可不选）"
                aria-label="上级行政区划"
                allowClear
                style={{ width: 160 }}
                options={regionOptions}
              />
            </Form.Item>
          </TableWithAddForm>
        </Col>
        <Col xs={24} lg={12}>
          <TableWithAddForm<Agency>
            title="机关"
            rows={showClosed ? props.agencies : openAgencies}
            empty={
              openRegions.length === 0
                ? '尚无机关。机关属于某个行政区划：请先在左侧新建行政区划。'
                : '尚未添加机关。请在下方填写机关名称、类别（人民政府或其部门）和所属行政区划并点“添加”。'
            }
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', render: (k: Agency['kind']) => KIND_LABELS[k] },
              { title: '行政区划', dataIndex: 'regionId', render: regionName },
              { title: '沿革', key: 'lineage', render: (_: unknown, a) => lineage(a) },
              ...(showClosed ? [state] : []),
              actions('agency'),
            ]}
            form={agencyForm}
            onAdd={(v) => create('/agencies', v, agencyForm)}
            busy={busy}
          >
            <Form.Item name="name" rules={[{ required: true, message: '请填写机关名称' }]}>
              <Input placeholder="机关名称" aria-label="机关名称" />
            </Form.Item>
            <Form.Item name="kind" rules={[{ required: true, message: '请选择类别' }]}>
              <Select
                placeholder="类别"
                aria-label="机关类别"
                style={{ width: 150 }}
                options={optionsOf(KIND_LABELS)}
              />
            </Form.Item>
            <Form.Item name="regionId" rules={[{ required: true, message: '请选择行政区划' }]}>
              <Select
                placeholder="行政区划"
                aria-label="所属行政区划"
                style={{ width: 160 }}
                options={regionOptions}
              />
            </Form.Item>
          </TableWithAddForm>
        </Col>
      </Row>
      <OrganisationChangeDialog
        change={change}
        agencies={openAgencies}
        onClose={() => setChange(null)}
        onDone={() => {
          setChange(null);
          props.onChanged();
        }}
      />
    </>
  );
}

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A card with a paged table and, below it, an inline form (its items as children) with an “添加” button. */
function TableWithAddForm<Item extends { id: string }>(props: {
  title: string;
  rows: Item[];
  /** What the empty table says to do. */
  empty: string;
  columns: TableColumnsType<Item>;
  form: FormInstance;
  onAdd: (values: Record<string, unknown>) => void;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <Card size="small" title={props.title}>
      <Table<Item>
        rowKey="id"
        size="small"
        dataSource={props.rows}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 'max-content' }}
        columns={props.columns}
        locale={emptyHint(props.empty)}
      />
      <Form form={props.form} layout="inline" onFinish={props.onAdd}>
        {props.children}
        <Button htmlType="submit" loading={props.busy}>
          添加
        </Button>
      </Form>
    </Card>
  );
}
