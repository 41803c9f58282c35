import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT } from '../../core/organisation/password-rule.ts';
import { api, messageOf, rememberCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { markFieldErrors } from '../components/mark-field-errors.ts';
import { useSession } from '../layout/session.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes one's own password; required before anything else after a generated first password. */
export function PasswordPage() {
  const session = useSession();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: PasswordValues) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const fresh = await api.post<Session>('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      rememberCsrfToken(fresh.csrfToken);
      // A new session began: reload the workspace with it.
      window.location.assign('/workspace');
    } catch (e) {
      markFieldErrors(form, e);
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>修改密码</h1>} style={{ maxWidth: 480 }}>
      {session.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="首次登录须先修改密码，修改后才能使用其他功能。"
          style={{ marginBottom: 16 }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请填写当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={`新密码（${PASSWORD_RULE_TEXT}）`}
          rules={[{ required: true, min: PASSWORD_MIN_LENGTH, message: `新密码${PASSWORD_RULE_TEXT}` }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
