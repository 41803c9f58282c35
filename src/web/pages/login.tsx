import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, messageOf, rememberCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';

/** Only paths inside the site: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/workspace';
}

export function LoginPage() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (values: { username: string; password: string }) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const session = await api.post<Session>('/auth/login', values, { allowUnauthenticated: true });
      rememberCsrfToken(session.csrfToken);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>工作人员登录</h1>}
      style={{ maxWidth: 420, margin: '40px auto' }}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          登录
        </Button>
      </Form>
    </Card>
  );
}
