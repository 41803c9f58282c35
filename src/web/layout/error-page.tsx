import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

/** What a user sees instead of a blank page when a page fails or an address is unknown. */
export function ErrorPage({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? '页面不存在' : '页面出现问题'}
      subTitle={missing ? '请检查网址，或回到首页。' : '请刷新页面后重试；如仍有问题，请联系系统管理员。'}
      extra={
        <Button type="primary" href="/">
          回到首页
        </Button>
      }
    />
  );
}
