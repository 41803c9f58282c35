import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT } from '../../../core/organisation/password-rule.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/organisation/role.ts';
import { api, messageOf } from '../../api/client.ts';
import type { Agency, ManagedUser, ManagedUserList, PasswordReset, Region } from '../../api/types.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { markFieldErrors } from '../../components/mark-field-errors.ts';

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId?: string;
  regionId?: string;
}

/** Users: create with a role and its scope, disable and enable, reset a password (administrators only). */
export function UsersTab({
  agencies,
  regions,
  onChanged,
}: {
  agencies: Agency[];
  regions: Region[];
  /** After a user was created, disabled or enabled: the admin home's counts change. */
  onChanged: () => void;
}) {
  const [users, setUsers] = useState<ManagedUser[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);

  const load = useCallback(() => {
    api
      .get<ManagedUserList>('/users')
      .then((r) => setUsers(r.items))
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, []);
  useEffect(load, [load]);

  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? '';
  const regionName = (id: string | null) => regions.find((r) => r.id === id)?.name ?? '';

  const create = async (values: NewUser) => {
    if (busy) return;
    setBusy(true);
    try {
      await api.post('/users', values);
      setCreating(false);
      form.resetFields();
      load();
      onChanged();
    } catch (e) {
      if (!markFieldErrors(form, e)) setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const setDisabled = async (user: ManagedUser, disabled: boolean) => {
    try {
      await api.patch(`/users/${encodeURIComponent(user.id)}`, { disabled });
      load();
      onChanged();
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  const resetPassword = async (user: ManagedUser) => {
    try {
      setReset(await api.post<PasswordReset>(`/users/${encodeURIComponent(user.id)}/password-reset`, {}));
      load();
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" closable onClose={() => setFailure(null)} />
      )}
      <Button type="primary" onClick={() => setCreating(true)}>
        新建用户
      </Button>
      <Table<ManagedUser>
        rowKey="id"
        size="small"
        dataSource={users}
        pagination={{ pageSize: 20 }}
        locale={emptyHint('尚无用户。点“新建用户”为经办人、审核人和主管部门建立账号。')}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
          {
            title: '范围',
            render: (_: unknown, u) => agencyName(u.agencyId) || regionName(u.regionId) || '全部',
          },
          {
            title: '状态',
            render: (_: unknown, u) =>
              u.disabled ? (
                <Tag color="red">已停用</Tag>
              ) : (
                <>
                  <Tag color="green">正常</Tag>
                  {u.loginHeldBackUntil && (
                    <Tag color="orange">
                      某地址登录暂缓至{' '}
                      {new Date(u.loginHeldBackUntil).toLocaleTimeString('zh-CN', {
                        timeZone: 'Asia/Shanghai',
                        hour12: false,
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                    </Tag>
                  )}
                </>
              ),
          },
          {
            title: '启用',
            render: (_: unknown, u) => (
              <Switch
                checked={!u.disabled}
                aria-label={`启用 ${u.username}`}
                onChange={(on) => void setDisabled(u, !on)}
              />
            ),
          },
          {
            title: '密码',
            render: (_: unknown, u) => (
              <Popconfirm
                title={`重置 ${u.username} 的密码？`}
                description="将生成一次性密码；原密码、该用户的登录会话和 API 令牌立即失效。"
                okText="重置"
                cancelText="取消"
                onConfirm={() => resetPassword(u)}
              >
                <Button size="small">重置密码</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        title="已重置密码"
        open={reset !== null}
        onOk={() => setReset(null)}
        onCancel={() => setReset(null)}
        okText="我已记下"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {reset && (
          <>
            <Typography.Paragraph>用户 {reset.username} 的一次性密码（只显示这一次）：</Typography.Paragraph>
            <Typography.Paragraph copyable code data-testid="temporary-password">
              {reset.temporaryPassword}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              请当面或通过可靠渠道告知该用户；用户登录后须先修改密码。
            </Typography.Paragraph>
          </>
        )}
      </Modal>
      <Modal
        title="新建用户"
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="创建"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form<NewUser> form={form} layout="vertical" onFinish={create} initialValues={{ role: 'officer' }}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={`初始密码（${PASSWORD_RULE_TEXT}）`}
            rules={[{ required: true, min: PASSWORD_MIN_LENGTH, message: `密码${PASSWORD_RULE_TEXT}` }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
          </Form.Item>
          {(role === 'officer' || role === 'reviewer') && agencies.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="尚无机关：经办人和审核人须属于某个机关，请先在“行政区划与机关”中新建机关。"
            />
          )}
          {role === 'supervisor' && regions.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="尚无行政区划：主管部门须管辖某个行政区划，请先在“行政区划与机关”中新建。"
            />
          )}
          {(role === 'officer' || role === 'reviewer') && (
            <ScopeItem name="agencyId" label="所属机关" message="请选择所属机关" choices={agencies} />
          )}
          {role === 'supervisor' && (
            <ScopeItem name="regionId" label="管辖的行政区划" message="请选择行政区划" choices={regions} />
          )}
        </Form>
      </Modal>
    </Space>
  );
}

/** A required, searchable choice of the agency or region a user's role is bound to. */
function ScopeItem(props: {
  name: string;
  label: string;
  message: string;
  choices: { id: string; name: string }[];
}) {
  return (
    <Form.Item name={props.name} label={props.label} rules={[{ required: true, message: props.message }]}>
      <Select
        showSearch
        optionFilterProp="label"
        options={props.choices.map((c) => ({ value: c.id, label: c.name }))}
      />
    </Form.Item>
  );
}
